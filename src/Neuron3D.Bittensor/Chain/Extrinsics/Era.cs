using System.Numerics;

namespace Neuron3D.Bittensor.Chain.Extrinsics;

/// <summary>
/// Transaction mortality (spec §4.2). Immortal extrinsics are valid forever (and survive block-number jumps on a
/// local chain); mortal ones only within <see cref="Period"/> blocks of their birth block, whose hash is signed.
/// </summary>
public readonly record struct Era
{
    private Era(ulong period, ulong phase)
    {
        Period = period;
        Phase = phase;
    }

    /// <summary>Valid forever; encodes as 0x00 and signs the genesis hash.</summary>
    public static Era Immortal => default;

    /// <summary>Validity window in blocks (a power of two, 4..65536); 0 for immortal.</summary>
    public ulong Period { get; }

    /// <summary>Birth block modulo <see cref="Period"/> (quantized); 0 for immortal.</summary>
    public ulong Phase { get; }

    /// <summary>True when the era has a validity window.</summary>
    public bool IsMortal => Period != 0;

    /// <summary>
    /// A mortal era of about <paramref name="period"/> blocks (rounded up to a power of two, clamped to 4..65536)
    /// starting at block <paramref name="currentBlock"/> (SDK default period 128, current = finalized head number).
    /// </summary>
    public static Era Mortal(ulong period, ulong currentBlock)
    {
        var rounded = Math.Clamp(BitOperations.RoundUpToPowerOf2(Math.Max(period, 1)), 4UL, 1UL << 16);
        var phase = currentBlock % rounded;
        var quantizeFactor = Math.Max(rounded >> 12, 1);
        return new Era(rounded, phase / quantizeFactor * quantizeFactor);
    }

    /// <summary>The block whose hash this era signs: the first block of the window containing <paramref name="currentBlock"/>.</summary>
    public ulong BirthBlock(ulong currentBlock) =>
        IsMortal ? (Math.Max(currentBlock, Phase) - Phase) / Period * Period + Phase : 0;

    /// <summary>SCALE bytes: 0x00, or a u16 (low 4 bits = log2(period) − 1, high 12 bits = phase / quantize factor) little-endian.</summary>
    public byte[] Encode()
    {
        if (!IsMortal) return [0];
        var quantizeFactor = Math.Max(Period >> 12, 1);
        var encoded = (ushort)(Math.Min(15, Math.Max(1, BitOperations.TrailingZeroCount(Period) - 1)) | (int)((Phase / quantizeFactor) << 4));
        return [(byte)encoded, (byte)(encoded >> 8)];
    }
}
