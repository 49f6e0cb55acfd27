using System.Text.Json;
using Neuron3D.Bittensor.Chain.Rpc;

namespace Neuron3D.Bittensor.Subtensor;

/// <summary>
/// The node refused an extrinsic before inclusion (JSON-RPC 1010 "Invalid Transaction" / 1011 "Unknown Transaction"):
/// nothing was included and no fee was paid. <see cref="Reason"/> says why in words.
/// </summary>
public sealed class ExtrinsicRejectedException(string operation, string reason, RpcException inner)
    : Exception($"{operation} was refused by the node: {reason}", inner)
{
    /// <summary>What was attempted (e.g. "serve_axon").</summary>
    public string Operation { get; } = operation;
    /// <summary>The refusal in words (e.g. "InvalidIpAddress (custom 11)").</summary>
    public string Reason { get; } = reason;

    /// <summary>
    /// Names for the <c>custom</c> codes of subtensor's transaction extension (CustomTransactionError in the
    /// subtensor source; the same numbers in spec 293 and later). The metadata does not carry them.
    /// </summary>
    public static IReadOnlyDictionary<int, string> SubtensorCustomErrors { get; } = new Dictionary<int, string>
    {
        [0] = "ColdkeyInSwapSchedule", [1] = "StakeAmountTooLow", [2] = "BalanceTooLow", [3] = "SubnetDoesntExist",
        [4] = "HotkeyAccountDoesntExist", [5] = "NotEnoughStakeToWithdraw", [6] = "RateLimitExceeded",
        [7] = "InsufficientLiquidity", [8] = "SlippageTooHigh", [9] = "TransferDisallowed",
        [10] = "HotKeyNotRegisteredInNetwork", [11] = "InvalidIpAddress", [12] = "ServingRateLimitExceeded",
        [13] = "InvalidPort", [14] = "ZeroMaxAmount", [255] = "BadRequest",
    };

    /// <summary>Turns the node's error data (<c>{"invalid":{"custom":11}}</c>, <c>"Inability to pay some fees"</c>, …) into words.</summary>
    public static string Describe(RpcException error)
    {
        var data = error.ErrorData;
        // chopsticks puts the reason as JSON text into the message and sends no data.
        if (data is null && error.RpcMessage.StartsWith('{')) data = JsonSerializer.SerializeToElement(error.RpcMessage);
        if (data is not { } json) return error.RpcMessage;
        if (json.ValueKind == JsonValueKind.String)
        {
            // Some nodes (chopsticks) send the error data as JSON inside a string.
            var text = json.GetString()!;
            if (!text.StartsWith('{')) return text == error.RpcMessage ? text : $"{error.RpcMessage}: {text}";
            try
            {
                json = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException)
            {
                return text == error.RpcMessage ? text : $"{error.RpcMessage}: {text}";
            }
        }
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("invalid", out var invalid))
        {
            if (invalid.ValueKind == JsonValueKind.Object && invalid.TryGetProperty("custom", out var custom) && custom.TryGetInt32(out var code))
                return SubtensorCustomErrors.TryGetValue(code, out var name) ? $"{name} (custom {code})" : $"custom error {code}";
            return invalid.ValueKind == JsonValueKind.Object
                ? string.Join(", ", invalid.EnumerateObject().Select(p => p.Name switch
                {
                    "payment" => "payment: the account cannot pay the fee",
                    "badProof" => "badProof: the signature does not verify",
                    "stale" => "stale: the nonce was already used",
                    "future" => "future: the nonce is ahead of the account",
                    _ => p.Name,
                }))
                : invalid.ToString();
        }
        return $"{error.RpcMessage}: {json.GetRawText()}";
    }
}

/// <summary>An extrinsic was submitted but did not reach a block in time. It may still be included later.</summary>
public sealed class InclusionTimeoutException(string operation, string extrinsicHash, TimeSpan waited)
    : TimeoutException($"{operation} (extrinsic {extrinsicHash}) was not in a block after {waited.TotalSeconds:0} s; it may still be included — check the chain before retrying")
{
    /// <summary>What was attempted.</summary>
    public string Operation { get; } = operation;
    /// <summary>BLAKE2b-256 of the extrinsic, 0x-hex (what explorers show).</summary>
    public string ExtrinsicHash { get; } = extrinsicHash;
}

/// <summary>A precondition that the chain would reject, found before submitting (e.g. the hotkey is not registered).</summary>
public sealed class SubtensorStateException(string message) : InvalidOperationException(message);
