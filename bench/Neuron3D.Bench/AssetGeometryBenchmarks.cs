using BenchmarkDotNet.Attributes;
using System.Numerics;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Geometry;
using Neuron3D.Assets.Rendering;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Bench;

/// <summary>
/// Marching cubes throughput on the same two fields bench/assets-geometry.sh gives scikit-image: a dense gyroid-like
/// field (sin 6x·cos 6y + sin 6y·cos 6z + sin 6z·cos 6x on [−1, 1]³, many crossings) and a sphere (few crossings).
/// Voxels/s = N³ / mean time.
/// </summary>
[MemoryDiagnoser]
public class AssetGeometryBenchmarks
{
    [Params(128, 256)]
    public int N;

    private float[] _gyroid = [];
    private float[] _sphere = [];
    private VoxelGrid _grid;

    [GlobalSetup]
    public void Setup()
    {
        _gyroid = new float[N * N * N];
        _sphere = new float[N * N * N];
        var step = 2f / (N - 1);
        _grid = new VoxelGrid(N, N, N, new Vector3(-1), step);
        for (var z = 0; z < N; z++)
            for (var y = 0; y < N; y++)
                for (var x = 0; x < N; x++)
                {
                    float px = -1 + step * x, py = -1 + step * y, pz = -1 + step * z;
                    var i = x + N * (y + N * z);
                    _gyroid[i] = MathF.Sin(6 * px) * MathF.Cos(6 * py) + MathF.Sin(6 * py) * MathF.Cos(6 * pz) + MathF.Sin(6 * pz) * MathF.Cos(6 * px);
                    _sphere[i] = 0.8f - MathF.Sqrt(px * px + py * py + pz * pz);
                }
    }

    [Benchmark]
    public int MarchingCubesGyroid() => MarchingCubes.Extract(_gyroid, _grid, 0f).TriangleCount;

    [Benchmark]
    public int MarchingCubesSphere() => MarchingCubes.Extract(_sphere, _grid, 0f).TriangleCount;
}

/// <summary>
/// Splat rendering of the robocop SN17 fixture (267,776 splats), normalised as the validator does: one 512×512 view
/// (goal ≤ 0.5 s on the 2-core dev machine) and the four views of a 2×2 grid preview at 512 each.
/// </summary>
public class AssetSplatRenderBenchmarks
{
    private SplatCloud _decoded = null!;
    private SplatCloud _normalized = null!;

    [GlobalSetup]
    public void Setup()
    {
        _decoded = SpzCodec.Decode(File.ReadAllBytes(FixturePath("robocop_with_hammer_in_one_hand.spz")));
        _normalized = SplatTransforms.NormalizeLikeValidator(_decoded);
    }

    [Benchmark]
    public RenderImage RobocopView512() => SplatRenderer.Render(_normalized, OrbitCamera.Sn17View(0, 512));

    /// <summary>The whole preview: validator normalisation, four 512² renders, composition.</summary>
    [Benchmark]
    public RenderImage RobocopGrid4x512() => ViewGrid.Sn17Preview(_decoded, 512);

    internal static string FixturePath(string name)
    {
        if (Environment.GetEnvironmentVariable("NEURON3D_SHARED") is { Length: > 0 } shared)
            return Path.Combine(shared, "fixtures", "sn17", name);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Neuron3D.slnx")))
                return Path.Combine(dir.FullName, "..", "shared", "fixtures", "sn17", name);
        throw new FileNotFoundException("set NEURON3D_SHARED to the shared folder", name);
    }
}
