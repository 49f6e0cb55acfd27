using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Testing;

namespace Neuron3D.Bittensor.Tests.Keys;

/// <summary>
/// Differential tests via tools/js/sr25519-peer.mjs against @polkadot/util-crypto (@scure/sr25519, pure JS) and, for
/// signatures, also @polkadot/wasm-crypto (Rust schnorrkel in WebAssembly).
/// Inputs are random but seeded, so a failure reproduces; each test sends one batch to one node process.
/// </summary>
public class DifferentialTests
{
    private const string Peer = "sr25519-peer.mjs";
    private static readonly int[] MessageLengths = [0, 1, 31, 32, 33, 64, 255, 256, 257, 1000, 4096];

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
    private static byte[] FromHex(JsonNode? node) => Convert.FromHexString((string)node!);

    private static JsonArray RunBatch(List<object> ops) => NodePeer.Run(Peer, new { ops })["results"]!.AsArray();

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void Signatures_verify_in_both_directions_and_keys_agree()
    {
        var random = new Random(17_404);
        var cases = Enumerable.Range(0, 44)
            .Select(i => (Seed: RandomBytes(random, 32),
                          Message: RandomBytes(random, i < MessageLengths.Length ? MessageLengths[i] : random.Next(0, 600))))
            .ToList();

        // Round 1: they sign and derive; we sign.
        var ops = new List<object>();
        var ours = new List<(byte[] PublicKey, byte[] Signature)>();
        foreach (var (seed, message) in cases)
        {
            ops.Add(new { op = "pairFromSeed", seed = Hex(seed) });
            ops.Add(new { op = "sign", seed = Hex(seed), message = Hex(message) });
            using var pair = Sr25519Keypair.FromMiniSecret(seed);
            ours.Add((pair.PublicKey, pair.Sign(message)));
        }
        var results = RunBatch(ops);

        // Round 2: they verify ours (and a tampered copy, which must fail there too).
        var verifyOps = new List<object>();
        for (var i = 0; i < cases.Count; i++)
        {
            var (seed, message) = cases[i];
            var theirPair = results[2 * i]!;
            var theirSignature = results[2 * i + 1]!;
            using var pair = Sr25519Keypair.FromMiniSecret(seed);
            Assert.Equal(Hex(pair.PublicKey), (string)theirPair["publicKey"]!);
            Assert.Equal(pair.Ss58Address, (string)theirPair["address"]!);
            using (var ed = pair.ExportEd25519SecretKey()) Assert.Equal(Hex(ed.Span), (string)theirPair["secretKey"]!);

            Assert.True(Sr25519.Verify(pair.PublicKey, message, FromHex(theirSignature["signature"])), $"@scure signature {i} (message {message.Length} B)");
            Assert.True(Sr25519.Verify(pair.PublicKey, message, FromHex(theirSignature["signatureWasm"])), $"schnorrkel signature {i} (message {message.Length} B)");

            verifyOps.Add(new { op = "verify", publicKey = Hex(ours[i].PublicKey), message = Hex(message), signature = Hex(ours[i].Signature) });
            var tampered = (byte[])ours[i].Signature.Clone();
            tampered[i % 64] ^= 0x10;
            verifyOps.Add(new { op = "verify", publicKey = Hex(ours[i].PublicKey), message = Hex(message), signature = Hex(tampered) });
        }
        var verdicts = RunBatch(verifyOps);
        for (var i = 0; i < cases.Count; i++)
        {
            Assert.True((bool)verdicts[2 * i]!["valid"]!, $"our signature {i} (message {cases[i].Message.Length} B) rejected by @scure/sr25519");
            Assert.True((bool)verdicts[2 * i]!["validWasm"]!, $"our signature {i} (message {cases[i].Message.Length} B) rejected by schnorrkel");
            Assert.False((bool)verdicts[2 * i + 1]!["valid"]!, $"tampered signature {i} accepted by @scure/sr25519");
            Assert.False((bool)verdicts[2 * i + 1]!["validWasm"]!, $"tampered signature {i} accepted by schnorrkel");
        }
    }

    [Fact]
    public void Mnemonics_from_either_side_give_the_same_entropy_mini_secret_and_address()
    {
        var wordCounts = new[] { 12, 15, 18, 21, 24 };
        var generate = wordCounts.SelectMany(w => Enumerable.Repeat(new { op = "mnemonicGenerate", words = w }, 3)).ToList<object>();
        var theirPhrases = RunBatch(generate).Select(r => (string)r!["phrase"]!).ToList();
        var ourPhrases = wordCounts.SelectMany(w => Enumerable.Range(0, 3).Select(_ => Mnemonic.Generate(w))).ToList();
        var phrases = theirPhrases.Concat(ourPhrases).ToList();
        var passwords = phrases.Select((_, i) => i % 4 == 3 ? "pässwörd " + i : "").ToList();

        var results = RunBatch(phrases.Select((p, i) => (object)new { op = "mnemonic", phrase = p, password = passwords[i] }).ToList());
        for (var i = 0; i < phrases.Count; i++)
        {
            var phrase = phrases[i];
            var theirs = results[i]!;
            Assert.True((bool)theirs["valid"]!, $"polkadot-js rejects our mnemonic {i}");
            Mnemonic.Validate(phrase);
            Assert.Equal((string)theirs["entropy"]!, Hex(Mnemonic.ToEntropy(phrase)));
            using var mini = Mnemonic.ToMiniSecret(phrase, passwords[i]);
            Assert.Equal((string)theirs["miniSecret"]!, Hex(mini.Span));
            using var pair = Sr25519Keypair.FromMiniSecret(mini.Span);
            Assert.Equal((string)theirs["publicKey"]!, Hex(pair.PublicKey));
            Assert.Equal((string)theirs["address"]!, pair.Ss58Address);
            Assert.Equal(phrase.Split(' ').Length, wordCounts[i % 15 / 3]);
        }
    }

