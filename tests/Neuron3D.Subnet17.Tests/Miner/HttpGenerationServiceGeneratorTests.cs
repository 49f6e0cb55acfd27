using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Neuron3D.Assets.Formats.Ply;
using Neuron3D.Subnet17.Miner.Generators;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Tests.Miner;

/// <summary>
/// A scripted SN17 generation service (spec §2.5) on real Kestrel: the adapter must POST a form with the single field
/// <c>prompt</c> to <c>/generate/</c> and turn the PLY answer into splats; anything else is a typed failure.
/// </summary>
public sealed class HttpGenerationServiceGeneratorTests : IAsyncDisposable
{
    private WebApplication? _service;
    private readonly List<(string Path, string? ContentType, Dictionary<string, string> Form)> _requests = [];

    /// <summary>Starts a service whose /generate/ answers with <paramref name="answer"/>.</summary>
    internal static async Task<WebApplication> StartServiceAsync(RequestDelegate answer)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(answer);
        await app.StartAsync();
        return app;
    }

    internal static int PortOf(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;

    private async Task<Uri> ServeAsync(int status, byte[] body)
    {
        _service = await StartServiceAsync(async context =>
        {
            var form = context.Request.HasFormContentType
                ? (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
                : [];
            lock (_requests) _requests.Add((context.Request.Path + "", context.Request.ContentType, form));
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(body);
        });
        return new Uri($"http://127.0.0.1:{PortOf(_service)}/some/path");
    }

    [Fact]
    public async Task Text_task_is_posted_as_a_form_to_generate_and_the_ply_is_parsed()
    {
        var cloud = await new TestGenerator(splats: 1234).GenerateAsync(Sn17Task.NewText("x"), CancellationToken.None);
        var endpoint = await ServeAsync(200, PlySplatWriter.Write(cloud));
        using var generator = new HttpGenerationServiceGenerator(endpoint);

        var result = await generator.GenerateAsync(new Sn17Task("t", TaskKind.Text, "a red chair & a \"blue\" table"), CancellationToken.None);

        Assert.Equal(1234, result.Count);
        Assert.Equal(cloud.Positions, result.Positions);
        var request = Assert.Single(_requests);
        Assert.Equal("/generate/", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("a red chair & a \"blue\" table", Assert.Single(request.Form, f => f.Key == "prompt").Value);
        Assert.Single(request.Form);
        Assert.Equal(new Uri(endpoint, "/generate/"), generator.GenerateUri);
    }

    [Fact]
    public async Task Image_tasks_are_offered_only_to_services_that_decode_images()
    {
        using var textOnly = new HttpGenerationServiceGenerator(new Uri("http://127.0.0.1:8093"));
        using var withImages = new HttpGenerationServiceGenerator(new Uri("http://127.0.0.1:8093"), acceptsImages: true);
        Assert.True(textOnly.Supports(TaskKind.Text));
        Assert.False(textOnly.Supports(TaskKind.Image));
        Assert.True(withImages.Supports(TaskKind.Image));
        Assert.Equal("http http://127.0.0.1:8093", textOnly.Name);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData(500, "boom", "500")]
    [InlineData(200, "", "empty body")]
    [InlineData(200, "not a ply at all", "splat PLY")]
    public async Task Service_failures_are_typed_and_name_the_service(int status, string body, string expected)
    {
        var endpoint = await ServeAsync(status, System.Text.Encoding.UTF8.GetBytes(body));
        using var generator = new HttpGenerationServiceGenerator(endpoint);
        var error = await Assert.ThrowsAsync<GenerationServiceException>(() => generator.GenerateAsync(Sn17Task.NewText("a lamp"), CancellationToken.None));
        Assert.Contains(expected, error.Message);
        Assert.Contains("/generate/", error.Message);
    }

    [Fact]
    public void Endpoints_must_be_absolute_http_addresses()
    {
        Assert.Throws<ArgumentException>(() => new HttpGenerationServiceGenerator(new Uri("ftp://127.0.0.1/")));
        Assert.Throws<ArgumentException>(() => new HttpGenerationServiceGenerator(new Uri("/relative", UriKind.Relative)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null) await _service.DisposeAsync();
    }
}
