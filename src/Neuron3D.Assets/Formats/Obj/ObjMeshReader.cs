using System.Globalization;
using System.Text;
using Neuron3D.Assets.Meshes;

namespace Neuron3D.Assets.Formats.Obj;

/// <summary>Caps the OBJ reader enforces (untrusted input).</summary>
public sealed record ObjReadOptions
{
    /// <summary>Defaults: 10,485,760 vertices, 20,971,520 triangles, 1 GiB of input, 256 corners per face.</summary>
    public static ObjReadOptions Default { get; } = new();

    /// <summary>Most `v` (and, separately, `vn`/`vt`) lines. Default 10,485,760.</summary>
    public int MaxVertexCount { get; init; } = 10_485_760;

    /// <summary>Most triangles after fan-triangulation. Default 20,971,520.</summary>
    public int MaxTriangleCount { get; init; } = 20_971_520;

    /// <summary>Largest file accepted, in bytes. Default 1 GiB.</summary>
    public long MaxInputBytes { get; init; } = 1L << 30;

    /// <summary>Most corners in one `f` line. Default 256.</summary>
    public int MaxFaceCorners { get; init; } = 256;
}

/// <summary>
/// Reads Wavefront OBJ meshes: `v x y z [w | r g b]`, `vn`, `vt` (parsed, not kept: <see cref="TriangleMesh"/> has no
/// UVs) and `f` with `v`, `v/vt`, `v//vn`, `v/vt/vn` corners, 1-based or negative (relative) indices; polygons are
/// fan-triangulated. Grouping, material and smoothing statements are accepted and ignored.
/// </summary>
/// <remarks>
/// Colours are kept when any `v` line has them; vertices without get white. Normals are kept when every face corner names one; a vertex used with different normals is
/// split into one vertex per (position, normal) pair.
/// </remarks>
public static class ObjMeshReader
{
    /// <summary>Reads a whole OBJ file held in memory (UTF-8 or ASCII).</summary>
    /// <exception cref="ObjFormatException">Malformed statement, index out of range, or a cap exceeded.</exception>
    public static TriangleMesh Read(ReadOnlySpan<byte> file, ObjReadOptions? options = null)
    {
        options ??= ObjReadOptions.Default;
        if (file.Length > options.MaxInputBytes)
            throw new ObjFormatException($"input is {file.Length} bytes, above the {options.MaxInputBytes}-byte cap");
        var positions = new List<float>();
        var colors = new List<float>();
        var normals = new List<float>();
        var textureCoordinateCount = 0;
        var coloredVertices = 0;
        // Per triangle corner: position index and normal index (−1 when the corner names none).
        var cornerPositions = new List<int>();
        var cornerNormals = new List<int>();
        Span<Range> words = stackalloc Range[16];
        var corners = new (int Position, int Normal)[options.MaxFaceCorners];
        long lineNumber = 0;
        while (!file.IsEmpty)
        {
            lineNumber++;
            var end = file.IndexOf((byte)'\n');
            var line = end < 0 ? file : file[..end];
            file = end < 0 ? [] : file[(end + 1)..];
            var comment = line.IndexOf((byte)'#');
            if (comment >= 0) line = line[..comment];
            line = line.Trim(" \t\r"u8);
            if (line.IsEmpty) continue;
            var keywordEnd = line.IndexOfAny(" \t"u8);
            var keyword = keywordEnd < 0 ? line : line[..keywordEnd];
            var rest = keywordEnd < 0 ? [] : line[(keywordEnd + 1)..];
            if (keyword.SequenceEqual("v"u8))
            {
                var n = Split(rest, words);
                if (n is not (3 or 4 or 6 or 7)) throw new ObjFormatException($"`v` needs 3, 4 (x y z w) or 6 (x y z r g b) numbers, got {n}", lineNumber);
                if (positions.Count / 3 >= options.MaxVertexCount) throw new ObjFormatException($"more than {options.MaxVertexCount} vertices", lineNumber);
                for (var k = 0; k < 3; k++) positions.Add(Number(rest[words[k]], lineNumber));
                if (n >= 6)
                {
                    // Pad vertices read before the first coloured one with white.
                    while (colors.Count < positions.Count - 3) colors.Add(1f);
                    for (var k = n - 3; k < n; k++) colors.Add(Number(rest[words[k]], lineNumber));
                    coloredVertices++;
                }
                else if (coloredVertices > 0)
                {
                    colors.AddRange(1f, 1f, 1f);
                }
            }
            else if (keyword.SequenceEqual("vn"u8))
            {
                if (Split(rest, words) != 3) throw new ObjFormatException("`vn` needs 3 numbers", lineNumber);
                if (normals.Count / 3 >= options.MaxVertexCount) throw new ObjFormatException($"more than {options.MaxVertexCount} normals", lineNumber);
                for (var k = 0; k < 3; k++) normals.Add(Number(rest[words[k]], lineNumber));
            }
            else if (keyword.SequenceEqual("vt"u8))
            {
                var n = Split(rest, words);
                if (n is < 1 or > 3) throw new ObjFormatException("`vt` needs 1 to 3 numbers", lineNumber);
                for (var k = 0; k < n; k++) Number(rest[words[k]], lineNumber);
                if (++textureCoordinateCount > options.MaxVertexCount) throw new ObjFormatException($"more than {options.MaxVertexCount} texture coordinates", lineNumber);
            }
            else if (keyword.SequenceEqual("f"u8))
            {
                var count = 0;
                foreach (var range in rest.SplitAny(" \t"u8))
                {
                    var token = rest[range];
                    if (token.IsEmpty) continue;
                    if (count == corners.Length) throw new ObjFormatException($"face has more than {options.MaxFaceCorners} corners", lineNumber);
                    corners[count++] = Corner(token, positions.Count / 3, textureCoordinateCount, normals.Count / 3, lineNumber);
                }
                if (count < 3) throw new ObjFormatException($"face has {count} corners, at least 3 needed", lineNumber);
                if (cornerPositions.Count / 3 + count - 2 > options.MaxTriangleCount) throw new ObjFormatException($"more than {options.MaxTriangleCount} triangles", lineNumber);
                for (var k = 2; k < count; k++)
                {
                    cornerPositions.AddRange(corners[0].Position, corners[k - 1].Position, corners[k].Position);
                    cornerNormals.AddRange(corners[0].Normal, corners[k - 1].Normal, corners[k].Normal);
                }
            }
        }
        return Build(positions, coloredVertices > 0 ? colors : null, normals, cornerPositions, cornerNormals);
    }

