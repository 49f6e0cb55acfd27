using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;

namespace Neuron3D.Bittensor.Chain.Rpc;

/// <summary>
/// JSON-RPC 2.0 over one WebSocket to a Substrate node: requests correlated by id with per-call timeouts,
/// subscriptions, automatic reconnect with exponential back-off and re-subscription, and an optional staleness
/// watchdog over head subscriptions. One socket is shared by all callers; dispose the client to close it.
/// </summary>
public sealed class SubstrateRpcClient : IAsyncDisposable
{
    private readonly RpcClientOptions _options;
    private readonly ConcurrentDictionary<long, PendingRequest> _pending = new();
    private readonly ConcurrentDictionary<string, RpcSubscription> _byServerId = new();
    private readonly List<RpcSubscription> _subscriptions = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private volatile TaskCompletionSource<ClientWebSocket> _connected = NewConnectedSource();
    private volatile ClientWebSocket? _socket;
    private Task _connectionLoop = Task.CompletedTask;
    private Task _watchdog = Task.CompletedTask;
    private long _nextId;
    private volatile Exception? _fatal;
    private int _disposed;

    private sealed record PendingRequest(string Method, TaskCompletionSource<JsonElement> Completion, RpcSubscription? Subscription);

    private SubstrateRpcClient(Uri endpoint, RpcClientOptions options)
    {
        Endpoint = endpoint;
        _options = options;
    }

    /// <summary>The node's WebSocket endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>Connection state changes (connected, dropped, stale, reconnecting, gave up). Handlers must not block.</summary>
    public event Action<RpcConnectionEvent>? ConnectionChanged;

