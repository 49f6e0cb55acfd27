using Neuron3D.Assets.Checks;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Testing;

namespace Neuron3D.Subnet17.Tests.Validator.Scoring;

public class StructuralScorerTests
{
    private static readonly Sn17Task Robocop = new("t", TaskKind.Text, "robocop with hammer in one hand");

    [Fact]
    public async Task The_real_sn17_asset_passes_gates_and_mesh_rules_and_says_it_is_structural_only()
    {
        var spz = await File.ReadAllBytesAsync(RepoPaths.SharedFile("fixtures", "sn17", "robocop_with_hammer_in_one_hand.spz"));
        var report = await new StructuralScorer().ScoreAsync(Robocop, spz, new(), CancellationToken.None);
        Assert.Equal(1.0, report!.Score);
        Assert.Contains("267776 splats", report.Notes);
        Assert.Contains("watertight", report.Notes);
        Assert.Contains("prompt fidelity not judged", report.Scorer);
    }

    [Fact]
    public async Task A_triangle_budget_below_the_surface_fails_the_mesh_rule()
    {
        var spz = await File.ReadAllBytesAsync(RepoPaths.SharedFile("fixtures", "sn17", "robocop_with_hammer_in_one_hand.spz"));
        var strict = new StructuralScorer(meshRules: StructuralScorer.DefaultMeshRules with { MaxTriangles = 100 });
        var report = await strict.ScoreAsync(Robocop, spz, new(), CancellationToken.None);
        Assert.Equal(0.0, report!.Score);
        Assert.Contains(nameof(CheckRule.TriangleCount), report.Notes);
    }

    [Fact]
    public async Task Unreadable_bytes_score_zero_rather_than_failing_the_scorer()
    {
        var report = await new StructuralScorer().ScoreAsync(Robocop, new byte[] { 1, 2, 3, 4, 5 }, new(), CancellationToken.None);
        Assert.Equal(0.0, report!.Score);
        Assert.StartsWith("unreadable SPZ", report.Notes);
    }
}
