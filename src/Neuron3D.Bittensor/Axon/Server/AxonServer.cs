using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Bittensor.Axon.Server;

/// <summary>
/// The synapse server (Python <c>Axon</c>) on Kestrel: one route per attached synapse plus the <c>/Synapse</c> ping.
/// Every request goes through, in this order (spec §1.6, hardened): route lookup (404), size limit before the body
/// is read (413), strict header parsing (400), blacklist (403), nonce rules and signature against our own hotkey
/// (401), per-hotkey rate limit (429), bounded priority queue (503 when full, 408 when the budget runs out while
/// queued), body parsing and body-hash check (500), the handler under a timeout (408; exceptions → 500).
/// Rejections never run the handler, answer <c>{"message": …}</c> with the synapse headers, and are logged.
/// </summary>
public sealed class AxonServer : IAsyncDisposable
{
    private const int MaxSynapseTimeoutSeconds = 3600;

    private readonly AxonOptions options;
    private readonly ISynapseSignatureVerifier verifier;
    private readonly IAxonBlacklist blacklist;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly Dictionary<string, AxonRoute> routes = new(StringComparer.Ordinal);
    private readonly NonceTracker nonces;
    private readonly HotkeyRateLimiter rateLimiter;
    private readonly PriorityGate gate;
    private WebApplication? app;

    /// <summary>Creates an axon that verifies callers against <paramref name="hotkey"/> (our SS58 address).</summary>
    /// <param name="hotkey">Our hotkey address; dendrites must sign for it.</param>
    /// <param name="verifier">Signature verification (sr25519).</param>
    /// <param name="blacklist">Who may call: <see cref="MetagraphBlacklist"/> in production.</param>
    /// <param name="options">Limits and addresses (default <see cref="AxonOptions"/>).</param>
    /// <param name="loggerFactory">Where rejections and failures are logged (default: nowhere).</param>
    /// <param name="time">Clock for nonces and rate limits (default: the system clock).</param>
    public AxonServer(string hotkey, ISynapseSignatureVerifier verifier, IAxonBlacklist blacklist, AxonOptions? options = null,
        ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        this.options = options ?? new AxonOptions();
        this.options.Validate();
        Hotkey = hotkey;
        this.verifier = verifier;
        this.blacklist = blacklist;
        this.loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        logger = this.loggerFactory.CreateLogger<AxonServer>();
        this.time = time ?? TimeProvider.System;
        nonces = new NonceTracker(this.options.HandlerTimeout, this.options.MaxNonceClockSkew);
        rateLimiter = new HotkeyRateLimiter(this.options.RateLimitPerHotkey, this.options.RateLimitBurst, this.time);
        gate = new PriorityGate(this.options.MaxWorkers, this.options.MaxQueue);
        Attach<Synapse>(static (synapse, _, _) => ValueTask.FromResult(synapse));
    }

    /// <summary>Our hotkey (SS58).</summary>
    public string Hotkey { get; }

    /// <summary>This axon instance's id, sent as <c>axon.uuid</c> on error responses.</summary>
    public string Uuid { get; } = Guid.NewGuid().ToString();

    /// <summary>The bound TCP port (resolves port 0 once started).</summary>
    public int Port { get; private set; }

    /// <summary>The attached synapse names (route names).</summary>
    public IReadOnlyCollection<string> SynapseNames => routes.Keys;

    /// <summary>What to publish with <c>serve_axon</c>: external (else bound) address and port.</summary>
    /// <exception cref="FormatException">No usable external IP is configured.</exception>
    public AxonInfo PublishedInfo => AxonInfo.Create(options.ExternalIp ?? options.BindIp, options.ExternalPort ?? Port);

