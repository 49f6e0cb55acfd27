using System.Text;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Scale;

namespace Neuron3D.Bittensor.Storage;

/// <summary>
/// One storage item of a runtime, ready to build and read keys and values:
/// key = twox128(pallet prefix) ‖ twox128(item name) ‖ hasher₁(SCALE key₁) ‖ … ‖ hasherₙ(SCALE keyₙ).
/// Giving fewer keys than the map has yields the prefix under which <c>state_getKeysPaged</c> enumerates entries.
/// </summary>
public sealed class StorageItem
{
    private readonly byte[] _prefix;
    private readonly uint[] _keyTypeIds;

    /// <summary>Looks up <paramref name="palletName"/>.<paramref name="itemName"/> in <paramref name="metadata"/>.</summary>
    /// <exception cref="MetadataLookupException">No such pallet or storage item.</exception>
    public StorageItem(RuntimeMetadata metadata, string palletName, string itemName)
    {
        Metadata = metadata;
        var pallet = metadata.Pallet(palletName);
        Entry = pallet.StorageEntry(itemName);
        _prefix = new byte[32];
        StorageHashing.Twox(Encoding.UTF8.GetBytes(pallet.Storage!.Prefix), _prefix.AsSpan(0, 16));
        StorageHashing.Twox(Encoding.UTF8.GetBytes(Entry.Name), _prefix.AsSpan(16, 16));
        _keyTypeIds = Entry.KeyTypeId switch
        {
            null => [],
            // Several hashers: the key type is a tuple with one element per hasher. One hasher: the whole key
            // type (even a tuple) is hashed as one.
            { } id when Entry.Hashers.Count > 1 => ((TupleType)metadata.Types[id].Definition).ElementTypeIds.ToArray(),
            { } id => [id],
        };
    }

    /// <summary>The metadata this item was resolved in.</summary>
    public RuntimeMetadata Metadata { get; }

    /// <summary>The storage entry (hashers, types, default).</summary>
    public StorageEntryMetadata Entry { get; }

    /// <summary>Number of keys (0 for a plain value).</summary>
    public int KeyCount => _keyTypeIds.Length;

    /// <summary>twox128(pallet) ‖ twox128(item): the prefix of every key of this item.</summary>
    public ReadOnlySpan<byte> ItemPrefix => _prefix;

    /// <summary>The full storage key for all <see cref="KeyCount"/> keys.</summary>
    /// <exception cref="ScaleEncodeException">Wrong number of keys or a key that does not fit its type.</exception>
    public byte[] Key(params ScaleValue[] keys)
    {
        if (keys.Length != KeyCount)
            throw new ScaleEncodeException($"{Entry.Name} takes {KeyCount} key(s), got {keys.Length}");
        return Build(keys);
    }

    /// <summary>
    /// The key prefix for the first <paramref name="keys"/>.Length keys (fewer than <see cref="KeyCount"/>), used to
    /// enumerate the entries below it with paged key queries. No keys gives <see cref="ItemPrefix"/>.
    /// </summary>
    /// <exception cref="ScaleEncodeException">Too many keys or a key that does not fit its type.</exception>
    public byte[] PrefixKey(params ScaleValue[] keys)
    {
        if (keys.Length > KeyCount)
            throw new ScaleEncodeException($"{Entry.Name} takes at most {KeyCount} key(s), got {keys.Length}");
        return Build(keys);
    }

    private byte[] Build(ScaleValue[] keys)
    {
        var writer = new ScaleWriter(64 + 48 * keys.Length);
        var encoded = new ScaleWriter(64);
        try
        {
            writer.WriteBytes(_prefix);
            for (var i = 0; i < keys.Length; i++)
            {
                encoded.Dispose();
                encoded = new ScaleWriter(64);
                try { Metadata.Types.Encode(_keyTypeIds[i], keys[i], ref encoded); }
                catch (ScaleEncodeException e) { throw new ScaleEncodeException(e.Reason, $"{Entry.Name} key {i}" + (e.Path is null ? "" : "." + e.Path)); }
                var hasher = Entry.Hashers[i];
                StorageHashing.Hash(hasher, encoded.WrittenSpan, writer.Reserve(StorageHashing.OutputLength(hasher, encoded.Length)));
            }
            return writer.ToArray();
        }
        finally
        {
            encoded.Dispose();
            writer.Dispose();
        }
    }

    /// <summary>
    /// Reads the keys back out of a full storage key of this item. Keys behind Blake2_128Concat, Twox64Concat and
    /// Identity are decoded; keys behind opaque hashers (Blake2_128/256, Twox128/256) come back as null.
    /// </summary>
    /// <exception cref="ScaleDecodeException">The key is not under this item or is malformed.</exception>
    public IReadOnlyList<ScaleValue?> DecodeKey(ReadOnlySpan<byte> storageKey)
    {
        if (storageKey.Length < 32 || !storageKey[..32].SequenceEqual(_prefix))
            throw new ScaleDecodeException(ScaleDecodeError.InvalidFormat, 0, $"key does not start with the prefix of {Entry.Name}");
        var reader = new ScaleReader(storageKey);
        reader.ReadBytes(32);
        var keys = new ScaleValue?[KeyCount];
        for (var i = 0; i < keys.Length; i++)
        {
            var hasher = Entry.Hashers[i];
            reader.ReadBytes(StorageHashing.HashLength(hasher));
            // An opaque hash has a fixed length, so the keys after it can still be located.
            if (StorageHashing.IsReversible(hasher)) keys[i] = Metadata.Types.Decode(_keyTypeIds[i], ref reader);
        }
        reader.EnsureEnd();
        return keys;
    }

    /// <summary>Decodes a value read from storage.</summary>
    /// <exception cref="ScaleDecodeException">The value does not decode as the item's type.</exception>
    public ScaleValue DecodeValue(ReadOnlySpan<byte> value) => Metadata.Types.Decode(Entry.ValueTypeId, value);

    /// <summary>
    /// Decodes a value read from storage, or, when it is absent (<paramref name="stored"/> null), the item's default
    /// for <see cref="StorageModifier.Default"/> items and null for <see cref="StorageModifier.Optional"/> ones.
    /// </summary>
    /// <exception cref="ScaleDecodeException">The value does not decode as the item's type.</exception>
    public ScaleValue? DecodeValueOrDefault(byte[]? stored) =>
        stored is not null ? DecodeValue(stored)
        : Entry.Modifier == StorageModifier.Default ? DecodeValue(Entry.Default) : null;
}
