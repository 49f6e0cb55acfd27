using System.Text.Json.Nodes;
using Neuron3D.Testing;

namespace Neuron3D.Subnet17.Tests.Validator.Scoring;

/// <summary>
/// Tiny linear CLIP stand-ins written by tools/js/clip-tiny-model.mjs (ONNX protobuf through the onnx-proto package),
/// in throw-away model directories laid out as --validation.clip_model expects, with OpenAI's real BPE merges file.
/// </summary>
internal static class ClipTestModels
{
    /// <summary>OpenAI CLIP's merges file (MIT), kept beside the tests (see ClipData/README.md).</summary>
    public static string VocabularyPath { get; } =
        Path.Combine(RepoPaths.Root, "tests", "Neuron3D.Subnet17.Tests", "Validator", "Scoring", "ClipData", "bpe_simple_vocab_16e6.txt.gz");

    public const int ImageSize = 32;
    public const int Dimension = 8;

    /// <summary>Image embeddings lean on dims 0–3, text embeddings on dims 0, 2 and 4–7: cosines land near 0.15, where the /0.35 calibration neither zeroes nor caps them.</summary>
    public static JsonObject Visual(string? file = null, object[]? shape = null, string inputType = "float", int dim = Dimension, int? features = null) => new()
    {
        ["features"] = features,
        ["file"] = file ?? "visual.onnx",
        ["kind"] = "visual",
        ["inputName"] = "pixel_values",
        ["outputName"] = "image_embeds",
        ["inputType"] = inputType,
        ["inputShape"] = ToJson(shape ?? ["N", 3, ImageSize, ImageSize]),
        ["dim"] = dim,
        ["seed"] = 11,
        ["weightScale"] = 0.004,
        ["bias"] = ToJson(Enumerable.Range(0, dim).Select(d => (object)(d < 4 ? 2.0 : 0.0)).ToArray()),
    };

    public static JsonObject Textual(string? file = null, object[]? shape = null, string inputType = "int64", int dim = Dimension) => new()
    {
        ["file"] = file ?? "textual.onnx",
        ["kind"] = "textual",
        ["inputName"] = "input_ids",
        ["outputName"] = "text_embeds",
        ["inputType"] = inputType,
        ["inputShape"] = ToJson(shape ?? ["N", 77]),
        ["dim"] = dim,
        ["seed"] = 12,
        ["weightScale"] = 0.000005,
        ["bias"] = ToJson(Enumerable.Range(0, dim).Select(d => (object)(d is 2 or >= 4 ? 1.0 : d == 0 ? 0.5 : 0.0)).ToArray()),
    };

    /// <summary>A fresh directory with the given encoders (and the vocabulary unless <paramref name="withVocabulary"/> is false).</summary>
    public static string CreateDirectory(IEnumerable<JsonObject> models, bool withVocabulary = true)
    {
        var dir = Path.Combine(Path.GetTempPath(), "neuron3d-clip-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var list = new JsonArray(models.Select(m => (JsonNode)m.DeepClone()).ToArray());
        NodePeer.Run("clip-tiny-model.mjs", new JsonObject { ["mode"] = "write", ["dir"] = dir, ["models"] = list });
        if (withVocabulary) File.Copy(VocabularyPath, Path.Combine(dir, "bpe_simple_vocab_16e6.txt.gz"));
        return dir;
    }

    private static JsonArray ToJson(object[] values) => new(values.Select(v => v switch
    {
        string s => JsonValue.Create(s)!,
        int i => JsonValue.Create(i),
        double d => (JsonNode)JsonValue.Create(d),
        _ => throw new ArgumentException($"unsupported {v}"),
    }).ToArray());
}

/// <summary>One directory with the default tiny model pair, shared by a test class.</summary>
public sealed class ClipTinyModelFixture : IDisposable
{
    public ClipTinyModelFixture() => Directory = ClipTestModels.CreateDirectory([ClipTestModels.Visual(), ClipTestModels.Textual()]);

    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
