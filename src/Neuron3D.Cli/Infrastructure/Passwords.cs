using Neuron3D.Bittensor.Wallets;

namespace Neuron3D.Cli.Infrastructure;

/// <summary>
/// Where the CLI gets keyfile passwords: the keyfile's BT_PW_ variable if set, otherwise a prompt without echo
/// (twice for a new key). Surrounding whitespace is trimmed from typed passwords, as btcli does.
/// </summary>
public static class Passwords
{
    /// <summary>btcli's minimum password length for new keys.</summary>
    public const int MinimumLength = 6;

    /// <summary>
    /// The password to encrypt a new keyfile with, or null with <paramref name="noPassword"/> (after a loud warning).
    /// </summary>
    public static string? ForNewKeyfile(CliContext context, Keyfile keyfile, string what, bool noPassword)
    {
        if (noPassword)
        {
            context.Warn($"WARNING: the {what} is written UNENCRYPTED to {keyfile.Path}. Anyone who can read that file " +
                         "controls the key and its funds. Use --no-password only for scripted, test or demo wallets.");
            return null;
        }
        if (KeyfilePassword.FromEnvironment(keyfile.Path) is { } fromEnvironment) return fromEnvironment;

        var hint = $"the {what} needs a password: set {keyfile.PasswordEnvironmentVariable} (see `neuron3d wallet --help`) " +
                   "or pass --no-password to write it unencrypted";
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var password = context.ReadSecret($"Enter a password to encrypt the {what}: ", hint).Trim();
            if (password.Length < MinimumLength)
            {
                context.Warn($"The password must have at least {MinimumLength} characters.");
                continue;
            }
            var again = context.ReadSecret("Retype the password: ", hint).Trim();
            if (again == password) return password;
            context.Warn("The passwords do not match.");
        }
        throw new CliCancelledException("No password agreed after 3 attempts; nothing was changed.");
    }

    /// <summary>
    /// The password to read an existing keyfile: null when it is plaintext, when its BT_PW_ variable is set (the
    /// keyfile reads that itself) or with <c>--no-prompt</c> (reading then reports the missing password and names the
    /// variable); otherwise prompted once. Legacy files get null so that reading reports how to migrate them.
    /// </summary>
    public static string? ForExistingKeyfile(CliContext context, Keyfile keyfile, string what)
    {
        if (context.NoPrompt || !keyfile.Exists || keyfile.Format != KeyfileFormat.NaCl) return null;
        if (Environment.GetEnvironmentVariable(keyfile.PasswordEnvironmentVariable) is not null) return null;
        return context.ReadSecret($"Enter the password of the {what} ({keyfile.Path}): ",
            $"the {what} at {keyfile.Path} is encrypted: set {keyfile.PasswordEnvironmentVariable} to run without a prompt").Trim();
    }
}
