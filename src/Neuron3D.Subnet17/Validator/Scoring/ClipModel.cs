using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Neuron3D.Subnet17.Validator.Scoring;

/// <summary>How <see cref="ClipModel"/> runs its ONNX sessions (CPU).</summary>
public sealed record ClipModelOptions
{
    /// <summary>Threads one encoder call may use (ONNX Runtime intra-op threads); default: all cores.</summary>
    public int IntraOpThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Side of the square image input, pixels, used only when the visual encoder's height/width are dynamic.</summary>
    public int? ImageSizeOverride { get; init; }
}

/// <summary>
/// A CLIP model exported to ONNX, loaded from one directory:
/// <list type="bullet">
/// <item><c>visual.onnx</c>: one float32 input <c>[batch, 3, H, W]</c> (normalised pixels, channels first) → first output
/// <c>[batch, D]</c>, the image embedding.</item>
/// <item><c>textual.onnx</c>: one int64 (or int32) input <c>[batch, context]</c> (token ids, 77 for every CLIP) → first
/// output <c>[batch, D]</c>, the text embedding (the model picks the end-token position itself, as CLIP's
/// <c>encode_text</c> does).</item>
/// <item><c>bpe_simple_vocab_16e6.txt.gz</c> (or <c>.txt</c>): OpenAI's BPE merges, see <see cref="ClipTokenizer"/>.</item>
/// </list>
/// Input/output names and sizes are read from the sessions' metadata; a batch dimension of −1 (dynamic) lets all views run
/// in one call, a fixed 1 runs them one by one. Embeddings come back as the model computes them (not normalised).
/// Sessions are created once and are safe to use from several threads.
/// </summary>
/// <remarks>
/// Exporting an open_clip model (on a machine with PyTorch; SN17's own text model is <c>convnext_large_d</c> /
/// <c>laion2b_s26b_b102k_augreg</c>, a lighter one is <c>ViT-B-32</c> / <c>laion2b_s34b_b79k</c>):
/// <code>
/// import os, torch, shutil, open_clip
/// model, _, _ = open_clip.create_model_and_transforms("ViT-B-32", pretrained="laion2b_s34b_b79k"); model.eval()
/// class Wrap(torch.nn.Module):
///     def __init__(self, f): super().__init__(); self.f = f
///     def forward(self, x): return self.f(x)
/// axes = {"input": {0: "batch"}, "embedding": {0: "batch"}}
/// torch.onnx.export(Wrap(model.encode_image), torch.randn(1, 3, 224, 224), "visual.onnx",
///                   input_names=["input"], output_names=["embedding"], dynamic_axes=axes, opset_version=17)
/// torch.onnx.export(Wrap(model.encode_text), open_clip.tokenize(["a chair"]), "textual.onnx",
///                   input_names=["input"], output_names=["embedding"], dynamic_axes=axes, opset_version=17)
/// shutil.copy(os.path.join(os.path.dirname(open_clip.__file__), "bpe_simple_vocab_16e6.txt.gz"), ".")
/// </code>
/// The dummy image's size becomes <see cref="ImageSize"/>: SN17 feeds convnext_large_d 224×224 images, so export it with
/// a 224 dummy to score like SN17. Float16 exports are refused; export in float32.
/// </remarks>
public sealed class ClipModel : IDisposable
{
    /// <summary>File name of the image encoder inside the model directory.</summary>
    public const string VisualFile = "visual.onnx";

    /// <summary>File name of the text encoder inside the model directory.</summary>
    public const string TextualFile = "textual.onnx";

    /// <summary>Tokenizer file names tried in order.</summary>
    public static IReadOnlyList<string> TokenizerFiles { get; } = ["bpe_simple_vocab_16e6.txt.gz", "bpe_simple_vocab_16e6.txt"];

    private readonly InferenceSession _visual, _textual;
    private readonly string _visualInput, _visualOutput, _textualInput, _textualOutput;
    private readonly bool _visualBatched, _textualBatched, _textIds32;

