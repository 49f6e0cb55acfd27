using System.Text;
using CsCheck;
using Neuron3D.Subnet17.Validator.Duels;
using Neuron3D.Testing;

namespace Neuron3D.Subnet17.Tests.Validator.Duels;

/// <summary>
/// BLAKE3 pairing (spec sn17-404gen.md §3.6) against independent oracles: the official BLAKE3 test vectors and
/// @noble/hashes' blake3 in node (tools/js/blake3-pairing-peer.mjs), which also does its own u32_be / mod 256.
/// </summary>
public sealed class DuelPairingTests
{
    /// <summary>BLAKE3 of the empty input and of "abc" as published by the BLAKE3 authors' test vectors.</summary>
    public static TheoryData<string, string> OfficialVectors => new()
    {
        { "", "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262" },
        { "abc", "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85" },
    };

    [Theory]
    [MemberData(nameof(OfficialVectors))]
    public void Blake3_package_matches_the_official_vectors(string input, string expectedHex)
    {
        Span<byte> digest = stackalloc byte[32];
        Blake3.Hasher.Hash(Encoding.UTF8.GetBytes(input), digest);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(digest));
    }

    /// <summary>nonce, prompt → BLAKE3 digest, left, right as @noble/hashes 1.8.0 computes them (one row pairs a uid with itself).</summary>
    public static TheoryData<long, string, string, int, int> PairingTable => new()
    {
        { 1750000000, "a red chair", "5eb18a9843e8da4fb350d8ef0cc8e93fc571076fe7516fed8d11344c00e1977f", 152, 79 },
        { 1750000001, "a red chair", "a2dff58fe36db97c445f9e6a3cab10f458c80bd926b7a65fb7e0f8d3aa3fad01", 143, 124 },
        { 1, "", "413500ddd01af224a2a20e37f17c0bcab468843cb3498e417392cfc3540f7e49", 221, 36 },
        { 1764072000, "a medieval wooden bridge with moss", "97cd1ee3b4389deedfb07e145f1fc32da66f748ee555d6bd6ba9a2ff6961485a", 227, 238 },
        { 1764072001, "ein grüner Drache aus Jade 🐉", "b3afbc9136c0303c35eec92b594f83d1e4e61ca13175144689fb6add97e33b36", 145, 60 },
        { 1764072002, "木製の椅子", "0ef2c17ee8d64e912f18e58f26590daad0f7666e061fe83895e2471c59535655", 126, 145 },
        { 1750000000, "a wooden chair, variant 123", "", 232, 232 },
    };

    [Theory]
    [MemberData(nameof(PairingTable))]
    public void Pairing_table(long nonce, string prompt, string digestHex, int left, int right)
    {
        Assert.Equal((left, right), DuelPairing.Pair(nonce, prompt));
        if (digestHex.Length == 0) return;
        Span<byte> digest = stackalloc byte[32];
        DuelPairing.Hash(nonce, prompt, digest);
        Assert.Equal(digestHex, Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Random_prompts_pair_like_the_noble_peer_including_image_sized_prompts()
    {
        // Image tasks hash their whole base64 image: one prompt exercises the pooled path (> 1 KiB of UTF-8).
        var imagePrompt = (1764072003L, Convert.ToBase64String(Enumerable.Range(0, 6000).Select(i => (byte)(i * 7)).ToArray()));
        Gen.Select(Gen.Long[0, 4_000_000_000], Gen.String[Gen.Char, 0, 200]).Array[30].Sample(generated =>
        {
            var items = generated.Append(imagePrompt)
                .Where(p => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(p.Item2)) == p.Item2) // lone surrogates cannot cross JSON
                .ToArray();
            var peer = NodePeer.Run("blake3-pairing-peer.mjs", new { items = items.Select(i => new { nonce = i.Item1, prompt = i.Item2 }) })["items"]!.AsArray();
            Assert.Equal(items.Length, peer.Count);
            var digest = new byte[32];
            for (var i = 0; i < items.Length; i++)
            {
                DuelPairing.Hash(items[i].Item1, items[i].Item2, digest);
                Assert.Equal(peer[i]!["hash"]!.GetValue<string>(), Convert.ToHexStringLower(digest));
                Assert.Equal((peer[i]!["left"]!.GetValue<int>(), peer[i]!["right"]!.GetValue<int>()), DuelPairing.Pair(items[i].Item1, items[i].Item2));
            }
        }, iter: 3);
    }

    [Fact]
    public void Digest_buffer_must_be_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => DuelPairing.Hash(1, "x", new byte[31]));
        Assert.Throws<ArgumentNullException>(() => DuelPairing.Pair(1, null!));
    }
}
