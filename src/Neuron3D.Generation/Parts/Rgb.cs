namespace Neuron3D.Generation.Parts;

/// <summary>An sRGB-encoded colour with channels in 0–1 (the values files and vertex colours store).</summary>
public readonly record struct Rgb(float R, float G, float B)
{
    /// <summary>Builds a colour from a 0xRRGGBB literal.</summary>
    public static Rgb FromHex(int rgb) => new(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);

    /// <summary>The colour as 0xRRGGBB (rounded, clamped).</summary>
    public int ToHex() => (Channel(R) << 16) | (Channel(G) << 8) | Channel(B);

    /// <summary>Linear interpolation towards <paramref name="other"/> by <paramref name="t"/> (0 = this, 1 = other).</summary>
    public Rgb Mix(Rgb other, float t) => new(R + (other.R - R) * t, G + (other.G - G) * t, B + (other.B - B) * t);

    /// <summary>Every channel multiplied by <paramref name="factor"/> and clamped to 0–1.</summary>
    public Rgb Scale(float factor) => new(Math.Clamp(R * factor, 0, 1), Math.Clamp(G * factor, 0, 1), Math.Clamp(B * factor, 0, 1));

    /// <summary>Relative luminance proxy (Rec. 709 weights on the encoded values), 0–1.</summary>
    public float Luma => 0.2126f * R + 0.7152f * G + 0.0722f * B;

    private static int Channel(float v) => (int)MathF.Round(Math.Clamp(v, 0, 1) * 255f);

    public override string ToString() => $"#{ToHex():x6}";
}
