using System.Text;
using CsCheck;
using Neuron3D.Bittensor.Wallets;

namespace Neuron3D.Bittensor.Tests.Wallets;

public class KeyfileEncryptionTests
{
    /// <summary>Argon2i's smallest legal cost: exercises the same code path in microseconds (never used for files).</summary>
    internal static readonly Argon2iCost CheapCost = new(3, 8192);

    private const string SpecPassword = "testpassword";
    private const string SpecKeyHex = "cd00b56b151da9df1c8cd6768ba1be08c42f02e54942b2cc39985466f6b62569";
    private const string SpecPlaintext = "{\"ss58Address\":\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\"}";
    private const string SpecFileHex =
        "244e41434c000102030405060708090a0b0c0d0e0f1011121314151617e44cde84bd01c10ab3c3aa334aab1b75f7eb025c589f0892ee5cb3552e5dff08d632508b069f7627a54c5b59feaf5c3e77201721ad817fd9d0ae58f4da1375a09060ddab117610b84afd2ba2e8d02ccbcf89";

    [Fact]
    public void Spec_vector_argon2i_key_decrypts_and_reproduces_the_nacl_file_byte_for_byte()
    {
        // The one test that pays for the real KDF (t = 8, m = 512 MiB): the public DeriveKey has no cost knob.
        var key = new byte[KeyfileEncryption.KeyBytes];
        KeyfileEncryption.DeriveKey(SpecPassword, key);
        Assert.Equal(SpecKeyHex, Convert.ToHexStringLower(key));

        var file = Convert.FromHexString(SpecFileHex);
        Assert.Equal(KeyfileFormat.NaCl, KeyfileEncryption.DetectFormat(file));
        var plaintext = new byte[KeyfileEncryption.GetPlaintextLength(file)];
        Assert.True(KeyfileEncryption.TryOpen(file, key, plaintext));
        Assert.Equal(SpecPlaintext, Encoding.UTF8.GetString(plaintext));

        var nonce = Enumerable.Range(0, KeyfileEncryption.NonceBytes).Select(i => (byte)i).ToArray();
        var reproduced = KeyfileEncryption.Seal(Encoding.UTF8.GetBytes(SpecPlaintext), key, nonce);
        Assert.Equal(SpecFileHex, Convert.ToHexStringLower(reproduced));
    }

    public static TheoryData<string, KeyfileFormat> Prefixes => new()
    {
        { "$NACL" + new string('x', 60), KeyfileFormat.NaCl },
        { "$ANSIBLE_VAULT;1.1;AES256\n3338", KeyfileFormat.AnsibleVault },
        { "gAAAAABmExampleFernetToken==", KeyfileFormat.LegacyFernet },
        { "{\"ss58Address\":\"5Grw\"}", KeyfileFormat.Plaintext },
        { "  {}", KeyfileFormat.Plaintext },
        { "$NAC", KeyfileFormat.Plaintext },
        { "", KeyfileFormat.Plaintext },
    };

    [Theory, MemberData(nameof(Prefixes))]
    public void Format_is_told_by_prefix(string content, KeyfileFormat expected) =>
        Assert.Equal(expected, KeyfileEncryption.DetectFormat(Encoding.ASCII.GetBytes(content)));

    [Theory]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\n61623", KeyfileFormat.AnsibleVault, "Ansible Vault")]
    [InlineData("gAAAAABkZ2Vmb28=", KeyfileFormat.LegacyFernet, "Fernet")]
    public void Legacy_formats_raise_a_typed_error_that_says_how_to_migrate(string content, KeyfileFormat format, string named)
    {
        var bytes = Encoding.ASCII.GetBytes(content);
        var error = Assert.Throws<LegacyKeyfileFormatException>(
            () => KeyfileEncryption.Decrypt(bytes, "pw", new byte[1], CheapCost));
        Assert.Equal(format, error.Format);
        Assert.Contains(named, error.Message);
        Assert.Contains("regen-coldkey --mnemonic", error.Message);
    }

    [Fact]
    public void Truncated_nacl_data_is_a_decryption_error()
    {
        var truncated = Convert.FromHexString(SpecFileHex)[..(KeyfileEncryption.OverheadBytes - 1)];
        Assert.Throws<KeyfileDecryptionException>(() => KeyfileEncryption.GetPlaintextLength(truncated));
    }

    [Fact]
    public void Plaintext_is_not_decryptable() =>
        Assert.Throws<KeyfileDecryptionException>(() => KeyfileEncryption.GetPlaintextLength("{\"a\":null}"u8));

    [Fact]
    public void Wrong_password_is_a_decryption_error_and_clears_the_output()
    {
        var file = KeyfileEncryption.Encrypt("{\"secretPhrase\":\"x\"}"u8, "right", CheapCost);
        var plaintext = new byte[KeyfileEncryption.GetPlaintextLength(file)];
        Assert.Throws<KeyfileDecryptionException>(() => KeyfileEncryption.Decrypt(file, "wrong", plaintext, CheapCost));
        Assert.All(plaintext, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Any_flipped_byte_after_the_marker_fails_authentication()
    {
        var file = KeyfileEncryption.Encrypt("{\"ss58Address\":\"5Grw\"}"u8, "pw", CheapCost);
        var key = new byte[KeyfileEncryption.KeyBytes];
        KeyfileEncryption.DeriveKey("pw", key, CheapCost);
        Gen.Int[KeyfileEncryption.PrefixBytes, file.Length - 1].Select(Gen.Byte[1, 255]).Sample((index, flip) =>
        {
            var tampered = (byte[])file.Clone();
            tampered[index] ^= flip;
            return !KeyfileEncryption.TryOpen(tampered, key, new byte[file.Length - KeyfileEncryption.OverheadBytes]);
        }, iter: 200);
    }

    [Fact]
    public void Encrypt_then_decrypt_returns_the_plaintext_with_fresh_nonces() =>
        Gen.Byte.Array[0, 600].Select(Gen.String[Gen.Char.AlphaNumeric, 0, 40]).Sample((plaintext, password) =>
        {
            var first = KeyfileEncryption.Encrypt(plaintext, password, CheapCost);
            var second = KeyfileEncryption.Encrypt(plaintext, password, CheapCost);
            var back = new byte[plaintext.Length];
            KeyfileEncryption.Decrypt(first, password, back, CheapCost);
            return back.AsSpan().SequenceEqual(plaintext)
                   && first.Length == plaintext.Length + KeyfileEncryption.OverheadBytes
                   && !first.AsSpan(5, 24).SequenceEqual(second.AsSpan(5, 24));
        }, iter: 50);
}
