using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Bittensor.Axon.Dendrite;

/// <summary>
/// The synapse client (Python <c>Dendrite</c>): signs synapses with our hotkey, POSTs them to axons over pooled
/// HTTP/1.1 connections and merges the answers back (spec §1.8). A call never throws for network or protocol
/// failures: the returned synapse's <c>dendrite.status_code</c>/<c>status_message</c> say what happened
/// (200 success, the axon's own error codes, or 408 timeout, 503 unreachable/disconnected, 400 payload error,
/// 422 unparsable answer, 500 other client error). Only cancellation by the caller throws.
/// </summary>
public sealed class Dendrite : IDisposable
{
    private readonly ISynapseSigner signer;
    private readonly DendriteOptions options;
    private readonly TimeProvider time;
    private readonly HttpClient http;
    private long lastNonce;

    /// <summary>Creates a dendrite signing with <paramref name="signer"/>.</summary>
    /// <param name="signer">Our hotkey.</param>
    /// <param name="options">Settings (default <see cref="DendriteOptions"/>).</param>
    /// <param name="uuid">Instance id sent with every call (default: a new random UUID).</param>
    /// <param name="time">Clock for nonces (default: the system clock).</param>
    public Dendrite(ISynapseSigner signer, DendriteOptions? options = null, string? uuid = null, TimeProvider? time = null)
    {
        this.signer = signer;
        this.options = options ?? new DendriteOptions();
        this.time = time ?? TimeProvider.System;
        Uuid = uuid ?? Guid.NewGuid().ToString();
        http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = this.options.PooledConnectionLifetime,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            MaxConnectionsPerServer = this.options.MaxConnectionsPerAxon,
            ConnectTimeout = this.options.ConnectTimeout,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // every call has its own timeout
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>The instance id sent as <c>dendrite.uuid</c>.</summary>
    public string Uuid { get; }

    /// <summary>SS58 address of our hotkey.</summary>
    public string Hotkey => signer.Hotkey;

    /// <summary>The next nonce: now in Unix nanoseconds, but always greater than the previous one.</summary>
    public long NextNonce()
    {
        var now = SynapseProtocol.UnixNanoseconds(time);
        while (true)
        {
            var last = Volatile.Read(ref lastNonce);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref lastNonce, next, last) == last) return next;
        }
    }

    /// <summary>Signs <paramref name="synapse"/> for <paramref name="target"/> with a fresh nonce, without sending it.</summary>
    public PreparedSynapseRequest Prepare(AxonTarget target, Synapse synapse, TimeSpan timeout) =>
        SynapseRequestSigner.Sign(signer, target, synapse, timeout, NextNonce(), Uuid, options.ExternalIp);

    /// <summary>
    /// Calls one axon and returns its answer merged into the synapse (spec §1.8), with <c>dendrite.status_code</c>,
    /// <c>status_message</c> and <c>process_time</c> (seconds) describing the call.
    /// </summary>
    /// <param name="target">The axon, with its registered hotkey.</param>
    /// <param name="synapse">The request; its terminals are filled in by the call.</param>
    /// <param name="timeout">Whole-call timeout (default <see cref="DendriteOptions.DefaultTimeout"/>).</param>
    /// <param name="cancellationToken">Cancels the call (then it throws instead of answering 408).</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<T> CallAsync<T>(AxonTarget target, T synapse, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where T : Synapse
    {
        var callTimeout = timeout ?? options.DefaultTimeout;
        var prepared = Prepare(target, synapse, callTimeout);
        var sent = (T)prepared.Synapse;
        var started = Stopwatch.GetTimestamp();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(callTimeout);

        T result;
        try
        {
            using var request = prepared.ToHttpRequestMessage();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            result = await ReadResponseAsync(sent, response, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = WithClientStatus(sent, 408, FormattableString.Invariant($"Request timeout after {callTimeout.TotalSeconds} seconds"));
        }
        catch (HttpRequestException e)
        {
            result = e.HttpRequestError switch
            {
                HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError
                    => WithClientStatus(sent, 503, $"Service unavailable at {target.Ip}:{target.Port}/{sent.Name}"),
                HttpRequestError.ResponseEnded => WithClientStatus(sent, 503, $"Service disconnected at {target.Ip}:{target.Port}/{sent.Name}"),
                HttpRequestError.InvalidResponse => WithClientStatus(sent, 400, "Payload error: " + e.Message),
                _ when e.InnerException is SocketException => WithClientStatus(sent, 503, $"Service unavailable at {target.Ip}:{target.Port}/{sent.Name}"),
                _ => WithClientStatus(sent, 500, "Client error: " + e.Message),
            };
        }
        catch (HttpIOException e)
        {
            result = WithClientStatus(sent, 400, "Payload error: " + e.Message);
        }
        catch (IOException e)
        {
            result = WithClientStatus(sent, 503, "Service disconnected: " + e.Message);
        }

        return result with { Dendrite = result.Dendrite with { ProcessTime = Stopwatch.GetElapsedTime(started).TotalSeconds } };
    }

    /// <summary>Calls every target concurrently with the same synapse; answers come back in target order.</summary>
    public Task<T[]> CallManyAsync<T>(IEnumerable<AxonTarget> targets, T synapse, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where T : Synapse =>
        Task.WhenAll(targets.Select(target => CallAsync(target, synapse, timeout, cancellationToken)));

    private async Task<T> ReadResponseAsync<T>(T sent, HttpResponseMessage response, CancellationToken cancellationToken) where T : Synapse
    {
        var status = (int)response.StatusCode;
        if (response.Content.Headers.ContentLength > options.MaxResponseBodySize)
            return WithClientStatus(sent, 400, $"Payload error: response of {response.Content.Headers.ContentLength} bytes exceeds the {options.MaxResponseBodySize}-byte limit");

        var (buffer, length) = await ReadBoundedAsync(response.Content, options.MaxResponseBodySize, cancellationToken).ConfigureAwait(false);
        try
        {
            if (length < 0)
                return WithClientStatus(sent, 400, $"Payload error: response exceeds the {options.MaxResponseBodySize}-byte limit");
            var body = buffer.AsSpan(0, length);
            if (!IsJson(response.Content.Headers.ContentType))
                return WithClientStatus(sent, 422, $"Failed to parse response: content type '{response.Content.Headers.ContentType?.MediaType}' is not application/json");

            T merged;
            if (status == 200)
            {
                Synapse server;
                try
                {
                    server = SynapseJson.Deserialize(body, sent.GetType());
                }
                catch (SynapseFormatException e)
                {
                    return WithClientStatus(sent, 422, "Failed to parse response: " + e.Message);
                }
                // computed_body_hash is frozen on our copy; everything else comes from the server.
                merged = (T)(server with { ComputedBodyHash = sent.ComputedBodyHash });
            }
            else
            {
                merged = sent with { Axon = sent.Axon with { StatusCode = status, StatusMessage = SynapseJson.ReadErrorMessage(body) } };
            }

            var (axonHeaders, dendriteHeaders) = SynapseHeaders.ReadTerminals(response.Headers);
            var axon = merged.Axon.OverriddenBy(axonHeaders);
            return merged with
            {
                Axon = axon,
                Dendrite = merged.Dendrite.OverriddenBy(dendriteHeaders) with { StatusCode = axon.StatusCode, StatusMessage = axon.StatusMessage },
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsJson(MediaTypeHeaderValue? contentType) =>
        string.Equals(contentType?.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the body into a pooled buffer; length −1 when it exceeds <paramref name="limit"/>.</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBoundedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        var initial = (int)Math.Clamp(content.Headers.ContentLength ?? 16 * 1024, 256, Math.Min(limit, Array.MaxLength));
        var buffer = ArrayPool<byte>.Shared.Rent(initial);
        var length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > limit) return (buffer, -1);
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Math.Min(limit + 1, Array.MaxLength)));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
                if (length > limit) return (buffer, -1);
            }
            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static T WithClientStatus<T>(T synapse, int status, string message) where T : Synapse =>
        synapse with { Dendrite = synapse.Dendrite with { StatusCode = status, StatusMessage = message } };

    /// <inheritdoc />
    public void Dispose() => http.Dispose();
}
