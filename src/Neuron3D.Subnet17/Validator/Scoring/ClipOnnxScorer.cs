using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;
using Microsoft.ML.OnnxRuntime;
using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Formats;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Rendering;
using Neuron3D.Assets.Splats;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Validator.Scoring;

/// <summary>Settings of <see cref="ClipOnnxScorer"/>; the defaults follow the SN17 validation service (spec §3.5).</summary>
public sealed record ClipScorerOptions
{
    /// <summary>SN17 validation views rendered (indices 0–15 of <see cref="OrbitCamera.Sn17View"/>): 1, 5, 9, 13 —
    /// four views 96° apart, the ones of SN17's grid preview.</summary>
    public IReadOnlyList<int> Views { get; init; } = ViewGrid.Sn17PreviewViews;

    /// <summary>Render size, pixels (SN17 renders 518×518 and resizes to the model's input).</summary>
    public int RenderSize { get; init; } = OrbitCamera.Sn17ImageSize;

    /// <summary>Text alignment divisor: alignment = min(1, geometric-mean cosine / this) (SN17: 0.35).</summary>
    public double Calibration { get; init; } = 0.35;

    /// <summary>Normalise with CLIP's mean and std ×3, as the SN17 service does (see <see cref="ClipImagePreprocessor"/>).</summary>
    public bool Sn17NormalizationQuirk { get; init; } = true;

    /// <summary>Splat sanity gates applied before any rendering (SN17's).</summary>
    public SplatCheckOptions Gates { get; init; } = SplatCheckOptions.Default;

    /// <summary>Decoder limits for untrusted SPZ uploads.</summary>
    public SpzReadOptions Limits { get; init; } = StructuralScorer.DefaultLimits;

