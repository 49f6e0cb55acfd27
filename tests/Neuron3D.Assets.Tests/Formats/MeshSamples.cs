using CsCheck;
using Neuron3D.Assets.Meshes;

namespace Neuron3D.Assets.Tests.Formats;

/// <summary>Meshes for round-trip tests.</summary>
internal static class MeshSamples
{
    /// <summary>A deterministic random mesh; colours and normals optional.</summary>
    public static TriangleMesh Random(int vertices, int triangles, bool colors, bool normals, int seed)
    {
        var random = new Random(seed);
        float Uniform(float min, float max) => min + (float)random.NextDouble() * (max - min);
        var positions = new float[3 * vertices];
        for (var k = 0; k < positions.Length; k++) positions[k] = Uniform(-2f, 2f);
        var indices = new int[3 * (vertices == 0 ? 0 : triangles)];
        for (var k = 0; k < indices.Length; k++) indices[k] = random.Next(vertices);
        float[]? colorValues = null, normalValues = null;
        if (colors)
        {
            colorValues = new float[3 * vertices];
            for (var k = 0; k < colorValues.Length; k++) colorValues[k] = Uniform(0f, 1f);
        }
        if (normals)
        {
            normalValues = new float[3 * vertices];
            for (var v = 0; v < vertices; v++)
            {
                var (x, y, z) = (Uniform(-1f, 1f), Uniform(-1f, 1f), Uniform(0.1f, 1f));
                var length = MathF.Sqrt(x * x + y * y + z * z);
                (normalValues[3 * v], normalValues[3 * v + 1], normalValues[3 * v + 2]) = (x / length, y / length, z / length);
            }
        }
        return new TriangleMesh(positions, indices, colorValues, normalValues);
    }

    /// <summary>CsCheck generator of small meshes.</summary>
    public static readonly Gen<TriangleMesh> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[1, 30], CsCheck.Gen.Int[0, 40], CsCheck.Gen.Bool, CsCheck.Gen.Bool, CsCheck.Gen.Int, Random);

    /// <summary>A unit cube, 8 vertices with colours, 12 outward-wound triangles.</summary>
    public static TriangleMesh Cube()
    {
        float[] positions = [0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1];
        int[] indices = [0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 2, 3, 7, 2, 7, 6, 1, 2, 6, 1, 6, 5, 0, 4, 7, 0, 7, 3];
        var colors = new float[24];
        for (var v = 0; v < 8; v++) (colors[3 * v], colors[3 * v + 1], colors[3 * v + 2]) = (v & 1, (v >> 1) & 1, 0.5f);
        return new TriangleMesh(positions, indices, colors);
    }

    public static void Equal(TriangleMesh expected, TriangleMesh actual, float colorTolerance)
    {
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.Equal(expected.Indices, actual.Indices);
        Assert.Equal(expected.Normals, actual.Normals);
        Assert.Equal(expected.Colors is null, actual.Colors is null);
        if (expected.Colors is null) return;
        for (var k = 0; k < expected.Colors.Length; k++)
            Assert.True(MathF.Abs(expected.Colors[k] - actual.Colors![k]) <= colorTolerance, $"colour {k}: {expected.Colors[k]} vs {actual.Colors[k]}");
    }
}
