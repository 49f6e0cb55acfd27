using System.Globalization;
using System.Text;
using Neuron3D.Assets.Meshes;

namespace Neuron3D.Assets.Formats.Obj;

/// <summary>
/// Writes a <see cref="TriangleMesh"/> as Wavefront OBJ: `v x y z [r g b]` (colours as the widely read
/// vertex-colour extension), `vn` per vertex when present, and `f a b c` (or `f a//a b//b c//c`), 1-based.
/// Floats use the shortest text that reads back to the same float32, so the round trip is exact.
/// </summary>
public static class ObjMeshWriter
{
    /// <summary>Encodes <paramref name="mesh"/> as UTF-8 OBJ text.</summary>
    public static byte[] Write(TriangleMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        using var stream = new MemoryStream();
        Write(mesh, stream);
        return stream.ToArray();
    }

    /// <summary>Writes <paramref name="mesh"/> as OBJ text to <paramref name="destination"/>.</summary>
    public static void Write(TriangleMesh mesh, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine($"# Neuron3D: {mesh.VertexCount} vertices, {mesh.TriangleCount} triangles");
        Span<char> number = stackalloc char[32];
        for (var v = 0; v < mesh.VertexCount; v++)
        {
            writer.Write('v');
            for (var k = 0; k < 3; k++) WriteNumber(writer, mesh.Positions[3 * v + k], number);
            if (mesh.Colors is { } colors)
                for (var k = 0; k < 3; k++) WriteNumber(writer, colors[3 * v + k], number);
            writer.WriteLine();
        }
        if (mesh.Normals is { } normals)
        {
            for (var v = 0; v < mesh.VertexCount; v++)
            {
                writer.Write("vn");
                for (var k = 0; k < 3; k++) WriteNumber(writer, normals[3 * v + k], number);
                writer.WriteLine();
            }
        }
        for (var t = 0; t < mesh.TriangleCount; t++)
        {
            writer.Write('f');
            for (var k = 0; k < 3; k++)
            {
                var index = mesh.Indices[3 * t + k] + 1;
                writer.Write(' ');
                writer.Write(index);
                if (mesh.Normals is null) continue;
                writer.Write("//");
                writer.Write(index);
            }
            writer.WriteLine();
        }
    }

    private static void WriteNumber(StreamWriter writer, float value, Span<char> buffer)
    {
        writer.Write(' ');
        value.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
    }
}
