namespace Neuron3D.Cli.Infrastructure;

/// <summary>A command-line value or combination the command cannot use; reported as one line, exit code <see cref="ExitCodes.BadInput"/>.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>The user answered "no" to a confirmation; nothing was changed. Exit code <see cref="ExitCodes.Cancelled"/>.</summary>
public sealed class CliCancelledException(string message) : Exception(message);
