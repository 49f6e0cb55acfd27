using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Neuron3D.Generation.Backends;

namespace Neuron3D.Generation.Tests;

/// <summary>The HTTP backend against `generate serve` (GenerationServer on Kestrel), and against broken services.</summary>
public sealed class BackendTests
{
    private static GenerationServerOptions Loopback => new() { Port = 0, MaxConcurrentGenerations = 1 };

    [Fact]
    public async Task HttpBackendAndServerRoundTripTheSplatPly()
    {
        await using var server = await GenerationServer.StartAsync(new ProceduralBackend(), Loopback);
        using var client = new HttpGenerationBackend(new HttpBackendOptions { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) });
        var remote = await client.GenerateAsync("a red mushroom with white spots", 7);
        var local = ProceduralGenerator.Default.Generate("a red mushroom with white spots", 7);
        Assert.Equal(local.ToSplatPly(), remote.Ply);
        Assert.Equal(local.Splats.Count, remote.Splats.Count);
        Assert.Null(remote.Procedural);
    }

    [Fact]
    public async Task ServerRejectsAMissingPromptWithA400ThatTheClientReports()
    {
        await using var server = await GenerationServer.StartAsync(new ProceduralBackend(), Loopback);
        using var http = new HttpClient();
        var response = await http.PostAsync(new Uri(server.Address, "generate/"), new FormUrlEncodedContent([new("seed", "1")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("prompt", await response.Content.ReadAsStringAsync());

        using var client = new HttpGenerationBackend(new HttpBackendOptions { BaseAddress = server.Address });
        var error = await Assert.ThrowsAsync<GenerationBackendException>(() => client.GenerateAsync(" "));
        Assert.Contains("400", error.Message);
    }

    [Fact]
    public async Task StalledServiceEndsInAClearErrorWithinTheTimeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        // Accept the connection and never answer.
        var accepting = listener.AcceptTcpClientAsync();
        using var client = new HttpGenerationBackend(new HttpBackendOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<GenerationBackendException>(() => client.GenerateAsync("a chair"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("within 1 s", error.Message);
        (await accepting).Dispose();
    }

    [Fact]
    public async Task FailingServiceIsReportedWithItsStatus()
    {
        await using var server = await GenerationServer.StartAsync(new FailingBackend(), Loopback);
        using var client = new HttpGenerationBackend(new HttpBackendOptions { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) });
        var error = await Assert.ThrowsAsync<GenerationBackendException>(() => client.GenerateAsync("a chair"));
        Assert.Contains("500", error.Message);
        Assert.Contains("GPU out of memory", error.Message);
    }

    [Fact]
    public async Task UnreachableServiceIsReported()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new HttpGenerationBackend(new HttpBackendOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) });
        var error = await Assert.ThrowsAsync<GenerationBackendException>(() => client.GenerateAsync("a chair"));
        Assert.Contains("cannot reach", error.Message);
    }

    [Fact]
    public async Task ServiceReturningGarbageIsReportedAsAnUnusablePly()
    {
        await using var server = await GenerationServer.StartAsync(new GarbageBackend(), Loopback);
        using var client = new HttpGenerationBackend(new HttpBackendOptions { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) });
        var error = await Assert.ThrowsAsync<GenerationBackendException>(() => client.GenerateAsync("a chair"));
        Assert.Contains("unusable PLY", error.Message);
    }

    [Fact]
    public async Task ServerTimesOutASlowBackendWith503()
    {
        await using var server = await GenerationServer.StartAsync(new SlowBackend(), Loopback with { GenerationTimeout = TimeSpan.FromMilliseconds(300) });
        using var client = new HttpGenerationBackend(new HttpBackendOptions { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) });
        var error = await Assert.ThrowsAsync<GenerationBackendException>(() => client.GenerateAsync("a chair"));
        Assert.Contains("503", error.Message);
    }

    [Fact]
    public async Task ProceduralBackendHonoursCancellationAndReportsBadPrompts()
    {
        var backend = new ProceduralBackend();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.GenerateAsync("a chair", 0, cancelled.Token));
        var error = await Assert.ThrowsAsync<GenerationBackendException>(() => backend.GenerateAsync(""));
        Assert.StartsWith("procedural:", error.Message);
    }

    private sealed class FailingBackend : IGenerationBackend
    {
        public string Name => "failing";
        public Task<BackendOutput> GenerateAsync(string prompt, long seed = 0, CancellationToken cancellationToken = default) =>
            throw new GenerationBackendException(Name, "GPU out of memory");
    }

    private sealed class GarbageBackend : IGenerationBackend
    {
        public string Name => "garbage";
        public Task<BackendOutput> GenerateAsync(string prompt, long seed = 0, CancellationToken cancellationToken = default) =>
            Task.FromResult(new BackendOutput(Name, "not a ply"u8.ToArray(), new Assets.Splats.SplatCloud(0, 0), null, TimeSpan.Zero));
    }

    private sealed class SlowBackend : IGenerationBackend
    {
        public string Name => "slow";
        public async Task<BackendOutput> GenerateAsync(string prompt, long seed = 0, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
