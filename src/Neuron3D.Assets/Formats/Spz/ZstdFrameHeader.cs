using System.Buffers.Binary;

namespace Neuron3D.Assets.Formats.Spz;

/// <summary>Reads the Frame_Content_Size of a zstd frame header (RFC 8878 §3.1.1.1) without decompressing anything.</summary>
internal static class ZstdFrameHeader
{
    /// <summary>The zstd frame magic, bytes 28 B5 2F FD.</summary>
    public static ReadOnlySpan<byte> Magic => [0x28, 0xB5, 0x2F, 0xFD];

    /// <summary>True when <paramref name="frame"/> starts with a zstd frame header.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> frame) => frame.StartsWith(Magic);

    /// <summary>
    /// The declared decompressed size of the frame at the start of <paramref name="frame"/>; null when the header does not
    /// record it (or is too short to tell).
    /// </summary>
    public static long? ContentSize(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 5 || !HasMagic(frame)) return null;
        var descriptor = frame[4];
        var sizeFlag = descriptor >> 6;
        var singleSegment = (descriptor & 0x20) != 0;
        var dictionaryIdBytes = (descriptor & 3) switch { 0 => 0, 1 => 1, 2 => 2, _ => 4 };
        var offset = 5 + (singleSegment ? 0 : 1) + dictionaryIdBytes;
        var sizeBytes = sizeFlag switch { 0 => singleSegment ? 1 : 0, 1 => 2, 2 => 4, _ => 8 };
        if (sizeBytes == 0 || frame.Length < offset + sizeBytes) return null;
        var field = frame.Slice(offset, sizeBytes);
        return sizeBytes switch
        {
            1 => field[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(field) + 256,
            4 => BinaryPrimitives.ReadUInt32LittleEndian(field),
            _ => (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(field), long.MaxValue),
        };
    }
}
