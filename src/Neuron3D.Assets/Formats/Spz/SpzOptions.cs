namespace Neuron3D.Assets.Formats.Spz;

/// <summary>Which SPZ container a file uses (spec §4.2–4.3). Readers detect it from the first bytes.</summary>
public enum SpzVariant
{
    /// <summary>SN17's fork ("SPZ 404"): a version-2 payload in ONE zstd frame with its content size set. What SN17 miners must send.</summary>
    Sn17Zstd,

    /// <summary>Upstream (nianticlabs) version 2: the payload gzip-compressed, "first three" 3-byte rotations.</summary>
    UpstreamGzipV2,

    /// <summary>Upstream version 3: the payload gzip-compressed, "smallest three" 4-byte rotations.</summary>
    UpstreamGzipV3,

    /// <summary>Upstream version 4: plaintext 32-byte header, table of contents, one zstd frame per attribute stream.</summary>
    UpstreamV4,
}

/// <summary>Caps the SPZ reader enforces before it allocates: a validator must not be knocked over by a zip bomb.</summary>
public sealed record SpzReadOptions
{
    /// <summary>The SN17 decoder's point cap, the default <see cref="MaxPoints"/>.</summary>
    public const int Sn17MaxPoints = 10_000_000;

    /// <summary>Defaults: 10,000,000 points, 512 MiB of compressed input.</summary>
    public static SpzReadOptions Default { get; } = new();

    /// <summary>
    /// Most splats accepted. The decoded size is a function of the point count and SH degree, so this also bounds
    /// every allocation (at most 16 + N·64 bytes of payload); larger declared counts or frame sizes are refused before
    /// anything is decompressed. Default <see cref="Sn17MaxPoints"/>.
    /// </summary>
    public int MaxPoints { get; init; } = Sn17MaxPoints;

    /// <summary>Largest compressed file accepted, in bytes. Default 512 MiB.</summary>
    public long MaxInputBytes { get; init; } = 512L << 20;
}

/// <summary>How <see cref="SpzCodec.Encode"/> writes a file.</summary>
public sealed record SpzWriteOptions
{
    /// <summary>Defaults: the SN17 variant, 12 fractional position bits, zstd level 1 (as pyspz), not antialiased.</summary>
    public static SpzWriteOptions Default { get; } = new();

    /// <summary>Container and version. Default <see cref="SpzVariant.Sn17Zstd"/>.</summary>
    public SpzVariant Variant { get; init; } = SpzVariant.Sn17Zstd;

    /// <summary>
    /// Fractional bits of the 24-bit fixed-point positions (0–23): resolution 2^−bits scene units, range ±2^(23−bits).
    /// Default 12 (≈0.24 mm steps for a metre-scale scene, ±2048 range), what every reference writer uses.
    /// </summary>
    public int FractionalBits { get; init; } = 12;

    /// <summary>
    /// Compression level: zstd level for the zstd variants (SN17 default 1 as pyspz; v4 default 12 as upstream),
    /// ignored for gzip (always <see cref="System.IO.Compression.CompressionLevel.Optimal"/>, deflate's default). Null = per variant default.
    /// </summary>
    public int? CompressionLevel { get; init; }

    /// <summary>Sets the header's "antialiased" flag (bit 0): the splats were trained with antialiasing (mip-splatting).</summary>
    public bool Antialiased { get; init; }
}

/// <summary>What an SPZ file's header says, besides the splats themselves.</summary>
/// <param name="Variant">Container detected from the first bytes.</param>
/// <param name="Version">Payload version (1–4).</param>
/// <param name="PointCount">Number of splats.</param>
/// <param name="ShDegree">SH degree in the file (0–4; degree-4 coefficients beyond degree 3 are dropped on decode).</param>
/// <param name="FractionalBits">Fixed-point fractional bits of positions.</param>
/// <param name="Antialiased">Header flag bit 0.</param>
/// <param name="DeclaredContentSize">For <see cref="SpzVariant.Sn17Zstd"/>, the zstd frame's Frame_Content_Size (null when absent).</param>
public sealed record SpzInfo(SpzVariant Variant, int Version, int PointCount, int ShDegree, int FractionalBits, bool Antialiased, long? DeclaredContentSize);
