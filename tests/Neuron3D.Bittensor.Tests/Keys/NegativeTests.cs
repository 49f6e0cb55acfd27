using System.Numerics;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Tests.Keys;

/// <summary>Every kind of bad input: verification says false, parsers throw their typed exception.</summary>
public class NegativeTests
{
    private static readonly BigInteger GroupOrder = BigInteger.Pow(2, 252) + BigInteger.Parse("27742317777372353535851937790883648493");
    private static readonly byte[] Message = "neuron3d negative tests"u8.ToArray();

    private static (byte[] PublicKey, byte[] Signature) AliceSignature()
    {
        using var alice = Sr25519Keypair.FromUri("//Alice");
        return (alice.PublicKey, alice.Sign(Message));
    }

    [Fact]
    public void Valid_signature_verifies_and_every_single_bit_flip_does_not()
    {
        var (publicKey, signature) = AliceSignature();
        Assert.True(Sr25519.Verify(publicKey, Message, signature));
        for (var bit = 0; bit < 512; bit++)
        {
            var tampered = (byte[])signature.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Sr25519.Verify(publicKey, Message, tampered), $"signature bit {bit}");
        }
        for (var bit = 0; bit < Message.Length * 8; bit += 7)
        {
            var tampered = (byte[])Message.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Sr25519.Verify(publicKey, tampered, signature), $"message bit {bit}");
        }
        for (var bit = 0; bit < 256; bit++)
        {
            var tampered = (byte[])publicKey.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(Sr25519.Verify(tampered, Message, signature), $"public key bit {bit}");
        }
        Assert.False(Sr25519.Verify(publicKey, [.. Message, 0], signature));
        Assert.False(Sr25519.Verify(publicKey, Message.AsSpan(1), signature));
    }

    [Fact]
    public void Signature_without_marker_bit_is_rejected()
    {
        var (publicKey, signature) = AliceSignature();
        signature[63] &= 0x7f;
        Assert.False(Sr25519.Verify(publicKey, Message, signature));
    }

    [Fact]
    public void Non_canonical_s_is_rejected_even_though_s_plus_order_is_the_same_scalar()
    {
        var (publicKey, signature) = AliceSignature();
        var s = (byte[])signature[32..].Clone();
        s[31] &= 0x7f;
        var nonCanonical = (new BigInteger(s, isUnsigned: true) + GroupOrder).ToByteArray(isUnsigned: true);
        Assert.True(nonCanonical.Length <= 32 && (nonCanonical.Length < 32 || nonCanonical[31] < 0x80));
        var forged = new byte[64];
        signature.AsSpan(0, 32).CopyTo(forged);
        nonCanonical.CopyTo(forged, 32);
        forged[63] |= 0x80;
        Assert.False(Sr25519.Verify(publicKey, Message, forged));
    }

    public static TheoryData<string, int, int> MalformedVerifyInputs => new()
    {
        { "short key", 31, 64 }, { "long key", 33, 64 }, { "short signature", 32, 63 }, { "long signature", 32, 65 }, { "empty", 0, 0 },
    };

    [Theory]
    [MemberData(nameof(MalformedVerifyInputs))]
    public void Malformed_lengths_verify_false_without_throwing(string name, int keyLength, int signatureLength)
    {
        var (publicKey, signature) = AliceSignature();
        var key = new byte[keyLength];
        publicKey.AsSpan(0, Math.Min(32, keyLength)).CopyTo(key);
        var sig = new byte[signatureLength];
        signature.AsSpan(0, Math.Min(64, signatureLength)).CopyTo(sig);
        Assert.False(Sr25519.Verify(key, Message, sig), name);
    }

    [Fact]
    public void Undecodable_and_identity_public_keys_verify_false()
    {
        var (_, signature) = AliceSignature();
        Assert.False(Sr25519.Verify(Enumerable.Repeat((byte)0xff, 32).ToArray(), Message, signature));
        Assert.False(Sr25519.Verify(new byte[32], Message, signature));
        // identity key with R = s·B would satisfy the equation for any message: must still be refused
        using var pair = Sr25519Keypair.FromUri("//Alice");
        Assert.False(Sr25519.Verify(new byte[32], Message, pair.Sign(Message)));
    }

    public static TheoryData<string, string> MalformedAddresses => new()
    {
        { "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQ0", "invalid Base58 character '0'" },
        { "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQl", "invalid Base58 character 'l'" },
        { "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY ", "invalid Base58 character ' '" },
        { "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQX", "checksum" },
        { "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQ", "bytes" },
        { "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQYY", "bytes" },
        { "", "empty" },
    };

    [Theory]
    [MemberData(nameof(MalformedAddresses))]
    public void Malformed_ss58_throws_typed_exception_naming_the_problem(string address, string expectedInMessage)
    {
        var e = Assert.Throws<Ss58FormatException>(() => Ss58.Decode(address));
        Assert.Contains(expectedInMessage, e.Message);
        Assert.False(Ss58.TryDecode(address, out _, out _));
    }

    [Theory]
    [InlineData(46)]
    [InlineData(47)]
    public void Reserved_prefix_is_refused_both_ways(int prefix)
    {
        var key = new byte[32];
        key[0] = 7;
        Assert.Throws<ArgumentOutOfRangeException>(() => Ss58.Encode(key, (ushort)prefix));
        var e = Assert.Throws<Ss58FormatException>(() => Ss58.Decode(RawAddress([(byte)prefix], key)));
        Assert.Contains("reserved", e.Message);
    }

    [Fact]
    public void Two_byte_form_of_a_small_prefix_and_high_prefix_bytes_are_refused()
    {
        var key = new byte[32];
        // prefix 42 written in the two-byte form: first = 0b01 ‖ bits 7..2 of 42, second = bits 1..0 of 42 in the top
        Assert.Throws<Ss58FormatException>(() => Ss58.Decode(RawAddress([0x40 | (42 >> 2), (42 & 3) << 6], key)));
        Assert.Throws<Ss58FormatException>(() => Ss58.Decode(RawAddress([0x80, 0x00], key)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ss58.Encode(key, 16384));
        Assert.Throws<ArgumentException>(() => Ss58.Encode(new byte[31]));
    }

    /// <summary>An address with a correct checksum for any prefix bytes, to reach the checks behind the checksum.</summary>
    private static string RawAddress(byte[] prefixBytes, byte[] key)
    {
        byte[] body = [.. prefixBytes, .. key];
        var hash = new byte[64];
        Blake2b512([.. "SS58PRE"u8, .. body], hash);
        return Base58.Encode([.. body, hash[0], hash[1]]);
    }

    private static unsafe void Blake2b512(byte[] input, byte[] output)
    {
        fixed (byte* i = input, o = output)
            Assert.Equal(0, Interop.Sodium.crypto_generichash(o, 64, i, (ulong)input.Length, null, 0));
    }

    public static TheoryData<string, string> MalformedMnemonics => new()
    {
        { "bottom drive obey lake curtain smoke basket hold race lonely fit walks", "word 12 \"walks\"" },
        { "bottom drive obey lake curtain smoke basket hold race lonely fit", "11 words" },
        { "bottom drive obey lake curtain smoke basket hold race lonely fit walk walk", "13 words" },
        { "", "0 words" },
        { "drive bottom obey lake curtain smoke basket hold race lonely fit walk", "checksum" },
        { "bottom drive obey lake curtain smoke basket hold race lonely fit wall", "checksum" },
        { "Bottom drive obey lake curtain smoke basket hold race lonely fit walk", "word 1 \"Bottom\"" },
    };

    [Theory]
    [MemberData(nameof(MalformedMnemonics))]
    public void Malformed_mnemonic_throws_typed_exception_naming_the_problem(string phrase, string expectedInMessage)
    {
        var e = Assert.Throws<MnemonicException>(() => Mnemonic.Validate(phrase));
        Assert.Contains(expectedInMessage, e.Message);
        Assert.Throws<MnemonicException>(() => Mnemonic.ToEntropy(phrase));
        Assert.Throws<MnemonicException>(() => Mnemonic.ToMiniSecret(phrase));
    }

    [Fact]
    public void Generate_refuses_unsupported_word_counts_and_produces_valid_phrases()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Mnemonic.Generate(13));
        foreach (var words in new[] { 12, 15, 18, 21, 24 })
        {
            var phrase = Mnemonic.Generate(words);
            Assert.Equal(words, phrase.Split(' ').Length);
            Mnemonic.Validate(phrase);
            Assert.Equal(words * 4 / 3, Mnemonic.ToEntropy(phrase).Length);
        }
        Assert.NotEqual(Mnemonic.Generate(), Mnemonic.Generate());
    }

    public static TheoryData<string, string> MalformedSecretKeys => new()
    {
        // the dev phrase's ed25519 (×8) form given where the canonical form belongs
        { "ed25519 form", "28b0ae221c6bb06856b287f60d7ea0d98552ea5a16db16956849aa371db3eb51fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34" },
        { "scalar = order", "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010" + new string('0', 64) },
        { "all ones", new string('f', 128) },
        { "zero scalar", new string('0', 64) + new string('1', 64) },
        { "63 bytes", new string('0', 126) },
        { "65 bytes", new string('0', 130) },
    };

    [Theory]
    [MemberData(nameof(MalformedSecretKeys))]
    public void Bad_canonical_private_key_throws_typed_exception(string name, string hex)
    {
        Assert.Throws<InvalidSecretKeyException>(() => Sr25519Keypair.FromSecretKey(Convert.FromHexString(hex)));
        _ = name;
    }

    [Fact]
    public void Bad_ed25519_form_secret_throws_typed_exception()
    {
        Assert.Throws<InvalidSecretKeyException>(() => Sr25519Keypair.FromEd25519SecretKey(new byte[64]));
        Assert.Throws<InvalidSecretKeyException>(() => Sr25519Keypair.FromEd25519SecretKey(Enumerable.Repeat((byte)0xff, 64).ToArray()));
        Assert.Throws<InvalidSecretKeyException>(() => Sr25519Keypair.FromEd25519SecretKey(new byte[32]));
    }

    public static TheoryData<string> MalformedUris => new()
    {
        "//", "//Alice//", "//Alice/", "bottom drive!//Alice", "0x1234//Alice", "0x" + new string('g', 64),
        "bottom drive obey lake curtain smoke basket hold race lonely fit//Alice", "not a mnemonic at all",
    };

    [Theory]
    [MemberData(nameof(MalformedUris))]
    public void Malformed_uri_throws_typed_exception(string uri)
    {
        Assert.Throws<KeyUriException>(() => Sr25519Keypair.FromUri(uri));
    }

    [Fact]
    public void Chain_code_and_mini_secret_lengths_are_checked()
    {
        using var alice = Sr25519Keypair.FromUri("//Alice");
        Assert.Throws<ArgumentException>(() => alice.DeriveHard(new byte[31]));
        Assert.Throws<ArgumentException>(() => alice.DeriveSoft(new byte[33]));
        Assert.Throws<ArgumentException>(() => Sr25519Keypair.FromMiniSecret(new byte[31]));
    }
}
