namespace Neuron3D.Bittensor.Wallets;

/// <summary>
/// Base of every keyfile and wallet failure. <see cref="KeyfilePath"/> names the file involved when there is one,
/// so a user can find it; messages never contain secret material.
/// </summary>
public abstract class KeyfileException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected KeyfileException(string message, string? keyfilePath, Exception? inner = null) : base(message, inner)
        => KeyfilePath = keyfilePath;

    /// <summary>The keyfile the failure is about, or null when it is not about one file.</summary>
    public string? KeyfilePath { get; }
}

/// <summary>A keyfile that must be read does not exist.</summary>
public sealed class KeyfileNotFoundException(string keyfilePath)
    : KeyfileException($"Keyfile {keyfilePath} does not exist.", keyfilePath);

/// <summary>
/// Refused to replace an existing keyfile because overwriting was not requested; the file was left untouched.
/// A coldkey cannot be recovered without its mnemonic, so overwriting is always an explicit decision.
/// </summary>
public sealed class KeyfileExistsException(string keyfilePath)
    : KeyfileException($"Keyfile {keyfilePath} already exists and was left untouched; ask for overwrite explicitly to replace it.", keyfilePath);

/// <summary>
/// An encrypted keyfile could not be decrypted: wrong password, damaged file, or a password variable that does not
/// decode. The file on disk is never modified by a failed decryption.
/// </summary>
public sealed class KeyfileDecryptionException(string message, string? keyfilePath = null)
    : KeyfileException(message, keyfilePath);

/// <summary>An encrypted keyfile was read without a password, and none was found in its BT_PW_ variable.</summary>
public sealed class KeyfilePasswordRequiredException(string keyfilePath, string environmentVariable)
    : KeyfileException(
        $"Keyfile {keyfilePath} is encrypted: a password is needed (prompt, or set {environmentVariable}).",
        keyfilePath)
{
    /// <summary>The BT_PW_ variable that would have supplied the password (see <see cref="KeyfilePassword"/>).</summary>
    public string EnvironmentVariable { get; } = environmentVariable;
}

/// <summary>The (decrypted) keyfile content is not a keyfile: bad JSON, wrong value types, bad hex, bad lengths.</summary>
public sealed class KeyfileFormatException(string message, string? keyfilePath = null, Exception? inner = null)
    : KeyfileException(message, keyfilePath, inner);

/// <summary>
/// The keyfile uses an encryption that predates the current NaCl format (Ansible Vault, or the old SDK's Fernet);
/// Neuron3D does not read those. The message says how to migrate.
/// </summary>
public sealed class LegacyKeyfileFormatException(KeyfileFormat format, string? keyfilePath)
    : KeyfileException(DescribeMigration(format, keyfilePath), keyfilePath)
{
    /// <summary>The legacy format that was detected.</summary>
    public KeyfileFormat Format { get; } = format;

    private static string DescribeMigration(KeyfileFormat format, string? path)
    {
        var where = path is null ? "This keyfile" : $"Keyfile {path}";
        return format switch
        {
            KeyfileFormat.AnsibleVault =>
                $"{where} is encrypted with the legacy Ansible Vault format, which Neuron3D does not read. " +
                "Migrate it: regenerate the key from its mnemonic (`neuron3d wallet regen-coldkey --mnemonic \"…\"`), " +
                "or let the Python bittensor-wallet re-encrypt it once as $NACL " +
                "(`bittensor_wallet.Keyfile(path).check_and_update_encryption()`).",
            _ =>
                $"{where} is encrypted with the legacy Fernet format of the pre-2024 Python SDK, which Neuron3D " +
                "(and current bittensor-wallet) cannot read. Migrate it: regenerate the key from its mnemonic " +
                "(`neuron3d wallet regen-coldkey --mnemonic \"…\"`), or decrypt it with an old SDK (bittensor < 6.12) and regenerate.",
        };
    }
}

/// <summary>A wallet operation got unusable input (no key source, a bad SS58 address or public key, a bad seed).</summary>
public sealed class WalletInputException(string message, Exception? inner = null)
    : KeyfileException(message, null, inner);
