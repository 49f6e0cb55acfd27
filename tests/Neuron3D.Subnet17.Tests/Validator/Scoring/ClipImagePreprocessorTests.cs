using System.Numerics;
using CsCheck;
using Neuron3D.Assets.Rendering;
using Neuron3D.Subnet17.Validator.Scoring;

namespace Neuron3D.Subnet17.Tests.Validator.Scoring;

public class ClipImagePreprocessorTests
{
    [Theory]
    [InlineData(false, 1f)]
    [InlineData(true, 3f)]
    public void A_flat_image_becomes_the_normalised_quantised_value_in_every_channel(bool quirk, float factor)
    {
        var image = new RenderImage(50, 40, new Vector3(0.5f, 0.25f, 1f));
        var tensor = new float[3 * 16 * 16];
        ClipImagePreprocessor.ToTensor(image, 16, quirk, tensor);
        // 8-bit like the service: 0.5 → 127, 0.25 → 63, 1 → 255.
        float[] quantised = [127 / 255f, 63 / 255f, 1f];
        for (var c = 0; c < 3; c++)
        {
            var expected = (quantised[c] - ClipImagePreprocessor.Mean[c] * factor) / (ClipImagePreprocessor.Std[c] * factor);
            Assert.All(tensor.AsSpan(c * 256, 256).ToArray(), v => Assert.Equal(expected, v, 5));
        }
    }

    /// <summary>
    /// PIL's antialiased bicubic (a = −0.5) halving a row [0, 1, 0, 1]: the kernel spans 4 input pixels per side; output 0
    /// (centre 1.0) weighs inputs 0–3 with k(−0.25), k(0.25), k(0.75), k(1.25) = 0.8671875, 0.8671875, 0.2265625,
    /// −0.0703125 (sum 1.890625), so it is (0.8671875 − 0.0703125) / 1.890625; output 1 mirrors it.
    /// </summary>
    [Fact]
    public void Halving_a_row_uses_the_widened_bicubic_kernel()
    {
        var image = new RenderImage(4, 1);
        for (var x = 0; x < 4; x++) image.Rgb[3 * x] = image.Rgb[3 * x + 1] = image.Rgb[3 * x + 2] = x % 2;
        var resized = new float[3 * 2];
        ClipImagePreprocessor.Resize(image, 2, 1, resized);
        Assert.Equal(0.796875 / 1.890625, resized[0], 6);
        Assert.Equal(1.09375 / 1.890625, resized[3], 6);
    }

    [Fact]
    public void The_same_size_returns_the_8_bit_image()
    {
        Gen.Float[0f, 1f].Array[3 * 8 * 8].Sample(values =>
        {
            var image = new RenderImage(8, 8);
            values.CopyTo(image.Rgb, 0);
            var resized = new float[values.Length];
            ClipImagePreprocessor.Resize(image, 8, 8, resized);
            for (var i = 0; i < values.Length; i++) Assert.Equal((int)(values[i] * 255) / 255f, resized[i], 5);
        }, iter: 50);
    }

    [Fact]
    public void Downscaling_a_pixel_checkerboard_averages_it_instead_of_aliasing()
    {
        var image = new RenderImage(64, 64);
        for (var y = 0; y < 64; y++)
            for (var x = 0; x < 64; x++)
                for (var c = 0; c < 3; c++) image.Rgb[3 * (y * 64 + x) + c] = (x + y) % 2;
        var resized = new float[3 * 16 * 16];
        ClipImagePreprocessor.Resize(image, 16, 16, resized);
        Assert.All(resized, v => Assert.InRange(v, 0.45f, 0.55f));
    }

    [Fact]
    public void Wrong_destination_sizes_are_argument_errors()
    {
        var image = new RenderImage(4, 4);
        Assert.Throws<ArgumentException>(() => ClipImagePreprocessor.ToTensor(image, 4, false, new float[10]));
        Assert.Throws<ArgumentException>(() => ClipImagePreprocessor.Resize(image, 4, 4, new float[10]));
    }
}
