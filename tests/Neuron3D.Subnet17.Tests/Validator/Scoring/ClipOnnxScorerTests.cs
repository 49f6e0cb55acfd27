using System.Text.Json.Nodes;
using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Rendering;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Testing;

namespace Neuron3D.Subnet17.Tests.Validator.Scoring;

public class ClipOnnxScorerTests(ClipTinyModelFixture fixture) : IClassFixture<ClipTinyModelFixture>
{
    private static readonly Sn17Task Robocop = new("t", TaskKind.Text, "robocop with hammer in one hand");

    // Small renders keep the tests cheap on two cores; the pipeline is the same at 518.
    private static readonly ClipScorerOptions Small = new() { RenderSize = 96, RenderThreads = 2 };

    private static readonly Lazy<byte[]> RobocopSpz = new(() => File.ReadAllBytes(RepoPaths.SharedFile("fixtures", "sn17", "robocop_with_hammer_in_one_hand.spz")));

    private ClipOnnxScorer Scorer(ClipScorerOptions? options = null) =>
        new(fixture.Directory, options ?? Small, new ClipModelOptions { IntraOpThreads = 1 });

    public static TheoryData<double[], double> Alignments => new()
    {
        { [0.35, 0.35, 0.35, 0.35], 1.0 },
        { [0.2, 0.2], 0.2 / 0.35 },
        { [0.1, 0.4], 0.2 / 0.35 },               // geometric mean √(0.1·0.4) = 0.2
        { [0.05, 0.1, 0.2, 0.4], 0.1414213562373095 / 0.35 }, // ⁴√0.0004 = √0.02
        { [-0.1, 0.5, 0.5, 0.5], 0.0 },           // a negative cosine clips to 0 and zeroes the product
        { [0.5, 1.2], 1.0 },                      // cosines clip at 1; 0.707/0.35 caps at 1
        { [double.NaN, 0.3], 0.0 },
    };

    [Theory]
    [MemberData(nameof(Alignments))]
    public void Text_alignment_is_the_calibrated_geometric_mean_of_clipped_cosines(double[] cosines, double expected) =>
        Assert.Equal(expected, ClipOnnxScorer.TextAlignment(cosines, 0.35), 12);

