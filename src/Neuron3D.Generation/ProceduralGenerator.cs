using System.Diagnostics;
using Neuron3D.Assets.Formats;
using Neuron3D.Assets.Meshes;
using Neuron3D.Assets.Splats;
using Neuron3D.Generation.Objects;
using Neuron3D.Generation.Output;
using Neuron3D.Generation.Parts;
using Neuron3D.Generation.Prompts;

namespace Neuron3D.Generation;

/// <summary>Limits and densities of the procedural generator.</summary>
public sealed record GenerationOptions
{
    /// <summary>Defaults: ≤ 50,000 triangles, ~16,000 splats per unit² (clamped to 7,000–200,000).</summary>
    public static GenerationOptions Default { get; } = new();

    /// <summary>Most triangles in the mesh.</summary>
    public int MaxTriangles { get; init; } = 50_000;

    /// <summary>Grid samples per axis tried first (lowered automatically to meet <see cref="MaxTriangles"/>).</summary>
    public int MeshResolution { get; init; } = SdfMesher.DefaultResolution;

    /// <summary>Splats per scene unit² of surface.</summary>
    public float SplatDensity { get; init; } = SplatSampler.DefaultDensity;
}

/// <summary>How long each stage took.</summary>
/// <param name="Parts">Prompt analysis and part composition.</param>
/// <param name="Mesh">Signed-distance sampling, marching cubes and vertex colouring.</param>
/// <param name="Splats">Surface sampling of the splat cloud.</param>
public sealed record GenerationTimings(TimeSpan Parts, TimeSpan Mesh, TimeSpan Splats)
{
    /// <summary>All stages together.</summary>
    public TimeSpan Total => Parts + Mesh + Splats;
}

/// <summary>What a generation was, for reports and the CLI's --json: serialisable, no geometry.</summary>
/// <param name="Prompt">The prompt.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Kind">Matched kind id, or "fallback[:category]".</param>
/// <param name="Category">Category of the kind (or the guessed one), or null.</param>
/// <param name="IsFallback">True when no kind matched.</param>
/// <param name="MatchedWords">Prompt words that named the kind.</param>
/// <param name="Subject">Depicted kind for statues, else null.</param>
/// <param name="UnknownWords">Words the analyser did not recognise.</param>
/// <param name="Parts">Number of primitive parts.</param>
/// <param name="Triangles">Mesh triangles.</param>
/// <param name="Vertices">Mesh vertices.</param>
/// <param name="Splats">Splat count.</param>
/// <param name="ThreeJsVertices">Vertices the Three.js module builds.</param>
/// <param name="PartsMilliseconds">Time for analysis and parts.</param>
/// <param name="MeshMilliseconds">Time for the mesh.</param>
/// <param name="SplatsMilliseconds">Time for the splats.</param>
public sealed record GenerationMetadata(
    string Prompt, long Seed, string Kind, string? Category, bool IsFallback, string? MatchedWords, string? Subject,
    IReadOnlyList<string> UnknownWords, int Parts, int Triangles, int Vertices, int Splats, long ThreeJsVertices,
    double PartsMilliseconds, double MeshMilliseconds, double SplatsMilliseconds);

/// <summary>
/// One generated asset: the prompt analysis, the part list, the watertight mesh and the splat cloud derived from it,
/// with encoders for every output format (GLB, OBJ, PLY mesh, 3DGS PLY, SPZ, Three.js module).
/// </summary>
public sealed class GenerationResult
{
    internal GenerationResult(string prompt, long seed, ComposedAsset composed, TriangleMesh mesh, SplatCloud splats, GenerationTimings timings)
    {
        Prompt = prompt;
        Seed = seed;
        Composed = composed;
        Mesh = mesh;
        Splats = splats;
        Timings = timings;
    }

    public string Prompt { get; }
    public long Seed { get; }

    /// <summary>The analysis, parts and chosen kind.</summary>
    public ComposedAsset Composed { get; }

