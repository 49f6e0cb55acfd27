using System.Buffers;
using Neuron3D.Assets.Rendering;

namespace Neuron3D.Subnet17.Validator.Scoring;

/// <summary>
/// Turns renders into a CLIP image encoder's input: 8-bit quantisation (the validation service scores
/// <c>uint8(clip(rgb, 0, 1)·255)</c> images), antialiased bicubic resampling to the model's square input size (PIL's
/// <c>BICUBIC</c>, as open_clip's preprocessing: Keys kernel with a = −0.5, support widened by the downscale factor),
/// then per-channel <c>(v − mean) / std</c> with CLIP's mean and std, channels first.
/// <para>
/// SN17 quirk (spec sn17-404gen.md §3.5 step 6): the validation service multiplies both the mean and the std by 3 before
/// normalising. With <c>sn17Quirk</c> the same is done, because SN17's calibration (alignment / 0.35, the
/// 0.3 alignment floor, the 0.6 acceptance threshold) was tuned on embeddings of such inputs; without it the embeddings
/// are the ones CLIP was trained for, and scores are on a different scale.
/// </para>
/// </summary>
public static class ClipImagePreprocessor
{
    /// <summary>CLIP's per-channel pixel mean (R, G, B), for values 0–1.</summary>
    public static ReadOnlySpan<float> Mean => [0.48145466f, 0.4578275f, 0.40821073f];

    /// <summary>CLIP's per-channel pixel standard deviation (R, G, B), for values 0–1.</summary>
    public static ReadOnlySpan<float> Std => [0.26862954f, 0.26130258f, 0.27577711f];

    private const float BicubicA = -0.5f;
    private const float BicubicSupport = 2f;

    /// <summary>
    /// Writes <paramref name="image"/> as <c>3 × size × size</c> normalised floats (R plane, G plane, B plane) into
    /// <paramref name="destination"/>. A non-square image is stretched to the square.
    /// </summary>
    public static void ToTensor(RenderImage image, int size, bool sn17Quirk, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var plane = size * size;
        if (destination.Length != 3 * plane) throw new ArgumentException($"destination must hold 3×{size}×{size} values", nameof(destination));
        var resized = ArrayPool<float>.Shared.Rent(3 * plane);
        try
        {
            Resize(image, size, size, resized.AsSpan(0, 3 * plane));
            var factor = sn17Quirk ? 3f : 1f;
            for (var c = 0; c < 3; c++)
            {
                float mean = Mean[c] * factor, scale = 1f / (Std[c] * factor);
                var target = destination.Slice(c * plane, plane);
                for (var p = 0; p < plane; p++) target[p] = (resized[3 * p + c] - mean) * scale;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(resized);
        }
    }

    /// <summary>
    /// Resamples <paramref name="image"/> (quantised to 8 bits first) to <paramref name="width"/> × <paramref name="height"/>
    /// interleaved RGB floats (0–1 scale, may overshoot slightly as bicubic does), separably: rows, then columns.
    /// </summary>
    public static void Resize(RenderImage image, int width, int height, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (destination.Length != 3 * width * height) throw new ArgumentException($"destination must hold {width}×{height}×3 values", nameof(destination));
        var horizontal = Weights(image.Width, width);
        var vertical = Weights(image.Height, height);
        var src = ArrayPool<float>.Shared.Rent(image.Rgb.Length);
        var rows = ArrayPool<float>.Shared.Rent(3 * width * image.Height);
        try
        {
            for (var i = 0; i < image.Rgb.Length; i++) src[i] = Quantise(image.Rgb[i]);
            for (var y = 0; y < image.Height; y++)
                for (var x = 0; x < width; x++)
                {
                    var (start, weights) = horizontal[x];
                    float r = 0, g = 0, b = 0;
                    for (var k = 0; k < weights.Length; k++)
                    {
                        var s = 3 * (y * image.Width + start + k);
                        r += weights[k] * src[s];
                        g += weights[k] * src[s + 1];
                        b += weights[k] * src[s + 2];
                    }
                    var o = 3 * (y * width + x);
                    (rows[o], rows[o + 1], rows[o + 2]) = (r, g, b);
                }
            for (var y = 0; y < height; y++)
            {
                var (start, weights) = vertical[y];
                for (var x = 0; x < width; x++)
                {
                    float r = 0, g = 0, b = 0;
                    for (var k = 0; k < weights.Length; k++)
                    {
                        var s = 3 * ((start + k) * width + x);
                        r += weights[k] * rows[s];
                        g += weights[k] * rows[s + 1];
                        b += weights[k] * rows[s + 2];
                    }
                    var o = 3 * (y * width + x);
                    (destination[o], destination[o + 1], destination[o + 2]) = (r, g, b);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(src);
            ArrayPool<float>.Shared.Return(rows);
        }
    }

    /// <summary>The render as the validation service sees it: clipped to 0–1, ·255 truncated to an integer, /255.</summary>
    private static float Quantise(float v) => (int)(Math.Clamp(float.IsNaN(v) ? 0 : v, 0f, 1f) * 255) / 255f;

    /// <summary>For each output pixel: the first input pixel it reads and the normalised filter weights.</summary>
    private static (int Start, float[] Weights)[] Weights(int inSize, int outSize)
    {
        var scale = (double)inSize / outSize;
        var stretch = Math.Max(1.0, scale); // downscaling widens the kernel: the antialiasing
        var support = BicubicSupport * stretch;
        var result = new (int, float[])[outSize];
        for (var i = 0; i < outSize; i++)
        {
            var centre = (i + 0.5) * scale;
            var first = Math.Max(0, (int)Math.Floor(centre - support + 0.5));
            var last = Math.Min(inSize, (int)Math.Floor(centre + support + 0.5));
            var weights = new float[last - first];
            double total = 0;
            for (var j = 0; j < weights.Length; j++)
            {
                var w = Bicubic((first + j + 0.5 - centre) / stretch);
                weights[j] = (float)w;
                total += w;
            }
            if (total != 0)
                for (var j = 0; j < weights.Length; j++) weights[j] = (float)(weights[j] / total);
            result[i] = (first, weights);
        }
        return result;
    }

    private static double Bicubic(double x)
    {
        x = Math.Abs(x);
        if (x < 1) return ((BicubicA + 2) * x - (BicubicA + 3)) * x * x + 1;
        if (x < 2) return (((x - 5) * x + 8) * x - 4) * BicubicA;
        return 0;
    }
}