    [Fact]
    public void Scores_match_an_independent_computation_from_the_same_encoder_inputs()
    {
        using var scorer = Scorer();
        var cloud = SpzCodec.Decode(RobocopSpz.Value);
        var analysis = scorer.Analyse(Robocop, cloud, keepInputs: true, CancellationToken.None);

        var oracle = NodePeer.Run("clip-tiny-model.mjs", new JsonObject
        {
            ["mode"] = "score",
            ["visual"] = ClipTestModels.Visual(),
            ["textual"] = ClipTestModels.Textual(),
            ["pixels"] = new JsonArray(analysis.Pixels!.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
            ["views"] = 4,
            ["tokens"] = new JsonArray(analysis.TokenIds!.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
            ["calibration"] = 0.35,
        }, TimeSpan.FromMinutes(2));

        var expectedCosines = oracle["cosines"]!.AsArray().Select(c => (double)c!).ToArray();
        Assert.Equal(expectedCosines, analysis.Cosines, (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal((double)oracle["geometricMean"]!, analysis.GeometricMean, 5);
        Assert.Equal((double)oracle["alignment"]!, analysis.Alignment, 5);
        // The tiny model is tuned so the calibration matters: neither 0 nor capped.
        Assert.InRange(analysis.Alignment, 0.05, 0.95);
        // Deterministic: the cached text embedding and a second render give the same numbers.
        Assert.Equal(analysis.Cosines, scorer.Analyse(Robocop, cloud, keepInputs: false, CancellationToken.None).Cosines);
    }

    [Fact]
    public async Task The_report_carries_the_alignment_the_cosines_and_says_what_it_does_not_judge()
    {
        using var scorer = Scorer();
        var report = await scorer.ScoreAsync(Robocop, RobocopSpz.Value, new(), CancellationToken.None);
        var analysis = scorer.Analyse(Robocop, SpzCodec.Decode(RobocopSpz.Value), keepInputs: false, CancellationToken.None);
        Assert.NotNull(report);
        Assert.Equal(analysis.Alignment, report.Score, 12);
        Assert.Equal(report.Score, report.Alignment);
        Assert.Null(report.Iqa);
        Assert.Contains("267776 splats", report.Notes);
        Assert.Contains("cosine per view", report.Notes);
        Assert.Contains("no IQA/SSIM/LPIPS", report.Scorer);
        Assert.Null(report.PreviewPng);
        Assert.Null(report.GridPreviewPng);
    }

    [Fact]
    public async Task Different_prompts_score_differently()
    {
        using var scorer = Scorer();
        var a = await scorer.ScoreAsync(Robocop, RobocopSpz.Value, new(), CancellationToken.None);
        var b = await scorer.ScoreAsync(new Sn17Task("u", TaskKind.Text, "a wooden rocking chair"), RobocopSpz.Value, new(), CancellationToken.None);
        Assert.NotEqual(a!.Score, b!.Score);
    }

    [Fact]
    public async Task Previews_come_back_when_asked_and_the_score_passes_the_threshold()
    {
        using var scorer = Scorer();
        var report = await scorer.ScoreAsync(Robocop, RobocopSpz.Value, new(SinglePreview: true, GridPreview: true, PreviewScoreThreshold: -1), CancellationToken.None);
        var single = RenderImage.FromPng(report!.PreviewPng);
        var grid = RenderImage.FromPng(report.GridPreviewPng);
        Assert.Equal((96, 96), (single.Width, single.Height));
        Assert.Equal((2 * 96 + ViewGrid.Sn17Gap, 2 * 96 + ViewGrid.Sn17Gap), (grid.Width, grid.Height));

        var strict = await scorer.ScoreAsync(Robocop, RobocopSpz.Value, new(SinglePreview: true, GridPreview: true, PreviewScoreThreshold: 1.0), CancellationToken.None);
        Assert.Null(strict!.PreviewPng);
        Assert.Null(strict.GridPreviewPng);
    }

    [Fact]
    public async Task The_grid_preview_is_sn17s_two_by_two_preview_of_the_scored_views()
    {
        using var scorer = Scorer();
        var report = await scorer.ScoreAsync(Robocop, RobocopSpz.Value, new(GridPreview: true, PreviewScoreThreshold: -1), CancellationToken.None);
        var expected = ViewGrid.Sn17Preview(SpzCodec.Decode(RobocopSpz.Value), Small.RenderSize).ToPng();
        Assert.Equal(expected, report!.GridPreviewPng);
    }

    [Fact]
    public async Task Concurrent_scores_equal_sequential_ones()
    {
        using var model = ClipModel.Load(fixture.Directory, new ClipModelOptions { IntraOpThreads = 1 });
        using var scorer = new ClipOnnxScorer(model, Small with { RenderSize = 48 }, ownsModel: false);
        string[] prompts = ["robocop with hammer in one hand", "a wooden rocking chair", "a red sports car"];
        var sequential = new List<double>();
        foreach (var prompt in prompts)
            sequential.Add((await scorer.ScoreAsync(new Sn17Task("s", TaskKind.Text, prompt), RobocopSpz.Value, new(), CancellationToken.None))!.Score);
        var parallel = await Task.WhenAll(prompts.Select(prompt => scorer.ScoreAsync(new Sn17Task("p", TaskKind.Text, prompt), RobocopSpz.Value, new(), CancellationToken.None)));
        Assert.Equal(sequential, parallel.Select(r => r!.Score));
        scorer.Dispose();
        Assert.Equal(model.EncodeText("still usable"), model.EncodeText("still usable")); // a borrowed model outlives the scorer
    }

    [Fact]
    public async Task An_image_prompt_equal_to_a_view_has_cosine_one_with_that_view()
    {
        using var scorer = Scorer();
        var cloud = SpzCodec.Decode(RobocopSpz.Value);
        var view = scorer.Analyse(Robocop, cloud, keepInputs: false, CancellationToken.None).Views[0];
        var task = new Sn17Task("i", TaskKind.Image, Convert.ToBase64String(view.ToPng()));
        var analysis = scorer.Analyse(task, cloud, keepInputs: false, CancellationToken.None);
        Assert.Equal(1.0, analysis.Cosines[0], 5);
        Assert.Equal(ClipOnnxScorer.GeometricMean(analysis.Cosines), analysis.Alignment, 12); // no /0.35 for images
        var report = await scorer.ScoreAsync(task, RobocopSpz.Value, new(), CancellationToken.None);
        Assert.Equal(analysis.Alignment, report!.Score, 12);
        Assert.Contains("image-prompt cosine", report.Notes);
    }

    [Fact]
    public async Task An_undecodable_image_prompt_is_a_scorer_failure_not_a_miner_failure()
    {
        using var scorer = Scorer();
        var report = await scorer.ScoreAsync(new Sn17Task("i", TaskKind.Image, "bm90IGFuIGltYWdl"), RobocopSpz.Value, new(), CancellationToken.None);
        Assert.Null(report);
    }

    [Fact]
    public async Task Unreadable_bytes_score_zero()
    {
        using var scorer = Scorer();
        var report = await scorer.ScoreAsync(Robocop, new byte[] { 1, 2, 3, 4, 5 }, new(), CancellationToken.None);
        Assert.Equal(0.0, report!.Score);
        Assert.StartsWith("unreadable SPZ", report.Notes);
    }

    [Fact]
    public async Task Failing_the_splat_gates_scores_zero_before_any_rendering()
    {
        using var scorer = Scorer(Small with { Gates = SplatCheckOptions.Default with { MinSplats = 1_000_000 } });
        var report = await scorer.ScoreAsync(Robocop, RobocopSpz.Value, new(), CancellationToken.None);
        Assert.Equal(0.0, report!.Score);
        Assert.Contains(nameof(CheckRule.MinimumSplatCount), report.Notes);
        Assert.Null(report.Alignment);
    }

    [Fact]
    public async Task Its_own_timeout_is_a_scorer_failure_but_the_callers_cancellation_throws()
    {
        using var slow = Scorer(Small with { Timeout = TimeSpan.FromMilliseconds(1) });
        Assert.Null(await slow.ScoreAsync(Robocop, RobocopSpz.Value, new(), CancellationToken.None));

        using var scorer = Scorer();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            scorer.ScoreAsync(Robocop, RobocopSpz.Value, new(), new CancellationToken(canceled: true)));
    }

    [Fact]
    public void A_bad_model_directory_is_a_typed_error_at_construction()
    {
        var e = Assert.Throws<ClipModelException>(() => new ClipOnnxScorer("/nonexistent/clip"));
        Assert.Equal("/nonexistent/clip", e.Path);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(-1)]
    public void View_indices_outside_the_sn17_rig_are_rejected(int view)
    {
        using var model = ClipModel.Load(fixture.Directory);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClipOnnxScorer(model, new ClipScorerOptions { Views = [1, view] }, ownsModel: false));
    }
}