    /// <summary>Reads an OBJ stream to its end (at most <see cref="ObjReadOptions.MaxInputBytes"/>).</summary>
    /// <exception cref="ObjFormatException">As <see cref="Read(ReadOnlySpan{byte}, ObjReadOptions?)"/>.</exception>
    public static TriangleMesh Read(Stream stream, ObjReadOptions? options = null)
    {
        options ??= ObjReadOptions.Default;
        return Read(InputBytes.ReadAll(stream, options.MaxInputBytes, m => new ObjFormatException(m)), options);
    }

    private static TriangleMesh Build(List<float> positions, List<float>? colors, List<float> normals, List<int> cornerPositions, List<int> cornerNormals)
    {
        var vertexCount = positions.Count / 3;
        // One `vn` per `v`, every corner pairing v with its own vn (what ObjMeshWriter writes): keep them one to one,
        // unreferenced vertices included.
        if (normals.Count == positions.Count && vertexCount > 0 && cornerPositions.SequenceEqual(cornerNormals))
            return new TriangleMesh([.. positions], [.. cornerPositions], colors is null ? null : [.. colors], [.. normals]);
        var withNormals = cornerNormals.Count > 0 && !cornerNormals.Contains(-1);
        if (!withNormals) return new TriangleMesh([.. positions], [.. cornerPositions], colors is null ? null : [.. colors]);

        // Keep the file's vertex order when each position is always used with the same normal; split otherwise.
        var normalOf = new int[vertexCount];
        Array.Fill(normalOf, -1);
        var consistent = true;
        for (var c = 0; c < cornerPositions.Count && consistent; c++)
        {
            ref var n = ref normalOf[cornerPositions[c]];
            if (n < 0) n = cornerNormals[c];
            else consistent = n == cornerNormals[c];
        }
        if (consistent)
        {
            var vertexNormals = new float[3 * vertexCount];
            for (var v = 0; v < vertexCount; v++)
                if (normalOf[v] >= 0)
                    for (var k = 0; k < 3; k++) vertexNormals[3 * v + k] = normals[3 * normalOf[v] + k];
            return new TriangleMesh([.. positions], [.. cornerPositions], colors is null ? null : [.. colors], vertexNormals);
        }
        var split = new Dictionary<(int, int), int>();
        var outPositions = new List<float>();
        var outColors = colors is null ? null : new List<float>();
        var outNormals = new List<float>();
        var indices = new int[cornerPositions.Count];
        for (var c = 0; c < cornerPositions.Count; c++)
        {
            var key = (cornerPositions[c], cornerNormals[c]);
            if (!split.TryGetValue(key, out var index))
            {
                index = split.Count;
                split.Add(key, index);
                for (var k = 0; k < 3; k++)
                {
                    outPositions.Add(positions[3 * key.Item1 + k]);
                    outColors?.Add(colors![3 * key.Item1 + k]);
                    outNormals.Add(normals[3 * key.Item2 + k]);
                }
            }
            indices[c] = index;
        }
        return new TriangleMesh([.. outPositions], indices, outColors is null ? null : [.. outColors], [.. outNormals]);
    }

