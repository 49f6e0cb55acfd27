using System.Numerics;
using SkiaSharp;

namespace Neuron3D.Assets.Rendering;

/// <summary>
/// A rendered picture: linear RGB floats (0–1, row-major, top row first, 3 per pixel) and per-pixel coverage (0 = only
/// background, 1 = fully covered), which gives silhouettes for comparisons.
/// </summary>
public sealed class RenderImage
{
    /// <summary>Creates a blank image filled with <paramref name="background"/> and zero coverage.</summary>
    public RenderImage(int width, int height, Vector3 background = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        Width = width;
        Height = height;
        Rgb = new float[3 * width * height];
        Coverage = new float[width * height];
        if (background != Vector3.Zero)
            for (var i = 0; i < Rgb.Length; i += 3)
                (Rgb[i], Rgb[i + 1], Rgb[i + 2]) = (background.X, background.Y, background.Z);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>3 floats per pixel, 0–1.</summary>
    public float[] Rgb { get; }

    /// <summary>1 float per pixel, 0–1.</summary>
    public float[] Coverage { get; }

    /// <summary>The colour of pixel (x, y).</summary>
    public Vector3 this[int x, int y]
    {
        get
        {
            var i = 3 * (y * Width + x);
            return new Vector3(Rgb[i], Rgb[i + 1], Rgb[i + 2]);
        }
    }

    /// <summary>Encodes the image as an 8-bit RGB PNG (values clipped to 0–1, then ·255 truncated, as SN17 does).</summary>
    public unsafe byte[] ToPng()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rowBytes = bitmap.RowBytes;
        var pixels = new Span<byte>((void*)bitmap.GetPixels(), rowBytes * Height);
        for (var y = 0; y < Height; y++)
        {
            var row = pixels.Slice(y * rowBytes, 4 * Width);
            for (var x = 0; x < Width; x++)
            {
                var i = 3 * (y * Width + x);
                row[4 * x] = ToByte(Rgb[i]);
                row[4 * x + 1] = ToByte(Rgb[i + 1]);
                row[4 * x + 2] = ToByte(Rgb[i + 2]);
                row[4 * x + 3] = 255;
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the PNG");
        return data.ToArray();
    }

    /// <summary>
    /// Decodes a PNG (or any format SkiaSharp reads) into an image; coverage is set from alpha. For golden-image tests and
    /// reference renders.
    /// </summary>
    /// <exception cref="ArgumentException">The bytes are not a decodable image.</exception>
    public static unsafe RenderImage FromPng(ReadOnlySpan<byte> png)
    {
        using var data = SKData.CreateCopy(png);
        using var codec = SKCodec.Create(data) ?? throw new ArgumentException("not a decodable image", nameof(png));
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var rgba = SKBitmap.Decode(codec, info) ?? throw new ArgumentException("image data could not be decoded", nameof(png));
        var image = new RenderImage(rgba.Width, rgba.Height);
        var rowBytes = rgba.RowBytes;
        var src = new ReadOnlySpan<byte>((void*)rgba.GetPixels(), rowBytes * rgba.Height);
        for (var y = 0; y < image.Height; y++)
            for (var x = 0; x < image.Width; x++)
            {
                int s = y * rowBytes + 4 * x, p = y * image.Width + x;
                image.Rgb[3 * p] = src[s] / 255f;
                image.Rgb[3 * p + 1] = src[s + 1] / 255f;
                image.Rgb[3 * p + 2] = src[s + 2] / 255f;
                image.Coverage[p] = src[s + 3] / 255f;
            }
        return image;
    }

    private static byte ToByte(float v) => (byte)(Math.Clamp(float.IsNaN(v) ? 0 : v, 0f, 1f) * 255);
}
