namespace Neuron3D.Bittensor.Keys;

/// <summary>Base58 with the Bitcoin alphabet, as SS58 uses it: leading zero bytes ↔ leading '1's. Meant for short inputs
/// (addresses): quadratic big-number conversion.</summary>
internal static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] DigitOf = BuildDigitTable();

    private static sbyte[] BuildDigitTable()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++) table[Alphabet[i]] = (sbyte)i;
        return table;
    }

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0) zeros++;
        // log(256)/log(58) ≈ 1.366 digits per byte
        Span<byte> digits = stackalloc byte[data.Length * 138 / 100 + 1];
        var length = 0;
        for (var i = zeros; i < data.Length; i++)
        {
            int carry = data[i];
            for (var j = 0; j < length; j++)
            {
                carry += digits[j] << 8;
                digits[j] = (byte)(carry % 58);
                carry /= 58;
            }
            while (carry > 0)
            {
                digits[length++] = (byte)(carry % 58);
                carry /= 58;
            }
        }
        var chars = new char[zeros + length];
        chars.AsSpan(0, zeros).Fill('1');
        for (var i = 0; i < length; i++) chars[zeros + i] = Alphabet[digits[length - 1 - i]];
        return new string(chars);
    }

    /// <summary>Decodes; on failure returns false with the index of the first invalid character in <paramref name="badIndex"/>.</summary>
    public static bool TryDecode(string text, out byte[] data, out int badIndex)
    {
        data = [];
        badIndex = -1;
        var ones = 0;
        while (ones < text.Length && text[ones] == '1') ones++;
        // log(58)/log(256) ≈ 0.733 bytes per digit
        Span<byte> bytes = stackalloc byte[text.Length * 733 / 1000 + 1];
        var length = 0;
        for (var i = ones; i < text.Length; i++)
        {
            var c = text[i];
            var digit = c < 128 ? DigitOf[c] : -1;
            if (digit < 0)
            {
                badIndex = i;
                return false;
            }
            int carry = digit;
            for (var j = 0; j < length; j++)
            {
                carry += bytes[j] * 58;
                bytes[j] = (byte)carry;
                carry >>= 8;
            }
            while (carry > 0)
            {
                bytes[length++] = (byte)carry;
                carry >>= 8;
            }
        }
        data = new byte[ones + length];
        for (var i = 0; i < length; i++) data[ones + i] = bytes[length - 1 - i];
        return true;
    }
}
