using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator.Scoring;

namespace Neuron3D.Subnet17.Tests.Validator.Scoring;

/// <summary>
/// Against a stand-in of the SN17 validation service on real Kestrel (the GPU service itself can't run here): it
/// records what our client sends and answers like serve.py does.
/// </summary>
public sealed class ValidationServiceScorerTests : IAsyncDisposable
{
    private readonly List<(string Path, JsonNode Body)> _requests = [];
    private Func<HttpContext, Task> _answer = ctx => ctx.Response.WriteAsJsonAsync(new { score = 0.77, iqa = 0.8, alignment_score = 0.9, ssim = 0.95, lpips = 0.1, preview = (string?)null, grid_preview = Convert.ToBase64String([1, 2, 3]) });
    private WebApplication? _app;

    private async Task<Uri> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/{path}/", async (HttpContext ctx, string path) =>
        {
            _requests.Add((path, (await JsonNode.ParseAsync(ctx.Request.Body))!));
            await _answer(ctx);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    [Fact]
    public async Task Text_task_is_sent_as_the_service_expects_and_the_answer_is_read()
    {
        var scorer = new ValidationServiceScorer(new HttpClient(), await StartAsync(), TimeSpan.FromSeconds(10));
        var report = await scorer.ScoreAsync(new Sn17Task("t1", TaskKind.Text, "a red chair"), new byte[] { 9, 8, 7 },
            new ScoreRequestOptions(GridPreview: true), CancellationToken.None);

        Assert.NotNull(report);
        Assert.Equal(0.77, report.Score);
        Assert.Equal(0.9, report.Alignment);
        Assert.Equal(new byte[] { 1, 2, 3 }, report.GridPreviewPng);
        Assert.Null(report.PreviewPng);

        var (path, body) = Assert.Single(_requests);
        Assert.Equal("validate_txt_to_3d_ply", path);
        Assert.Equal("a red chair", body["prompt"]!.GetValue<string>());
        Assert.Null(body["prompt_image"]);
        Assert.Equal("CQgH", body["data"]!.GetValue<string>());
        Assert.Equal(2, body["compression"]!.GetValue<int>());
        Assert.True(body["generate_grid_preview"]!.GetValue<bool>());
        Assert.False(body["generate_single_preview"]!.GetValue<bool>());
        Assert.Equal(0.5, body["preview_score_threshold"]!.GetValue<double>());
    }

    [Fact]
    public async Task Image_task_goes_to_the_image_route_with_prompt_image()
    {
        var scorer = new ValidationServiceScorer(new HttpClient(), await StartAsync(), TimeSpan.FromSeconds(10));
        await scorer.ScoreAsync(new Sn17Task("t2", TaskKind.Image, "iVBORw0KGgo="), new byte[] { 1 }, new(), CancellationToken.None);
        var (path, body) = Assert.Single(_requests);
        Assert.Equal("validate_img_to_3d_ply", path);
        Assert.Equal("iVBORw0KGgo=", body["prompt_image"]!.GetValue<string>());
        Assert.Null(body["prompt"]);
    }

    [Fact]
    public async Task Errors_garbage_and_stalls_are_scorer_failures_within_the_timeout()
    {
        var endpoint = await StartAsync();
        var scorer = new ValidationServiceScorer(new HttpClient(), endpoint, TimeSpan.FromMilliseconds(500));
        var task = new Sn17Task("t3", TaskKind.Text, "a lamp");

        _answer = ctx => { ctx.Response.StatusCode = 500; return Task.CompletedTask; };
        Assert.Null(await scorer.ScoreAsync(task, new byte[] { 1 }, new(), CancellationToken.None));

        _answer = ctx => ctx.Response.WriteAsync("{not json");
        Assert.Null(await scorer.ScoreAsync(task, new byte[] { 1 }, new(), CancellationToken.None));

        _answer = async ctx => await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted);
        var started = DateTime.UtcNow;
        Assert.Null(await scorer.ScoreAsync(task, new byte[] { 1 }, new(), CancellationToken.None));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));

        var unreachable = new ValidationServiceScorer(new HttpClient(), new Uri("http://127.0.0.1:1"), TimeSpan.FromSeconds(2));
        Assert.Null(await unreachable.ScoreAsync(task, new byte[] { 1 }, new(), CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
