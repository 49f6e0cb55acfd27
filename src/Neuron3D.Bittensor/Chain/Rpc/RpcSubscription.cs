using System.Text.Json;
using System.Threading.Channels;

namespace Neuron3D.Bittensor.Chain.Rpc;

/// <summary>
/// A JSON-RPC subscription (new heads, finalized heads, extrinsic status, …): enumerate it to receive the
/// notifications' <c>result</c> values in order. Re-established transparently after a reconnect when
/// <see cref="ResubscribesOnReconnect"/>; otherwise (extrinsic watches, which would re-submit) the enumeration ends
/// with <see cref="RpcConnectionException"/>. Dispose to unsubscribe.
/// </summary>
public sealed class RpcSubscription : IAsyncEnumerable<JsonElement>, IAsyncDisposable
{
    private readonly Channel<JsonElement> _channel;
    private readonly SubstrateRpcClient _client;
    private long _lastNotificationTicks = Environment.TickCount64;

    internal RpcSubscription(SubstrateRpcClient client, string method, object?[] parameters, string unsubscribeMethod,
        bool resubscribe, bool isHeartbeat, int buffer)
    {
        _client = client;
        Method = method;
        Parameters = parameters;
        UnsubscribeMethod = unsubscribeMethod;
        ResubscribesOnReconnect = resubscribe;
        IsHeartbeat = isHeartbeat;
        _channel = Channel.CreateBounded<JsonElement>(new BoundedChannelOptions(buffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });
    }

    /// <summary>The subscribe method, e.g. <c>chain_subscribeNewHeads</c>.</summary>
    public string Method { get; }
    internal object?[] Parameters { get; }
    internal string UnsubscribeMethod { get; }
    /// <summary>True when a reconnect re-subscribes instead of ending the subscription.</summary>
    public bool ResubscribesOnReconnect { get; }
    /// <summary>True for head subscriptions, which feed the staleness watchdog.</summary>
    internal bool IsHeartbeat { get; }
    /// <summary>The node's current id for this subscription (changes after a reconnect).</summary>
    public string? ServerId { get; internal set; }
    internal long LastNotificationTicks => Interlocked.Read(ref _lastNotificationTicks);

    internal void Touch() => Interlocked.Exchange(ref _lastNotificationTicks, Environment.TickCount64);

    internal void Deliver(JsonElement result)
    {
        Touch();
        _channel.Writer.TryWrite(result);
    }

    internal void Complete(Exception? error = null) => _channel.Writer.TryComplete(error);

    /// <summary>Reads notifications until the subscription ends, fails, or <paramref name="cancellationToken"/> fires.</summary>
    public IAsyncEnumerator<JsonElement> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        _channel.Reader.ReadAllAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

    /// <summary>Waits for the next notification.</summary>
    /// <exception cref="RpcConnectionException">The connection was lost for good.</exception>
    /// <exception cref="ChannelClosedException">The subscription ended (disposed).</exception>
    public async ValueTask<JsonElement> NextAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException closed) when (closed.InnerException is RpcConnectionException or RpcException)
        {
            throw closed.InnerException;
        }
    }

    /// <summary>Unsubscribes (best effort) and ends the enumeration.</summary>
    public ValueTask DisposeAsync() => _client.UnsubscribeAsync(this);
}
