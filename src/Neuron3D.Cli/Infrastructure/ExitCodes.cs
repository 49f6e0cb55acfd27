namespace Neuron3D.Cli.Infrastructure;

/// <summary>
/// Process exit codes of <c>neuron3d</c>, one per kind of failure so scripts can branch on them.
/// (System.CommandLine's own parse errors — unknown option, missing value — exit with 1.)
/// </summary>
public static class ExitCodes
{
    /// <summary>Done; for <c>verify</c>: the signature is valid.</summary>
    public const int Success = 0;
    /// <summary>A check came out negative (<c>verify</c>: invalid signature), or the command line did not parse.</summary>
    public const int Negative = 1;
    /// <summary>A value given on the command line is unusable (bad SS58, mnemonic, seed, hex, option combination).</summary>
    public const int BadInput = 2;
    /// <summary>A keyfile already exists and overwriting was not requested; nothing was changed.</summary>
    public const int KeyfileExists = 3;
    /// <summary>Wrong or missing password.</summary>
    public const int Password = 4;
    /// <summary>A keyfile that must be read does not exist.</summary>
    public const int KeyfileNotFound = 5;
    /// <summary>A keyfile is damaged or in a legacy format.</summary>
    public const int KeyfileUnreadable = 6;
    /// <summary>The user declined a confirmation.</summary>
    public const int Cancelled = 7;
    /// <summary>An unexpected failure (I/O, out of memory, a bug); run with <c>--logging.debug</c> for details.</summary>
    public const int Unexpected = 10;
}
