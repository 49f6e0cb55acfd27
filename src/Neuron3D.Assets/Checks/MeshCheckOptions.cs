namespace Neuron3D.Assets.Checks;

/// <summary>
/// Limits for <see cref="MeshChecks"/>. Defaults follow spec §6: the 2026 competition allows at most 250,000 vertices
/// and a bounding box inside [−0.5, 0.5]³; no SN17 revision sets a triangle limit, so none is applied by default.
/// </summary>
public sealed record MeshCheckOptions
{
    /// <summary>The spec §6 defaults.</summary>
    public static MeshCheckOptions Default { get; } = new();

    /// <summary>Maximum vertex count (spec §6, 2026: 250,000); null = no limit.</summary>
    public int? MaxVertices { get; init; } = 250_000;

    /// <summary>Maximum triangle count; null = no limit (spec §6: none documented).</summary>
    public int? MaxTriangles { get; init; }

    /// <summary>
    /// Half-extent of the centred box all positions must lie in, in scene units (spec §6, 2026: 0.5, i.e. [−0.5, 0.5]³);
    /// null skips the bounds rule.
    /// </summary>
    public float? BoundsHalfExtent { get; init; } = 0.5f;

    /// <summary>Triangles with area at or below this (scene units²) count as degenerate; 0 flags exactly collinear ones.</summary>
    public double DegenerateArea { get; init; }

    /// <summary>At most this many offending elements are listed per rule (counts stay exact).</summary>
    public int MaxListedPerRule { get; init; } = 100;
}

/// <summary>
/// Gates for <see cref="SplatChecks"/>, defaulting to what the SN17 validation service enforces (spec §3.5 step 3, §6):
/// ≥ 7000 splats, not more than 80 % with activated opacity below 0.001, not all rotations identity, no (1, 1, 1) among
/// the first three centres; plus the SPZ reader's 10,000,000-point cap.
/// </summary>
public sealed record SplatCheckOptions
{
    /// <summary>The SN17 defaults.</summary>
    public static SplatCheckOptions Default { get; } = new();

    /// <summary>Minimum splat count (spec §3.5: fewer than 7000 → score 0).</summary>
    public int MinSplats { get; init; } = 7000;

    /// <summary>Maximum splat count (spec §4.2: the SN17 SPZ reader rejects more than 10,000,000 points).</summary>
    public int MaxSplats { get; init; } = 10_000_000;

    /// <summary>Activated opacity (sigmoid of the logit) below which a splat counts as nearly transparent (spec: 0.001).</summary>
    public float TransparentOpacity { get; init; } = 0.001f;

    /// <summary>Largest allowed share (0–1) of nearly transparent splats (spec: more than 80 % → score 0).</summary>
    public double MaxTransparentShare { get; init; } = 0.8;

    /// <summary>How many leading splats the (1, 1, 1) marker check looks at (spec quirk: rows 0..2 only).</summary>
    public int CentreMarkerRows { get; init; } = 3;

    /// <summary>Half-extent of the centred box all positions must lie in; null (default) skips it (SN17 renormalises).</summary>
    public float? BoundsHalfExtent { get; init; }

    /// <summary>At most this many offending splats are listed per rule (counts stay exact).</summary>
    public int MaxListedPerRule { get; init; } = 100;
}
