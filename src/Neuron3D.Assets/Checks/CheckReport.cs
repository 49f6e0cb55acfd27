using System.Text.Json.Serialization;

namespace Neuron3D.Assets.Checks;

/// <summary>The structural rules an asset can be checked against (meshes and splat clouds share one report type).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckRule>))]
public enum CheckRule
{
    /// <summary>Mesh: every triangle index refers to an existing vertex.</summary>
    IndicesInRange,
    /// <summary>Mesh: positions, normals and colours are finite. Splats: no NaN, no infinite position/scale/rotation/SH.</summary>
    FiniteValues,
    /// <summary>Mesh: no triangle repeats a vertex index or has zero area.</summary>
    NonDegenerateTriangles,
    /// <summary>Mesh: every edge is shared by exactly two triangles (no boundary, no fins).</summary>
    Watertight,
    /// <summary>Mesh: no edge is shared by more than two triangles.</summary>
    EdgeManifold,
    /// <summary>Mesh: the triangles around each vertex form a single fan (no bow-tie / touching-corner vertices).</summary>
    VertexManifold,
    /// <summary>Mesh: neighbouring triangles traverse their shared edge in opposite directions (no flipped face).</summary>
    ConsistentOrientation,
    /// <summary>Mesh: triangle count within <see cref="MeshCheckOptions.MaxTriangles"/>.</summary>
    TriangleCount,
    /// <summary>Mesh: vertex count within <see cref="MeshCheckOptions.MaxVertices"/>.</summary>
    VertexCount,
    /// <summary>Mesh or splats: all positions inside the configured axis-aligned box.</summary>
    Bounds,
    /// <summary>Splats: at least <see cref="SplatCheckOptions.MinSplats"/> splats (SN17: 7000).</summary>
    MinimumSplatCount,
    /// <summary>Splats: at most <see cref="SplatCheckOptions.MaxSplats"/> splats (SN17 SPZ reader cap: 10,000,000).</summary>
    MaximumSplatCount,
    /// <summary>Splats: share of nearly transparent splats (activated opacity below the threshold) not above the limit.</summary>
    TransparentShare,
    /// <summary>Splats: not every rotation is the identity (1, 0, 0, 0) after normalisation.</summary>
    IdentityRotations,
    /// <summary>Splats: none of the first three centres is exactly (1, 1, 1) (the validator's marker check).</summary>
    CentreMarker,
    /// <summary>Splats: every quaternion has a non-zero length, so it can be normalised.</summary>
    NormalisableRotations,
}

/// <summary>What kind of element a <see cref="CheckViolation"/> points at.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckElement>))]
public enum CheckElement
{
    /// <summary>The asset as a whole (counts, shares).</summary>
    Asset,
    /// <summary>A mesh vertex, by index.</summary>
    Vertex,
    /// <summary>A mesh triangle, by index.</summary>
    Triangle,
    /// <summary>A mesh edge, by its two vertex indices (<see cref="CheckViolation.Index"/> &lt; <see cref="CheckViolation.OtherIndex"/>).</summary>
    Edge,
    /// <summary>A splat, by index.</summary>
    Splat,
}

/// <summary>One offending element: which rule, which element, and a sentence saying what is wrong.</summary>
/// <param name="Rule">The rule that failed.</param>
/// <param name="Element">The kind of element.</param>
/// <param name="Index">Element index (vertex, triangle, splat; the smaller vertex of an edge; −1 for the whole asset).</param>
/// <param name="OtherIndex">The larger vertex of an edge, otherwise −1.</param>
/// <param name="Message">What is wrong, with the numbers.</param>
public sealed record CheckViolation(CheckRule Rule, CheckElement Element, long Index, long OtherIndex, string Message);

/// <summary>The outcome of one rule: pass/fail, how many elements violate it, and the measured value against its limit.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Passed">True when the asset satisfies the rule.</param>
/// <param name="ViolationCount">Number of offending elements (exact, even when only some are listed).</param>
/// <param name="Measured">The measured quantity where the rule has one (a count or share), otherwise null.</param>
/// <param name="Limit">The limit it was compared with, otherwise null.</param>
/// <param name="Summary">One line for people.</param>
public sealed record RuleOutcome(CheckRule Rule, bool Passed, long ViolationCount, double? Measured, double? Limit, string Summary);

