using System.Buffers.Binary;

namespace Neuron3D.Assets.Formats.Spz;

/// <summary>
/// The per-attribute SPZ quantisation of spec §4.2–4.3, computed in float32 exactly as the reference writers do
/// (round = half away from zero, <c>u8(x)</c> = clamp(round(x), 0, 255)). Inputs are raw (pre-activation) values.
/// </summary>
public static class SpzQuantization
{
    /// <summary>Colour scale of DC coefficients: byte = dc · (0.15·255) + 0.5·255.</summary>
    public const float ColorScale = 0.15f;

    /// <summary>SH buckets: 5 bits (bucket 8) for the 9 values of the degree-1 band, 4 bits (bucket 16) for the rest.</summary>
    public const int ShBucketDegree1 = 8, ShBucketHigher = 16;

    private const float Sqrt1Over2 = 0.70710678118654752f;
    private const uint SmallestThreeMagnitudeMask = (1u << 9) - 1;

    internal static readonly float[] AlphaTable = Table(DecodeAlpha);
    internal static readonly float[] ColorTable = Table(DecodeColor);
    internal static readonly float[] ScaleTable = Table(DecodeScale);
    internal static readonly float[] ShTable = Table(DecodeSh);
    internal static readonly float[] FirstThreeTable = Table(b => b / 127.5f - 1f);

    private static float[] Table(Func<byte, float> decode)
    {
        var table = new float[256];
        for (var b = 0; b < 256; b++) table[b] = decode((byte)b);
        return table;
    }

    /// <summary>clamp(round-half-away(x), 0, 255); NaN maps to 0.</summary>
    public static byte ToByte(float x)
    {
        var r = MathF.Round(x, MidpointRounding.AwayFromZero);
        return r >= 255f ? (byte)255 : r > 0f ? (byte)r : (byte)0;
    }

    /// <summary>One coordinate as 24-bit fixed point: the low 24 bits of round(v·2^bits), no clamping (values past the range wrap).</summary>
    public static void EncodePosition(float value, float scale, Span<byte> destination)
    {
        // The float→int conversion saturates (and maps NaN to 0) on .NET; only the low 24 bits are kept.
        var q = (int)MathF.Round(value * scale, MidpointRounding.AwayFromZero);
        destination[0] = (byte)q;
        destination[1] = (byte)(q >> 8);
        destination[2] = (byte)(q >> 16);
    }

    /// <summary>Sign-extends a 24-bit little-endian fixed-point value and scales it by 2^−bits.</summary>
    public static float DecodePosition(ReadOnlySpan<byte> source, float inverseScale)
    {
        var q = source[0] | (source[1] << 8) | (source[2] << 16);
        q = (q << 8) >> 8;
        return q * inverseScale;
    }

    /// <summary>Opacity logit → byte: u8(sigmoid(logit)·255).</summary>
    public static byte EncodeAlpha(float logit) => ToByte(1f / (1f + MathF.Exp(-logit)) * 255f);

    /// <summary>Byte → opacity logit ln(a/(1−a)); byte 0 gives −∞ and 255 gives +∞, as the reference decoder.</summary>
    public static float DecodeAlpha(byte alpha)
    {
        var a = alpha / 255f;
        return MathF.Log(a / (1f - a));
    }

    /// <summary>SH DC coefficient → byte: u8(dc·38.25 + 127.5).</summary>
    public static byte EncodeColor(float dc) => ToByte(dc * (ColorScale * 255f) + 0.5f * 255f);

    /// <summary>Byte → SH DC coefficient ((c/255) − 0.5)/0.15.</summary>
    public static float DecodeColor(byte color) => (color / 255f - 0.5f) / ColorScale;

    /// <summary>Log-scale → byte: u8((s + 10)·16), i.e. −10 … 5.9375 in steps of 1/16.</summary>
    public static byte EncodeScale(float logScale) => ToByte((logScale + 10f) * 16f);

    /// <summary>Byte → log-scale s/16 − 10.</summary>
    public static float DecodeScale(byte scale) => scale / 16f - 10f;

    /// <summary>
    /// Normalises a w x y z quaternion into x y z w order. A zero or non-finite quaternion has no direction and is
    /// written as the identity.
    /// </summary>
    private static (float X, float Y, float Z, float W) NormalisedXyzw(ReadOnlySpan<float> wxyz)
    {
        float x = wxyz[1], y = wxyz[2], z = wxyz[3], w = wxyz[0];
        var norm = MathF.Sqrt(x * x + y * y + z * z + w * w);
        if (!(norm > 0f) || !float.IsFinite(norm)) return (0f, 0f, 0f, 1f);
        var inverse = 1f / norm;
        return (x * inverse, y * inverse, z * inverse, w * inverse);
    }

