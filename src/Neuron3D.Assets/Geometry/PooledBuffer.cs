using System.Buffers;
using System.Runtime.CompilerServices;

namespace Neuron3D.Assets.Geometry;

/// <summary>
/// A growable buffer backed by <see cref="ArrayPool{T}"/>, for outputs whose size is unknown up front
/// (mesh extraction). <see cref="ToArray"/> copies out an exact-length array; <see cref="Dispose"/> returns the rental.
/// </summary>
internal struct PooledBuffer<T> : IDisposable
{
    private T[] _items;
    private int _count;

    public PooledBuffer(int initialCapacity)
    {
        _items = ArrayPool<T>.Shared.Rent(Math.Max(16, initialCapacity));
        _count = 0;
    }

    public readonly int Count => _count;

    public readonly Span<T> Span => _items.AsSpan(0, _count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T item)
    {
        if (_count == _items.Length) Grow(_count + 1);
        _items[_count++] = item;
    }

    /// <summary>Reserves <paramref name="n"/> slots at the end and returns them for writing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<T> Append(int n)
    {
        if (_count + n > _items.Length) Grow(_count + n);
        var s = _items.AsSpan(_count, n);
        _count += n;
        return s;
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(needed, (int)Math.Min(Array.MaxLength, 2L * _items.Length)));
        _items.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(_items);
        _items = bigger;
    }

    public readonly T[] ToArray() => _items.AsSpan(0, _count).ToArray();

    public void Dispose()
    {
        if (_items is { Length: > 0 }) ArrayPool<T>.Shared.Return(_items);
        _items = [];
        _count = 0;
    }
}
