using System.Buffers.Binary;
using System.IO.Compression;
using Neuron3D.Assets.Splats;
using ZstdSharp;

namespace Neuron3D.Assets.Formats.Spz;

/// <summary>
/// Reads and writes SPZ, the quantised Gaussian-splat format (spec §4.2–4.3): SN17's zstd-framed version 2 and
/// upstream's gzip versions 1–3 and multi-stream version 4, detected from the first bytes.
/// </summary>
/// <remarks>
/// Decoding is bounded: the point count and SH degree are read and checked against <see cref="SpzReadOptions"/>
/// before any buffer for them is allocated, and the decompressed bytes must be exactly what the header implies,
/// so a small file cannot make the reader allocate or inflate more than the caps allow.
/// Values are stored in the splats' own frame, without the PLY RDF → RUB axis flip upstream's PLY converter applies
/// (the SN17 fork applies none either, spec §4.2). The reader is lenient where the SN17 decoder is strict in ways that
/// do not matter for safety (a version 3 payload inside a zstd frame, a frame without its content size).
/// </remarks>
public static class SpzCodec
{
    /// <summary>Size of the plaintext version 4 header.</summary>
    private const int V4HeaderBytes = 32;

    /// <summary>Bytes of one version 4 table-of-contents entry (compressed and uncompressed size, u64 each).</summary>
    private const int V4TocEntryBytes = 16;

    /// <summary>Names <paramref name="file"/>'s container from its first bytes, or null if it is not SPZ.</summary>
    public static SpzVariant? Detect(ReadOnlySpan<byte> file)
    {
        if (ZstdFrameHeader.HasMagic(file)) return SpzVariant.Sn17Zstd;
        if (file.Length >= 2 && file[0] == 0x1F && file[1] == 0x8B) return SpzVariant.UpstreamGzipV2;
        if (file.Length >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(file) == SpzPlanes.Magic && BinaryPrimitives.ReadUInt32LittleEndian(file[4..]) == 4)
            return SpzVariant.UpstreamV4;
        return null;
    }

    /// <summary>Decodes an SPZ file of any supported variant.</summary>
    /// <exception cref="SpzFormatException">Unknown container, corrupt data, unsupported version, or a cap exceeded.</exception>
    public static SplatCloud Decode(ReadOnlySpan<byte> file, SpzReadOptions? options = null) => Decode(file, out _, options);

    /// <summary>Decodes an SPZ file and reports what its header says.</summary>
    /// <exception cref="SpzFormatException">Unknown container, corrupt data, unsupported version, or a cap exceeded.</exception>
    public static SplatCloud Decode(ReadOnlySpan<byte> file, out SpzInfo info, SpzReadOptions? options = null)
    {
        options ??= SpzReadOptions.Default;
        if (file.Length > options.MaxInputBytes)
            throw new SpzFormatException($"file is {file.Length} bytes, above the {options.MaxInputBytes}-byte cap");
        switch (Detect(file))
        {
            case SpzVariant.Sn17Zstd:
                return DecodeCompressedPayload(file, SpzVariant.Sn17Zstd, ZstdFrameHeader.ContentSize(file), options, out info);
            case SpzVariant.UpstreamGzipV2:
                return DecodeCompressedPayload(file, SpzVariant.UpstreamGzipV2, null, options, out info);
            case SpzVariant.UpstreamV4:
                return DecodeV4(file, options, out info);
            default:
                throw new SpzFormatException(
                    file.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(file) == SpzPlanes.Magic
                        ? "uncompressed version 1–3 payload (NGSP magic without version 4); decode it with DecodePayload"
                        : "unrecognised container: expected a zstd frame (28 B5 2F FD), gzip (1F 8B) or version 4 (NGSP, version 4)");
        }
    }

    /// <summary>Decodes an uncompressed version 1–3 payload (16-byte header + planes), e.g. the spec's 35-byte vector.</summary>
    /// <exception cref="SpzFormatException">Bad header, a cap exceeded, or a length other than the header implies.</exception>
    public static SplatCloud DecodePayload(ReadOnlySpan<byte> payload, SpzReadOptions? options = null)
    {
        options ??= SpzReadOptions.Default;
        if (payload.Length < SpzPlanes.HeaderBytes) throw new SpzFormatException($"payload is {payload.Length} bytes, shorter than the 16-byte header");
        var (planes, fractionalBits, _) = ParsePayloadHeader(payload[..SpzPlanes.HeaderBytes], options);
        var expected = SpzPlanes.HeaderBytes + planes.Length;
        if (payload.Length != expected)
            throw new SpzFormatException($"payload is {payload.Length} bytes; its header ({planes.Count} points, degree {planes.FileShDegree}, version {planes.Version}) implies {expected}");
        return planes.Unpack(payload[SpzPlanes.HeaderBytes..], fractionalBits);
    }