    private ClipModel(string directory, InferenceSession visual, InferenceSession textual, ClipTokenizer tokenizer, ClipModelOptions options)
    {
        Directory = directory;
        _visual = visual;
        _textual = textual;
        Tokenizer = tokenizer;
        var visualPath = Path.Combine(directory, VisualFile);
        var textualPath = Path.Combine(directory, TextualFile);

        (_visualInput, var image) = SingleInput(visual, visualPath);
        if (image.ElementDataType != TensorElementType.Float)
            throw new ClipModelException(visualPath, $"input '{_visualInput}' is {image.ElementDataType}; export the image encoder with a float32 input");
        var d = image.Dimensions;
        if (d.Length != 4 || d[1] is not (3 or -1))
            throw new ClipModelException(visualPath, $"input '{_visualInput}' has shape {Shape(d)}; expected [batch, 3, height, width]");
        if (d[2] != d[3]) throw new ClipModelException(visualPath, $"input '{_visualInput}' has shape {Shape(d)}; expected a square image");
        ImageSize = d[2] > 0 ? d[2] : options.ImageSizeOverride
            ?? throw new ClipModelException(visualPath, $"input '{_visualInput}' has a dynamic image size {Shape(d)}; set ClipModelOptions.ImageSizeOverride");
        _visualBatched = Batch(d[0], visualPath, _visualInput);
        (_visualOutput, var imageDim) = EmbeddingOutput(visual, visualPath);

        (_textualInput, var text) = SingleInput(textual, textualPath);
        if (text.ElementDataType is not (TensorElementType.Int64 or TensorElementType.Int32))
            throw new ClipModelException(textualPath, $"input '{_textualInput}' is {text.ElementDataType}; expected int64 (or int32) token ids");
        _textIds32 = text.ElementDataType == TensorElementType.Int32;
        if (text.Dimensions.Length != 2)
            throw new ClipModelException(textualPath, $"input '{_textualInput}' has shape {Shape(text.Dimensions)}; expected [batch, context length]");
        ContextLength = text.Dimensions[1] > 0 ? text.Dimensions[1] : ClipTokenizer.DefaultContextLength;
        _textualBatched = Batch(text.Dimensions[0], textualPath, _textualInput);
        (_textualOutput, var textDim) = EmbeddingOutput(textual, textualPath);

        if (imageDim > 0 && textDim > 0 && imageDim != textDim)
            throw new ClipModelException(directory, $"the image embedding has {imageDim} values but the text embedding {textDim}; the two encoders must come from the same CLIP model");
        EmbeddingSize = Math.Max(imageDim, textDim) is > 0 and var known ? known : null;
    }

    /// <summary>The model directory.</summary>
    public string Directory { get; }

    /// <summary>The tokenizer loaded from the directory.</summary>
    public ClipTokenizer Tokenizer { get; }

    /// <summary>Side of the square image the visual encoder takes, pixels (224 for ViT-B-32, 256/320 for some ConvNeXts).</summary>
    public int ImageSize { get; }

    /// <summary>Token ids per prompt (77).</summary>
    public int ContextLength { get; }

    /// <summary>Embedding length when the metadata states it (512 for ViT-B-32, 768 for convnext_large_d); null if dynamic.</summary>
    public int? EmbeddingSize { get; }

