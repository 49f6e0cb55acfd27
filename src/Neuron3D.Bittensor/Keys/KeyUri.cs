using System.Text;
using Neuron3D.Bittensor.Interop;

namespace Neuron3D.Bittensor.Keys;

/// <summary>
/// One derivation step of a secret URI: hard (<c>//x</c>, needs the secret) or soft (<c>/x</c>, public derivation),
/// with its 32-byte chain code computed as sp-core's <c>DeriveJunction::from</c> (spec §3.5).
/// </summary>
public readonly struct DeriveJunction
{
    private readonly byte[] _chainCode;

    private DeriveJunction(byte[] chainCode, bool isHard)
    {
        _chainCode = chainCode;
        IsHard = isHard;
    }

    /// <summary>True for <c>//</c> (hard) junctions.</summary>
    public bool IsHard { get; }

    /// <summary>The 32-byte chain code.</summary>
    public ReadOnlySpan<byte> ChainCode => _chainCode;

    /// <summary>
    /// The junction for <paramref name="text"/> (without slashes): a u64 in decimal becomes its 8 LE bytes; any other
    /// text becomes its SCALE encoding (compact length ‖ UTF-8), hashed with BLAKE2b-256 when longer than 32 bytes;
    /// both zero-padded to 32 bytes.
    /// </summary>
    public static DeriveJunction FromText(string text, bool isHard)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chainCode = new byte[32];
        if (TryParseRustU64(text, out var number))
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(chainCode, number);
            return new DeriveJunction(chainCode, isHard);
        }
        var utf8Length = Encoding.UTF8.GetByteCount(text);
        Span<byte> prefix = stackalloc byte[5];
        var prefixLength = WriteCompactLength(utf8Length, prefix);
        var encoded = new byte[prefixLength + utf8Length];
        prefix[..prefixLength].CopyTo(encoded);
        Encoding.UTF8.GetBytes(text, encoded.AsSpan(prefixLength));
        if (encoded.Length > 32) Blake2b256(encoded, chainCode);
        else encoded.CopyTo(chainCode, 0);
        return new DeriveJunction(chainCode, isHard);
    }

    /// <summary>Rust's <c>u64::from_str</c>: optional '+', then one or more ASCII digits, no overflow.</summary>
    private static bool TryParseRustU64(string text, out ulong value)
    {
        value = 0;
        var digits = text.AsSpan();
        if (digits.StartsWith("+")) digits = digits[1..];
        if (digits.IsEmpty) return false;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9') return false;
            var next = value * 10 + (ulong)(c - '0');
            if (value > ulong.MaxValue / 10 || next < value * 10) return false;
            value = next;
        }
        return true;
    }

    /// <summary>SCALE compact encoding of a length.</summary>
    private static int WriteCompactLength(int length, Span<byte> destination)
    {
        var n = (uint)length;
        if (n < 1u << 6) { destination[0] = (byte)(n << 2); return 1; }
        if (n < 1u << 14) { System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)((n << 2) | 1)); return 2; }
        if (n < 1u << 30) { System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(destination, (n << 2) | 2); return 4; }
        destination[0] = 0b11; // big-integer mode: (4 − 4) << 2 | 3, then 4 LE bytes
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(destination[1..], n);
        return 5;
    }

    private static unsafe void Blake2b256(ReadOnlySpan<byte> input, Span<byte> output32)
    {
        Sodium.EnsureInitialized();
        fixed (byte* i = input, o = output32)
            if (Sodium.crypto_generichash(o, 32, i, (ulong)input.Length, null, 0) != 0)
                throw new InvalidOperationException("BLAKE2b failed");
    }

    /// <summary>Shows kind and chain code (chain codes are not secret on their own).</summary>
    public override string ToString() => (IsHard ? "//0x" : "/0x") + Convert.ToHexStringLower(_chainCode ?? []);
}

/// <summary>
/// A parsed secret URI <c>[phrase][//hard|/soft]*[///password]</c>, matching sp-core's
/// <c>^(?P&lt;phrase&gt;[A-Za-z0-9 ]+)?(?P&lt;path&gt;(//?[^/]+)*)(///(?P&lt;password&gt;.*))?$</c>.
/// </summary>
internal sealed record KeyUri(string Phrase, IReadOnlyList<DeriveJunction> Junctions, string? Password)
{
    /// <summary>sp-core's development phrase, used when a URI has no phrase (e.g. <c>//Alice</c>).</summary>
    public const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    public static KeyUri Parse(string uri)
    {
        var i = 0;
        while (i < uri.Length && (char.IsAsciiLetterOrDigit(uri[i]) || uri[i] == ' ')) i++;
        var phrase = i == 0 ? DevPhrase : uri[..i];
        var junctions = new List<DeriveJunction>();
        string? password = null;
        while (i < uri.Length)
        {
            if (uri[i] != '/')
                throw new KeyUriException($"key URI: unexpected character at position {i}; expected phrase[//hard|/soft]*[///password]");
            if (string.CompareOrdinal(uri, i, "///", 0, 3) == 0)
            {
                password = uri[(i + 3)..];
                break;
            }
            var hard = i + 1 < uri.Length && uri[i + 1] == '/';
            var start = i + (hard ? 2 : 1);
            var end = uri.IndexOf('/', start);
            if (end < 0) end = uri.Length;
            if (end == start)
                throw new KeyUriException($"key URI: empty derivation junction at position {i}");
            junctions.Add(DeriveJunction.FromText(uri[start..end], hard));
            i = end;
        }
        return new KeyUri(phrase, junctions, password);
    }

    /// <summary>Never shows the phrase or password.</summary>
    public override string ToString() => $"KeyUri(***, {Junctions.Count} junctions)";
}
