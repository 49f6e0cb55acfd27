using System.Buffers.Binary;
using System.Text;
using Neuron3D.Assets.Meshes;

namespace Neuron3D.Assets.Formats.Ply;

/// <summary>How <see cref="PlyMeshWriter"/> stores vertex colours.</summary>
public enum PlyColorEncoding
{
    /// <summary>`uchar red green blue`, round(c·255) clamped — what MeshLab/Blender expect (lossy: ±0.5/255).</summary>
    UInt8,

    /// <summary>`float red green blue`, exact.</summary>
    Float32,
}

/// <summary>Options for <see cref="PlyMeshWriter"/>.</summary>
public sealed record PlyMeshWriteOptions
{
    /// <summary>Defaults: colours as uchar.</summary>
    public static PlyMeshWriteOptions Default { get; } = new();

    /// <summary>How colours are stored. Default <see cref="PlyColorEncoding.UInt8"/>.</summary>
    public PlyColorEncoding ColorEncoding { get; init; } = PlyColorEncoding.UInt8;
}

/// <summary>
/// Writes a <see cref="TriangleMesh"/> as binary little-endian PLY: `vertex` (float x y z, [float nx ny nz],
/// [red green blue]) and `face` (`list uchar int vertex_indices`, 3 per triangle).
/// </summary>
public static class PlyMeshWriter
{
    /// <summary>Encodes <paramref name="mesh"/> into a new byte array.</summary>
    public static byte[] Write(TriangleMesh mesh, PlyMeshWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        options ??= PlyMeshWriteOptions.Default;
        var byteColors = options.ColorEncoding == PlyColorEncoding.UInt8;
        var header = new StringBuilder("ply\nformat binary_little_endian 1.0\n");
        header.Append("element vertex ").Append(mesh.VertexCount).Append('\n');
        header.Append("property float x\nproperty float y\nproperty float z\n");
        if (mesh.Normals is not null) header.Append("property float nx\nproperty float ny\nproperty float nz\n");
        if (mesh.Colors is not null)
        {
            var type = byteColors ? "uchar" : "float";
            header.Append($"property {type} red\nproperty {type} green\nproperty {type} blue\n");
        }
        header.Append("element face ").Append(mesh.TriangleCount).Append('\n');
        header.Append("property list uchar int vertex_indices\nend_header\n");
        var headerBytes = Encoding.ASCII.GetBytes(header.ToString());

        var vertexBytes = 12 + (mesh.Normals is null ? 0 : 12) + (mesh.Colors is null ? 0 : byteColors ? 3 : 12);
        var bytes = new byte[headerBytes.Length + (long)mesh.VertexCount * vertexBytes + (long)mesh.TriangleCount * 13];
        headerBytes.CopyTo(bytes, 0);
        var span = bytes.AsSpan(headerBytes.Length);
        var offset = 0;
        for (var v = 0; v < mesh.VertexCount; v++)
        {
            for (var axis = 0; axis < 3; axis++) PutFloat(span, ref offset, mesh.Positions[3 * v + axis]);
            if (mesh.Normals is { } normals)
                for (var axis = 0; axis < 3; axis++) PutFloat(span, ref offset, normals[3 * v + axis]);
            if (mesh.Colors is not { } colors) continue;
            for (var channel = 0; channel < 3; channel++)
            {
                if (byteColors) span[offset++] = (byte)Math.Clamp(MathF.Round(colors[3 * v + channel] * 255f), 0f, 255f);
                else PutFloat(span, ref offset, colors[3 * v + channel]);
            }
        }
        for (var t = 0; t < mesh.TriangleCount; t++)
        {
            span[offset++] = 3;
            for (var k = 0; k < 3; k++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(span[offset..], mesh.Indices[3 * t + k]);
                offset += 4;
            }
        }
        return bytes;
    }

    private static void PutFloat(Span<byte> destination, ref int offset, float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(destination[offset..], value);
        offset += 4;
    }
}
