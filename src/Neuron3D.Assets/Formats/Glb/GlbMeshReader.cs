using System.Buffers.Binary;
using System.Numerics;
using Neuron3D.Assets.Meshes;
using SharpGLTF.Schema2;
using SharpGLTF.Validation;

namespace Neuron3D.Assets.Formats.Glb;

/// <summary>Caps the GLB reader enforces (untrusted input).</summary>
public sealed record GlbReadOptions
{
    /// <summary>Defaults: 256 MiB of input, 10,485,760 vertices, 20,971,520 triangles.</summary>
    public static GlbReadOptions Default { get; } = new();

    /// <summary>Largest file accepted, in bytes. Default 256 MiB (SN17's competitions documented ≤ ~200 MB).</summary>
    public long MaxInputBytes { get; init; } = 256L << 20;

    /// <summary>Most vertices over all primitives. Default 10,485,760.</summary>
    public int MaxVertexCount { get; init; } = 10_485_760;

    /// <summary>Most triangles over all primitives. Default 20,971,520.</summary>
    public int MaxTriangleCount { get; init; } = 20_971_520;
}

/// <summary>
/// Reads a GLB (binary glTF 2.0) into one <see cref="TriangleMesh"/>: every primitive of every mesh instanced by the
/// default scene's nodes, transformed to world space; POSITION, NORMAL and COLOR_0 (RGB of RGB/RGBA, any encoding);
/// triangle lists, strips and fans (points and lines add vertices only). The container is checked first, then the
/// model is parsed and validated strictly by SharpGLTF.
/// </summary>
public static class GlbMeshReader
{
    private const uint GlbMagic = 0x46546C67; // "glTF"
    private const uint JsonChunk = 0x4E4F534A; // "JSON"

    /// <summary>Reads GLB bytes.</summary>
    /// <exception cref="GlbFormatException">Bad container, a model SharpGLTF rejects, or a cap exceeded.</exception>
    public static TriangleMesh Read(ReadOnlySpan<byte> file, GlbReadOptions? options = null)
    {
        options ??= GlbReadOptions.Default;
        CheckContainer(file, options);
        ModelRoot model;
        try
        {
            model = ModelRoot.ParseGLB(new ArraySegment<byte>(file.ToArray()), new ReadSettings { Validation = ValidationMode.Strict });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // SharpGLTF reports bad models through many exception types (schema, link, data, JSON, I/O, argument):
            // at this trust boundary each of them means the same thing to the caller, a malformed file.
            throw new GlbFormatException($"SharpGLTF rejects the model: {e.Message}", e);
        }
        try
        {
            return Flatten(model, options);
        }
        catch (Exception e) when (e is not (GlbFormatException or OutOfMemoryException))
        {
            throw new GlbFormatException($"cannot read the model's geometry: {e.Message}", e);
        }
    }

    /// <summary>Reads a GLB stream to its end (at most <see cref="GlbReadOptions.MaxInputBytes"/>).</summary>
    /// <exception cref="GlbFormatException">As <see cref="Read(ReadOnlySpan{byte}, GlbReadOptions?)"/>.</exception>
    public static TriangleMesh Read(Stream stream, GlbReadOptions? options = null)
    {
        options ??= GlbReadOptions.Default;
        return Read(InputBytes.ReadAll(stream, options.MaxInputBytes, m => new GlbFormatException(m)), options);
    }

    private static void CheckContainer(ReadOnlySpan<byte> file, GlbReadOptions options)
    {
        if (file.Length > options.MaxInputBytes) throw new GlbFormatException($"input is {file.Length} bytes, above the {options.MaxInputBytes}-byte cap");
        if (file.Length < 20) throw new GlbFormatException($"file is {file.Length} bytes, shorter than a GLB header and chunk header");
        if (BinaryPrimitives.ReadUInt32LittleEndian(file) != GlbMagic) throw new GlbFormatException("magic is not `glTF`");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(file[4..]);
        if (version != 2) throw new GlbFormatException($"container version {version}, only 2 is supported");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(file[8..]);
        if (length != file.Length) throw new GlbFormatException($"header says {length} bytes, the file has {file.Length}");
        var jsonLength = BinaryPrimitives.ReadUInt32LittleEndian(file[12..]);
        if (BinaryPrimitives.ReadUInt32LittleEndian(file[16..]) != JsonChunk) throw new GlbFormatException("first chunk is not JSON");
        if (jsonLength > file.Length - 20) throw new GlbFormatException($"JSON chunk of {jsonLength} bytes runs past the end of the file");
    }

