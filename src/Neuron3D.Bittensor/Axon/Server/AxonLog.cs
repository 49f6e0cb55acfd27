using Microsoft.Extensions.Logging;

namespace Neuron3D.Bittensor.Axon.Server;

/// <summary>The axon's structured log events. Hotkeys and IPs are public data; signatures and bodies are never logged.</summary>
internal static partial class AxonLog
{
    [LoggerMessage(EventId = 4001, Message = "Axon rejected {Synapse} from hotkey {Hotkey} at {PeerIp}: {Status} {Reason}")]
    public static partial void Rejected(ILogger logger, LogLevel level, string synapse, string? hotkey, string? peerIp, int status, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Axon failed {Synapse} for hotkey {Hotkey} at {PeerIp} (error id {ErrorId}): {Reason}")]
    public static partial void Failed(ILogger logger, Exception? exception, string synapse, string? hotkey, string? peerIp, string errorId, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Axon of {Hotkey} listening on {Endpoint} (uuid {Uuid}) serving {Synapses}")]
    public static partial void Started(ILogger logger, string hotkey, string endpoint, string uuid, string synapses);
}
