using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Axon.Signing;

/// <summary>Signs synapse messages with an sr25519 hotkey (context "substrate"). Does not own the keypair.</summary>
public sealed class Sr25519SynapseSigner(Sr25519Keypair keypair) : ISynapseSigner
{
    /// <inheritdoc />
    public string Hotkey { get; } = keypair.Ss58Address;

    /// <inheritdoc />
    public void Sign(ReadOnlySpan<byte> message, Span<byte> signature) => keypair.Sign(message).CopyTo(signature);
}
