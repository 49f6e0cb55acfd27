using System.Security.Cryptography;

namespace Neuron3D.Bittensor.Wallets;

/// <summary>
/// One keyfile on disk (coldkey, coldkeypub.txt, a hotkey or its pub file). Reading never changes the file;
/// writing goes to a 0600 temporary file in the same folder that is then renamed over the target, so a failed
/// write never leaves a damaged or half-written keyfile, and an existing file is only replaced when asked.
/// Keyfiles are a few hundred bytes on a local disk, so I/O here is synchronous.
/// </summary>
public sealed class Keyfile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>A keyfile at <paramref name="path"/>; a leading <c>~/</c> is expanded to the home folder.</summary>
    public Keyfile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = WalletPaths.ExpandHome(path);
    }

    /// <summary>The file's path, home-expanded (the string the BT_PW_ variable name is formed from).</summary>
    public string Path { get; }

    /// <summary>Argon2i cost for this file's encryption. Always the spec's; only in-process tests lower it.</summary>
    internal Argon2iCost KdfCost { get; init; } = Argon2iCost.Spec;

    /// <summary>Whether the file exists.</summary>
    public bool Exists => File.Exists(Path);

    /// <summary>The BT_PW_ variable that may hold this file's password (see <see cref="KeyfilePassword"/>).</summary>
    public string PasswordEnvironmentVariable => KeyfilePassword.EnvironmentVariableName(Path);

    /// <summary>The file's encoding, from its first bytes. Raises <see cref="KeyfileNotFoundException"/> when absent.</summary>
    public KeyfileFormat Format => KeyfileEncryption.DetectFormat(ReadAllBytes());

    /// <summary>True when the file exists and is encrypted in any format (NaCl or legacy).</summary>
    public bool IsEncrypted => Exists && Format != KeyfileFormat.Plaintext;

    /// <summary>The raw file bytes. Raises <see cref="KeyfileNotFoundException"/> when the file is absent.</summary>
    public byte[] ReadAllBytes()
    {
        try
        {
            return File.ReadAllBytes(Path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new KeyfileNotFoundException(Path);
        }
    }

    /// <summary>
    /// Reads and, when encrypted, decrypts the file. The password is <paramref name="password"/> when given, else
    /// the file's BT_PW_ variable; without either an encrypted file raises <see cref="KeyfilePasswordRequiredException"/>.
    /// Wrong password → <see cref="KeyfileDecryptionException"/>; legacy encryption → <see cref="LegacyKeyfileFormatException"/>;
    /// bad JSON → <see cref="KeyfileFormatException"/>. The file is never modified.
    /// </summary>
    public KeyfileData Read(string? password = null) => Read(password, Environment.GetEnvironmentVariable);

    internal KeyfileData Read(string? password, Func<string, string?> environment)
    {
        var bytes = ReadAllBytes();
        try
        {
            switch (KeyfileEncryption.DetectFormat(bytes))
            {
                case KeyfileFormat.Plaintext:
                    return KeyfileData.Parse(bytes, Path);
                case KeyfileFormat.NaCl:
                    password ??= KeyfilePassword.FromEnvironment(Path, environment)
                                 ?? throw new KeyfilePasswordRequiredException(Path, PasswordEnvironmentVariable);
                    return DecryptAndParse(bytes, password);
                case var legacy:
                    throw new LegacyKeyfileFormatException(legacy, Path);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private KeyfileData DecryptAndParse(byte[] fileBytes, string password)
    {
        int length;
        try
        {
            length = KeyfileEncryption.GetPlaintextLength(fileBytes);
        }
        catch (KeyfileDecryptionException e)
        {
            throw new KeyfileDecryptionException($"Keyfile {Path}: {e.Message}", Path);
        }
        var plaintext = new byte[length];
        try
        {
            KeyfileEncryption.Decrypt(fileBytes, password, plaintext, KdfCost);
            return KeyfileData.Parse(plaintext, Path);
        }
        catch (KeyfileDecryptionException)
        {
            throw new KeyfileDecryptionException(
                $"Could not decrypt keyfile {Path}: wrong password, or the file is damaged. The file was not changed.", Path);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>
    /// Writes <paramref name="data"/>, NaCl-encrypted when <paramref name="password"/> is given, plaintext otherwise.
    /// Creates missing folders (default mode). An existing file is replaced only when <paramref name="overwrite"/>
    /// is true, else <see cref="KeyfileExistsException"/> is raised and the file is untouched.
    /// </summary>
    public void Write(KeyfileData data, string? password, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!overwrite && Exists) throw new KeyfileExistsException(Path);
        var json = data.ToJsonBytes();
        try
        {
            if (password is null)
            {
                WriteBytes(json, overwrite);
            }
            else
            {
                var encrypted = KeyfileEncryption.Encrypt(json, password, KdfCost);
                WriteBytes(encrypted, overwrite);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }
    }

    /// <summary>
    /// Encrypts a plaintext keyfile in place with <paramref name="password"/>, keeping its JSON bytes exactly
    /// (btwallet <c>Keyfile.encrypt</c>). Returns false, leaving the file alone, when it is already NaCl-encrypted.
    /// Legacy encryption raises <see cref="LegacyKeyfileFormatException"/>; content that is not keyfile JSON raises
    /// <see cref="KeyfileFormatException"/> and is not encrypted.
    /// </summary>
    public bool Encrypt(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var bytes = ReadAllBytes();
        try
        {
            switch (KeyfileEncryption.DetectFormat(bytes))
            {
                case KeyfileFormat.NaCl:
                    return false;
                case KeyfileFormat.Plaintext:
                    KeyfileData.Parse(bytes, Path);
                    WriteBytes(KeyfileEncryption.Encrypt(bytes, password, KdfCost), overwrite: true);
                    return true;
                case var legacy:
                    throw new LegacyKeyfileFormatException(legacy, Path);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Decrypts a NaCl keyfile in place, leaving its plaintext JSON (btwallet <c>Keyfile.decrypt</c>). Returns false
    /// when it is plaintext already. The password is <paramref name="password"/>, else the BT_PW_ variable; a wrong
    /// one raises <see cref="KeyfileDecryptionException"/> and the file is unchanged.
    /// </summary>
    public bool Decrypt(string? password = null) => Decrypt(password, Environment.GetEnvironmentVariable);

    internal bool Decrypt(string? password, Func<string, string?> environment)
    {
        var bytes = ReadAllBytes();
        switch (KeyfileEncryption.DetectFormat(bytes))
        {
            case KeyfileFormat.Plaintext:
                return false;
            case KeyfileFormat.NaCl:
                break;
            case var legacy:
                throw new LegacyKeyfileFormatException(legacy, Path);
        }
        password ??= KeyfilePassword.FromEnvironment(Path, environment)
                     ?? throw new KeyfilePasswordRequiredException(Path, PasswordEnvironmentVariable);
        var plaintext = new byte[KeyfileEncryption.GetPlaintextLength(bytes)];
        try
        {
            try
            {
                KeyfileEncryption.Decrypt(bytes, password, plaintext, KdfCost);
            }
            catch (KeyfileDecryptionException)
            {
                throw new KeyfileDecryptionException(
                    $"Could not decrypt keyfile {Path}: wrong password, or the file is damaged. The file was not changed.", Path);
            }
            KeyfileData.Parse(plaintext, Path);
            WriteBytes(plaintext, overwrite: true);
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Writes raw bytes atomically with mode 0600 (temporary file + rename), honouring <paramref name="overwrite"/>.</summary>
    internal void WriteBytes(ReadOnlySpan<byte> contents, bool overwrite)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        Directory.CreateDirectory(directory);
        if (!overwrite && Exists) throw new KeyfileExistsException(Path);

        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerReadWrite;
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }
            // The create mode is filtered by the umask; set it exactly, as btwallet does after writing.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, OwnerReadWrite);
            try
            {
                File.Move(temporary, Path, overwrite);
            }
            catch (IOException) when (!overwrite && Exists)
            {
                // Someone created the file between the check and the rename: still never overwrite.
                throw new KeyfileExistsException(Path);
            }
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Names the file and whether it exists; never its contents.</summary>
    public override string ToString() => $"Keyfile({Path}{(Exists ? "" : ", absent")})";
}
