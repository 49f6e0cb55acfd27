using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Formats;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Geometry;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Validator.Scoring;

/// <summary>
/// The scorer that needs no GPU and no model: it decodes the SPZ under hard limits and applies SN17's splat sanity
/// gates (spec sn17-404gen.md §3.5 step 3, §6), then asks the mesh questions of the seed — is the surface made from the
/// splats (<see cref="SplatSurface"/>) watertight and manifold, is its triangle count acceptable. It judges structure only — not whether the asset matches the prompt —
/// and every report says so. An asset that passes every gate scores 1, anything else 0; a decode failure is a 0
/// (the validation service answers 0.0 for unreadable data too), never a scorer failure.
/// </summary>
public sealed class StructuralScorer(SplatCheckOptions? gates = null, SpzReadOptions? limits = null, MeshCheckOptions? meshRules = null) : IFidelityScorer
{
    /// <summary>Mesh rules by default: closed, manifold, consistently oriented, at most 200,000 triangles, any bounds.</summary>
    public static MeshCheckOptions DefaultMeshRules { get; } = new() { MaxTriangles = 200_000, MaxVertices = null, BoundsHalfExtent = null };

    private readonly MeshCheckOptions _meshRules = meshRules ?? DefaultMeshRules;
    private readonly SplatCheckOptions _gates = gates ?? SplatCheckOptions.Default;
    private readonly SpzReadOptions _limits = limits ?? DefaultLimits;

    /// <summary>
    /// Tighter than the SPZ reader's 10M-point ceiling: a validator decodes untrusted uploads all day, and real SN17
    /// results hold well under a million splats.
    /// </summary>
    public static SpzReadOptions DefaultLimits { get; } = new() { MaxPoints = 2_000_000, MaxInputBytes = 64L << 20 };

    public string Name => "structural only (SN17 splat gates + surface mesh checks; prompt fidelity not judged)";

    public Task<ScoreReport?> ScoreAsync(Sn17Task task, ReadOnlyMemory<byte> spz, ScoreRequestOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var cloud = SpzCodec.Decode(spz.Span, _limits);
            var report = SplatChecks.Check(cloud, _gates);
            if (!report.Passed)
                return Verdict(0, $"{cloud.Count} splats, failed: {string.Join(", ", report.FailedRules)}");
            cancellationToken.ThrowIfCancellationRequested();
            var mesh = SplatSurface.Extract(cloud);
            var meshReport = MeshChecks.Check(mesh, _meshRules);
            return meshReport.Passed
                ? Verdict(1, $"{cloud.Count} splats, every SN17 gate passed; surface mesh of {mesh.TriangleCount} triangles is watertight and manifold")
                : Verdict(0, $"{cloud.Count} splats; surface mesh of {mesh.TriangleCount} triangles failed: {string.Join(", ", meshReport.FailedRules)}");
        }
        catch (AssetFormatException e)
        {
            return Verdict(0, "unreadable SPZ: " + e.Message);
        }
    }

    private Task<ScoreReport?> Verdict(double score, string notes) => Task.FromResult<ScoreReport?>(new ScoreReport(score, Name, Notes: notes));
}