    /// <summary>Encodes <paramref name="cloud"/> as a complete SPZ file (default: the SN17 variant).</summary>
    public static byte[] Encode(SplatCloud cloud, SpzWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        options ??= SpzWriteOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(options.FractionalBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.FractionalBits, 23);
        switch (options.Variant)
        {
            case SpzVariant.Sn17Zstd:
            {
                var payload = EncodePayload(cloud, 2, options.FractionalBits, options.Antialiased);
                using var compressor = new Compressor(options.CompressionLevel ?? 1);
                // Single-shot compression: one frame with Frame_Content_Size set, as the SN17 decoder requires.
                return compressor.Wrap(payload).ToArray();
            }
            case SpzVariant.UpstreamGzipV2:
            case SpzVariant.UpstreamGzipV3:
            {
                var payload = EncodePayload(cloud, options.Variant == SpzVariant.UpstreamGzipV2 ? 2 : 3, options.FractionalBits, options.Antialiased);
                using var output = new MemoryStream(payload.Length / 2 + 64);
                using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(payload);
                return output.ToArray();
            }
            case SpzVariant.UpstreamV4:
                return EncodeV4(cloud, options);
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Variant, "unknown SPZ variant");
        }
    }

    /// <summary>The uncompressed version 1–3 payload: 16-byte header then planes (version 2 or 3; 1 is read-only).</summary>
    public static byte[] EncodePayload(SplatCloud cloud, int version = 2, int fractionalBits = 12, bool antialiased = false)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, 3);
        ArgumentOutOfRangeException.ThrowIfNegative(fractionalBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fractionalBits, 23);
        var planes = new SpzPlanes(cloud.Count, version, cloud.ShDegree);
        var payload = new byte[SpzPlanes.HeaderBytes + planes.Length];
        SpzPlanes.WriteHeader(payload, version, cloud.Count, cloud.ShDegree, fractionalBits, antialiased);
        planes.Pack(cloud, fractionalBits, payload.AsSpan(SpzPlanes.HeaderBytes));
        return payload;
    }

    private static (SpzPlanes Planes, int FractionalBits, bool Antialiased) ParsePayloadHeader(ReadOnlySpan<byte> header, SpzReadOptions options)
    {
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        if (magic != SpzPlanes.Magic) throw new SpzFormatException($"payload magic is 0x{magic:X8}, expected 0x{SpzPlanes.Magic:X8} (NGSP)");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (version is < 1 or > 3) throw new SpzFormatException($"payload version {version} is not 1, 2 or 3");
        var count = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        CheckCount(count, options);
        var degree = header[12];
        if (degree > 3) throw new SpzFormatException($"SH degree {degree} is not 0–3 (versions 1–3)");
        var fractionalBits = header[13];
        if (fractionalBits > 31) throw new SpzFormatException($"fractional bits {fractionalBits} exceed 31");
        return (new SpzPlanes((int)count, (int)version, degree), fractionalBits, (header[14] & 1) != 0);
    }

    private static void CheckCount(ulong count, SpzReadOptions options)
    {
        if (count > (ulong)options.MaxPoints) throw new SpzFormatException($"{count} points exceed the cap of {options.MaxPoints}");
        if (count * (9 + 1 + 3 + 3 + 4 + 72) > (ulong)Array.MaxLength) throw new SpzFormatException($"{count} points do not fit in one buffer");
    }

    private static unsafe SplatCloud DecodeCompressedPayload(ReadOnlySpan<byte> file, SpzVariant container, long? declaredSize, SpzReadOptions options, out SpzInfo info)
    {
        fixed (byte* start = file)
        {
            using var compressed = new UnmanagedMemoryStream(start, file.Length);
            try
            {
                using Stream inflated = container == SpzVariant.Sn17Zstd
                    ? new DecompressionStream(compressed, leaveOpen: true)
                    : new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
                Span<byte> header = stackalloc byte[SpzPlanes.HeaderBytes];
                ReadExactly(inflated, header, "the 16-byte payload header");
                var (planes, fractionalBits, antialiased) = ParsePayloadHeader(header, options);
                var expected = SpzPlanes.HeaderBytes + planes.Length;
                if (declaredSize is { } declared && declared != expected)
                    throw new SpzFormatException($"zstd frame declares {declared} bytes; the payload header ({planes.Count} points, degree {planes.FileShDegree}) implies {expected}");
                var variant = container == SpzVariant.Sn17Zstd ? container : planes.Version == 3 ? SpzVariant.UpstreamGzipV3 : SpzVariant.UpstreamGzipV2;
                info = new SpzInfo(variant, planes.Version, planes.Count, planes.FileShDegree, fractionalBits, antialiased, declaredSize);
                if (declaredSize is not null)
                {
                    // The frame's declared size agrees with the validated header: decompress it in one shot (faster
                    // than streaming) into a buffer of exactly that size; a second frame would not fit and fails.
                    var payload = GC.AllocateUninitializedArray<byte>((int)expected);
                    using var decompressor = new Decompressor();
                    int written;
                    try
                    {
                        written = decompressor.Unwrap(file, payload);
                    }
                    catch (ZstdException e)
                    {
                        throw new SpzFormatException($"zstd data is corrupt or longer than the {expected} bytes declared (a second frame?): {e.Message}", e);
                    }
                    if (written != expected) throw new SpzFormatException($"zstd frame decompresses to {written} bytes, {expected} declared");
                    return planes.Unpack(payload.AsSpan(SpzPlanes.HeaderBytes), fractionalBits);
                }
                var body = ReadGrowing(inflated, (int)planes.Length);
                Span<byte> probe = stackalloc byte[1];
                if (inflated.Read(probe) != 0) throw new SpzFormatException($"decompressed data continues past the {expected} bytes the header implies (trailing data or a second frame)");
                return planes.Unpack(body, fractionalBits);
            }
            catch (Exception e) when (e is InvalidDataException or ZstdException or IOException)
            {
                throw new SpzFormatException($"corrupt {(container == SpzVariant.Sn17Zstd ? "zstd" : "gzip")} data: {e.Message}", e);
            }
        }
    }

    private static void ReadExactly(Stream stream, Span<byte> destination, string what)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var read = stream.Read(destination[total..]);
            if (read == 0) throw new SpzFormatException($"decompressed data ends after {total} of {destination.Length} bytes of {what}");
            total += read;
        }
    }

    /// <summary>
    /// Reads exactly <paramref name="length"/> bytes, growing the buffer as data actually arrives: memory follows what the
    /// stream really produces, not what a (possibly forged) header claims.
    /// </summary>
    private static byte[] ReadGrowing(Stream stream, int length)
    {
        const int initialCapacity = 1 << 20;
        var buffer = GC.AllocateUninitializedArray<byte>(Math.Min(length, initialCapacity));
        var total = 0;
        while (total < length)
        {
            if (total == buffer.Length)
            {
                var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(length, 2L * buffer.Length));
                buffer.AsSpan(0, total).CopyTo(grown);
                buffer = grown;
            }
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0) throw new SpzFormatException($"decompressed data ends after {total} of {length} bytes of attribute planes");
            total += read;
        }
        return buffer;
    }

    private static SplatCloud DecodeV4(ReadOnlySpan<byte> file, SpzReadOptions options, out SpzInfo info)
    {
        if (file.Length < V4HeaderBytes) throw new SpzFormatException($"version 4 file is {file.Length} bytes, shorter than its 32-byte header");
        var count = BinaryPrimitives.ReadUInt32LittleEndian(file[8..]);
        CheckCount(count, options);
        var degree = file[12];
        if (degree > 4) throw new SpzFormatException($"SH degree {degree} is not 0–4");
        var fractionalBits = file[13];
        if (fractionalBits > 31) throw new SpzFormatException($"fractional bits {fractionalBits} exceed 31");
        var flags = file[14];
        var streamCount = file[15];
        var tocOffset = BinaryPrimitives.ReadUInt32LittleEndian(file[16..]);
        var planes = new SpzPlanes((int)count, 3, degree);
        var lengths = planes.StreamLengths;
        var present = lengths.Count(l => l > 0);
        if (streamCount != present)
            throw new SpzFormatException($"{streamCount} streams declared; {count} points of degree {degree} need {present}");
        if (tocOffset < V4HeaderBytes || tocOffset + (long)streamCount * V4TocEntryBytes > file.Length)
            throw new SpzFormatException($"table of contents at {tocOffset} does not fit in the {file.Length}-byte file");
        info = new SpzInfo(SpzVariant.UpstreamV4, 4, (int)count, degree, fractionalBits, (flags & 1) != 0, null);

        // First check the whole table of contents against the point count and the file, then allocate.
        var streams = new (int Offset, int CompressedSize, int Length)[streamCount];
        var streamOffset = tocOffset + (long)streamCount * V4TocEntryBytes;
        var entry = 0;
        foreach (var length in lengths)
        {
            if (length == 0) continue;
            var toc = file.Slice((int)tocOffset + entry * V4TocEntryBytes, V4TocEntryBytes);
            var compressedSize = BinaryPrimitives.ReadUInt64LittleEndian(toc);
            var uncompressedSize = BinaryPrimitives.ReadUInt64LittleEndian(toc[8..]);
            if (uncompressedSize != (ulong)length)
                throw new SpzFormatException($"stream {entry} declares {uncompressedSize} bytes; {count} points need {length}");
            if (compressedSize > (ulong)(file.Length - streamOffset))
                throw new SpzFormatException($"stream {entry} ({compressedSize} bytes at {streamOffset}) runs past the end of the file");
            var frame = file.Slice((int)streamOffset, (int)compressedSize);
            if (ZstdFrameHeader.ContentSize(frame) is { } declared && declared != length)
                throw new SpzFormatException($"stream {entry}'s zstd frame declares {declared} bytes; {count} points need {length}");
            streams[entry++] = ((int)streamOffset, (int)compressedSize, (int)length);
            streamOffset += (long)compressedSize;
        }
        if (streamOffset != file.Length) throw new SpzFormatException($"{file.Length - streamOffset} bytes follow the last stream");

        var planeBytes = GC.AllocateUninitializedArray<byte>((int)planes.Length);
        var planeOffset = 0;
        using var decompressor = new Decompressor();
        for (var s = 0; s < streams.Length; s++)
        {
            var (offset, compressedSize, length) = streams[s];
            int written;
            try
            {
                written = decompressor.Unwrap(file.Slice(offset, compressedSize), planeBytes.AsSpan(planeOffset, length));
            }
            catch (ZstdException e)
            {
                throw new SpzFormatException($"stream {s}: corrupt zstd data: {e.Message}", e);
            }
            if (written != length) throw new SpzFormatException($"stream {s} decompresses to {written} bytes, {length} expected");
            planeOffset += length;
        }
        return planes.Unpack(planeBytes, fractionalBits);
    }

    private static byte[] EncodeV4(SplatCloud cloud, SpzWriteOptions options)
    {
        var planes = new SpzPlanes(cloud.Count, 3, cloud.ShDegree);
        var packed = new byte[planes.Length];
        planes.Pack(cloud, options.FractionalBits, packed);
        using var compressor = new Compressor(options.CompressionLevel ?? 12);
        var streams = new List<byte[]>(6);
        long offset = 0;
        foreach (var length in planes.StreamLengths)
        {
            if (length == 0) continue;
            streams.Add(compressor.Wrap(packed.AsSpan((int)offset, (int)length)).ToArray());
            offset += length;
        }
        var tocBytes = streams.Count * V4TocEntryBytes;
        var output = new byte[V4HeaderBytes + tocBytes + streams.Sum(s => (long)s.Length)];
        var header = output.AsSpan(0, V4HeaderBytes);
        BinaryPrimitives.WriteUInt32LittleEndian(header, SpzPlanes.Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)cloud.Count);
        header[12] = (byte)cloud.ShDegree;
        header[13] = (byte)options.FractionalBits;
        header[14] = options.Antialiased ? (byte)1 : (byte)0;
        header[15] = (byte)streams.Count;
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], V4HeaderBytes);
        var position = V4HeaderBytes + tocBytes;
        var uncompressedSizes = planes.StreamLengths.Where(l => l > 0).ToArray();
        for (var s = 0; s < streams.Count; s++)
        {
            var toc = output.AsSpan(V4HeaderBytes + s * V4TocEntryBytes, V4TocEntryBytes);
            BinaryPrimitives.WriteUInt64LittleEndian(toc, (ulong)streams[s].Length);
            BinaryPrimitives.WriteUInt64LittleEndian(toc[8..], (ulong)uncompressedSizes[s]);
            streams[s].CopyTo(output, position);
            position += streams[s].Length;
        }
        return output;
    }
}