    /// <summary>Opens <paramref name="directory"/> (layout in the class summary) and creates both sessions.</summary>
    /// <exception cref="ClipModelException">A file is missing or unreadable, or an encoder has unusable inputs or outputs.</exception>
    public static ClipModel Load(string directory, ClipModelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        options ??= new ClipModelOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IntraOpThreads, 1);
        if (!System.IO.Directory.Exists(directory))
            throw new ClipModelException(directory, $"the CLIP model directory does not exist (it must hold {VisualFile}, {TextualFile} and {TokenizerFiles[0]})");
        var tokenizerPath = TokenizerFiles.Select(f => Path.Combine(directory, f)).FirstOrDefault(File.Exists)
            ?? throw new ClipModelException(Path.Combine(directory, TokenizerFiles[0]), "the CLIP tokenizer file is missing (OpenAI's bpe_simple_vocab_16e6.txt.gz, shipped with open_clip and CLIP)");
        var tokenizer = ClipTokenizer.Load(tokenizerPath);

        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var visual = OpenSession(Path.Combine(directory, VisualFile), sessionOptions);
        InferenceSession? textual = null;
        try
        {
            textual = OpenSession(Path.Combine(directory, TextualFile), sessionOptions);
            return new ClipModel(directory, visual, textual, tokenizer, options);
        }
        catch
        {
            visual.Dispose();
            textual?.Dispose();
            throw;
        }
    }

    /// <summary>The text embedding of <paramref name="prompt"/> (tokenised with <see cref="Tokenizer"/>).</summary>
    public float[] EncodeText(string prompt, CancellationToken cancellationToken = default)
    {
        var ids = Tokenizer.Tokenize(prompt, ContextLength);
        return EncodeTokens(ids, cancellationToken);
    }

    /// <summary>The text embedding of one row of token ids (length <see cref="ContextLength"/>).</summary>
    /// <exception cref="ClipModelException">The encoder's output does not have one embedding per row.</exception>
    public float[] EncodeTokens(long[] ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Length != ContextLength) throw new ArgumentException($"expected {ContextLength} token ids, got {ids.Length}", nameof(ids));
        long[] shape = [1, ContextLength];
        using var input = _textIds32
            ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(ids, id => (int)id), shape)
            : OrtValue.CreateTensorValueFromMemory(ids, shape);
        return Run(_textual, _textualInput, input, _textualOutput, 1, Path.Combine(Directory, TextualFile), cancellationToken)[0];
    }

    /// <summary>
    /// Image embeddings of <paramref name="count"/> images given as normalised float pixels, channels first
    /// (<c>count × 3 × ImageSize × ImageSize</c> values, see <see cref="ClipImagePreprocessor"/>).
    /// </summary>
    /// <exception cref="ClipModelException">The encoder's output does not have one embedding per image.</exception>
    public float[][] EncodeImages(ReadOnlyMemory<float> pixels, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var perImage = 3 * ImageSize * ImageSize;
        if (pixels.Length != count * perImage)
            throw new ArgumentException($"expected {count}×3×{ImageSize}×{ImageSize} = {count * perImage} values, got {pixels.Length}", nameof(pixels));
        var path = Path.Combine(Directory, VisualFile);
        if (_visualBatched) return RunImages(pixels, count, path, cancellationToken);
        var embeddings = new float[count][];
        for (var i = 0; i < count; i++)
            embeddings[i] = RunImages(pixels.Slice(i * perImage, perImage), 1, path, cancellationToken)[0];
        return embeddings;
    }

    private float[][] RunImages(ReadOnlyMemory<float> pixels, int count, string path, CancellationToken cancellationToken)
    {
        // ONNX Runtime reads but never writes an input tensor; it needs a Memory<T> to pin.
        var memory = System.Runtime.InteropServices.MemoryMarshal.AsMemory(pixels);
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, memory, [count, 3, ImageSize, ImageSize]);
        return Run(_visual, _visualInput, input, _visualOutput, count, path, cancellationToken);
    }

    private static float[][] Run(InferenceSession session, string inputName, OrtValue input, string outputName, int rows, string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = session.Run(runOptions, [inputName], [input], [outputName]);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        using (outputs)
        {
            var output = outputs[0];
            var shape = output.GetTensorTypeAndShape().Shape;
            if (output.GetTensorTypeAndShape().ElementDataType != TensorElementType.Float || shape.Length != 2 || shape[0] != rows || shape[1] < 1)
                throw new ClipModelException(path, $"output '{outputName}' came back as {output.GetTensorTypeAndShape().ElementDataType} {Shape(shape)}; expected float32 [{rows}, D]");
            var data = output.GetTensorDataAsSpan<float>();
            var size = (int)shape[1];
            var result = new float[rows][];
            for (var r = 0; r < rows; r++) result[r] = data.Slice(r * size, size).ToArray();
            return result;
        }
    }

    private static InferenceSession OpenSession(string path, SessionOptions options)
    {
        if (!File.Exists(path)) throw new ClipModelException(path, "the CLIP encoder file is missing (see ClipModel for the directory layout)");
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ClipModelException(path, "ONNX Runtime cannot load this model: " + e.Message, e);
        }
    }

    private static (string Name, NodeMetadata Meta) SingleInput(InferenceSession session, string path)
    {
        if (session.InputMetadata.Count != 1)
            throw new ClipModelException(path, $"the encoder has {session.InputMetadata.Count} inputs ({string.Join(", ", session.InputNames)}); expected exactly one");
        var (name, meta) = session.InputMetadata.First();
        if (!meta.IsTensor) throw new ClipModelException(path, $"input '{name}' is not a tensor");
        return (name, meta);
    }

    private static (string Name, int Dimension) EmbeddingOutput(InferenceSession session, string path)
    {
        if (session.OutputMetadata.Count == 0) throw new ClipModelException(path, "the encoder has no outputs");
        var name = session.OutputNames[0];
        var meta = session.OutputMetadata[name];
        if (!meta.IsTensor || meta.ElementDataType != TensorElementType.Float || meta.Dimensions.Length != 2)
            throw new ClipModelException(path, $"first output '{name}' is {meta.ElementDataType} {Shape(meta.Dimensions)}; expected the embedding as float32 [batch, D]");
        return (name, meta.Dimensions[1]);
    }

    private static bool Batch(int dimension, string path, string input) => dimension switch
    {
        -1 => true,
        1 => false,
        _ => throw new ClipModelException(path, $"input '{input}' has a fixed batch of {dimension}; export with a dynamic batch axis (or batch 1)"),
    };

    private static string Shape(IEnumerable<int> dims) => "[" + string.Join(", ", dims.Select(d => d < 0 ? "?" : d.ToString())) + "]";

    private static string Shape(IEnumerable<long> dims) => "[" + string.Join(", ", dims) + "]";

    /// <inheritdoc />
    public void Dispose()
    {
        _visual.Dispose();
        _textual.Dispose();
    }
}