/// <summary>
/// The result of checking an asset: one <see cref="RuleOutcome"/> per evaluated rule and a bounded list of offending
/// elements. Serialises to JSON with System.Text.Json (enums as strings).
/// </summary>
public sealed class CheckReport
{
    /// <summary>Creates a report.</summary>
    public CheckReport(string subject, IReadOnlyList<RuleOutcome> rules, IReadOnlyList<CheckViolation> violations)
    {
        Subject = subject;
        Rules = rules;
        Violations = violations;
    }

    /// <summary>What was checked ("mesh" or "splats").</summary>
    public string Subject { get; }

    /// <summary>True when every evaluated rule passed.</summary>
    public bool Passed
    {
        get
        {
            foreach (var r in Rules)
                if (!r.Passed) return false;
            return true;
        }
    }

    /// <summary>Outcomes, one per evaluated rule, in evaluation order.</summary>
    public IReadOnlyList<RuleOutcome> Rules { get; }

    /// <summary>Offending elements (at most the options' per-rule listing cap for each rule).</summary>
    public IReadOnlyList<CheckViolation> Violations { get; }

    /// <summary>The outcome of <paramref name="rule"/>, or null when it was not evaluated.</summary>
    public RuleOutcome? Outcome(CheckRule rule)
    {
        foreach (var r in Rules)
            if (r.Rule == rule) return r;
        return null;
    }

    /// <summary>True when <paramref name="rule"/> was evaluated and failed.</summary>
    public bool Failed(CheckRule rule) => Outcome(rule) is { Passed: false };

    /// <summary>The rules that failed.</summary>
    [JsonIgnore]
    public IEnumerable<CheckRule> FailedRules
    {
        get
        {
            foreach (var r in Rules)
                if (!r.Passed) yield return r.Rule;
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var failed = string.Join(", ", FailedRules);
        return Passed ? $"{Subject}: all {Rules.Count} rules passed" : $"{Subject}: failed {failed}";
    }
}

/// <summary>Collects outcomes and a capped number of violations per rule while a check runs.</summary>
internal sealed class CheckReportBuilder(string subject, int maxListedPerRule)
{
    private readonly List<RuleOutcome> _rules = [];
    private readonly List<CheckViolation> _violations = [];
    private readonly Dictionary<CheckRule, long> _counts = [];

    public void Violation(CheckRule rule, CheckElement element, long index, long otherIndex, string message)
    {
        _counts[rule] = _counts.GetValueOrDefault(rule) + 1;
        if (_counts[rule] <= maxListedPerRule) _violations.Add(new CheckViolation(rule, element, index, otherIndex, message));
    }

    /// <summary>Violation with a lazily built message, for hot loops where most elements pass.</summary>
    public void Violation<TState>(CheckRule rule, CheckElement element, long index, long otherIndex, TState state, Func<TState, string> message)
    {
        _counts[rule] = _counts.GetValueOrDefault(rule) + 1;
        if (_counts[rule] <= maxListedPerRule) _violations.Add(new CheckViolation(rule, element, index, otherIndex, message(state)));
    }

    public long Count(CheckRule rule) => _counts.GetValueOrDefault(rule);

    /// <summary>Closes a rule whose outcome is "no violations".</summary>
    public void Close(CheckRule rule, string passSummary, string failSummary)
    {
        var n = Count(rule);
        _rules.Add(new RuleOutcome(rule, n == 0, n, n, 0, n == 0 ? passSummary : $"{n} {failSummary}"));
    }

    /// <summary>Closes a rule decided by a measured value against a limit.</summary>
    public void Close(CheckRule rule, bool passed, double measured, double? limit, string summary)
    {
        if (!passed && Count(rule) == 0) Violation(rule, CheckElement.Asset, -1, -1, summary);
        _rules.Add(new RuleOutcome(rule, passed, Count(rule), measured, limit, summary));
    }

    public CheckReport Build() => new(subject, _rules.ToArray(), _violations.ToArray());
}