    /// <summary>
    /// Triangle lists are taken index for index (SharpGLTF's own triangle enumeration drops degenerate triangles,
    /// which mesh checks must see); strips and fans are expanded by SharpGLTF.
    /// </summary>
    private static IEnumerable<(int A, int B, int C)> Triangles(MeshPrimitive primitive, int vertexCount)
    {
        if (primitive.DrawPrimitiveType != PrimitiveType.TRIANGLES) return primitive.GetTriangleIndices();
        if (primitive.IndexAccessor is null) return Enumerable.Range(0, vertexCount / 3).Select(t => (3 * t, 3 * t + 1, 3 * t + 2));
        var list = primitive.IndexAccessor.AsIndicesArray();
        return Enumerable.Range(0, list.Count / 3).Select(t => ((int)list[3 * t], (int)list[3 * t + 1], (int)list[3 * t + 2]));
    }

    private static TriangleMesh Flatten(ModelRoot model, GlbReadOptions options)
    {
        var positions = new List<float>();
        var normals = new List<float>();
        var colors = new List<float>();
        var indices = new List<int>();
        bool? withNormals = null, withColors = null;
        var scene = model.DefaultScene ?? (model.LogicalScenes.Count > 0 ? model.LogicalScenes[0] : null);
        if (scene is null) return new TriangleMesh([], []);
        foreach (var node in Node.Flatten(scene))
        {
            if (node.Mesh is null) continue;
            var world = node.WorldMatrix;
            // Untransformed nodes (what GlbMeshWriter writes) keep their values bit for bit.
            var transformed = !world.IsIdentity;
            var normalMatrix = Matrix4x4.Invert(world, out var inverse) ? Matrix4x4.Transpose(inverse) : Matrix4x4.Identity;
            foreach (var primitive in node.Mesh.Primitives)
            {
                var positionAccessor = primitive.GetVertexAccessor("POSITION");
                if (positionAccessor is null) continue;
                var normalAccessor = primitive.GetVertexAccessor("NORMAL");
                var colorAccessor = primitive.GetVertexAccessor("COLOR_0");
                // A mesh keeps normals/colours only if every primitive has them.
                withNormals = (withNormals ?? true) && normalAccessor is not null;
                withColors = (withColors ?? true) && colorAccessor is not null;
                var first = positions.Count / 3;
                var count = positionAccessor.Count;
                if (first + (long)count > options.MaxVertexCount) throw new GlbFormatException($"more than {options.MaxVertexCount} vertices");
                foreach (var p in positionAccessor.AsVector3Array())
                {
                    var w = transformed ? Vector3.Transform(p, world) : p;
                    positions.AddRange(w.X, w.Y, w.Z);
                }
                if (normalAccessor is not null)
                    foreach (var n in normalAccessor.AsVector3Array())
                    {
                        var w = transformed ? Vector3.Normalize(Vector3.TransformNormal(n, normalMatrix)) : n;
                        normals.AddRange(w.X, w.Y, w.Z);
                    }
                if (colorAccessor is not null)
                    foreach (var c in colorAccessor.AsColorArray())
                        colors.AddRange(c.X, c.Y, c.Z);
                foreach (var (a, b, c) in Triangles(primitive, count))
                {
                    if (indices.Count / 3 >= options.MaxTriangleCount) throw new GlbFormatException($"more than {options.MaxTriangleCount} triangles");
                    if ((uint)a >= (uint)count || (uint)b >= (uint)count || (uint)c >= (uint)count)
                        throw new GlbFormatException($"triangle ({a}, {b}, {c}) indexes past the primitive's {count} vertices");
                    indices.AddRange(first + a, first + b, first + c);
                }
            }
        }
        return new TriangleMesh([.. positions], [.. indices],
            withColors == true && colors.Count == positions.Count ? [.. colors] : null,
            withNormals == true && normals.Count == positions.Count ? [.. normals] : null);
    }
}
