using System.Runtime.Versioning;
using System.Text;
using Neuron3D.Bittensor.Wallets;

namespace Neuron3D.Bittensor.Tests.Wallets;

public class KeyfileTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private static readonly KeyfileData Example = KeyfileData.Parse(Encoding.UTF8.GetBytes(KeyfileDataTests.SpecExample));
    private static readonly KeyfileData Other = new() { Ss58Address = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY" };

    public void Dispose() => _folder.Dispose();

    private Keyfile Cheap(string path) => new(path) { KdfCost = KeyfileEncryptionTests.CheapCost };

    [Fact]
    public void Plaintext_write_then_read_round_trips_and_creates_missing_folders()
    {
        var file = Cheap(_folder.Combine("w", "hotkeys", "default"));
        file.Write(Example, password: null, overwrite: false);
        Assert.Equal(KeyfileFormat.Plaintext, file.Format);
        Assert.False(file.IsEncrypted);
        Assert.Equal(KeyfileDataTests.SpecExample, File.ReadAllText(file.Path));
        Assert.Equal(KeyfileDataTests.DevPrivateKey, file.Read().PrivateKey);
    }

    [Fact]
    public void Encrypted_write_then_read_round_trips()
    {
        var file = Cheap(_folder.Combine("w", "coldkey"));
        file.Write(Example, "correct horse", overwrite: false);
        Assert.Equal(KeyfileFormat.NaCl, file.Format);
        Assert.True(file.IsEncrypted);
        Assert.DoesNotContain("bottom", File.ReadAllText(file.Path));
        var back = file.Read("correct horse");
        Assert.Equal(KeyfileDataTests.DevPhrase, back.SecretPhrase);
        Assert.Equal(KeyfileDataTests.DevAddress, back.Ss58Address);
    }

    [Fact, UnsupportedOSPlatform("windows")]
    public void Keyfiles_are_owner_read_write_only()
    {
        var plain = Cheap(_folder.Combine("w", "hotkeys", "h"));
        var encrypted = Cheap(_folder.Combine("w", "coldkey"));
        plain.Write(Example, null, false);
        encrypted.Write(Example, "pw", false);
        encrypted.Write(Other, "pw", overwrite: true);
        var expected = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(expected, File.GetUnixFileMode(plain.Path));
        Assert.Equal(expected, File.GetUnixFileMode(encrypted.Path));
    }

    [Fact]
    public void Existing_file_is_never_overwritten_without_the_flag()
    {
        var file = Cheap(_folder.Combine("w", "coldkey"));
        file.Write(Example, null, false);
        var before = File.ReadAllBytes(file.Path);
        var error = Assert.Throws<KeyfileExistsException>(() => file.Write(Other, null, overwrite: false));
        Assert.Equal(file.Path, error.KeyfilePath);
        Assert.Equal(before, File.ReadAllBytes(file.Path));

        file.Write(Other, null, overwrite: true);
        Assert.Equal(Other.Ss58Address, file.Read().Ss58Address);
        Assert.Single(Directory.GetFiles(_folder.Combine("w"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Wrong_password_is_a_typed_error_and_leaves_the_file_bytes_unchanged()
    {
        var file = Cheap(_folder.Combine("w", "coldkey"));
        file.Write(Example, "right", false);
        var before = File.ReadAllBytes(file.Path);
        var stamp = File.GetLastWriteTimeUtc(file.Path);
        var error = Assert.Throws<KeyfileDecryptionException>(() => file.Read("wrong"));
        Assert.Contains(file.Path, error.Message);
        Assert.Contains("wrong password", error.Message);
        Assert.Equal(before, File.ReadAllBytes(file.Path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(file.Path));
    }

    [Fact]
    public void Encrypted_file_without_password_names_its_variable()
    {
        var file = Cheap(_folder.Combine("w", "coldkey"));
        file.Write(Example, "pw", false);
        var error = Assert.Throws<KeyfilePasswordRequiredException>(() => file.Read(null, _ => null));
        Assert.Equal(file.PasswordEnvironmentVariable, error.EnvironmentVariable);
        Assert.Contains(file.PasswordEnvironmentVariable, error.Message);
    }

    [Fact]
    public void Password_from_the_bt_pw_variable_decrypts()
    {
        var file = Cheap(_folder.Combine("w", "coldkey"));
        file.Write(Example, "from env", false);
        var name = file.PasswordEnvironmentVariable;
        var env = new Dictionary<string, string> { [name] = KeyfilePassword.EncodeForEnvironment("from env", name) };
        Assert.Equal(KeyfileDataTests.DevPhrase, file.Read(null, env.GetValueOrDefault).SecretPhrase);
        // An explicit password wins over the variable.
        Assert.Throws<KeyfileDecryptionException>(() => file.Read("not it", env.GetValueOrDefault));
    }

    [Theory]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\n6162636465", KeyfileFormat.AnsibleVault)]
    [InlineData("gAAAAABkZ2Vmb28tZmVybmV0LXRva2Vu", KeyfileFormat.LegacyFernet)]
    public void Legacy_files_are_detected_with_a_migration_message_and_left_alone(string content, KeyfileFormat format)
    {
        var path = _folder.Combine("coldkey");
        File.WriteAllText(path, content);
        var file = new Keyfile(path);
        Assert.Equal(format, file.Format);
        Assert.True(file.IsEncrypted);
        var error = Assert.Throws<LegacyKeyfileFormatException>(() => file.Read("pw"));
        Assert.Equal(path, error.KeyfilePath);
        Assert.Contains(path, error.Message);
        Assert.Contains("Migrate", error.Message);
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public void Truncated_nacl_file_is_a_decryption_error()
    {
        var path = _folder.Combine("coldkey");
        File.WriteAllText(path, "$NACL0123");
        Assert.Throws<KeyfileDecryptionException>(() => new Keyfile(path).Read("pw"));
    }

    [Fact]
    public void Malformed_plaintext_is_a_format_error_naming_the_file()
    {
        var path = _folder.Combine("hotkey");
        File.WriteAllText(path, "{\"ss58Address\": 5}");
        var error = Assert.Throws<KeyfileFormatException>(() => new Keyfile(path).Read());
        Assert.Equal(path, error.KeyfilePath);
    }

    [Fact]
    public void Missing_file_is_a_typed_error()
    {
        var file = new Keyfile(_folder.Combine("nope", "coldkey"));
        Assert.False(file.Exists);
        Assert.False(file.IsEncrypted);
        Assert.Throws<KeyfileNotFoundException>(() => file.Read());
    }

    [Fact]
    public void Encrypt_and_decrypt_in_place_keep_the_json_bytes()
    {
        var path = _folder.Combine("w", "hotkeys", "h");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        const string pythonStyle = "{\"ss58Address\": \"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\", \"secretSeed\": null}";
        File.WriteAllText(path, pythonStyle);
        var file = Cheap(path);

        Assert.True(file.Encrypt("pw"));
        Assert.Equal(KeyfileFormat.NaCl, file.Format);
        var encrypted = File.ReadAllBytes(path);
        Assert.False(file.Encrypt("other")); // already encrypted: untouched
        Assert.Equal(encrypted, File.ReadAllBytes(path));

        Assert.Throws<KeyfileDecryptionException>(() => file.Decrypt("wrong", _ => null));
        Assert.Equal(encrypted, File.ReadAllBytes(path));
        Assert.True(file.Decrypt("pw", _ => null));
        Assert.Equal(pythonStyle, File.ReadAllText(path));
        Assert.False(file.Decrypt("pw", _ => null));
    }

    [Fact]
    public void Encrypting_something_that_is_not_a_keyfile_changes_nothing()
    {
        var path = _folder.Combine("notes.txt");
        File.WriteAllText(path, "just text");
        Assert.Throws<KeyfileFormatException>(() => Cheap(path).Encrypt("pw"));
        Assert.Equal("just text", File.ReadAllText(path));
    }

    [Fact]
    public void A_failed_write_leaves_no_temporary_file_behind()
    {
        // A folder where the keyfile should be makes the final rename fail after the temporary file was written.
        var path = _folder.Combine("w", "coldkey");
        Directory.CreateDirectory(path);
        Assert.ThrowsAny<IOException>(() => Cheap(path).Write(Example, null, overwrite: true));
        Assert.Empty(Directory.GetFiles(_folder.Combine("w")));
        Assert.True(Directory.Exists(path));
    }

    [Fact]
    public void Tilde_paths_are_expanded_to_home()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, ".bittensor", "wallets", "x", "coldkey"),
            new Keyfile("~/.bittensor/wallets/x/coldkey".Replace('/', Path.DirectorySeparatorChar)).Path);
    }

    [Fact]
    public void ToString_names_the_path_only() =>
        Assert.Equal($"Keyfile({_folder.Combine("k")}, absent)", new Keyfile(_folder.Combine("k")).ToString());
}
