using System.CommandLine;
using Neuron3D.Bittensor.Wallets;

namespace Neuron3D.Cli.Infrastructure;

/// <summary>
/// Runs a command body and turns every failure into one clear line on stderr and a distinct exit code
/// (<see cref="ExitCodes"/>); the stack trace is shown only with <c>--logging.debug</c>.
/// </summary>
public static class CommandRunner
{
    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>, wrapped in the error policy.</summary>
    public static void SetBody(this Command command, Func<CliContext, int> body) =>
        command.SetAction(parseResult => Run(CliContext.From(parseResult), body));

    /// <summary>Runs <paramref name="body"/>; returns its exit code, or the code of the failure it raised.</summary>
    public static int Run(CliContext context, Func<CliContext, int> body)
    {
        try
        {
            return body(context);
        }
        catch (Exception e)
        {
            var (code, message) = Describe(e);
            context.Error.WriteLine($"error: {message}");
            if (context.Debug) context.Error.WriteLine(e.ToString());
            return code;
        }
    }

    /// <summary>The exit code and the one-line message for a failure.</summary>
    internal static (int Code, string Message) Describe(Exception e) => e switch
    {
        KeyfileExistsException => (ExitCodes.KeyfileExists, e.Message.Replace("ask for overwrite explicitly", "pass --overwrite", StringComparison.Ordinal)),
        KeyfileDecryptionException or KeyfilePasswordRequiredException => (ExitCodes.Password, e.Message),
        KeyfileNotFoundException => (ExitCodes.KeyfileNotFound, e.Message),
        KeyfileFormatException or LegacyKeyfileFormatException => (ExitCodes.KeyfileUnreadable, e.Message),
        WalletInputException or CliUsageException => (ExitCodes.BadInput, e.Message),
        // The key layer's Ss58FormatException, MnemonicException, KeyUriException, InvalidSecretKeyException are FormatExceptions.
        FormatException => (ExitCodes.BadInput, e.Message),
        CliCancelledException => (ExitCodes.Cancelled, e.Message),
        UnauthorizedAccessException or IOException => (ExitCodes.Unexpected, e.Message),
        _ => (ExitCodes.Unexpected, $"{e.GetType().Name}: {e.Message} (run with {GlobalOptions.Debug} for details)"),
    };
}
