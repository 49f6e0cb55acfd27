using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Formats.Ply;
using Neuron3D.Generation.Backends;
using Neuron3D.Subnet17.Miner.Generators;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Tests.Miner;

/// <summary>
/// The miner's adapter over the generation backends: the built-in procedural backend, and a scripted SN17 generation
/// service (spec §2.5) on real Kestrel behind <see cref="HttpGenerationBackend"/>.
/// </summary>
public sealed class BackendGeneratorTests : IAsyncDisposable
{
    private WebApplication? _service;
    private readonly List<(string Path, Dictionary<string, string> Form)> _requests = [];

    private async Task<Uri> ServeAsync(int status, byte[] body)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _service = builder.Build();
        _service.Run(async context =>
        {
            var form = context.Request.HasFormContentType
                ? (await context.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
                : [];
            lock (_requests) _requests.Add((context.Request.Path.ToString(), form));
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(body);
        });
        await _service.StartAsync();
        var address = _service.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address);
    }

    [Fact]
    public async Task Builtin_backend_gives_splats_that_pass_the_validators_structural_checks()
    {
        using var generator = new BackendGenerator(new ProceduralBackend());
        var cloud = await generator.GenerateAsync(new Sn17Task("task-7", TaskKind.Text, "a red wooden chair"), CancellationToken.None);
        var report = SplatChecks.Check(cloud);
        Assert.True(report.Passed, string.Join(", ", report.FailedRules));
        Assert.Equal("procedural", generator.Name);
    }

    [Fact]
    public async Task The_same_task_gives_the_same_asset_and_images_need_a_capable_backend()
    {
        using var generator = new BackendGenerator(new ProceduralBackend());
        var task = new Sn17Task("task-8", TaskKind.Text, "a small blue lamp");
        var first = await generator.GenerateAsync(task, CancellationToken.None);
        var second = await generator.GenerateAsync(task, CancellationToken.None);
        Assert.Equal(first.Positions, second.Positions);
        Assert.False(generator.Supports(TaskKind.Image));
        Assert.True(new BackendGenerator(new ProceduralBackend(), acceptsImages: true).Supports(TaskKind.Image));
        Assert.NotEqual(BackendGenerator.SeedOf("task-8"), BackendGenerator.SeedOf("task-9"));
    }

    [Fact]
    public async Task Service_task_is_posted_to_generate_with_the_prompt_and_its_ply_becomes_the_splats()
    {
        var cloud = await new TestGenerator(splats: 1234).GenerateAsync(Sn17Task.NewText("x"), CancellationToken.None);
        var endpoint = await ServeAsync(200, PlySplatWriter.Write(cloud));
        using var generator = new BackendGenerator(new HttpGenerationBackend(new HttpBackendOptions { BaseAddress = endpoint }));

        var result = await generator.GenerateAsync(new Sn17Task("t", TaskKind.Text, "a red chair & a \"blue\" table"), CancellationToken.None);

        Assert.Equal(cloud.Positions, result.Positions);
        var request = Assert.Single(_requests);
        Assert.Equal("/generate/", request.Path);
        Assert.Equal("a red chair & a \"blue\" table", request.Form["prompt"]);
    }

    [Theory]
    [InlineData(500, "boom")]
    [InlineData(200, "not a ply at all")]
    public async Task Service_failures_are_typed_backend_errors(int status, string body)
    {
        var endpoint = await ServeAsync(status, System.Text.Encoding.UTF8.GetBytes(body));
        using var generator = new BackendGenerator(new HttpGenerationBackend(new HttpBackendOptions { BaseAddress = endpoint }));
        await Assert.ThrowsAsync<GenerationBackendException>(() => generator.GenerateAsync(Sn17Task.NewText("a lamp"), CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null) await _service.DisposeAsync();
    }
}
