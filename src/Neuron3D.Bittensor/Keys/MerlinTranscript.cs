using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Neuron3D.Bittensor.Keys;

/// <summary>
/// A Merlin v1.0 transcript (merlin.cool): a STROBE-128 duplex that absorbs labelled messages and squeezes
/// challenges, making Schnorr proofs non-interactive. A value type: a copy is an independent fork of the transcript.
/// </summary>
internal struct MerlinTranscript
{
    private Strobe128 _strobe;

    /// <summary>Starts a transcript for protocol <paramref name="label"/> (e.g. "SigningContext").</summary>
    public MerlinTranscript(ReadOnlySpan<byte> label)
    {
        _strobe = new Strobe128("Merlin v1.0"u8);
        AppendMessage("dom-sep"u8, label);
    }

    /// <summary>meta-AD(label) ‖ meta-AD-more(LE32(len)) ‖ AD(message).</summary>
    public void AppendMessage(ReadOnlySpan<byte> label, ReadOnlySpan<byte> message)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, checked((uint)message.Length));
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Ad(message, more: false);
    }

    /// <summary>meta-AD(label) ‖ meta-AD-more(LE32(n)) ‖ PRF(n) into <paramref name="output"/>.</summary>
    public void ChallengeBytes(ReadOnlySpan<byte> label, Span<byte> output)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, checked((uint)output.Length));
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Prf(output, more: false);
    }

    /// <summary>A challenge scalar: 64 challenge bytes reduced mod ℓ (schnorrkel <c>challenge_scalar</c>).</summary>
    public void ChallengeScalar(ReadOnlySpan<byte> label, Span<byte> scalar32)
    {
        Span<byte> wide = stackalloc byte[64];
        ChallengeBytes(label, wide);
        Scalar25519.ReduceWide(wide, scalar32);
    }

    /// <summary>
    /// Merlin's transcript RNG: forks this transcript, rekeys the fork with the witness (secret) bytes under
    /// <paramref name="label"/>, then with 32 bytes from the OS CSPRNG, and fills <paramref name="output"/>.
    /// Leaves this transcript unchanged; the output is secret-dependent yet never repeats across calls.
    /// </summary>
    public readonly void WitnessBytes(ReadOnlySpan<byte> label, ReadOnlySpan<byte> witness, Span<byte> output)
        => WitnessBytes(label, witness, [], output);

    /// <summary><see cref="WitnessBytes(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> with a second witness.</summary>
    public readonly void WitnessBytes(ReadOnlySpan<byte> label, ReadOnlySpan<byte> witness, ReadOnlySpan<byte> witness2, Span<byte> output)
    {
        var rng = _strobe;
        Span<byte> scratch = stackalloc byte[32];
        try
        {
            RekeyWithWitness(ref rng, label, witness);
            if (!witness2.IsEmpty) RekeyWithWitness(ref rng, label, witness2);
            RandomNumberGenerator.Fill(scratch);
            rng.MetaAd("rng"u8, more: false);
            rng.Key(scratch, more: false);
            BinaryPrimitives.WriteUInt32LittleEndian(scratch, checked((uint)output.Length));
            rng.MetaAd(scratch[..4], more: false);
            rng.Prf(output, more: false);
        }
        finally
        {
            rng.Clear();
            CryptographicOperations.ZeroMemory(scratch);
        }
    }

    /// <summary>Zeroes the state; call when the transcript absorbed secret material (e.g. HDKD over a secret key).</summary>
    public void Clear() => _strobe.Clear();

    private static void RekeyWithWitness(ref Strobe128 rng, ReadOnlySpan<byte> label, ReadOnlySpan<byte> witness)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, checked((uint)witness.Length));
        rng.MetaAd(label, more: false);
        rng.MetaAd(length, more: true);
        rng.Key(witness, more: false);
    }
}
