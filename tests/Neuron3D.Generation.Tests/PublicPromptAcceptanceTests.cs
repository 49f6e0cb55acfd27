using System.Security.Cryptography;
using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Formats;
using Neuron3D.Assets.Meshes;
using Neuron3D.Generation.Objects;

namespace Neuron3D.Generation.Tests;

/// <summary>Issue 6 acceptance over ../shared/prompts/public.txt: every prompt gives a valid, deterministic asset.</summary>
[Collection(PublicPromptCollection.Name)]
public sealed class PublicPromptAcceptanceTests(PublicPromptFixture fixture)
{
    [Fact]
    public void EveryMeshIsWatertightManifoldWithinBudgetAndInsideTheUnitBox()
    {
        var failures = new List<string>();
        foreach (var (prompt, result) in fixture.Results)
        {
            var report = MeshChecks.Check(result.Mesh, new MeshCheckOptions { MaxTriangles = 50_000, BoundsHalfExtent = 0.5f });
            if (!report.Passed) failures.Add($"{prompt}: {string.Join("; ", report.Rules.Where(r => !r.Passed).Select(r => r.Summary))}");
            if (result.Mesh.TriangleCount < 100) failures.Add($"{prompt}: only {result.Mesh.TriangleCount} triangles");
            var (min, max) = MeshMeasures.Bounds(result.Mesh);
            if (MathF.Max(max.X - min.X, MathF.Max(max.Y - min.Y, max.Z - min.Z)) < 0.6f) failures.Add($"{prompt}: does not fill the unit box");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void EverySplatCloudHasSn17CountsAndPassesTheSanityGates()
    {
        var failures = new List<string>();
        foreach (var (prompt, result) in fixture.Results)
        {
            var count = result.Splats.Count;
            if (count is < 7_000 or > 200_000) failures.Add($"{prompt}: {count} splats");
            var report = SplatChecks.Check(result.Splats, new SplatCheckOptions { BoundsHalfExtent = 0.5f });
            if (!report.Passed) failures.Add($"{prompt}: {string.Join("; ", report.Rules.Where(r => !r.Passed).Select(r => r.Summary))}");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void EveryOutputFormatEncodesAndTheSplatPlyReadsBack()
    {
        foreach (var (prompt, result) in fixture.Results.Take(20))
        {
            Assert.True(result.ToGlb().Length > 0, prompt);
            Assert.True(result.ToObj().Length > 0, prompt);
            Assert.True(result.ToSpz().Length > 0, prompt);
            var ply = result.ToSplatPly();
            var back = AssetFile.ReadSplats(ply, "asset.ply");
            Assert.Equal(result.Splats.Count, back.Count);
            Assert.Equal(result.Splats.Positions, back.Positions);
        }
    }

    [Fact]
    public void SameSeedGivesByteIdenticalOutputs()
    {
        var mismatches = new List<string>();
        Parallel.ForEach(PublicPrompts.All, new ParallelOptions { MaxDegreeOfParallelism = 2 }, prompt =>
        {
            var first = fixture.Results[prompt];
            var again = ProceduralGenerator.Default.Generate(prompt, 0);
            if (!Hash(first).SequenceEqual(Hash(again))) lock (mismatches) mismatches.Add(prompt);
        });
        Assert.True(mismatches.Count == 0, "differs on regeneration: " + string.Join(", ", mismatches));

        static byte[] Hash(GenerationResult r) => SHA256.HashData([.. r.ToGlb(), .. r.ToSplatPly(), .. System.Text.Encoding.UTF8.GetBytes(r.ToThreeJs())]);
    }

    [Fact]
    public void DifferentSeedsGiveVariations()
    {
        var changed = PublicPrompts.All.Take(40).Count(p =>
            !ProceduralGenerator.Default.Generate(p, 1).Mesh.Positions.AsSpan().SequenceEqual(fixture.Results[p].Mesh.Positions));
        Assert.True(changed >= 20, $"only {changed} of 40 prompts vary with the seed");
    }

    [Fact]
    public void MetadataNamesTheKindAndIsNotAFallbackForPublicPrompts()
    {
        foreach (var (prompt, result) in fixture.Results)
        {
            var meta = result.Metadata;
            Assert.False(meta.IsFallback, prompt);
            Assert.Equal(result.Analysis.Kind, meta.Kind);
            Assert.Equal(0, meta.Seed);
            Assert.True(meta.Triangles == result.Mesh.TriangleCount && meta.Splats == result.Splats.Count);
        }
    }

    [Fact]
    public void UnknownObjectFallsBackAndSaysSo()
    {
        var result = ProceduralGenerator.Default.Generate("a shimmering zorblax animal", 3);
        Assert.True(result.Metadata.IsFallback);
        Assert.Equal("fallback:" + ObjectCategory.Animals, result.Metadata.Kind);
        Assert.Contains("zorblax", result.Metadata.UnknownWords);
        Assert.True(MeshChecks.Check(result.Mesh).Passed);

        var plain = ProceduralGenerator.Default.Generate("a blorp", 3);
        Assert.Equal("fallback", plain.Metadata.Kind);
        Assert.Null(plain.Metadata.Category);
    }

    [Fact]
    public void BadPromptsAreRejectedWithTheReason()
    {
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => ProceduralGenerator.Default.Generate("  ")).Message);
        Assert.Contains("characters", Assert.Throws<ArgumentException>(() => ProceduralGenerator.Default.Generate(new string('a', 2000))).Message);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => ProceduralGenerator.Default.Generate("a chair", 0, cancelled.Token));
    }
}