    /// <summary>Threads each render may use.</summary>
    public int RenderThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Limit for one asset (decode, renders, encoders); past it the scorer reports a failure, not a score.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Prompt fidelity without a GPU service: a CLIP model exported to ONNX (<see cref="ClipModel"/>, the directory given by
/// <c>--validation.clip_model DIR</c>) judges how well renders of the asset match the prompt, following the text
/// alignment of the SN17 validation service (spec sn17-404gen.md §3.5):
/// <list type="number">
/// <item>decode the SPZ under <see cref="ClipScorerOptions.Limits"/>; unreadable → score 0;</item>
/// <item>SN17's splat gates; failing → score 0;</item>
/// <item>normalise like the validator (<see cref="SplatTransforms.NormalizeLikeValidator"/>) and render
/// <see cref="ClipScorerOptions.Views"/> on white at <see cref="ClipScorerOptions.RenderSize"/>;</item>
/// <item>each render → <see cref="ClipImagePreprocessor"/> → image embedding; cosine with the prompt's text embedding;</item>
/// <item>clip each cosine to [0, 1], take the geometric mean, divide by <see cref="ClipScorerOptions.Calibration"/> (0.35)
/// and cap at 1: that alignment is the score.</item>
/// </list>
/// Differences from SN17, on purpose: 4 views instead of 16 (CPU time), no KNN outlier filter (it needs more views than
/// four to mean anything), and no IQA/SSIM/LPIPS terms — so the score is the calibrated alignment alone, and the 0.6
/// acceptance threshold means a geometric-mean cosine of at least 0.21 (SN17's own "alignment &lt; 0.3 → 0" rule is
/// then moot). Image tasks compare the prompt image's
/// embedding (alpha composited on white) with each view and take the geometric mean of the clipped cosines with no
/// calibration, as SN17 does with its image model. An encoder failure or the timeout is a scorer failure (null).
/// </summary>
public sealed class ClipOnnxScorer : IFidelityScorer, IDisposable
{
    private const int PromptCacheLimit = 1024;

    private readonly ClipModel _model;
    private readonly bool _ownsModel;
    private readonly ClipScorerOptions _options;
    private readonly ConcurrentDictionary<string, float[]> _textEmbeddings = new(StringComparer.Ordinal);

    /// <summary>Loads the model directory (layout: <see cref="ClipModel"/>) and owns it.</summary>
    /// <exception cref="ClipModelException">The directory cannot be used; the message names the file and the problem.</exception>
    public ClipOnnxScorer(string modelDirectory, ClipScorerOptions? options = null, ClipModelOptions? modelOptions = null)
        : this(ClipModel.Load(modelDirectory, modelOptions), options, ownsModel: true)
    {
    }

    /// <summary>Scores with an already loaded <paramref name="model"/>; <paramref name="ownsModel"/> disposes it with the scorer.</summary>
    public ClipOnnxScorer(ClipModel model, ClipScorerOptions? options, bool ownsModel)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _ownsModel = ownsModel;
        _options = options ?? new ClipScorerOptions();
        if (_options.Views.Count == 0) throw new ArgumentException("at least one view is needed", nameof(options));
        foreach (var view in _options.Views) ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)view, (uint)OrbitCamera.Sn17ViewCount, nameof(options));
        if (!(_options.Calibration > 0)) throw new ArgumentOutOfRangeException(nameof(options), "calibration must be positive");
        if (_options.Timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "timeout must be positive");
    }

    /// <inheritdoc />
    public string Name => $"CLIP alignment on {_options.Views.Count} views (ONNX model {_model.Directory}; SN17 splat gates; no IQA/SSIM/LPIPS)";

    /// <summary>
    /// The SN17 text alignment of per-view cosines: each clipped to [0, 1], geometric mean (0 if any is 0), divided by
    /// <paramref name="calibration"/>, capped at 1.
    /// </summary>
    public static double TextAlignment(ReadOnlySpan<double> cosines, double calibration) =>
        Math.Min(1, GeometricMean(cosines) / calibration);

    /// <summary>Geometric mean of the cosines clipped to [0, 1]; 0 when any is ≤ 0 (or NaN).</summary>
    public static double GeometricMean(ReadOnlySpan<double> cosines)
    {
        if (cosines.IsEmpty) throw new ArgumentException("at least one cosine is needed", nameof(cosines));
        var logSum = 0.0;
        foreach (var c in cosines)
        {
            if (!(c > 0)) return 0;
            logSum += Math.Log(Math.Min(1, c));
        }
        return Math.Exp(logSum / cosines.Length);
    }

    /// <inheritdoc />
    public async Task<ScoreReport?> ScoreAsync(Sn17Task task, ReadOnlyMemory<byte> spz, ScoreRequestOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await Task.Run(() => Score(task, spz, options, timeout.Token), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // our own timeout
        }
    }

    private ScoreReport? Score(Sn17Task task, ReadOnlyMemory<byte> spz, ScoreRequestOptions options, CancellationToken cancellationToken)
    {
        SplatCloud cloud;
        try
        {
            cloud = SpzCodec.Decode(spz.Span, _options.Limits);
        }
        catch (AssetFormatException e)
        {
            return new ScoreReport(0, Name, Notes: "unreadable SPZ: " + e.Message);
        }
        var gates = SplatChecks.Check(cloud, _options.Gates);
        if (!gates.Passed)
            return new ScoreReport(0, Name, Notes: $"{cloud.Count} splats, failed: {string.Join(", ", gates.FailedRules)}");

        ClipAnalysis analysis;
        try
        {
            analysis = Analyse(task, cloud, keepInputs: false, cancellationToken);
        }
        catch (Exception e) when (e is ClipModelException or OnnxRuntimeException or PromptImageException)
        {
            return null; // the scorer failed, not the miner: the validator reports validation_failed without penalty
        }

        var score = analysis.Alignment;
        var passes = score > options.PreviewScoreThreshold;
        var preview = options.SinglePreview && passes ? analysis.Views[0].ToPng() : null;
        var grid = options.GridPreview && passes ? ViewGrid.Compose(analysis.Views, 2, ViewGrid.Sn17Gap, Vector3.Zero).ToPng() : null;
        var cosines = string.Join(", ", analysis.Cosines.Select(c => c.ToString("F3", CultureInfo.InvariantCulture)));
        var notes = task.Kind == TaskKind.Text
            ? $"{cloud.Count} splats; cosine per view [{cosines}], geometric mean {analysis.GeometricMean:F3} / {_options.Calibration} → alignment {score:F3} (CLIP alignment only: no IQA/SSIM/LPIPS)"
            : $"{cloud.Count} splats; image-prompt cosine per view [{cosines}], geometric mean {score:F3} (CLIP alignment only: no IQA/SSIM/LPIPS)";
        return new ScoreReport(score, Name, Alignment: score, PreviewPng: preview, GridPreviewPng: grid, Notes: notes);
    }

    /// <summary>Renders, encodes and compares; <paramref name="keepInputs"/> keeps the encoder inputs (for differential tests).</summary>
    internal ClipAnalysis Analyse(Sn17Task task, SplatCloud cloud, bool keepInputs, CancellationToken cancellationToken)
    {
        var size = _model.ImageSize;
        var perImage = 3 * size * size;
        var views = RenderViews(cloud, cancellationToken);
        long[]? tokens = task.Kind == TaskKind.Text && keepInputs ? _model.Tokenizer.Tokenize(task.Prompt, _model.ContextLength) : null;
        var prompt = task.Kind == TaskKind.Text ? TextEmbedding(task.Prompt, cancellationToken) : ImagePromptEmbedding(task.Prompt, cancellationToken);

        var pixels = ArrayPool<float>.Shared.Rent(views.Length * perImage);
        try
        {
            for (var v = 0; v < views.Length; v++)
                ClipImagePreprocessor.ToTensor(views[v], size, _options.Sn17NormalizationQuirk, pixels.AsSpan(v * perImage, perImage));
            var input = pixels.AsMemory(0, views.Length * perImage);
            var embeddings = _model.EncodeImages(input, views.Length, cancellationToken);
            var cosines = new double[views.Length];
            for (var v = 0; v < views.Length; v++) cosines[v] = Cosine(embeddings[v], prompt, _model.Directory);
            var geometric = GeometricMean(cosines);
            var alignment = task.Kind == TaskKind.Text ? Math.Min(1, geometric / _options.Calibration) : geometric;
            return new ClipAnalysis(views, tokens, keepInputs ? input.ToArray() : null, prompt, embeddings, cosines, geometric, alignment);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(pixels);
        }
    }

    private RenderImage[] RenderViews(SplatCloud cloud, CancellationToken cancellationToken)
    {
        var normalized = SplatTransforms.NormalizeLikeValidator(cloud);
        var cameras = new OrbitCamera[_options.Views.Count];
        for (var i = 0; i < cameras.Length; i++) cameras[i] = OrbitCamera.Sn17View(_options.Views[i], _options.RenderSize);
        var renderOptions = SplatRenderOptions.Default with { MaxDegreeOfParallelism = _options.RenderThreads };
        return SplatRenderer.RenderViews(normalized, cameras, renderOptions, cancellationToken);
    }

    private float[] TextEmbedding(string prompt, CancellationToken cancellationToken)
    {
        if (_textEmbeddings.TryGetValue(prompt, out var cached)) return cached;
        var embedding = _model.EncodeText(prompt, cancellationToken);
        if (_textEmbeddings.Count >= PromptCacheLimit) _textEmbeddings.Clear();
        _textEmbeddings.TryAdd(prompt, embedding);
        return embedding;
    }

    private float[] ImagePromptEmbedding(string base64Image, CancellationToken cancellationToken)
    {
        RenderImage image;
        try
        {
            image = RenderImage.FromPng(Convert.FromBase64String(base64Image));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new PromptImageException("the image prompt is not a decodable base64 image", e);
        }
        // SN17 composites prompt images with alpha on white before encoding them.
        for (var p = 0; p < image.Coverage.Length; p++)
        {
            var a = image.Coverage[p];
            for (var c = 0; c < 3; c++) image.Rgb[3 * p + c] = image.Rgb[3 * p + c] * a + (1 - a);
        }
        var size = _model.ImageSize;
        var pixels = new float[3 * size * size];
        ClipImagePreprocessor.ToTensor(image, size, _options.Sn17NormalizationQuirk, pixels);
        return _model.EncodeImages(pixels, 1, cancellationToken)[0];
    }

    private static double Cosine(float[] a, float[] b, string modelDirectory)
    {
        if (a.Length != b.Length)
            throw new ClipModelException(modelDirectory, $"image embeddings have {a.Length} values but prompt embeddings {b.Length}");
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return na > 0 && nb > 0 ? dot / Math.Sqrt(na * nb) : 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsModel) _model.Dispose();
    }

    private sealed class PromptImageException(string message, Exception inner) : Exception(message, inner);
}

/// <summary>What <see cref="ClipOnnxScorer"/> computed for one asset.</summary>
/// <param name="Views">The renders, in <see cref="ClipScorerOptions.Views"/> order.</param>
/// <param name="TokenIds">The prompt's token ids (text tasks, when inputs were kept).</param>
/// <param name="Pixels">The visual encoder's input, views × 3 × size × size (when inputs were kept).</param>
/// <param name="PromptEmbedding">Text (or prompt image) embedding.</param>
/// <param name="ImageEmbeddings">One embedding per view.</param>
/// <param name="Cosines">Cosine of each view with the prompt.</param>
/// <param name="GeometricMean">Geometric mean of the clipped cosines.</param>
/// <param name="Alignment">The score: calibrated text alignment, or the geometric mean for image prompts.</param>
internal sealed record ClipAnalysis(
    RenderImage[] Views, long[]? TokenIds, float[]? Pixels, float[] PromptEmbedding, float[][] ImageEmbeddings,
    double[] Cosines, double GeometricMean, double Alignment);