    /// <summary>Version 1–2 "first three" rotation: normalise, flip to w ≥ 0, store u8(c·127.5 + 127.5) of x, y, z.</summary>
    public static void EncodeRotationFirstThree(ReadOnlySpan<float> wxyz, Span<byte> destination)
    {
        var (x, y, z, w) = NormalisedXyzw(wxyz);
        var sign = w < 0f ? -127.5f : 127.5f;
        destination[0] = ToByte(x * sign + 127.5f);
        destination[1] = ToByte(y * sign + 127.5f);
        destination[2] = ToByte(z * sign + 127.5f);
    }

    /// <summary>Decodes a "first three" rotation into w x y z with w = sqrt(max(0, 1 − |xyz|²)).</summary>
    public static void DecodeRotationFirstThree(ReadOnlySpan<byte> source, Span<float> wxyz)
    {
        var x = source[0] / 127.5f - 1f;
        var y = source[1] / 127.5f - 1f;
        var z = source[2] / 127.5f - 1f;
        wxyz[0] = MathF.Sqrt(MathF.Max(0f, 1f - (x * x + y * y + z * z)));
        wxyz[1] = x;
        wxyz[2] = y;
        wxyz[3] = z;
    }

    /// <summary>
    /// Version 3+ "smallest three" rotation: the index (x y z w order) of the largest |component| in the top 2 bits,
    /// then for each other component in ascending order a sign bit and a 9-bit magnitude round(511·|c|/sqrt(½)),
    /// all with the largest component made positive; stored as a little-endian u32.
    /// </summary>
    public static void EncodeRotationSmallestThree(ReadOnlySpan<float> wxyz, Span<byte> destination)
    {
        var (x, y, z, w) = NormalisedXyzw(wxyz);
        Span<float> q = [x, y, z, w];
        var largest = 0;
        for (var i = 1; i < 4; i++)
            if (MathF.Abs(q[i]) > MathF.Abs(q[largest])) largest = i;
        var negate = q[largest] < 0f;
        var packed = (uint)largest;
        for (var i = 0; i < 4; i++)
        {
            if (i == largest) continue;
            var negativeBit = (q[i] < 0f) ^ negate ? 1u : 0u;
            var magnitude = (uint)(SmallestThreeMagnitudeMask * (MathF.Abs(q[i]) / Sqrt1Over2) + 0.5f);
            packed = (packed << 10) | (negativeBit << 9) | Math.Min(magnitude, SmallestThreeMagnitudeMask);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(destination, packed);
    }

    /// <summary>Decodes a "smallest three" rotation into w x y z.</summary>
    public static void DecodeRotationSmallestThree(ReadOnlySpan<byte> source, Span<float> wxyz)
    {
        var packed = BinaryPrimitives.ReadUInt32LittleEndian(source);
        var largest = (int)(packed >> 30);
        Span<float> q = stackalloc float[4];
        var sumSquares = 0f;
        for (var i = 3; i >= 0; i--)
        {
            if (i == largest) continue;
            var magnitude = packed & SmallestThreeMagnitudeMask;
            var negative = ((packed >> 9) & 1) != 0;
            packed >>= 10;
            var value = Sqrt1Over2 * magnitude / SmallestThreeMagnitudeMask;
            q[i] = negative ? -value : value;
            sumSquares += q[i] * q[i];
        }
        q[largest] = MathF.Sqrt(MathF.Max(0f, 1f - sumSquares));
        wxyz[0] = q[3];
        wxyz[1] = q[0];
        wxyz[2] = q[1];
        wxyz[3] = q[2];
    }

    /// <summary>One SH coefficient → byte: q = round(x·128) + 128 snapped to a multiple of <paramref name="bucket"/>, clamped to 0..255.</summary>
    public static byte EncodeSh(float value, int bucket)
    {
        // Clamping before the int conversion changes no result (anything past ±1024 clamps to 0 or 255 anyway).
        var q = (int)Math.Clamp(MathF.Round(value * 128f, MidpointRounding.AwayFromZero), -1024f, 1024f) + 128;
        q = (q + bucket / 2) / bucket * bucket;
        return (byte)Math.Clamp(q, 0, 255);
    }

    /// <summary>Byte → SH coefficient (b − 128)/128.</summary>
    public static float DecodeSh(byte value) => (value - 128f) / 128f;

    /// <summary>Decodes an IEEE half-float position coordinate (version 1 payloads).</summary>
    public static float DecodeHalf(ReadOnlySpan<byte> source) => (float)BinaryPrimitives.ReadHalfLittleEndian(source);
}
