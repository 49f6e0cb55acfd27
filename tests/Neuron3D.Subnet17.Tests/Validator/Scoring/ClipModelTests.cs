using System.Text.Json.Nodes;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Testing;

namespace Neuron3D.Subnet17.Tests.Validator.Scoring;

public class ClipModelTests(ClipTinyModelFixture fixture) : IClassFixture<ClipTinyModelFixture>
{
    [Fact]
    public void Names_and_sizes_come_from_the_session_metadata()
    {
        using var model = ClipModel.Load(fixture.Directory, new ClipModelOptions { IntraOpThreads = 1 });
        Assert.Equal(ClipTestModels.ImageSize, model.ImageSize);
        Assert.Equal(77, model.ContextLength);
        Assert.Equal(ClipTestModels.Dimension, model.EmbeddingSize);
    }

    [Fact]
    public void Encoders_compute_what_the_independent_arithmetic_says()
    {
        using var model = ClipModel.Load(fixture.Directory, new ClipModelOptions { IntraOpThreads = 1 });
        var random = new Random(7);
        var pixels = Enumerable.Range(0, 2 * 3 * 32 * 32).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var tokens = model.Tokenizer.Tokenize("a red chair", 77);
        var images = model.EncodeImages(pixels, 2);
        var text = model.EncodeTokens(tokens);

        var oracle = NodePeer.Run("clip-tiny-model.mjs", new JsonObject
        {
            ["mode"] = "score",
            ["visual"] = ClipTestModels.Visual(),
            ["textual"] = ClipTestModels.Textual(),
            ["pixels"] = new JsonArray(pixels.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
            ["views"] = 2,
            ["tokens"] = new JsonArray(tokens.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
            ["calibration"] = 0.35,
        });
        for (var v = 0; v < 2; v++)
            AssertClose(oracle["imageEmbeddings"]![v]!.AsArray(), images[v]);
        AssertClose(oracle["textEmbedding"]!.AsArray(), text);
        Assert.Equal(text, model.EncodeText("a red chair"));
    }

    [Fact]
    public void A_fixed_batch_of_one_runs_the_views_one_by_one_with_the_same_results()
    {
        var dir = ClipTestModels.CreateDirectory([ClipTestModels.Visual(shape: [1, 3, 32, 32]), ClipTestModels.Textual(shape: [1, 77])]);
        try
        {
            using var single = ClipModel.Load(dir);
            using var batched = ClipModel.Load(fixture.Directory);
            var pixels = Enumerable.Range(0, 3 * 3 * 32 * 32).Select(i => (float)Math.Sin(i)).ToArray();
            var one = single.EncodeImages(pixels, 3);
            var all = batched.EncodeImages(pixels, 3);
            for (var v = 0; v < 3; v++) Assert.Equal(all[v], one[v], (a, b) => Math.Abs(a - b) < 1e-4);
            Assert.Equal(batched.EncodeText("chair"), single.EncodeText("chair"), (a, b) => Math.Abs(a - b) < 1e-4);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Int32_token_inputs_are_fed_int32()
    {
        var dir = ClipTestModels.CreateDirectory([ClipTestModels.Visual(), ClipTestModels.Textual(inputType: "int32")]);
        try
        {
            using var model = ClipModel.Load(dir);
            using var reference = ClipModel.Load(fixture.Directory);
            Assert.Equal(reference.EncodeText("a blue vase"), model.EncodeText("a blue vase"), (a, b) => Math.Abs(a - b) < 1e-4);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Wrong_pixel_counts_are_argument_errors()
    {
        using var model = ClipModel.Load(fixture.Directory);
        Assert.Throws<ArgumentException>(() => model.EncodeImages(new float[100], 1));
        Assert.Throws<ArgumentException>(() => model.EncodeTokens(new long[10]));
    }

    [Fact]
    public void Cancellation_before_a_run_throws()
    {
        using var model = ClipModel.Load(fixture.Directory);
        Assert.Throws<OperationCanceledException>(() => model.EncodeText("chair", new CancellationToken(canceled: true)));
    }

    [Fact]
    public void A_missing_directory_says_what_it_must_hold()
    {
        var e = Assert.Throws<ClipModelException>(() => ClipModel.Load("/nonexistent/clip"));
        Assert.Equal("/nonexistent/clip", e.Path);
        Assert.Contains("visual.onnx", e.Message);
    }

    public static TheoryData<string, string> MissingFiles => new()
    {
        { "visual.onnx", "encoder file is missing" },
        { "textual.onnx", "encoder file is missing" },
        { "bpe_simple_vocab_16e6.txt.gz", "tokenizer file is missing" },
    };

    [Theory]
    [MemberData(nameof(MissingFiles))]
    public void A_missing_file_is_named(string file, string message)
    {
        var dir = CopyOfFixture();
        try
        {
            File.Delete(Path.Combine(dir, file));
            var e = Assert.Throws<ClipModelException>(() => ClipModel.Load(dir));
            Assert.EndsWith(file, e.Path);
            Assert.Contains(message, e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_a_typed_error()
    {
        var dir = CopyOfFixture();
        try
        {
            File.WriteAllText(Path.Combine(dir, "visual.onnx"), "not a protobuf model");
            var e = Assert.Throws<ClipModelException>(() => ClipModel.Load(dir));
            Assert.EndsWith("visual.onnx", e.Path);
            Assert.Contains("ONNX Runtime cannot load this model", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static TheoryData<string, string, string> WrongShapes => new()
    {
        { "image rank 3", "visual", "expected [batch, 3, height, width]" },
        { "image int64", "visual", "export the image encoder with a float32 input" },
        { "image not square", "visual", "expected a square image" },
        { "image dynamic size", "visual", "dynamic image size" },
        { "image batch 2", "visual", "fixed batch of 2" },
        { "text float", "textual", "expected int64 (or int32) token ids" },
        { "text rank 3", "textual", "expected [batch, context length]" },
        { "dimension mismatch", "", "must come from the same CLIP model" },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public void Unusable_shapes_are_typed_errors_naming_the_file(string variant, string file, string message)
    {
        var (visual, textual) = variant switch
        {
            "image rank 3" => (ClipTestModels.Visual(shape: ["N", 3, 1024]), ClipTestModels.Textual()),
            "image int64" => (ClipTestModels.Visual(inputType: "int64"), ClipTestModels.Textual()),
            "image not square" => (ClipTestModels.Visual(shape: ["N", 3, 32, 16]), ClipTestModels.Textual()),
            "image dynamic size" => (ClipTestModels.Visual(shape: ["N", 3, "H", "H"], features: 3 * 32 * 32), ClipTestModels.Textual()),
            "image batch 2" => (ClipTestModels.Visual(shape: [2, 3, 32, 32]), ClipTestModels.Textual()),
            "text float" => (ClipTestModels.Visual(), ClipTestModels.Textual(inputType: "float")),
            "text rank 3" => (ClipTestModels.Visual(), ClipTestModels.Textual(shape: ["N", 7, 11])),
            _ => (ClipTestModels.Visual(), ClipTestModels.Textual(dim: 6)),
        };
        var dir = ClipTestModels.CreateDirectory([visual, textual]);
        try
        {
            var e = Assert.Throws<ClipModelException>(() => ClipModel.Load(dir));
            Assert.Contains(message, e.Message);
            Assert.Equal(file == "" ? dir : Path.Combine(dir, file + ".onnx"), e.Path);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_dynamic_image_size_is_accepted_with_an_override()
    {
        var dir = ClipTestModels.CreateDirectory([ClipTestModels.Visual(shape: ["N", 3, "H", "H"], features: 3 * 32 * 32), ClipTestModels.Textual()]);
        try
        {
            using var model = ClipModel.Load(dir, new ClipModelOptions { ImageSizeOverride = 32 });
            Assert.Equal(32, model.ImageSize);
            Assert.Single(model.EncodeImages(new float[3 * 32 * 32], 1));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private string CopyOfFixture()
    {
        var dir = Path.Combine(Path.GetTempPath(), "neuron3d-clip-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(fixture.Directory)) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        return dir;
    }

    private static void AssertClose(JsonArray expected, float[] actual)
    {
        Assert.Equal(expected.Count, actual.Length);
        for (var i = 0; i < actual.Length; i++)
        {
            var e = (double)expected[i]!;
            Assert.True(Math.Abs(e - actual[i]) <= 1e-4 * Math.Max(1, Math.Abs(e)), $"value {i}: expected {e}, got {actual[i]}");
        }
    }
}
