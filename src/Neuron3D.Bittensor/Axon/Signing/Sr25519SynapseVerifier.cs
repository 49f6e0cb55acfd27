using System.Collections.Concurrent;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Axon.Signing;

/// <summary>
/// Verifies sr25519 synapse signatures by SS58 hotkey. Decoded public keys are cached (SS58 decoding hashes with
/// BLAKE2b); the cache stops growing at <see cref="MaxCachedKeys"/> so unknown hotkeys cannot exhaust memory.
/// </summary>
public sealed class Sr25519SynapseVerifier : ISynapseSignatureVerifier
{
    /// <summary>Most public keys kept decoded.</summary>
    public const int MaxCachedKeys = 16_384;

    private readonly ConcurrentDictionary<string, byte[]> publicKeys = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool Verify(string hotkey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (!publicKeys.TryGetValue(hotkey, out var publicKey))
        {
            if (!Ss58.TryDecode(hotkey, out publicKey, out _) || publicKey.Length != Sr25519.PublicKeySize) return false;
            if (publicKeys.Count < MaxCachedKeys) publicKeys.TryAdd(hotkey, publicKey);
        }
        return Sr25519.Verify(publicKey, message, signature);
    }
}
