using System.Buffers.Binary;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Formats.Spz;

/// <summary>
/// The planar attribute layout shared by every SPZ version (spec §4.2): positions, alphas, colours, scales,
/// rotations, spherical harmonics, each attribute for all splats before the next one.
/// </summary>
internal readonly record struct SpzPlanes(int Count, int Version, int FileShDegree)
{
    /// <summary>Size of the 16-byte header of version 1–3 payloads.</summary>
    public const int HeaderBytes = 16;

    /// <summary>"NGSP" little-endian.</summary>
    public const uint Magic = 0x5053474E;

    public int PositionBytes => Version == 1 ? 6 : 9;
    public int RotationBytes => Version >= 3 ? 4 : 3;
    public int ShBytesPerSplat => 3 * ShCoefficients(FileShDegree);

    public long PositionsLength => (long)Count * PositionBytes;
    public long AlphasLength => Count;
    public long ColorsLength => 3L * Count;
    public long ScalesLength => 3L * Count;
    public long RotationsLength => (long)Count * RotationBytes;
    public long ShLength => (long)Count * ShBytesPerSplat;

    /// <summary>Bytes of all planes (without any header).</summary>
    public long Length => PositionsLength + AlphasLength + ColorsLength + ScalesLength + RotationsLength + ShLength;

    /// <summary>The plane lengths in stream order (positions, alphas, colours, scales, rotations, SH).</summary>
    public long[] StreamLengths => [PositionsLength, AlphasLength, ColorsLength, ScalesLength, RotationsLength, ShLength];

    /// <summary>Higher-order SH coefficients per channel for a file degree 0–4 (upstream v4 allows degree 4: 24).</summary>
    public static int ShCoefficients(int degree) => (degree + 1) * (degree + 1) - 1;

    /// <summary>Writes the 16-byte version 1–3 header.</summary>
    public static void WriteHeader(Span<byte> destination, int version, int count, int shDegree, int fractionalBits, bool antialiased)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)version);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], (uint)count);
        destination[12] = (byte)shDegree;
        destination[13] = (byte)fractionalBits;
        destination[14] = antialiased ? (byte)1 : (byte)0;
        destination[15] = 0;
    }

    /// <summary>Quantises <paramref name="cloud"/> into <paramref name="planes"/> (exactly <see cref="Length"/> bytes).</summary>
    public void Pack(SplatCloud cloud, int fractionalBits, Span<byte> planes)
    {
        var n = Count;
        var positions = planes[..(int)PositionsLength];
        var alphas = planes.Slice((int)PositionsLength, n);
        var colors = planes.Slice((int)(PositionsLength + AlphasLength), 3 * n);
        var scales = planes.Slice((int)(PositionsLength + AlphasLength + ColorsLength), 3 * n);
        var rotations = planes.Slice((int)(PositionsLength + AlphasLength + ColorsLength + ScalesLength), (int)RotationsLength);
        var sh = planes[(int)(Length - ShLength)..];

        var scale = MathF.ScaleB(1f, fractionalBits);
        var source = cloud.Positions;
        for (var k = 0; k < 3 * n; k++) SpzQuantization.EncodePosition(source[k], scale, positions.Slice(3 * k, 3));
        for (var i = 0; i < n; i++) alphas[i] = SpzQuantization.EncodeAlpha(cloud.OpacityLogits[i]);
        for (var k = 0; k < 3 * n; k++) colors[k] = SpzQuantization.EncodeColor(cloud.ShDc[k]);
        for (var k = 0; k < 3 * n; k++) scales[k] = SpzQuantization.EncodeScale(cloud.LogScales[k]);
        var rotationBytes = RotationBytes;
        for (var i = 0; i < n; i++)
        {
            var quaternion = cloud.Rotations.AsSpan(4 * i, 4);
            if (rotationBytes == 4) SpzQuantization.EncodeRotationSmallestThree(quaternion, rotations.Slice(4 * i, 4));
            else SpzQuantization.EncodeRotationFirstThree(quaternion, rotations.Slice(3 * i, 3));
        }
        var perSplat = ShBytesPerSplat;
        for (var i = 0; i < n; i++)
        {
            var values = cloud.ShRest.AsSpan(i * perSplat, perSplat);
            var bytes = sh.Slice(i * perSplat, perSplat);
            for (var k = 0; k < perSplat; k++)
                bytes[k] = SpzQuantization.EncodeSh(values[k], k < 9 ? SpzQuantization.ShBucketDegree1 : SpzQuantization.ShBucketHigher);
        }
    }

    /// <summary>Decodes planes (exactly <see cref="Length"/> bytes) into a new cloud of degree min(file degree, 3).</summary>
    public SplatCloud Unpack(ReadOnlySpan<byte> planes, int fractionalBits)
    {
        var n = Count;
        var cloud = new SplatCloud(n, Math.Min(FileShDegree, 3));
        var positions = planes[..(int)PositionsLength];
        var alphas = planes.Slice((int)PositionsLength, n);
        var colors = planes.Slice((int)(PositionsLength + AlphasLength), 3 * n);
        var scales = planes.Slice((int)(PositionsLength + AlphasLength + ColorsLength), 3 * n);
        var rotations = planes.Slice((int)(PositionsLength + AlphasLength + ColorsLength + ScalesLength), (int)RotationsLength);
        var sh = planes[(int)(Length - ShLength)..];

        var target = cloud.Positions.AsSpan();
        if (Version == 1)
        {
            for (var k = 0; k < 3 * n; k++) target[k] = SpzQuantization.DecodeHalf(positions.Slice(2 * k, 2));
        }
        else
        {
            var inverseScale = MathF.ScaleB(1f, -fractionalBits);
            for (var k = 0; k < 3 * n; k++)
            {
                var q = positions[3 * k] | (positions[3 * k + 1] << 8) | (positions[3 * k + 2] << 16);
                target[k] = ((q << 8) >> 8) * inverseScale; // sign-extend bit 23
            }
        }
        // Byte → float decoders are pure functions of one byte: read them from 256-entry tables.
        var alphaTable = SpzQuantization.AlphaTable;
        var opacity = cloud.OpacityLogits.AsSpan(0, n);
        for (var i = 0; i < opacity.Length; i++) opacity[i] = alphaTable[alphas[i]];
        var colorTable = SpzQuantization.ColorTable;
        var dc = cloud.ShDc.AsSpan(0, 3 * n);
        for (var k = 0; k < dc.Length; k++) dc[k] = colorTable[colors[k]];
        var scaleTable = SpzQuantization.ScaleTable;
        var logScales = cloud.LogScales.AsSpan(0, 3 * n);
        for (var k = 0; k < logScales.Length; k++) logScales[k] = scaleTable[scales[k]];
        var quaternions = cloud.Rotations.AsSpan(0, 4 * n);
        if (RotationBytes == 4)
        {
            for (var i = 0; i < n; i++) SpzQuantization.DecodeRotationSmallestThree(rotations.Slice(4 * i, 4), quaternions.Slice(4 * i, 4));
        }
        else
        {
            var rotationTable = SpzQuantization.FirstThreeTable;
            for (var i = 0; i < n; i++)
            {
                float x = rotationTable[rotations[3 * i]], y = rotationTable[rotations[3 * i + 1]], z = rotationTable[rotations[3 * i + 2]];
                quaternions[4 * i] = MathF.Sqrt(MathF.Max(0f, 1f - (x * x + y * y + z * z)));
                quaternions[4 * i + 1] = x;
                quaternions[4 * i + 2] = y;
                quaternions[4 * i + 3] = z;
            }
        }
        // Coefficient-major per splat in both the file and the cloud, so degree 3 is a prefix of degree 4.
        var filePerSplat = ShBytesPerSplat;
        var cloudPerSplat = 3 * SplatCloud.ShRestCoefficientsPerSplat(cloud.ShDegree);
        var shTable = SpzQuantization.ShTable;
        for (var i = 0; i < n; i++)
        {
            var bytes = sh.Slice(i * filePerSplat, cloudPerSplat);
            var values = cloud.ShRest.AsSpan(i * cloudPerSplat, cloudPerSplat);
            for (var k = 0; k < cloudPerSplat; k++) values[k] = shTable[bytes[k]];
        }
        return cloud;
    }
}
