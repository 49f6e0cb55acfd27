using System.Text;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Tests.Keys;

/// <summary>Keccak-f[1600], STROBE-128 and Merlin against published known answers.</summary>
public class TranscriptTests
{
    /// <summary>Keccak team's KeccakF-1600-IntermediateValues: the permutation of the all-zero state, first lanes.</summary>
    [Fact]
    public void Keccak_permutation_of_zero_state_matches_reference()
    {
        var lanes = new ulong[25];
        KeccakF1600.Permute(lanes);
        Assert.Equal(0xF1258F7940E1DDE7UL, lanes[0]);
        Assert.Equal(0x84D5CCF933C0478AUL, lanes[1]);
    }

    /// <summary>SHA3-256 built on our permutation (rate 136, pad 0x06…0x80) against FIPS 202 answers.</summary>
    public static TheoryData<string, string> Sha3Vectors => new()
    {
        { "", "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a" },
        { "abc", "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532" },
        { new string('a', 200), "cce34485baf2bf2aca99b94833892a4f52896d3d153f7b840cc4f9fe695f1387" }, // two blocks (node crypto)
    };

    [Theory]
    [MemberData(nameof(Sha3Vectors))]
    public void Sha3_256_on_our_permutation_matches(string input, string expected)
    {
        var data = Encoding.ASCII.GetBytes(input);
        var ours = Sha3_256(data);
        Assert.Equal(expected, Convert.ToHexStringLower(ours));
    }

    private static byte[] Sha3_256(byte[] data)
    {
        const int rate = 136;
        var state = new KeccakState();
        Span<byte> bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes((Span<ulong>)state);
        var padded = new byte[(data.Length / rate + 1) * rate];
        data.CopyTo(padded, 0);
        padded[data.Length] ^= 0x06;
        padded[^1] ^= 0x80;
        for (var offset = 0; offset < padded.Length; offset += rate)
        {
            for (var i = 0; i < rate; i++) bytes[i] ^= padded[offset + i];
            KeccakF1600.PermuteBytes(ref state);
        }
        return bytes[..32].ToArray();
    }

    /// <summary>merlin crate tests (equivalence_simple / complex), produced by the STROBE reference implementation.</summary>
    [Fact]
    public void Merlin_simple_transcript_matches_reference()
    {
        var t = new MerlinTranscript("test protocol"u8);
        t.AppendMessage("some label"u8, "some data"u8);
        Span<byte> challenge = stackalloc byte[32];
        t.ChallengeBytes("challenge"u8, challenge);
        Assert.Equal("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615", Convert.ToHexStringLower(challenge));
    }

    [Fact]
    public void Transcript_copy_is_an_independent_fork()
    {
        var a = new MerlinTranscript("fork"u8);
        var b = a;
        b.AppendMessage("x"u8, "y"u8);
        Span<byte> ca = stackalloc byte[16], cb = stackalloc byte[16], cc = stackalloc byte[16];
        var c = a;
        a.ChallengeBytes("c"u8, ca);
        b.ChallengeBytes("c"u8, cb);
        c.ChallengeBytes("c"u8, cc);
        Assert.False(ca.SequenceEqual(cb));
        Assert.True(ca.SequenceEqual(cc));
    }
}
