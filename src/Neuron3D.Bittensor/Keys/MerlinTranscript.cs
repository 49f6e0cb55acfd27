using System.Buffers.Binary;

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
    /// Merlin's transcript RNG: forks this transcript, rekeys the fork with each witness (secret) under
    /// <paramref name="label"/>, then with <paramref name="random32"/> (32 bytes from the OS CSPRNG in production),
    /// and fills <paramref name="output"/>. Leaves this transcript unchanged; the output depends on the secret and
    /// never repeats across calls.
    /// </summary>
    public readonly void WitnessBytes(ReadOnlySpan<byte> label, ReadOnlySpan<byte> witness, ReadOnlySpan<byte> random32, Span<byte> output)
    {
        var rng = _strobe;
        RekeyWithWitness(ref rng, label, witness);
        FinalizeRng(ref rng, random32, output);
    }

    /// <summary><see cref="WitnessBytes(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>
    /// rekeyed with two witnesses in order.</summary>
    public readonly void WitnessBytes(ReadOnlySpan<byte> label, ReadOnlySpan<byte> witness, ReadOnlySpan<byte> witness2,
        ReadOnlySpan<byte> random32, Span<byte> output)
    {
        var rng = _strobe;
        RekeyWithWitness(ref rng, label, witness);
        RekeyWithWitness(ref rng, label, witness2);
        FinalizeRng(ref rng, random32, output);
    }

    /// <summary>Merlin <c>TranscriptRngBuilder::finalize</c> + <c>fill_bytes</c>: rekey with the random bytes, then PRF.</summary>
    private static void FinalizeRng(ref Strobe128 rng, ReadOnlySpan<byte> random32, Span<byte> output)
    {
        if (random32.Length != 32) throw new ArgumentException("the transcript RNG takes 32 random bytes", nameof(random32));
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, checked((uint)output.Length));
        rng.MetaAd("rng"u8, more: false);
        rng.Key(random32, more: false);
        rng.MetaAd(length, more: false);
        rng.Prf(output, more: false);
        rng.Clear();
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
