using System.Buffers.Binary;
using System.Text;
using CsCheck;

namespace Neuron3D.Assets.Tests.Formats;

/// <summary>
/// One byte-level mutation of a valid seed file: bit flips, byte overwrites, truncation, deletion, random insertion,
/// splices from another seed, duplicated ranges, and "huge counts" (binary: an extreme u32 written anywhere; text:
/// a number in the file replaced by an extreme one).
/// </summary>
internal readonly record struct Mutation(int Kind, double At, int Length, uint Value, int OtherSeed, double OtherAt)
{
    private static readonly uint[] ExtremeValues = [0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0x00FFFFFF, 10_000_001, 10_485_761, 0, 1];
    private static readonly string[] ExtremeNumbers = ["4294967295", "2147483648", "99999999999999999999", "-1", "0", "10485761", "1e39", "nan", "-2147483649"];

    public static readonly Gen<Mutation> Gen = CsCheck.Gen.Select(
        CsCheck.Gen.Int[0, 8], CsCheck.Gen.Double[0, 1], CsCheck.Gen.Int[1, 64], CsCheck.Gen.UInt, CsCheck.Gen.Int[0, 1000], CsCheck.Gen.Double[0, 1],
        (kind, at, length, value, other, otherAt) => new Mutation(kind, at, length, value, other, otherAt));

    /// <summary>A seed index and 1–3 mutations to apply to it.</summary>
    public static Gen<(int Seed, Mutation[] Mutations)> Of(int seedCount) =>
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, seedCount - 1], Gen.Array[1, 3]);

    public static byte[] Apply(byte[] seed, Mutation[] mutations, IReadOnlyList<byte[]> seeds)
    {
        var bytes = new List<byte>(seed);
        foreach (var m in mutations) m.ApplyTo(bytes, seeds);
        return [.. bytes];
    }

    private void ApplyTo(List<byte> bytes, IReadOnlyList<byte[]> seeds)
    {
        var position = (int)(At * bytes.Count);
        var inside = Math.Min(position, Math.Max(0, bytes.Count - 1));
        switch (Kind)
        {
            case 0 when bytes.Count > 0:
                bytes[inside] ^= (byte)(1 << (int)(Value % 8));
                break;
            case 1 when bytes.Count > 0:
                bytes[inside] = (Value % 4) switch { 0 => 0, 1 => 0xFF, 2 => 0x7F, _ => (byte)(Value >> 8) };
                break;
            case 2:
                bytes.RemoveRange(position, bytes.Count - position);
                break;
            case 3:
                bytes.RemoveRange(position, Math.Min(Length, bytes.Count - position));
                break;
            case 4:
                var random = new Random((int)Value);
                var inserted = new byte[Length];
                random.NextBytes(inserted);
                bytes.InsertRange(position, inserted);
                break;
            case 5:
                var other = seeds[OtherSeed % seeds.Count];
                var start = (int)(OtherAt * other.Length);
                bytes.InsertRange(position, other.Skip(start).Take(Length));
                break;
            case 6 when bytes.Count >= 4:
                var at = Math.Min(position, bytes.Count - 4);
                Span<byte> word = stackalloc byte[4];
                BinaryPrimitives.WriteUInt32LittleEndian(word, ExtremeValues[Value % ExtremeValues.Length]);
                for (var k = 0; k < 4; k++) bytes[at + k] = word[k];
                break;
            case 7:
                ReplaceNumber(bytes, position);
                break;
            case 8:
                var range = bytes.Skip(position).Take(Length).ToArray();
                bytes.InsertRange(Math.Min(bytes.Count, position + range.Length), range);
                break;
        }
    }

    private void ReplaceNumber(List<byte> bytes, int position)
    {
        var start = position;
        while (start < bytes.Count && !char.IsAsciiDigit((char)bytes[start])) start++;
        if (start == bytes.Count) return;
        var end = start;
        while (end < bytes.Count && char.IsAsciiDigit((char)bytes[end])) end++;
        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.ASCII.GetBytes(ExtremeNumbers[Value % ExtremeNumbers.Length]));
    }
}
