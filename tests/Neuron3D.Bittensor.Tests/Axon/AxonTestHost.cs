using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Tests.Axon;

/// <summary>Well-known dev keys (spec §3): the worked example has dendrite //Alice and axon //Bob.</summary>
internal static class DevKeys
{
    public static readonly Sr25519Keypair Alice = Sr25519Keypair.FromUri("//Alice");
    public static readonly Sr25519Keypair Bob = Sr25519Keypair.FromUri("//Bob");
    public static readonly Sr25519Keypair Charlie = Sr25519Keypair.FromUri("//Charlie");
    public static readonly Sr25519Keypair Dave = Sr25519Keypair.FromUri("//Dave");

    public const string AliceAddress = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    public const string BobAddress = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
}

/// <summary>A clock whose wall time the test sets; timestamps (rate limits, durations) stay real.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static SettableClock AtUnixNanoseconds(long nanoseconds) =>
        new(DateTimeOffset.UnixEpoch.AddTicks(nanoseconds / 100));

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Collects log entries so tests can check that rejections are logged with their facts.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(this);

    public void Dispose() { }

    private sealed class CollectingLogger(CollectingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}

/// <summary>
/// A real axon (Kestrel on 127.0.0.1, ephemeral port) with hotkey //Bob, //Alice and //Charlie registered, a
/// counter of handler runs, and helpers to send hand-made requests.
/// </summary>
internal sealed class AxonTestHost : IAsyncDisposable
{
    private readonly AxonServer server;
    private int handlerRuns;

    private AxonTestHost(AxonServer server, CollectingLoggerProvider logs, HttpClient http)
    {
        this.server = server;
        Logs = logs;
        Http = http;
    }

    public CollectingLoggerProvider Logs { get; }
    public HttpClient Http { get; }
    public int HandlerRuns => Volatile.Read(ref handlerRuns);
    public int Port => server.Port;
    public AxonServer Server => server;
    public AxonTarget Target => new("127.0.0.1", server.Port, server.Hotkey);
    public Uri BaseUri => new($"http://127.0.0.1:{server.Port}");

    public void CountHandlerRun() => Interlocked.Increment(ref handlerRuns);

    /// <summary>Starts an axon; <paramref name="attach"/> adds routes (use <see cref="CountHandlerRun"/> in handlers).</summary>
    public static async Task<AxonTestHost> StartAsync(Action<AxonServer, AxonTestHost> attach, AxonOptions? options = null,
        TimeProvider? clock = null, IAxonBlacklist? blacklist = null)
    {
        var logs = new CollectingLoggerProvider();
        var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var directory = new AxonPeerDirectory(
        [
            new AxonPeer(DevKeys.Alice.Ss58Address, 0, 1_000_000_000, true),
            new AxonPeer(DevKeys.Charlie.Ss58Address, 2, 10, false),
        ]);
        var server = new AxonServer(DevKeys.Bob.Ss58Address, new Sr25519SynapseVerifier(), blacklist ?? new MetagraphBlacklist(directory),
            (options ?? new AxonOptions()) with { BindIp = "127.0.0.1", Port = 0 }, loggerFactory, clock);
        var host = new AxonTestHost(server, logs, new HttpClient { Timeout = TimeSpan.FromSeconds(30) });
        attach(server, host);
        await server.StartAsync();
        return host;
    }

    /// <summary>POSTs a prepared request, optionally with header edits (null value = remove) and another body.</summary>
    public Task<HttpResponseMessage> SendAsync(PreparedSynapseRequest prepared, IReadOnlyDictionary<string, string?>? headerEdits = null,
        byte[]? body = null, string? path = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri, path ?? prepared.Url.AbsolutePath));
        foreach (var (name, value) in prepared.Headers)
            if (headerEdits is null || !headerEdits.ContainsKey(name))
                message.Headers.TryAddWithoutValidation(name, value);
        if (headerEdits is not null)
            foreach (var (name, value) in headerEdits)
                if (value is not null) message.Headers.TryAddWithoutValidation(name, value);
        message.Content = new ByteArrayContent(body ?? prepared.Body.ToArray());
        message.Content.Headers.ContentType = new("application/json");
        return Http.SendAsync(message);
    }

    public bool Logged(string fragment) => Logs.Entries.Any(entry => entry.Message.Contains(fragment, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await server.DisposeAsync();
    }
}
