using System.Text.Json;

namespace Neuron3D.Bittensor.Chain.Rpc;

/// <summary>The node answered a JSON-RPC request with an error object (e.g. 1010 "Invalid Transaction").</summary>
public sealed class RpcException : Exception
{
    /// <summary>Creates the exception for the error <paramref name="code"/>/<paramref name="rpcMessage"/> of <paramref name="method"/>.</summary>
    public RpcException(string method, int code, string rpcMessage, JsonElement? data)
        : base($"{method} failed: {code} {rpcMessage}" + (data is { } d ? $" ({d.GetRawText()})" : ""))
    {
        Method = method;
        Code = code;
        RpcMessage = rpcMessage;
        ErrorData = data;
    }

    /// <summary>The RPC method that failed.</summary>
    public string Method { get; }
    /// <summary>JSON-RPC error code (e.g. -32601 method not found, 1010 invalid transaction, 1002 runtime error).</summary>
    public int Code { get; }
    /// <summary>The error message the node sent.</summary>
    public string RpcMessage { get; }
    /// <summary>The error's <c>data</c> member, if any (e.g. <c>{"invalid":{"custom":11}}</c>).</summary>
    public JsonElement? ErrorData { get; }
}

/// <summary>
/// The WebSocket connection could not be opened, was lost while a request was in flight, or could not be re-opened
/// within the configured attempts. Safe to retry once the node is reachable again.
/// </summary>
public sealed class RpcConnectionException : IOException
{
    /// <summary>Creates the exception for <paramref name="endpoint"/>.</summary>
    public RpcConnectionException(Uri endpoint, string message, Exception? inner = null)
        : base($"{message} ({endpoint})", inner)
    {
        Endpoint = endpoint;
    }

    /// <summary>The node's endpoint.</summary>
    public Uri Endpoint { get; }
}

/// <summary>A request got no answer within its timeout.</summary>
public sealed class RpcTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for <paramref name="method"/> after <paramref name="timeout"/>.</summary>
    public RpcTimeoutException(string method, TimeSpan timeout)
        : base($"{method} got no answer within {timeout.TotalSeconds:0.###} s")
    {
        Method = method;
        Timeout = timeout;
    }

    /// <summary>The RPC method.</summary>
    public string Method { get; }
    /// <summary>The timeout that expired.</summary>
    public TimeSpan Timeout { get; }
}

/// <summary>The node sent something that is not a valid answer (malformed JSON, hex or shape).</summary>
public sealed class RpcProtocolException : IOException
{
    /// <summary>Creates the exception.</summary>
    public RpcProtocolException(string message, Exception? inner = null) : base(message, inner) { }
}
