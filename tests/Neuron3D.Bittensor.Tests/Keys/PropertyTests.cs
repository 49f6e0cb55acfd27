using System.Numerics;
using CsCheck;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Tests.Keys;

/// <summary>Round trips and invariants over generated inputs (CsCheck shrinks any counterexample).</summary>
public class PropertyTests
{
    private static readonly Gen<byte[]> Key32 = Gen.Byte.Array[32];
    private static readonly Gen<ushort> Prefix = Gen.UShort[0, Ss58.MaxPrefix].Where(p => p is not (46 or 47));

    [Fact]
    public void Ss58_round_trips_any_key_and_prefix()
    {
        Gen.Select(Key32, Prefix).Sample((key, prefix) =>
        {
            var address = Ss58.Encode(key, prefix);
            Assert.Equal(key, Ss58.Decode(address, out var decodedPrefix));
            Assert.Equal(prefix, decodedPrefix);
            Assert.True(Ss58.TryDecode(address, out _, out _));
        });
    }

    [Fact]
    public void Ss58_single_character_substitution_is_detected()
    {
        Gen.Select(Key32, Gen.Int[0, 47], Gen.Int[0, 57]).Sample((key, position, digit) =>
        {
            var address = Ss58.Encode(key);
            const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
            if (address[position] == alphabet[digit]) return;
            var changed = address[..position] + alphabet[digit] + address[(position + 1)..];
            // a 16-bit checksum lets ~1/65536 random changes through; a changed key must then still differ
            if (Ss58.TryDecode(changed, out var other, out _)) Assert.NotEqual(key, other);
        }, iter: 2000);
    }

    [Fact]
    public void Base58_matches_a_big_integer_oracle_including_leading_zeros()
    {
        Gen.Select(Gen.Int[0, 4], Gen.Byte.Array[0, 40]).Sample((zeros, tail) =>
        {
            byte[] data = [.. new byte[zeros], .. tail];
            var encoded = Base58.Encode(data);
            Assert.Equal(Oracle(data), encoded);
            Assert.True(Base58.TryDecode(encoded, out var decoded, out _));
            Assert.Equal(data, decoded);
        });

        static string Oracle(byte[] data)
        {
            const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
            var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
            var digits = "";
            while (value > 0)
            {
                digits = alphabet[(int)(value % 58)] + digits;
                value /= 58;
            }
            return new string('1', data.TakeWhile(b => b == 0).Count()) + digits;
        }
    }

    [Fact]
    public void Mnemonic_entropy_round_trips_for_every_size()
    {
        Gen.Int[0, 4].SelectMany(i => Gen.Byte.Array[16 + 4 * i]).Sample(entropy =>
        {
            var phrase = Mnemonic.FromEntropy(entropy);
            Assert.Equal(entropy.Length * 3 / 4, phrase.Split(' ').Length);
            Assert.Equal(entropy, Mnemonic.ToEntropy(phrase));
            Assert.Equal(entropy, Mnemonic.ToEntropy("  " + phrase.Replace(" ", " \t\n ") + "\n"));
        });
    }

    [Fact]
    public void Sign_then_verify_holds_for_any_key_and_message_and_signatures_are_randomized()
    {
        Gen.Select(Key32, Gen.Byte.Array[0, 600]).Sample((seed, message) =>
        {
            using var pair = Sr25519Keypair.FromMiniSecret(seed);
            var first = pair.Sign(message);
            var second = pair.Sign(message);
            Assert.True(pair.Verify(message, first));
            Assert.True(Sr25519.Verify(pair.PublicKey, message, second));
            Assert.NotEqual(first, second);
        }, iter: 60);
    }

    [Fact]
    public void Secret_key_forms_round_trip()
    {
        Key32.Sample(seed =>
        {
            using var pair = Sr25519Keypair.FromMiniSecret(seed);
            using var canonical = pair.ExportSecretKey();
            using var ed = pair.ExportEd25519SecretKey();
            using var fromCanonical = Sr25519Keypair.FromSecretKey(canonical.Span);
            using var fromEd = Sr25519Keypair.FromEd25519SecretKey(ed.Span);
            Assert.Equal(pair.PublicKey, fromCanonical.PublicKey);
            Assert.Equal(pair.PublicKey, fromEd.PublicKey);
            using var back = fromEd.ExportSecretKey();
            Assert.True(canonical.Span.SequenceEqual(back.Span));
            // ed25519 form = canonical · 8, nonce unchanged
            var scalar = new BigInteger(canonical.Span[..32], isUnsigned: true);
            Assert.Equal(scalar * 8, new BigInteger(ed.Span[..32], isUnsigned: true));
            Assert.True(canonical.Span[32..].SequenceEqual(ed.Span[32..]));
        }, iter: 60);
    }

    [Fact]
    public void Soft_derivation_is_deterministic_in_public_key_only_and_derived_keys_sign()
    {
        Gen.Select(Key32, Key32).Sample((seed, chainCode) =>
        {
            using var parent = Sr25519Keypair.FromMiniSecret(seed);
            using var a = parent.DeriveSoft(chainCode);
            using var b = parent.DeriveSoft(chainCode);
            Assert.Equal(a.PublicKey, b.PublicKey);
            using var nonceA = a.ExportSecretKey();
            using var nonceB = b.ExportSecretKey();
            Assert.True(nonceA.Span[..32].SequenceEqual(nonceB.Span[..32]));
            Assert.False(nonceA.Span[32..].SequenceEqual(nonceB.Span[32..]));
            Assert.True(a.Verify("m"u8, b.Sign("m"u8)));

            using var hard1 = parent.DeriveHard(chainCode);
            using var hard2 = parent.DeriveHard(chainCode);
            using var hardSecret1 = hard1.ExportSecretKey();
            using var hardSecret2 = hard2.ExportSecretKey();
            Assert.True(hardSecret1.Span.SequenceEqual(hardSecret2.Span));
            Assert.NotEqual(hard1.PublicKey, a.PublicKey);
        }, iter: 40);
    }

    [Fact]
    public void Verify_never_throws_on_arbitrary_bytes()
    {
        Gen.Select(Gen.Byte.Array[0, 40], Gen.Byte.Array[0, 70], Gen.Byte.Array[0, 50]).Sample((key, signature, message) =>
        {
            Assert.False(Sr25519.Verify(key, message, signature));
        }, iter: 300);
    }

    [Fact]
    public void Parsers_throw_only_their_typed_exceptions_on_arbitrary_text()
    {
        var text = Gen.Char["123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0OIl/ +x"].Array[0, 60].Select(c => new string(c));
        text.Sample(s =>
        {
            Assert.False(Ss58.TryDecode(s, out _, out _) && s.Length < 40);
            try { Ss58.Decode(s); } catch (Ss58FormatException) { }
            try { Mnemonic.Validate(s); } catch (MnemonicException) { }
            try { Sr25519Keypair.FromUri("0x" + s).Dispose(); } catch (KeyUriException) { }
            try { Sr25519Keypair.FromUri("abandon " + s).Dispose(); } catch (KeyUriException) { }
        }, iter: 300);
    }
}
