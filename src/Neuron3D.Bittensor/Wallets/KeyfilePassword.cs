using System.Text;

namespace Neuron3D.Bittensor.Wallets;

/// <summary>
/// bittensor-wallet's optional password-from-environment scheme (spec §2.3): the variable is <c>BT_PW_</c> + the
/// keyfile path with the directory separator and <c>.</c> replaced by <c>_</c>, upper-cased; its value is
/// base64(password UTF-8 bytes XOR the variable name's UTF-8 bytes, the name repeated). This only obscures the
/// password from a casual glance at <c>env</c>; it is not encryption.
/// </summary>
public static class KeyfilePassword
{
    /// <summary>Prefix of every password variable.</summary>
    public const string EnvironmentPrefix = "BT_PW_";

    /// <summary>The variable name for a keyfile path, exactly as btwallet forms it from the same path string.</summary>
    public static string EnvironmentVariableName(string keyfilePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyfilePath);
        var mangled = keyfilePath.Replace(Path.DirectorySeparatorChar, '_').Replace('.', '_');
        return EnvironmentPrefix + mangled.ToUpperInvariant();
    }

    /// <summary>The value to store in <paramref name="variableName"/> so that it yields <paramref name="password"/>.</summary>
    public static string EncodeForEnvironment(string password, string variableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(variableName);
        var bytes = Encoding.UTF8.GetBytes(password);
        XorWithName(bytes, variableName);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>
    /// Recovers the password from a variable's value. A value that is not base64, or does not decode to UTF-8,
    /// raises <see cref="KeyfileDecryptionException"/> naming the variable.
    /// </summary>
    public static string DecodeFromEnvironment(string value, string variableName)
    {
        ArgumentException.ThrowIfNullOrEmpty(variableName);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new KeyfileDecryptionException($"The password variable {variableName} is not valid base64.");
        }
        XorWithName(bytes, variableName);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new KeyfileDecryptionException(
                $"The password variable {variableName} does not decode to a UTF-8 password (was it encoded for another keyfile path?).");
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    /// <summary>The password for a keyfile from its BT_PW_ variable in the process environment, or null when unset.</summary>
    public static string? FromEnvironment(string keyfilePath) => FromEnvironment(keyfilePath, Environment.GetEnvironmentVariable);

    internal static string? FromEnvironment(string keyfilePath, Func<string, string?> environment)
    {
        var name = EnvironmentVariableName(keyfilePath);
        return environment(name) is { } value ? DecodeFromEnvironment(value, name) : null;
    }

    private static void XorWithName(Span<byte> data, string variableName)
    {
        var key = Encoding.UTF8.GetBytes(variableName);
        for (var i = 0; i < data.Length; i++) data[i] ^= key[i % key.Length];
    }
}
