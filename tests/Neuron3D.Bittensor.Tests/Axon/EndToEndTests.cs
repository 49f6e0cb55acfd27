using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Bittensor.Tests.Axon;

/// <summary>Our dendrite against our axon over real sockets, with SN17-shaped synapses, and the dendrite's failure mapping.</summary>
public sealed class EndToEndTests
{
    private static Task<AxonTestHost> StartSn17AxonAsync(AxonOptions? options = null) =>
        AxonTestHost.StartAsync((server, host) => server
            .Attach<PullTask>((synapse, info, _) =>
            {
                host.CountHandlerRun();
                Assert.True(info.Verified);
                return ValueTask.FromResult(synapse with
                {
                    Assignment = new TextTask { Id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301", Prompt = "a red chair for " + info.Hotkey },
                    ValidationThreshold = 0.6,
                    ThrottlePeriod = 30,
                });
            })
            .Attach<SubmitResults>((synapse, _, _) =>
            {
                host.CountHandlerRun();
                return ValueTask.FromResult(synapse with
                {
                    Results = "",
                    Signature = "",
                    Feedback = new Feedback { TaskFidelityScore = synapse.Results.Length / 10_000_000.0, CurrentDuelRating = 1500.0 },
                    CooldownUntil = 1_750_000_030,
                });
            }), options);

    [Fact]
    public async Task PullTask_round_trip_merges_the_validators_answer()
    {
        await using var host = await StartSn17AxonAsync();
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
        var answer = await dendrite.CallAsync(host.Target, new PullTask());

        Assert.Equal(200, answer.Dendrite.StatusCode);
        Assert.Equal("Success", answer.Dendrite.StatusMessage);
        Assert.Equal(200, answer.Axon.StatusCode);
        Assert.Equal("a red chair for " + DevKeys.AliceAddress, answer.Assignment?.Prompt);
        Assert.Equal("text", answer.Assignment?.Type);
        Assert.Equal(30, answer.ThrottlePeriod);
        Assert.True(answer.Dendrite.ProcessTime > 0);
        Assert.True(answer.Axon.ProcessTime > 0);
        Assert.Equal(DevKeys.AliceAddress, answer.Dendrite.Hotkey);
        Assert.Equal(dendrite.Uuid, answer.Dendrite.Uuid);
        Assert.Equal("", answer.ComputedBodyHash);
        Assert.Equal(1, host.HandlerRuns);
    }

    [Fact]
    public async Task SubmitResults_with_a_5_MB_results_string_round_trips()
    {
        await using var host = await StartSn17AxonAsync();
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
        var results = Convert.ToBase64String(Enumerable.Range(0, 3_750_000).Select(i => (byte)(i * 31)).ToArray());
        Assert.Equal(5_000_000, results.Length);

        var answer = await dendrite.CallAsync(host.Target,
            new SubmitResults { TaskId = "t-1", Results = results, SubmitTime = 1_750_000_000_000_000_000, Signature = "c2lnbmF0dXJl" },
            TimeSpan.FromSeconds(60));

        Assert.Equal(200, answer.Dendrite.StatusCode);
        Assert.Equal("", answer.Results);
        Assert.Equal("", answer.Signature);
        Assert.Equal(0.5, answer.Feedback?.TaskFidelityScore);
        Assert.Equal(1_750_000_030, answer.CooldownUntil);
        Assert.Equal("t-1", answer.TaskId);
        Assert.Equal(1, host.HandlerRuns);
    }

    [Fact]
    public async Task Many_axons_are_called_concurrently_with_fresh_nonces()
    {
        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => StartSn17AxonAsync()));
        try
        {
            using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
            for (var round = 0; round < 3; round++)
            {
                var answers = await dendrite.CallManyAsync(hosts.Select(h => h.Target), new PullTask());
                Assert.All(answers, a => Assert.Equal(200, a.Dendrite.StatusCode));
                Assert.Equal(hosts.Select(h => (int?)h.Port).ToArray(), answers.Select(a => a.Axon.Port).ToArray());
            }
            Assert.All(hosts, h => Assert.Equal(3, h.HandlerRuns));
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Ping_route_echoes_over_GET_and_POST()
    {
        await using var host = await StartSn17AxonAsync();
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
        var pong = await dendrite.CallAsync(host.Target, new Synapse());
        Assert.Equal(200, pong.Dendrite.StatusCode);
        Assert.Equal("Synapse", pong.Name);

        var prepared = dendrite.Prepare(host.Target, new Synapse(), TimeSpan.FromSeconds(12));
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUri, "/Synapse"));
        foreach (var (name, value) in prepared.Headers) get.Headers.TryAddWithoutValidation(name, value);
        using var response = await host.Http.SendAsync(get);
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Axon_rejections_reach_the_caller_as_axon_status_and_message()
    {
        await using var host = await StartSn17AxonAsync();
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Dave));
        var answer = await dendrite.CallAsync(host.Target, new PullTask());
        Assert.Equal(403, answer.Dendrite.StatusCode);
        Assert.Equal(403, answer.Axon.StatusCode);
        Assert.Equal("Forbidden. Key is blacklisted: hotkey not registered.", answer.Dendrite.StatusMessage);
        Assert.Equal(host.Server.Uuid, answer.Axon.Uuid);
        Assert.Null(answer.Assignment);
    }

    [Fact]
    public async Task Unreachable_axon_is_503()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
        var answer = await dendrite.CallAsync(new AxonTarget("127.0.0.1", port, DevKeys.BobAddress), new PullTask(), TimeSpan.FromSeconds(5));
        Assert.Equal(503, answer.Dendrite.StatusCode);
        Assert.Equal($"Service unavailable at 127.0.0.1:{port}/PullTask", answer.Dendrite.StatusMessage);
    }

    [Fact]
    public async Task Slow_axon_is_408_at_the_callers_timeout()
    {
        await using var host = await AxonTestHost.StartAsync((server, _) => server.Attach<PullTask>(async (synapse, _, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), token);
            return synapse;
        }));
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
        var answer = await dendrite.CallAsync(host.Target, new PullTask(), TimeSpan.FromSeconds(0.5));
        Assert.Equal(408, answer.Dendrite.StatusCode);
        Assert.Equal("Request timeout after 0.5 seconds", answer.Dendrite.StatusMessage);
        Assert.InRange(answer.Dendrite.ProcessTime!.Value, 0.4, 4);
    }

    [Fact]
    public async Task Caller_cancellation_throws_instead_of_answering()
    {
        await using var host = await AxonTestHost.StartAsync((server, _) => server.Attach<PullTask>(async (synapse, _, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), token);
            return synapse;
        }));
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dendrite.CallAsync(host.Target, new PullTask(), TimeSpan.FromSeconds(10), cancel.Token));
    }

    public static TheoryData<int, string, string, int> NonSynapseAnswers => new()
    {
        { 200, "text/plain", "hello", 422 },              // not JSON: the Python dendrite's response.json() fails
        { 200, "application/json", "{\"task\": 5}", 422 }, // JSON, but not a PullTask
        { 200, "application/json", "{not json", 422 },
        { 502, "application/json", "{\"message\": \"bad gateway\"}", 502 },
    };

    [Theory]
    [MemberData(nameof(NonSynapseAnswers))]
    public async Task Answers_that_are_not_synapses_map_to_the_spec_codes(int status, string contentType, string body, int expected)
    {
        await using var server = await PlainServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
        var answer = await dendrite.CallAsync(new AxonTarget("127.0.0.1", server.Port, DevKeys.BobAddress), new PullTask(), TimeSpan.FromSeconds(5));
        Assert.Equal(expected, answer.Dendrite.StatusCode);
        if (expected == 422) Assert.StartsWith("Failed to parse response: ", answer.Dendrite.StatusMessage);
        if (expected == 502) Assert.Equal("bad gateway", answer.Dendrite.StatusMessage);
    }

    [Fact]
    public async Task Oversized_answers_are_400()
    {
        await using var server = await PlainServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("\"" + new string('x', 100_000) + "\"");
        });
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice), new DendriteOptions { MaxResponseBodySize = 10_000 });
        var answer = await dendrite.CallAsync(new AxonTarget("127.0.0.1", server.Port, DevKeys.BobAddress), new PullTask(), TimeSpan.FromSeconds(5));
        Assert.Equal(400, answer.Dendrite.StatusCode);
        Assert.StartsWith("Payload error", answer.Dendrite.StatusMessage);
    }

    [Fact]
    public void Nonces_strictly_increase_even_when_the_clock_stands_still()
    {
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice), time: SettableClock.AtUnixNanoseconds(1_750_000_000_000_000_000));
        var nonces = Enumerable.Range(0, 1000).AsParallel().Select(_ => dendrite.NextNonce()).ToArray();
        Assert.Equal(1000, nonces.Distinct().Count());
        Assert.Equal(1_750_000_000_000_000_000, nonces.Min());
        Assert.Equal(1_750_000_000_000_000_999, nonces.Max());
    }

    [Fact]
    public void Targets_parse_from_ip_and_port()
    {
        Assert.Equal(new AxonTarget("203.0.113.7", 8091, "k"), AxonTarget.Parse("203.0.113.7:8091", "k"));
        Assert.Equal(new AxonTarget("2001:db8::1", 8091, "k"), AxonTarget.Parse("[2001:db8::1]:8091", "k"));
        Assert.Throws<FormatException>(() => AxonTarget.Parse("203.0.113.7", "k"));
        Assert.Throws<FormatException>(() => AxonTarget.Parse("host:80", "k"));
    }

    /// <summary>A bare Kestrel endpoint that is not an axon, for the dendrite's failure mapping.</summary>
    private sealed class PlainServer : IAsyncDisposable
    {
        private readonly WebApplication app;

        private PlainServer(WebApplication app, int port)
        {
            this.app = app;
            Port = port;
        }

        public int Port { get; }

        public static async Task<PlainServer> StartAsync(RequestDelegate handler)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
            var app = builder.Build();
            app.Run(handler);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new PlainServer(app, new Uri(address).Port);
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
