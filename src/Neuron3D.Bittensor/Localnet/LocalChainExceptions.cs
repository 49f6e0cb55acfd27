namespace Neuron3D.Bittensor.Localnet;

/// <summary>
/// A local chain could not be started, reached or driven. The subclasses say which step failed; every message names
/// what to do about it.
/// </summary>
public class LocalChainException : Exception
{
    /// <summary>Creates the exception with its one-line explanation.</summary>
    public LocalChainException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>Node.js (≥ <see cref="LocalChain.MinimumNodeMajorVersion"/>) is not on PATH or is too old; chopsticks needs it.</summary>
public sealed class LocalChainNodeMissingException : LocalChainException
{
    /// <summary>Creates the exception; <paramref name="foundVersion"/> is what <c>node --version</c> printed, if it ran.</summary>
    public LocalChainNodeMissingException(string message, string? foundVersion = null, Exception? inner = null) : base(message, inner) =>
        FoundVersion = foundVersion;

    /// <summary>What <c>node --version</c> printed (e.g. <c>v18.19.0</c>), or null when node could not be run.</summary>
    public string? FoundVersion { get; }
}

/// <summary>The localchain folder (chain spec, start.sh, package.json) is not where it was looked for.</summary>
public sealed class LocalChainFolderNotFoundException : LocalChainException
{
    /// <summary>Creates the exception for the folders that were searched.</summary>
    public LocalChainFolderNotFoundException(string message, IReadOnlyList<string> searched) : base(message) => Searched = searched;

    /// <summary>The folders that were tried, in order.</summary>
    public IReadOnlyList<string> Searched { get; }
}

/// <summary>Something already listens on the port (another chain, or any other program); nothing was started.</summary>
public sealed class LocalChainPortInUseException : LocalChainException
{
    /// <summary>Creates the exception for <paramref name="port"/>; <paramref name="pid"/> is the local chain already recorded there, if any.</summary>
    public LocalChainPortInUseException(int port, int? pid, string message) : base(message)
    {
        Port = port;
        Pid = pid;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }
    /// <summary>The process id of the local chain already running on <see cref="Port"/>, when it is one of ours.</summary>
    public int? Pid { get; }
}

/// <summary>The first-use <c>npm ci</c> of the chain's packages failed or did not finish; <see cref="LogTail"/> holds npm's last lines.</summary>
public sealed class LocalChainInstallException(string message, string logTail) : LocalChainException(message)
{
    /// <summary>The last lines npm and start.sh printed.</summary>
    public string LogTail { get; } = logTail;
}

/// <summary>chopsticks exited before its RPC answered (bad chain spec, runtime panic, …); <see cref="LogTail"/> is the end of its log.</summary>
public sealed class LocalChainStartException(string message, string logTail) : LocalChainException(message)
{
    /// <summary>The last lines of the chain's log (or of start.sh's output).</summary>
    public string LogTail { get; } = logTail;
}

/// <summary>The chain's RPC did not answer within the ready timeout; the process was stopped.</summary>
public sealed class LocalChainNotReadyException(string message, TimeSpan timeout) : LocalChainException(message)
{
    /// <summary>How long it was given.</summary>
    public TimeSpan Timeout { get; } = timeout;
}

/// <summary>No local chain answers on the port (for status-free operations such as building blocks).</summary>
public sealed class LocalChainNotRunningException(int port, string message, Exception? inner = null) : LocalChainException(message, inner)
{
    /// <summary>The TCP port on 127.0.0.1 that did not answer.</summary>
    public int Port { get; } = port;
}

/// <summary>An epoch jump was asked for a subnet that does not exist or never runs an epoch (tempo 0).</summary>
public sealed class LocalChainSubnetException(ushort netuid, string message) : LocalChainException(message)
{
    /// <summary>The subnet asked for.</summary>
    public ushort Netuid { get; } = netuid;
}