    /// <summary>Opens the connection; fails if the first connect does not succeed within the connect timeout.</summary>
    /// <exception cref="RpcConnectionException">The node cannot be reached.</exception>
    public static async Task<SubstrateRpcClient> ConnectAsync(Uri endpoint, RpcClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        var client = new SubstrateRpcClient(endpoint, options ?? new RpcClientOptions());
        try
        {
            var socket = await client.OpenSocketAsync(cancellationToken).ConfigureAwait(false);
            client.Attach(socket);
            client.Raise(RpcConnectionEventKind.Connected, 0, "connected");
            client._connectionLoop = Task.Run(client.RunAsync);
            client._watchdog = Task.Run(client.WatchAsync);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends <paramref name="method"/> and returns its <c>result</c> (a detached copy).</summary>
    /// <exception cref="RpcException">The node answered with an error.</exception>
    /// <exception cref="RpcTimeoutException">No answer within <paramref name="timeout"/> (default <see cref="RpcClientOptions.RequestTimeout"/>).</exception>
    /// <exception cref="RpcConnectionException">The connection was lost for good or while the request was in flight.</exception>
    public Task<JsonElement> RequestAsync(string method, object?[]? parameters = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        SendRequestAsync(method, parameters ?? [], null, timeout ?? _options.RequestTimeout, cancellationToken);

    /// <summary>Sends <paramref name="method"/> and deserializes its result as <typeparamref name="T"/>.</summary>
    /// <exception cref="RpcProtocolException">The result does not have the expected shape.</exception>
    public async Task<T> RequestAsync<T>(string method, object?[]? parameters = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var result = await RequestAsync(method, parameters, timeout, cancellationToken).ConfigureAwait(false);
        try
        {
            return result.Deserialize<T>()!;
        }
        catch (JsonException e)
        {
            throw new RpcProtocolException($"{method} returned {Truncate(result.GetRawText())}, not a {typeof(T).Name}", e);
        }
    }

    /// <summary>
    /// Opens a subscription. <paramref name="resubscribe"/>: re-open it after a reconnect (right for heads and
    /// storage; wrong for extrinsic watches). <paramref name="isHeartbeat"/>: feed the staleness watchdog.
    /// </summary>
    public async Task<RpcSubscription> SubscribeAsync(string method, object?[] parameters, string unsubscribeMethod,
        bool resubscribe = true, bool isHeartbeat = false, CancellationToken cancellationToken = default)
    {
        var subscription = new RpcSubscription(this, method, parameters, unsubscribeMethod, resubscribe, isHeartbeat, _options.SubscriptionBuffer);
        lock (_subscriptions) _subscriptions.Add(subscription);
        try
        {
            await SendRequestAsync(method, parameters, subscription, _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
            return subscription;
        }
        catch
        {
            lock (_subscriptions) _subscriptions.Remove(subscription);
            subscription.Complete();
            throw;
        }
    }

    /// <summary>New best-block headers (<c>chain_subscribeNewHeads</c>); feeds the staleness watchdog.</summary>
    public Task<RpcSubscription> SubscribeNewHeadsAsync(CancellationToken cancellationToken = default) =>
        SubscribeAsync("chain_subscribeNewHeads", [], "chain_unsubscribeNewHeads", resubscribe: true, isHeartbeat: true, cancellationToken);

    /// <summary>Finalized headers (<c>chain_subscribeFinalizedHeads</c>); feeds the staleness watchdog.</summary>
    public Task<RpcSubscription> SubscribeFinalizedHeadsAsync(CancellationToken cancellationToken = default) =>
        SubscribeAsync("chain_subscribeFinalizedHeads", [], "chain_unsubscribeFinalizedHeads", resubscribe: true, isHeartbeat: true, cancellationToken);

    /// <summary>
    /// Submits a signed extrinsic (0x-hex) and watches its status (<c>ready</c>, <c>inBlock</c>, <c>finalized</c>,
    /// <c>invalid</c>, …). Never re-subscribed on reconnect: that would submit it again.
    /// </summary>
    public Task<RpcSubscription> SubmitAndWatchAsync(string extrinsicHex, CancellationToken cancellationToken = default) =>
        SubscribeAsync("author_submitAndWatchExtrinsic", [extrinsicHex], "author_unwatchExtrinsic", resubscribe: false, isHeartbeat: false, cancellationToken);

    internal async ValueTask UnsubscribeAsync(RpcSubscription subscription)
    {
        bool removed;
        lock (_subscriptions) removed = _subscriptions.Remove(subscription);
        subscription.Complete();
        if (!removed || subscription.ServerId is not { } id) return;
        _byServerId.TryRemove(id, out _);
        if (Volatile.Read(ref _disposed) != 0 || !_connected.Task.IsCompletedSuccessfully) return;
        try
        {
            await RequestAsync(subscription.UnsubscribeMethod, [id], TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or RpcTimeoutException or RpcConnectionException or ObjectDisposedException)
        {
            // Best effort: the node drops subscriptions with the connection anyway.
        }
    }

    private async Task<JsonElement> SendRequestAsync(string method, object?[] parameters, RpcSubscription? subscription, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_fatal is { } fatal) throw new RpcConnectionException(Endpoint, $"{method}: the connection is gone for good", fatal);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        timeoutSource.CancelAfter(timeout);
        var id = Interlocked.Increment(ref _nextId);
        var pending = new PendingRequest(method, new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously), subscription);
        _pending[id] = pending;
        try
        {
            // Waits through a reconnect rather than failing at once; bounded by the request's own timeout.
            var socket = await _connected.Task.WaitAsync(timeoutSource.Token).ConfigureAwait(false);
            await SendAsync(socket, id, method, parameters, timeoutSource.Token).ConfigureAwait(false);
            return await pending.Completion.Task.WaitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_lifetime.IsCancellationRequested)
        {
            throw new RpcTimeoutException(method, timeout);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(SubstrateRpcClient), $"{method}: the client was disposed");
        }
        catch (Exception e) when (e is WebSocketException || e is IOException and not (RpcConnectionException or RpcProtocolException))
        {
            throw new RpcConnectionException(Endpoint, $"{method}: sending failed", e);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task SendAsync(ClientWebSocket socket, long id, string method, object?[] parameters, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            json.WriteNumber("id", id);
            json.WriteString("method", method);
            json.WritePropertyName("params");
            JsonSerializer.Serialize(json, parameters);
            json.WriteEndObject();
        }
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    // ---------------------------------------------------------------- connection life cycle

    private async Task<ClientWebSocket> OpenSocketAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(Endpoint, timeout.Token).ConfigureAwait(false);
            return socket;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or HttpRequestException)
        {
            socket.Dispose();
            if (cancellationToken.IsCancellationRequested) throw;
            throw new RpcConnectionException(Endpoint, e is OperationCanceledException
                ? $"could not connect within {_options.ConnectTimeout.TotalSeconds:0.#} s" : "could not connect", e);
        }
    }

    private void Attach(ClientWebSocket socket)
    {
        _socket = socket;
        _connected.TrySetResult(socket);
    }

    private async Task RunAsync()
    {
        while (!_lifetime.IsCancellationRequested)
        {
            var socket = _socket!;
            var reason = await ReceiveLoopAsync(socket).ConfigureAwait(false);
            if (_lifetime.IsCancellationRequested) return;

            // Connection lost: new requests wait for the next connection; in-flight ones fail (their outcome is unknown).
            _connected = NewConnectedSource();
            socket.Dispose();
            FailPending(new RpcConnectionException(Endpoint, $"connection lost: {reason.Message}", reason));
            Raise(RpcConnectionEventKind.Disconnected, 0, reason.Message, reason);
            EndWatches();

            if (!await ReconnectAsync().ConfigureAwait(false)) return;
        }
    }

    private async Task<bool> ReconnectAsync()
    {
        Exception? last = null;
        for (var attempt = 1; attempt <= _options.MaxReconnectAttempts; attempt++)
        {
            var delay = Backoff(attempt);
            Raise(RpcConnectionEventKind.Reconnecting, attempt, $"attempt {attempt} of {_options.MaxReconnectAttempts} in {delay.TotalMilliseconds:0} ms");
            try
            {
                await Task.Delay(delay, _lifetime.Token).ConfigureAwait(false);
                var socket = await OpenSocketAsync(_lifetime.Token).ConfigureAwait(false);
                Attach(socket);
                _ = Task.Run(ResubscribeAllAsync);
                Raise(RpcConnectionEventKind.Reconnected, attempt, "reconnected");
                return true;
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
            {
                return false;
            }
            catch (RpcConnectionException e)
            {
                last = e;
            }
        }
        var gaveUp = new RpcConnectionException(Endpoint,
            $"connection lost and {_options.MaxReconnectAttempts} reconnect attempt(s) failed", last);
        _fatal = gaveUp;
        _connected.TrySetException(gaveUp);
        FailPending(gaveUp);
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions) subscription.Complete(gaveUp);
            _subscriptions.Clear();
        }
        Raise(RpcConnectionEventKind.GaveUp, _options.MaxReconnectAttempts, gaveUp.Message, gaveUp);
        return false;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.ReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, _options.ReconnectMaxDelay.TotalMilliseconds);
        // ±20 % jitter so that many clients of one node do not reconnect in lock step.
        return TimeSpan.FromMilliseconds(capped * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }

    private async Task ResubscribeAllAsync()
    {
        RpcSubscription[] subscriptions;
        lock (_subscriptions) subscriptions = _subscriptions.ToArray();
        foreach (var subscription in subscriptions)
        {
            subscription.Touch();
            try
            {
                await SendRequestAsync(subscription.Method, subscription.Parameters, subscription, _options.RequestTimeout, _lifetime.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RpcException or RpcTimeoutException or RpcConnectionException)
            {
                // A later reconnect retries connection-level failures; a refusal by the node ends the subscription.
                if (e is RpcException)
                {
                    lock (_subscriptions) _subscriptions.Remove(subscription);
                    subscription.Complete(e);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    private void EndWatches()
    {
        _byServerId.Clear();
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions.Where(s => !s.ResubscribesOnReconnect).ToArray())
            {
                subscription.Complete(new RpcConnectionException(Endpoint,
                    $"connection lost while watching {subscription.Method}; its outcome must be checked on chain"));
                _subscriptions.Remove(subscription);
            }
        }
    }

    private void FailPending(Exception error)
    {
        foreach (var (id, pending) in _pending)
            if (_pending.TryRemove(id, out _)) pending.Completion.TrySetException(error);
    }

    private async Task WatchAsync()
    {
        if (_options.HeadStalenessTimeout is not { } limit) return;
        var period = TimeSpan.FromMilliseconds(Math.Clamp(limit.TotalMilliseconds / 4, 50, 1000));
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_lifetime.Token).ConfigureAwait(false))
            {
                if (!_connected.Task.IsCompletedSuccessfully) continue;
                long newest;
                lock (_subscriptions)
                {
                    var heartbeats = _subscriptions.Where(s => s.IsHeartbeat).ToArray();
                    if (heartbeats.Length == 0) continue;
                    newest = heartbeats.Max(s => s.LastNotificationTicks);
                }
                var silent = TimeSpan.FromMilliseconds(Environment.TickCount64 - newest);
                if (silent < limit) continue;
                Raise(RpcConnectionEventKind.Stale, 0, $"no new head for {silent.TotalSeconds:0.#} s (limit {limit.TotalSeconds:0.#} s)");
                lock (_subscriptions) foreach (var s in _subscriptions) s.Touch();
                _socket?.Abort(); // the receive loop sees the abort and reconnects
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<Exception> ReceiveLoopAsync(ClientWebSocket socket)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length >= _options.MaxMessageBytes)
                            return new RpcProtocolException($"message larger than {_options.MaxMessageBytes} bytes");
                        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _options.MaxMessageBytes));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), _lifetime.Token).ConfigureAwait(false);
                    length += result.Count;
                    if (result.MessageType == WebSocketMessageType.Close)
                        return new RpcConnectionException(Endpoint, $"the node closed the connection ({socket.CloseStatus} {socket.CloseStatusDescription})");
                } while (!result.EndOfMessage);
                Dispatch(buffer.AsSpan(0, length));
            }
        }
        catch (OperationCanceledException e)
        {
            return e;
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            return e;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message.ToArray());
        }
        catch (JsonException)
        {
            return; // not JSON-RPC; nothing can be correlated with it
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return;
            if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt64(out var id))
            {
                if (!_pending.TryRemove(id, out var pending)) return;
                if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var codeValue) ? codeValue : 0;
                    var text = error.TryGetProperty("message", out var m) ? m.ToString() : "";
                    JsonElement? data = error.TryGetProperty("data", out var d) ? d.Clone() : null;
                    pending.Completion.TrySetException(new RpcException(pending.Method, code, text, data));
                    return;
                }
                var value = root.TryGetProperty("result", out var r) ? r.Clone() : default;
                if (pending.Subscription is { } subscription)
                {
                    // Registered here, on the receive loop, so the first notification cannot overtake it.
                    var serverId = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                    subscription.ServerId = serverId;
                    _byServerId[serverId] = subscription;
                }
                pending.Completion.TrySetResult(value);
                return;
            }
            if (root.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("subscription", out var subscriptionId))
            {
                var key = subscriptionId.ValueKind == JsonValueKind.String ? subscriptionId.GetString()! : subscriptionId.GetRawText();
                if (_byServerId.TryGetValue(key, out var target) && parameters.TryGetProperty("result", out var payload))
                    target.Deliver(payload.Clone());
            }
        }
    }

    private void Raise(RpcConnectionEventKind kind, int attempt, string reason, Exception? error = null)
    {
        var handler = ConnectionChanged;
        if (handler is null) return;
        try
        {
            handler(new RpcConnectionEvent(kind, Endpoint, attempt, reason, error));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A faulty handler must not stop the connection loop.
        }
    }

    private static TaskCompletionSource<ClientWebSocket> NewConnectedSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "…" : text;

    /// <summary>Closes the socket, ends every subscription and fails outstanding requests.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        var socket = _socket;
        if (socket is { State: WebSocketState.Open })
        {
            using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client disposed", closeTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                // The node may already be gone; the socket is disposed below either way.
            }
        }
        _lifetime.Cancel();
        socket?.Abort();
        try
        {
            await Task.WhenAll(_connectionLoop, _watchdog).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        socket?.Dispose();
        _socket = null;
        var disposed = new ObjectDisposedException(nameof(SubstrateRpcClient));
        _connected.TrySetException(disposed);
        FailPending(disposed);
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions) subscription.Complete();
            _subscriptions.Clear();
        }
        _lifetime.Dispose();
        _sendLock.Dispose();
    }
}