    /// <summary>
    /// Serves <typeparamref name="T"/> at <c>/Name</c>. <paramref name="forward"/> receives the body-parsed synapse
    /// and the request's header view, and returns the answer; its cancellation token fires at the handler timeout
    /// or when the caller disconnects. Attach before <see cref="StartAsync"/>.
    /// </summary>
    /// <param name="forward">The handler.</param>
    /// <param name="priority">Queue priority from the headers (higher first; default 0 for all).</param>
    /// <param name="blacklist">Replaces the axon-wide blacklist for this route.</param>
    /// <param name="maxRequestBodySize">Replaces <see cref="AxonOptions.MaxRequestBodySize"/> for this route (bytes).</param>
    public AxonServer Attach<T>(Func<T, SynapseRequestInfo, CancellationToken, ValueTask<T>> forward,
        Func<SynapseRequestInfo, double>? priority = null, IAxonBlacklist? blacklist = null, long? maxRequestBodySize = null)
        where T : Synapse
    {
        if (app is not null) throw new InvalidOperationException("Attach synapses before starting the axon.");
        var descriptor = SynapseDescriptor.For<T>();
        routes[descriptor.Name] = new AxonRoute(
            descriptor,
            async (synapse, info, token) => await forward((T)synapse, info, token).ConfigureAwait(false),
            blacklist ?? this.blacklist,
            priority,
            Math.Min(maxRequestBodySize ?? options.MaxRequestBodySize, options.MaxRequestBodySize));
        return this;
    }

    /// <summary>Starts listening.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (app is not null) throw new InvalidOperationException("The axon is already started.");
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            var limits = kestrel.Limits;
            limits.MaxRequestBodySize = options.MaxRequestBodySize;
            limits.MaxRequestHeadersTotalSize = options.MaxRequestHeadersTotalSize;
            limits.MaxRequestHeaderCount = options.MaxRequestHeaderCount;
            limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
            limits.MinRequestBodyDataRate = new MinDataRate(options.MinRequestBodyBytesPerSecond, options.MinRequestBodyGracePeriod);
            limits.MaxConcurrentConnections = options.MaxConnections;
            limits.MaxConcurrentUpgradedConnections = 0;
            kestrel.Listen(IPAddress.Parse(options.BindIp), options.Port, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var built = builder.Build();
        built.Run(HandleAsync);
        await built.StartAsync(cancellationToken).ConfigureAwait(false);
        app = built;

        var address = built.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Port = new Uri(address).Port;
        AxonLog.Started(logger, Hotkey, address, Uuid, string.Join(", ", routes.Keys));
    }

