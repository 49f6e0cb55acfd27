using System.CommandLine;

namespace Neuron3D.Cli.Infrastructure;

/// <summary>
/// Options every <c>neuron3d</c> command understands, declared once on the root (recursive) and read by name
/// through <see cref="CliContext"/>.
/// </summary>
public static class GlobalOptions
{
    /// <summary>Machine-readable output: one JSON document on stdout, nothing else there.</summary>
    public const string Json = "--json";
    /// <summary>Never ask: confirmations count as "yes"; a missing password is an error instead of a prompt.</summary>
    public const string NoPrompt = "--no-prompt";
    /// <summary>On failure, print the full exception (stack trace) after the one-line message.</summary>
    public const string Debug = "--logging.debug";

    /// <summary>Adds the global options to <paramref name="root"/> so that every sub-command inherits them.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Options.Add(new Option<bool>(Json)
        {
            Description = "Print the result as JSON on stdout (messages and warnings go to stderr).",
            Recursive = true,
        });
        root.Options.Add(new Option<bool>(NoPrompt)
        {
            Description = "Run unattended: never ask. Confirmations are taken as yes; a password must come from its BT_PW_ variable.",
            Recursive = true,
        });
        root.Options.Add(new Option<bool>(Debug)
        {
            Description = "Print stack traces of failures (for bug reports).",
            Recursive = true,
        });
    }
}
