namespace Neuron3D.Assets.Meshes;

/// <summary>
/// An indexed triangle mesh: shared vertices with optional per-vertex colours and normals.
/// Triangles wind counter-clockwise seen from outside (outward normals), the glTF/OBJ convention.
/// </summary>
/// <remarks>
/// <see cref="Positions"/> holds 3 floats per vertex; <see cref="Indices"/> 3 vertex indices per triangle;
/// <see cref="Colors"/>, when present, 3 floats (linear 0–1 sRGB-encoded values as stored in files) per vertex;
/// <see cref="Normals"/>, when present, 3 floats per vertex.
/// </remarks>
public sealed class TriangleMesh
{
    public TriangleMesh(float[] positions, int[] indices, float[]? colors = null, float[]? normals = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(indices);
        if (positions.Length % 3 != 0) throw new ArgumentException("positions must hold 3 floats per vertex", nameof(positions));
        if (indices.Length % 3 != 0) throw new ArgumentException("indices must hold 3 entries per triangle", nameof(indices));
        if (colors is not null && colors.Length != positions.Length) throw new ArgumentException("colors must hold 3 floats per vertex", nameof(colors));
        if (normals is not null && normals.Length != positions.Length) throw new ArgumentException("normals must hold 3 floats per vertex", nameof(normals));
        Positions = positions;
        Indices = indices;
        Colors = colors;
        Normals = normals;
    }

    public float[] Positions { get; }
    public int[] Indices { get; }
    public float[]? Colors { get; }
    public float[]? Normals { get; }

    public int VertexCount => Positions.Length / 3;
    public int TriangleCount => Indices.Length / 3;
}