    public PromptAnalysis Analysis => Composed.Analysis;
    public PartAssembly Parts => Composed.Assembly;

    /// <summary>Watertight, vertex-coloured mesh in the SN17 unit box (+Y up, facing +Z).</summary>
    public TriangleMesh Mesh { get; }

    /// <summary>Gaussian splats on the mesh surface (SH degree 0).</summary>
    public SplatCloud Splats { get; }

    public GenerationTimings Timings { get; }

    /// <summary>Serialisable facts about the result.</summary>
    public GenerationMetadata Metadata => new(
        Prompt, Seed, Composed.Kind, Composed.Category?.ToString(), Composed.IsFallback, Analysis.MatchedWords, Analysis.Subject,
        Analysis.UnknownWords, Parts.Parts.Count, Mesh.TriangleCount, Mesh.VertexCount, Splats.Count, ThreeJsModuleWriter.VertexCount(Parts),
        Timings.Parts.TotalMilliseconds, Timings.Mesh.TotalMilliseconds, Timings.Splats.TotalMilliseconds);

    /// <summary>The mesh as binary glTF.</summary>
    public byte[] ToGlb() => AssetFile.WriteMesh(Mesh, AssetFormat.Glb);

    /// <summary>The mesh as Wavefront OBJ (vertex colours as the common "v x y z r g b" extension).</summary>
    public byte[] ToObj() => AssetFile.WriteMesh(Mesh, AssetFormat.Obj);

    /// <summary>The splats as a 3DGS PLY in the SN17 layout (what the generation-service API returns).</summary>
    public byte[] ToSplatPly() => AssetFile.WriteSplats(Splats, AssetFormat.Ply);

    /// <summary>The splats as SN17 SPZ.</summary>
    public byte[] ToSpz() => AssetFile.WriteSplats(Splats, AssetFormat.Spz);

    /// <summary>The parts as a Three.js ES module in the SN17 2026 competition format.</summary>
    public string ToThreeJs() => ThreeJsModuleWriter.Write(Parts, Prompt);
}

/// <summary>
/// The CPU text-to-3D generator: prompt → parts → watertight mesh → splats. Deterministic: the same prompt, seed and
/// options give byte-identical outputs. Thread-safe; each call is independent.
/// </summary>
public sealed class ProceduralGenerator(AssetComposer composer, GenerationOptions? options = null)
{
    private readonly GenerationOptions _options = options ?? GenerationOptions.Default;

    /// <summary>A generator over the built-in object library with default options.</summary>
    public static ProceduralGenerator Default { get; } = new(AssetComposer.Default);

    /// <summary>Generates the asset for <paramref name="prompt"/>.</summary>
    /// <exception cref="ArgumentException">The prompt is empty or longer than <see cref="MaxPromptLength"/>.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public GenerationResult Generate(string prompt, long seed = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (string.IsNullOrWhiteSpace(prompt)) throw new ArgumentException("the prompt is empty", nameof(prompt));
        if (prompt.Length > MaxPromptLength) throw new ArgumentException($"the prompt has {prompt.Length} characters; at most {MaxPromptLength} are accepted", nameof(prompt));
        var clock = Stopwatch.StartNew();
        var composed = composer.Compose(prompt, seed);
        var partsTime = clock.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();
        var mesh = SdfMesher.Mesh(composed.Assembly, _options.MaxTriangles, _options.MeshResolution, cancellationToken);
        var meshTime = clock.Elapsed - partsTime;
        cancellationToken.ThrowIfCancellationRequested();
        var splats = SplatSampler.Sample(mesh, SeededRandom.For(prompt.Trim().ToLowerInvariant(), seed).Fork(), _options.SplatDensity);
        var splatTime = clock.Elapsed - partsTime - meshTime;
        return new GenerationResult(prompt, seed, composed, mesh, splats, new GenerationTimings(partsTime, meshTime, splatTime));
    }

    /// <summary>Longest prompt accepted (SN17 prompts are ≤ 10 words).</summary>
    public const int MaxPromptLength = 1_000;
}