    private static int Split(ReadOnlySpan<byte> text, Span<Range> words)
    {
        var count = 0;
        foreach (var range in text.SplitAny(" \t"u8))
        {
            if (range.Start.Equals(range.End)) continue;
            if (count == words.Length) return count + 1;
            words[count++] = range;
        }
        return count;
    }

    private static float Number(ReadOnlySpan<byte> token, long line)
    {
        if (float.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        throw new ObjFormatException($"`{Encoding.UTF8.GetString(token[..Math.Min(token.Length, 32)])}` is not a number", line);
    }

    private static (int Position, int Normal) Corner(ReadOnlySpan<byte> token, int positionCount, int textureCount, int normalCount, long line)
    {
        var firstSlash = token.IndexOf((byte)'/');
        if (firstSlash < 0) return (Index(token, positionCount, "vertex", line), -1);
        var position = Index(token[..firstSlash], positionCount, "vertex", line);
        var afterFirst = token[(firstSlash + 1)..];
        var secondSlash = afterFirst.IndexOf((byte)'/');
        var texture = secondSlash < 0 ? afterFirst : afterFirst[..secondSlash];
        if (!texture.IsEmpty) Index(texture, textureCount, "texture coordinate", line);
        if (secondSlash < 0) return (position, -1);
        return (position, Index(afterFirst[(secondSlash + 1)..], normalCount, "normal", line));
    }

    /// <summary>Resolves a 1-based (or negative, counted back from the last one defined) index to 0-based.</summary>
    private static int Index(ReadOnlySpan<byte> token, int defined, string what, long line)
    {
        if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index) || index == 0)
            throw new ObjFormatException($"`{Encoding.UTF8.GetString(token[..Math.Min(token.Length, 32)])}` is not a {what} index", line);
        var resolved = index > 0 ? (long)index - 1 : defined + (long)index;
        if (resolved < 0 || resolved >= defined)
            throw new ObjFormatException($"{what} index {index} is outside the {defined} defined so far", line);
        return (int)resolved;
    }
}
