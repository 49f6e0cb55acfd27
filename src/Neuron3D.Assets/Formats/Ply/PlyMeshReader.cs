using Neuron3D.Assets.Meshes;

namespace Neuron3D.Assets.Formats.Ply;

/// <summary>
/// Reads polygon-mesh PLY files (MeshLab, Blender, trimesh, Open3D): `vertex` with x y z, optional nx ny nz and
/// red green blue (uchar as n/255, ushort as n/65535, float as is), and `face` with a `vertex_indices` (or
/// `vertex_index`) list. Polygons are fan-triangulated; faces with fewer than 3 corners are dropped.
/// </summary>
public static class PlyMeshReader
{
    /// <summary>Reads a whole mesh PLY held in memory.</summary>
    /// <exception cref="PlyFormatException">Malformed file, an index outside the vertex range, or a cap exceeded.</exception>
    public static TriangleMesh Read(ReadOnlySpan<byte> file, PlyReadOptions? options = null)
    {
        options ??= PlyReadOptions.Default;
        if (file.Length > options.MaxInputBytes)
            throw new PlyFormatException($"input is {file.Length} bytes, above the {options.MaxInputBytes}-byte cap");
        var header = PlyHeader.Parse(file, options);
        var vertex = header.Find("vertex") ?? throw new PlyFormatException("no `vertex` element");
        if (vertex.Count > options.MaxVertexCount)
            throw new PlyFormatException($"{vertex.Count} vertices exceed the cap of {options.MaxVertexCount}", element: "vertex");
        var face = header.Find("face");
        if (face is not null && face.Count > options.MaxFaceCount)
            throw new PlyFormatException($"{face.Count} faces exceed the cap of {options.MaxFaceCount}", element: "face");

        int[] position = [Scalar(vertex, "x", true), Scalar(vertex, "y", true), Scalar(vertex, "z", true)];
        int[] normal = [Scalar(vertex, "nx", false), Scalar(vertex, "ny", false), Scalar(vertex, "nz", false)];
        int[] color = [Scalar(vertex, "red", false), Scalar(vertex, "green", false), Scalar(vertex, "blue", false)];
        var hasNormals = normal.All(i => i >= 0);
        var hasColors = color.All(i => i >= 0);
        var indicesProperty = -1;
        if (face is not null)
        {
            indicesProperty = face.IndexOf("vertex_indices");
            if (indicesProperty < 0) indicesProperty = face.IndexOf("vertex_index");
            if (indicesProperty < 0) throw new PlyFormatException("no `vertex_indices` list", element: "face", property: "vertex_indices");
            if (!face.Properties[indicesProperty].IsList) throw new PlyFormatException("must be a list", element: "face", property: face.Properties[indicesProperty].Name);
        }

        float[]? positions = null, normals = null, colors = null;
        var indices = new List<int>();
        var cursor = new PlyBodyCursor(file, header);
        var row = new double[vertex.Properties.Count];
        foreach (var element in header.Elements)
        {
            if (ReferenceEquals(element, vertex))
            {
                cursor.EnsureRowsCanFit(vertex);
                cursor.Element = vertex.Name;
                positions = new float[3 * vertex.Count];
                normals = hasNormals ? new float[3 * vertex.Count] : null;
                colors = hasColors ? new float[3 * vertex.Count] : null;
                for (var i = 0; i < vertex.Count; i++)
                {
                    cursor.Row = i;
                    ReadRow(ref cursor, vertex, options, row);
                    for (var axis = 0; axis < 3; axis++)
                    {
                        positions[3 * i + axis] = (float)row[position[axis]];
                        if (normals is not null) normals[3 * i + axis] = (float)row[normal[axis]];
                        if (colors is not null) colors[3 * i + axis] = ColorValue(row[color[axis]], vertex.Properties[color[axis]].Type);
                    }
                }
            }
            else if (ReferenceEquals(element, face))
            {
                ReadFaces(ref cursor, face, indicesProperty, vertex.Count, options, indices);
            }
            else
            {
                cursor.Skip(element, options);
            }
        }
        return new TriangleMesh(positions!, [.. indices], colors, normals);
    }

    /// <summary>Reads a mesh PLY stream to its end (at most <see cref="PlyReadOptions.MaxInputBytes"/>).</summary>
    /// <exception cref="PlyFormatException">As <see cref="Read(ReadOnlySpan{byte}, PlyReadOptions?)"/>.</exception>
    public static TriangleMesh Read(Stream stream, PlyReadOptions? options = null)
    {
        options ??= PlyReadOptions.Default;
        return Read(InputBytes.ReadAll(stream, options.MaxInputBytes, m => new PlyFormatException(m)), options);
    }

    private static int Scalar(PlyElement vertex, string name, bool required)
    {
        var index = vertex.IndexOf(name);
        if (index < 0)
            return required ? throw new PlyFormatException("required property is missing", element: vertex.Name, property: name) : -1;
        if (vertex.Properties[index].IsList) throw new PlyFormatException("must be a scalar, not a list", element: vertex.Name, property: name);
        return index;
    }

    private static float ColorValue(double value, PlyScalarType type) => type switch
    {
        PlyScalarType.Float32 or PlyScalarType.Float64 => (float)value,
        PlyScalarType.UInt16 => (float)(value / ushort.MaxValue),
        _ => (float)(value / byte.MaxValue),
    };

    private static void ReadRow(ref PlyBodyCursor cursor, PlyElement element, PlyReadOptions options, double[] row)
    {
        for (var p = 0; p < element.Properties.Count; p++)
        {
            var property = element.Properties[p];
            if (property.ListCountType is { } countType)
            {
                var n = cursor.ReadListCount(countType, property.Name, options.MaxListLength);
                for (var k = 0; k < n; k++) cursor.Read(property.Type, property.Name);
            }
            else
            {
                row[p] = cursor.Read(property.Type, property.Name);
            }
        }
    }

    private static void ReadFaces(ref PlyBodyCursor cursor, PlyElement face, int indicesProperty, int vertexCount, PlyReadOptions options, List<int> indices)
    {
        cursor.EnsureRowsCanFit(face);
        cursor.Element = face.Name;
        var corners = new int[options.MaxListLength];
        for (var f = 0; f < face.Count; f++)
        {
            cursor.Row = f;
            for (var p = 0; p < face.Properties.Count; p++)
            {
                var property = face.Properties[p];
                if (property.ListCountType is not { } countType)
                {
                    cursor.Read(property.Type, property.Name);
                    continue;
                }
                var n = cursor.ReadListCount(countType, property.Name, options.MaxListLength);
                for (var k = 0; k < n; k++)
                {
                    var value = cursor.Read(property.Type, property.Name);
                    if (p != indicesProperty) continue;
                    if (!(value >= 0 && value < vertexCount) || value != Math.Floor(value))
                        throw new PlyFormatException($"corner {k} is {value}, not a vertex index in 0..{vertexCount - 1}", element: face.Name, row: f, property: property.Name);
                    corners[k] = (int)value;
                }
                if (p != indicesProperty) continue;
                if (n >= 3 && indices.Count / 3 + n - 2 > options.MaxTriangleCount)
                    throw new PlyFormatException($"more than {options.MaxTriangleCount} triangles", element: face.Name, row: f);
                for (var k = 2; k < n; k++) indices.AddRange(corners[0], corners[k - 1], corners[k]);
            }
        }
    }
}
