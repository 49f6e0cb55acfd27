using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Neuron3D.Cli.Infrastructure;

/// <summary>
/// What a command needs from its invocation: the output and error writers (stdout/stderr, or captured in tests),
/// the global switches, and the ways to talk to the user. Results go to <see cref="Out"/>; prompts, warnings and
/// progress go to <see cref="Error"/>, so that <c>--json</c> output stays one clean document.
/// </summary>
public sealed class CliContext
{
    private static readonly JsonSerializerOptions JsonOutput = new() { WriteIndented = true };

    private CliContext(ParseResult parseResult)
    {
        ParseResult = parseResult;
        Out = parseResult.InvocationConfiguration.Output;
        Error = parseResult.InvocationConfiguration.Error;
        Json = parseResult.GetValue<bool>(GlobalOptions.Json);
        NoPrompt = parseResult.GetValue<bool>(GlobalOptions.NoPrompt);
        Debug = parseResult.GetValue<bool>(GlobalOptions.Debug);
    }

    /// <summary>Builds the context of one invocation.</summary>
    public static CliContext From(ParseResult parseResult) => new(parseResult);

    /// <summary>The parsed command line.</summary>
    public ParseResult ParseResult { get; }
    /// <summary>Results (stdout).</summary>
    public TextWriter Out { get; }
    /// <summary>Prompts, warnings, errors (stderr).</summary>
    public TextWriter Error { get; }
    /// <summary><c>--json</c>: print results as one JSON document.</summary>
    public bool Json { get; }
    /// <summary><c>--no-prompt</c>: never ask.</summary>
    public bool NoPrompt { get; }
    /// <summary><c>--logging.debug</c>: show stack traces.</summary>
    public bool Debug { get; }

    /// <summary>Writes a warning line to stderr.</summary>
    public void Warn(string message) => Error.WriteLine(message);

    /// <summary>Writes <paramref name="document"/> to stdout as indented JSON.</summary>
    public void WriteJson(JsonNode document) => Out.WriteLine(document.ToJsonString(JsonOutput));

    /// <summary>
    /// Asks a yes/no question (default no). With <c>--no-prompt</c> the answer is yes without asking;
    /// a "no" raises <see cref="CliCancelledException"/>.
    /// </summary>
    public void Confirm(string question)
    {
        if (NoPrompt) return;
        var answer = Terminal.ReadLine($"{question} [y/N] ", Error);
        if (answer is null || !answer.Trim().Equals("y", StringComparison.OrdinalIgnoreCase)
                           && !answer.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase))
            throw new CliCancelledException("Cancelled; nothing was changed.");
    }

    /// <summary>Reads a secret without echo; with <c>--no-prompt</c> raises <see cref="CliUsageException"/> with <paramref name="unattendedHint"/>.</summary>
    public string ReadSecret(string prompt, string unattendedHint)
    {
        if (NoPrompt) throw new CliUsageException(unattendedHint);
        return Terminal.ReadSecret(prompt, Error) ?? throw new CliCancelledException("No input; nothing was changed.");
    }
}
