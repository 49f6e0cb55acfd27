namespace Neuron3D.Bittensor.Localnet;

/// <summary>What is known about the local chain on one port.</summary>
/// <param name="Port">TCP port on 127.0.0.1.</param>
/// <param name="Endpoint">The WebSocket endpoint (ws://127.0.0.1:PORT).</param>
/// <param name="WorkDirectory">The work copy whose run/ folder records the process.</param>
/// <param name="Pid">The chopsticks process recorded for the port, or null when none is recorded.</param>
/// <param name="ProcessAlive">Whether that process is still running.</param>
/// <param name="RpcAnswers">Whether a JSON-RPC node answers on the port (ours or any other).</param>
/// <param name="HeadBlock">Number of the best block, when the RPC answers.</param>
/// <param name="SpecVersion">The runtime's spec_version (293 for the default chain spec), when the RPC answers.</param>
/// <param name="BlockMode">The block mode the chain was started with (dev_setBlockBuildMode may have changed it since).</param>
/// <param name="LogFile">chopsticks' log file for the port.</param>
public sealed record LocalChainStatus(
    int Port,
    Uri Endpoint,
    string WorkDirectory,
    int? Pid,
    bool ProcessAlive,
    bool RpcAnswers,
    uint? HeadBlock,
    uint? SpecVersion,
    BlockBuildMode? BlockMode,
    string LogFile)
{
    /// <summary>A chain serves the port: its RPC answers.</summary>
    public bool IsRunning => RpcAnswers;
}

/// <summary>The block an epoch jump built.</summary>
/// <param name="Netuid">The subnet.</param>
/// <param name="Tempo">The subnet's tempo in blocks (read from the chain unless given).</param>
/// <param name="Block">The block number built, in which the subnet ran its epoch.</param>
public sealed record EpochJump(ushort Netuid, ushort Tempo, uint Block);