    /// <summary>Stops accepting requests and waits (bounded by <paramref name="cancellationToken"/>) for running ones.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (app is { } running)
        {
            app = null;
            await running.StopAsync(cancellationToken).ConfigureAwait(false);
            await running.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        var name = FirstSegment(request.Path.Value);
        var peerIp = context.Connection.RemoteIpAddress;

        if (!routes.TryGetValue(name, out var route))
        {
            await RejectAsync(context, null, null, started, StatusCodes.Status404NotFound,
                $"Synapse name '{name}' not found. Available synapses [{string.Join(", ", routes.Keys.Select(k => "'" + k + "'"))}]",
                "unknown synapse", LogLevel.Information).ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsGet(request.Method))
        {
            await RejectAsync(context, route, null, started, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed", "method " + request.Method, LogLevel.Information).ConfigureAwait(false);
            return;
        }

        // 1. Size: refuse before a byte of the body is read; chunked bodies are cut by Kestrel at the same limit.
        if (request.ContentLength > route.MaxRequestBodySize)
        {
            await RejectAsync(context, route, null, started, StatusCodes.Status413PayloadTooLarge,
                $"Request body of {request.ContentLength} bytes exceeds the {route.MaxRequestBodySize}-byte limit", "body too large", LogLevel.Warning).ConfigureAwait(false);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = route.MaxRequestBodySize;

        // 2. Headers.
        if (!AxonRequestHead.TryParse(request.Headers, out var timeoutSeconds, out var dendrite, out var axon, out var bodyHashHeader, out var problem))
        {
            await RejectAsync(context, route, null, started, StatusCodes.Status400BadRequest, "Improperly formatted request: " + problem, problem, LogLevel.Warning).ConfigureAwait(false);
            return;
        }
        timeoutSeconds = Math.Min(timeoutSeconds, MaxSynapseTimeoutSeconds);
        var info = new SynapseRequestInfo(route.Descriptor.Name, timeoutSeconds,
            dendrite with { Ip = peerIp?.ToString(), Port = context.Connection.RemotePort }, axon, bodyHashHeader, peerIp, context.Connection.RemotePort);

        // 3. Blacklist (sees the claimed hotkey; verification follows).
        if (route.Blacklist.Refuse(info) is { } blacklisted)
        {
            await RejectAsync(context, route, info, started, StatusCodes.Status403Forbidden, $"Forbidden. Key is blacklisted: {blacklisted}.", "blacklisted: " + blacklisted, LogLevel.Warning).ConfigureAwait(false);
            return;
        }

        // 4. Nonce and signature.
        if (Verify(info) is { } notVerified)
        {
            await RejectAsync(context, route, info, started, StatusCodes.Status401Unauthorized, "Not Verified with error: " + notVerified.Message,
                "not verified: " + notVerified.Reason, LogLevel.Warning).ConfigureAwait(false);
            return;
        }

        // 5. Rate per verified hotkey (unsigned requests, where allowed, are limited per peer address).
        var rateKey = info.Verified ? info.Hotkey! : "ip:" + peerIp;
        if (!rateLimiter.TryAcquire(rateKey))
        {
            await RejectAsync(context, route, info, started, StatusCodes.Status429TooManyRequests, "Too many requests from this hotkey", "rate limited", LogLevel.Information).ConfigureAwait(false);
            return;
        }

        // 6. Scheduling: the time budget covers queueing and the handler.
        var budget = TimeSpan.FromSeconds(Math.Min(timeoutSeconds, options.HandlerTimeout.TotalSeconds));
        var entered = gate.TryEnter(route.Priority?.Invoke(info) ?? 0);
        if (entered is null)
        {
            await RejectAsync(context, route, info, started, StatusCodes.Status503ServiceUnavailable, "Service unavailable: the request queue is full", "queue full", LogLevel.Information).ConfigureAwait(false);
            return;
        }
        if (!entered.IsCompleted)
        {
            try
            {
                await entered.WaitAsync(Remaining(started, budget), context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                if (!gate.Abandon(entered)) gate.Release();
                if (e is TimeoutException)
                    await RejectAsync(context, route, info, started, StatusCodes.Status408RequestTimeout, TimeoutMessage(timeoutSeconds), "timed out in queue", LogLevel.Information).ConfigureAwait(false);
                return;
            }
        }

        var releaseByHandler = false;
        try
        {
            releaseByHandler = await RunAsync(context, route, info, started, budget).ConfigureAwait(false);
        }
        finally
        {
            if (!releaseByHandler) gate.Release();
        }
    }

    /// <summary>Steps 7–9 while holding a worker slot; true when the handler task took over releasing it.</summary>
    private async Task<bool> RunAsync(HttpContext context, AxonRoute route, SynapseRequestInfo info, long started, TimeSpan budget)
    {
        Synapse parsed;
        try
        {
            parsed = await ReadBodyAsync(context.Request.BodyReader, route.Descriptor.Type, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e)
        {
            await RejectAsync(context, route, info, started, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request body",
                "body rejected by Kestrel: " + e.StatusCode, LogLevel.Warning).ConfigureAwait(false);
            return false;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ConnectionResetException)
        {
            return false; // the client went away mid-body
        }
        catch (SynapseFormatException e)
        {
            await FailAsync(context, route, info, started, null, e.Message).ConfigureAwait(false);
            return false;
        }

        var expectedHash = BodyHash.Compute(parsed);
        if (!string.Equals(expectedHash, info.ComputedBodyHash, StringComparison.Ordinal))
        {
            await FailAsync(context, route, info, started, null, "body hash does not match the computed_body_hash header").ConfigureAwait(false);
            return false;
        }

        var handlerCancellation = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        Task<Synapse> handler;
        try
        {
            handler = route.Forward(parsed, info, handlerCancellation.Token).AsTask();
        }
        catch (Exception e)
        {
            handlerCancellation.Dispose();
            await FailAsync(context, route, info, started, e, "handler threw").ConfigureAwait(false);
            return false;
        }
        // The slot stays taken until the handler really ends, even past its timeout, so MaxWorkers bounds real work.
        _ = handler.ContinueWith(static (_, state) =>
        {
            var (gate, cancellation) = ((PriorityGate, CancellationTokenSource))state!;
            gate.Release();
            cancellation.Dispose();
        }, (gate, handlerCancellation), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        Synapse result;
        try
        {
            result = await handler.WaitAsync(Remaining(started, budget), context.RequestAborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await handlerCancellation.CancelAsync().ConfigureAwait(false);
            await RejectAsync(context, route, info, started, StatusCodes.Status408RequestTimeout, TimeoutMessage(info.TimeoutSeconds), "handler timed out", LogLevel.Warning).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return true;
        }
        catch (Exception e)
        {
            await FailAsync(context, route, info, started, e, "handler threw").ConfigureAwait(false);
            return true;
        }

        await RespondAsync(context, route, info, started, result).ConfigureAwait(false);
        return true;
    }

    private async Task RespondAsync(HttpContext context, AxonRoute route, SynapseRequestInfo info, long started, Synapse? result)
    {
        if (result is null || result.GetType() != route.Descriptor.Type)
        {
            await FailAsync(context, route, info, started, null, "handler returned " + (result is null ? "null" : result.GetType().Name)).ConfigureAwait(false);
            return;
        }
        var status = result.Axon.StatusCode ?? StatusCodes.Status200OK;
        if (status is < 100 or > 599) status = StatusCodes.Status500InternalServerError;
        var answer = result with
        {
            Axon = result.Axon with
            {
                StatusCode = status,
                StatusMessage = result.Axon.StatusMessage ?? (status == StatusCodes.Status200OK ? "Success" : null),
                ProcessTime = Stopwatch.GetElapsedTime(started).TotalSeconds,
            },
        };
        byte[] body;
        string bodyHash;
        try
        {
            body = SynapseJson.Serialize(answer);
            bodyHash = BodyHash.Compute(answer);
        }
        catch (SynapseFormatException e)
        {
            await FailAsync(context, route, info, started, e, "answer cannot be serialized").ConfigureAwait(false);
            return;
        }
        await WriteAsync(context, status, SynapseHeaders.Build(answer, bodyHash, body.Length), body).ConfigureAwait(false);
    }

    /// <summary>
    /// Spec §1.6 step 3: null when verified, else the text for the caller (Python's wording) and a shorter reason for
    /// the log. Records the nonce only after a valid signature.
    /// </summary>
    private (string Message, string Reason)? Verify(SynapseRequestInfo info)
    {
        var dendrite = info.Dendrite;
        if (dendrite.Nonce is not { } nonce) return ("missing nonce", "missing nonce");
        if (dendrite.Hotkey is not { Length: > 0 } hotkey) return ("missing hotkey", "missing hotkey");
        if (dendrite.Uuid is not { Length: > 0 } uuid) return ("missing uuid", "missing uuid");

        var key = string.Concat(hotkey, ":", uuid);
        var now = SynapseProtocol.UnixNanoseconds(time);
        if (nonces.Check(key, nonce, info.TimeoutSeconds, now) is { } nonceProblem) return (nonceProblem, nonceProblem);

        if (dendrite.Signature is null or "")
        {
            if (!options.AllowUnsigned) return ("missing signature", "missing signature");
        }
        else
        {
            Span<byte> signature = stackalloc byte[SynapseSignature.Length];
            if (!SynapseSignature.TryParseHex(dendrite.Signature, signature))
                return ("signature is not 0x + 128 hex characters", "malformed signature");
            var message = SynapseSignature.DendriteMessage(nonce, hotkey, Hotkey, uuid, info.ComputedBodyHash ?? "");
            if (!SynapseSignature.VerifyEitherForm(verifier, hotkey, message, signature))
                return ($"Signature mismatch with {Encoding.UTF8.GetString(message)} and {dendrite.Signature}", "signature mismatch");
            info.Verified = true;
        }

        const string newerProcessed = "Nonce is too old, a newer one was last processed";
        return nonces.TryCommit(key, nonce, now) ? null : (newerProcessed, newerProcessed);
    }

    private static async Task<Synapse> ReadBodyAsync(PipeReader reader, Type type, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (read.IsCanceled) throw new OperationCanceledException(cancellationToken);
            if (!read.IsCompleted)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                continue;
            }
            try
            {
                return read.Buffer.IsEmpty
                    ? SynapseJson.Deserialize("{}"u8, type)
                    : SynapseJson.Deserialize(read.Buffer, type);
            }
            finally
            {
                reader.AdvanceTo(read.Buffer.End);
            }
        }
    }

    /// <summary>A 500 whose message carries only an error id; the reason goes to the log under that id.</summary>
    private Task FailAsync(HttpContext context, AxonRoute route, SynapseRequestInfo info, long started, Exception? exception, string reason)
    {
        var errorId = Guid.NewGuid().ToString();
        AxonLog.Failed(logger, exception, route.Descriptor.Name, info.Hotkey, info.PeerIp?.ToString(), errorId, reason);
        return WriteErrorAsync(context, route, info, started, StatusCodes.Status500InternalServerError, "Internal Server Error #" + errorId);
    }

    private Task RejectAsync(HttpContext context, AxonRoute? route, SynapseRequestInfo? info, long started, int status, string message, string reason, LogLevel level)
    {
        AxonLog.Rejected(logger, level, route?.Descriptor.Name ?? FirstSegment(context.Request.Path.Value),
            info?.Hotkey ?? SingleHeader(context.Request.Headers, SynapseProtocol.Headers.DendritePrefix + "hotkey"),
            context.Connection.RemoteIpAddress?.ToString(), status, reason);
        return WriteErrorAsync(context, route, info, started, status, message);
    }

    /// <summary>Spec §1.7 error shape: <c>{"message": …}</c> plus the header view of the request with our axon terminal.</summary>
    private Task WriteErrorAsync(HttpContext context, AxonRoute? route, SynapseRequestInfo? info, long started, int status, string message)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return Task.CompletedTask;
        }
        var axon = (info?.Axon ?? TerminalInfo.Empty) with
        {
            StatusCode = status,
            StatusMessage = message,
            ProcessTime = Stopwatch.GetElapsedTime(started).TotalSeconds,
            Version = SynapseProtocol.VersionAsInt,
            Nonce = SynapseProtocol.UnixNanoseconds(time),
            Uuid = Uuid,
            Hotkey = Hotkey,
        };
        var body = SynapseJson.ErrorBody(message);
        var headers = SynapseHeaders.Build(route?.Descriptor.Name ?? "Synapse", info?.TimeoutSeconds ?? SynapseProtocol.DefaultTimeoutSeconds,
            axon, info?.Dendrite ?? TerminalInfo.Empty, route?.Descriptor.InputObjectHeaders ?? [],
            info?.ComputedBodyHash ?? BodyHash.OfNoFields, body.Length);
        return WriteAsync(context, status, headers, body);
    }

    private static async Task WriteAsync(HttpContext context, int status, List<KeyValuePair<string, string>> headers, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        foreach (var (name, value) in headers)
            response.Headers.Append(name, SynapseHeaders.SanitizeValue(value));
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static string TimeoutMessage(double timeoutSeconds) =>
        "Response timeout after: " + PythonRepr.Float(timeoutSeconds) + "s";

    private static TimeSpan Remaining(long started, TimeSpan budget)
    {
        var left = budget - Stopwatch.GetElapsedTime(started);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static string FirstSegment(string? path)
    {
        if (string.IsNullOrEmpty(path)) return "";
        var trimmed = path.AsSpan(1);
        var slash = trimmed.IndexOf('/');
        return (slash < 0 ? trimmed : trimmed[..slash]).ToString();
    }

    private static string? SingleHeader(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private sealed record AxonRoute(
        SynapseDescriptor Descriptor,
        Func<Synapse, SynapseRequestInfo, CancellationToken, ValueTask<Synapse>> Forward,
        IAxonBlacklist Blacklist,
        Func<SynapseRequestInfo, double>? Priority,
        long MaxRequestBodySize);
}
