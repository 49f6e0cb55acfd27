using Neuron3D.Bittensor.Interop;

namespace Neuron3D.Bittensor.Keys;

/// <summary>
/// Scalars mod ℓ = 2^252 + 27742317777372353535851937790883648493 (the Ristretto255 group order), 32 bytes little-endian.
/// Arithmetic goes through libsodium; this class adds the checks and cofactor shifts schnorrkel needs.
/// </summary>
internal static unsafe class Scalar25519
{
    public const int Size = 32;

    /// <summary>ℓ little-endian.</summary>
    private static ReadOnlySpan<byte> Order =>
    [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    ];

    /// <summary>True when <paramref name="scalar"/> &lt; ℓ (the unique, canonical encoding). Variable time: use on public data
    /// or on secrets only to reject bad input.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> scalar)
    {
        if (scalar.Length != Size) return false;
        var order = Order;
        for (var i = Size - 1; i >= 0; i--)
        {
            if (scalar[i] < order[i]) return true;
            if (scalar[i] > order[i]) return false;
        }
        return false; // equal to ℓ
    }

    /// <summary>r = wide mod ℓ for a 64-byte little-endian integer.</summary>
    public static void ReduceWide(ReadOnlySpan<byte> wide64, Span<byte> result)
    {
        if (wide64.Length != 64 || result.Length != Size) throw new ArgumentException("ReduceWide takes 64 bytes into 32");
        Sodium.EnsureInitialized();
        fixed (byte* w = wide64)
        fixed (byte* r = result)
            Sodium.crypto_core_ristretto255_scalar_reduce(r, w);
    }

    /// <summary>z = x·y + a mod ℓ.</summary>
    public static void MulAdd(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, ReadOnlySpan<byte> a, Span<byte> z)
    {
        Span<byte> product = stackalloc byte[Size];
        fixed (byte* px = x)
        fixed (byte* py = y)
        fixed (byte* pa = a)
        fixed (byte* pp = product)
        fixed (byte* pz = z)
        {
            Sodium.crypto_core_ristretto255_scalar_mul(pp, px, py);
            Sodium.crypto_core_ristretto255_scalar_add(pz, pp, pa);
        }
        product.Clear();
    }

    /// <summary>z = x + y mod ℓ.</summary>
    public static void Add(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, Span<byte> z)
    {
        fixed (byte* px = x)
        fixed (byte* py = y)
        fixed (byte* pz = z)
            Sodium.crypto_core_ristretto255_scalar_add(pz, px, py);
    }

    /// <summary>value = value / 8, dropping the low three bits (schnorrkel <c>divide_scalar_bytes_by_cofactor</c>).</summary>
    public static void DivideByCofactor(Span<byte> value)
    {
        byte low = 0;
        for (var i = value.Length - 1; i >= 0; i--)
        {
            var b = value[i];
            value[i] = (byte)((b >> 3) | low);
            low = (byte)(b << 5);
        }
    }

    /// <summary>value = value · 8 (schnorrkel <c>multiply_scalar_bytes_by_cofactor</c>); exact for values &lt; 2^253.</summary>
    public static void MultiplyByCofactor(Span<byte> value)
    {
        byte high = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var b = value[i];
            value[i] = (byte)((b << 3) | high);
            high = (byte)(b >> 5);
        }
    }
}
