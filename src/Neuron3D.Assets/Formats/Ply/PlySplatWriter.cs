using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Formats.Ply;

/// <summary>Options for <see cref="PlySplatWriter"/>.</summary>
public sealed record PlySplatWriteOptions
{
    /// <summary>Defaults: normals included (the SN17 reference generator's layout).</summary>
    public static PlySplatWriteOptions Default { get; } = new();

    /// <summary>
    /// Write `nx ny nz` (always 0) after the position, as the SN17 reference generator's `save_ply` does.
    /// False gives the layout `pyspz.decompress(include_normals=False)` produces. Default true.
    /// </summary>
    public bool IncludeNormals { get; init; } = true;
}

/// <summary>
/// Writes a <see cref="SplatCloud"/> as a binary little-endian 3DGS PLY in the SN17 layout (spec §4.1):
/// `x y z [nx ny nz] f_dc_0..2 f_rest_0..3K−1 opacity scale_0..2 rot_0..3`, all `float`, LF line ends, no comments —
/// so every file with at least one splat passes <see cref="Sn17PlyConstraints.Validate"/> (the SN17 compressor's rules).
/// </summary>
public static class PlySplatWriter
{
    /// <summary>The property names written for <paramref name="shDegree"/>, in file order.</summary>
    public static IReadOnlyList<string> PropertyNames(int shDegree, bool includeNormals)
    {
        var names = new List<string> { "x", "y", "z" };
        if (includeNormals) names.AddRange(["nx", "ny", "nz"]);
        names.AddRange(["f_dc_0", "f_dc_1", "f_dc_2"]);
        var rest = 3 * SplatCloud.ShRestCoefficientsPerSplat(shDegree);
        for (var i = 0; i < rest; i++) names.Add($"f_rest_{i}");
        names.AddRange(["opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]);
        return names;
    }

    /// <summary>Encodes <paramref name="cloud"/> into a new byte array.</summary>
    public static byte[] Write(SplatCloud cloud, PlySplatWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        options ??= PlySplatWriteOptions.Default;
        var header = Header(cloud, options, out var floatsPerRow);
        var bytes = new byte[header.Length + (long)cloud.Count * floatsPerRow * sizeof(float)];
        header.CopyTo(bytes, 0);
        WriteRows(cloud, options, 0, cloud.Count, bytes.AsSpan(header.Length));
        return bytes;
    }

    /// <summary>Encodes <paramref name="cloud"/> into <paramref name="destination"/>, in pooled chunks of rows.</summary>
    public static void Write(SplatCloud cloud, Stream destination, PlySplatWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(destination);
        options ??= PlySplatWriteOptions.Default;
        var header = Header(cloud, options, out var floatsPerRow);
        destination.Write(header);
        var rowBytes = floatsPerRow * sizeof(float);
        var rowsPerChunk = Math.Max(1, (1 << 16) / rowBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(rowsPerChunk * rowBytes);
        try
        {
            for (var start = 0; start < cloud.Count; start += rowsPerChunk)
            {
                var rows = Math.Min(rowsPerChunk, cloud.Count - start);
                var chunk = buffer.AsSpan(0, rows * rowBytes);
                WriteRows(cloud, options, start, rows, chunk);
                destination.Write(chunk);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Header(SplatCloud cloud, PlySplatWriteOptions options, out int floatsPerRow)
    {
        var names = PropertyNames(cloud.ShDegree, options.IncludeNormals);
        floatsPerRow = names.Count;
        var text = new StringBuilder();
        text.Append("ply\nformat binary_little_endian 1.0\nelement vertex ").Append(cloud.Count).Append('\n');
        foreach (var name in names) text.Append("property float ").Append(name).Append('\n');
        text.Append("end_header\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static void WriteRows(SplatCloud cloud, PlySplatWriteOptions options, int start, int count, Span<byte> destination)
    {
        var restPerSplat = SplatCloud.ShRestCoefficientsPerSplat(cloud.ShDegree) * 3;
        var restPerChannel = restPerSplat / 3;
        var offset = 0;
        for (var i = start; i < start + count; i++)
        {
            Put(destination, ref offset, cloud.Positions.AsSpan(3 * i, 3));
            if (options.IncludeNormals) Put(destination, ref offset, [0f, 0f, 0f]);
            Put(destination, ref offset, cloud.ShDc.AsSpan(3 * i, 3));
            // File order is channel-major: all red coefficients, then green, then blue.
            var rest = cloud.ShRest.AsSpan(i * restPerSplat, restPerSplat);
            for (var channel = 0; channel < 3; channel++)
                for (var j = 0; j < restPerChannel; j++)
                    Put(destination, ref offset, rest[j * 3 + channel]);
            Put(destination, ref offset, cloud.OpacityLogits[i]);
            Put(destination, ref offset, cloud.LogScales.AsSpan(3 * i, 3));
            Put(destination, ref offset, cloud.Rotations.AsSpan(4 * i, 4));
        }
    }

    private static void Put(Span<byte> destination, ref int offset, ReadOnlySpan<float> values)
    {
        foreach (var v in values) Put(destination, ref offset, v);
    }

    private static void Put(Span<byte> destination, ref int offset, float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(destination[offset..], value);
        offset += sizeof(float);
    }
}
