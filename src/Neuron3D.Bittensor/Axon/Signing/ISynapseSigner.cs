namespace Neuron3D.Bittensor.Axon.Signing;

/// <summary>Signs synapse messages with a hotkey (sr25519, signing context "substrate", raw message bytes).</summary>
public interface ISynapseSigner
{
    /// <summary>SS58 address of the signing hotkey.</summary>
    string Hotkey { get; }

    /// <summary>Signs <paramref name="message"/> into <paramref name="signature"/> (exactly 64 bytes).</summary>
    void Sign(ReadOnlySpan<byte> message, Span<byte> signature);
}

/// <summary>Verifies synapse signatures against the public key an SS58 hotkey address encodes.</summary>
public interface ISynapseSignatureVerifier
{
    /// <summary>
    /// True when <paramref name="signature"/> (64 bytes) is a valid signature of <paramref name="message"/> by
    /// <paramref name="hotkey"/>; false for a bad signature or an address that does not decode.
    /// </summary>
    bool Verify(string hotkey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}