    [Fact]
    public void Random_uris_with_hard_soft_and_password_junctions_give_the_same_address()
    {
        var random = new Random(404);
        string[] names = ["Alice", "stash", "hot", "0", "1", "42", "18446744073709551615", "validator", "ünïcode",
            "PathNameLongerThan32BytesWhichShouldBeHashed", "rococo-validator-profiled-node-0", "x"];
        var uris = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var phrase = (i % 4) switch
            {
                0 => "",
                1 => Mnemonic.Generate(12 + 3 * random.Next(5)),
                2 => "0x" + Hex(RandomBytes(random, 32)),
                _ => Mnemonic.Generate(12),
            };
            var path = string.Concat(Enumerable.Range(0, random.Next(0, 5))
                .Select(_ => (random.Next(2) == 0 ? "//" : "/") + (random.Next(3) == 0 ? random.Next(0, 100_000).ToString() : names[random.Next(names.Length)])));
            var password = phrase.StartsWith("0x") || random.Next(3) != 0 ? "" : "///pw" + random.Next(1000);
            if (phrase.Length == 0 && path.Length == 0 && password.Length == 0) path = "//Alice";
            uris.Add(phrase + path + password);
        }

        var results = RunBatch(uris.Select(u => (object)new { op = "uri", uri = u }).ToList());
        for (var i = 0; i < uris.Count; i++)
        {
            using var pair = Sr25519Keypair.FromUri(uris[i]);
            Assert.True((string)results[i]!["address"]! == pair.Ss58Address, $"URI {i} with path {uris[i][Math.Max(0, uris[i].IndexOf('/'))..]}");
        }
    }

    [Fact]
    public void Ss58_with_random_prefixes_agrees_both_ways()
    {
        var random = new Random(42);
        var cases = new List<(byte[] Key, ushort Prefix)>();
        ushort[] fixedPrefixes = [0, 1, 2, 42, 45, 48, 63, 64, 65, 255, 256, 1000, 4095, 16383];
        foreach (var prefix in fixedPrefixes) cases.Add((RandomBytes(random, 32), prefix));
        while (cases.Count < 60)
        {
            var prefix = (ushort)random.Next(0, 16384);
            if (prefix is not (46 or 47)) cases.Add((RandomBytes(random, 32), prefix));
        }

        var results = RunBatch(cases.Select(c => (object)new { op = "ss58Encode", publicKey = Hex(c.Key), prefix = (int)c.Prefix }).ToList());
        for (var i = 0; i < cases.Count; i++)
        {
            var (key, prefix) = cases[i];
            var theirs = (string)results[i]!["address"]!;
            Assert.Equal(theirs, Ss58.Encode(key, prefix));
            Assert.Equal(key, Ss58.Decode(theirs, out var decodedPrefix));
            Assert.Equal(prefix, decodedPrefix);
        }
    }

    /// <summary>
    /// With the transcript RNG's 32 random bytes fixed, signing and soft derivation are deterministic: compare them byte
    /// for byte with @scure/sr25519, which pins the Merlin witness path (labels, order, rekeying) exactly.
    /// </summary>
    [Fact]
    public void Signing_and_derivation_are_byte_identical_to_scure_with_the_same_randomness()
    {
        var random = new Random(2026);
        var cases = Enumerable.Range(0, 24)
            .Select(i => (Seed: RandomBytes(random, 32), Message: RandomBytes(random, MessageLengths[i % MessageLengths.Length]),
                          Random: RandomBytes(random, 32), ChainCode: RandomBytes(random, 32)))
            .ToList();
        var ops = new List<object>();
        foreach (var c in cases)
        {
            using var pair = Sr25519Keypair.FromMiniSecret(c.Seed);
            using var ed = pair.ExportEd25519SecretKey();
            ops.Add(new { op = "signWithRandom", secretKey = Hex(ed.Span), message = Hex(c.Message), random = Hex(c.Random) });
            ops.Add(new { op = "deriveSoftWithRandom", secretKey = Hex(ed.Span), chainCode = Hex(c.ChainCode), random = Hex(c.Random) });
            ops.Add(new { op = "deriveHard", secretKey = Hex(ed.Span), chainCode = Hex(c.ChainCode) });
        }
        var results = RunBatch(ops);
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            using var pair = Sr25519Keypair.FromMiniSecret(c.Seed);
            Assert.Equal((string)results[3 * i]!["signature"]!, Hex(pair.Sign(c.Message, c.Random)));
            using var soft = pair.DeriveSoft(c.ChainCode, c.Random);
            using (var softSecret = soft.ExportEd25519SecretKey())
                Assert.Equal((string)results[3 * i + 1]!["secretKey"]!, Hex(softSecret.Span));
            using var hard = pair.DeriveHard(c.ChainCode);
            using (var hardSecret = hard.ExportEd25519SecretKey())
                Assert.Equal((string)results[3 * i + 2]!["secretKey"]!, Hex(hardSecret.Span));
        }
    }
}
