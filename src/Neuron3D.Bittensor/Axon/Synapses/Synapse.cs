using System.Text.Json.Serialization;

namespace Neuron3D.Bittensor.Axon.Synapses;

/// <summary>
/// The base of every synapse (Python <c>bittensor.Synapse</c>): the fields every request and response carries.
/// A typed synapse is a plain record deriving from this one; its own properties follow the base fields in JSON,
/// its C# <c>required</c> members are the pydantic-required fields (they get <c>bt_header_input_obj_*</c> headers),
/// and <see cref="RequiredHashFieldsAttribute"/> lists the fields covered by <see cref="BodyHash"/>.
/// The route name is the record's class name unless <see cref="SynapseNameAttribute"/> says otherwise.
/// Instances of this base record itself are the built-in <c>Synapse</c> ping.
/// </summary>
[SynapseName("Synapse")]
public record Synapse
{
    /// <summary>The route name; always the synapse's registered name, whatever a peer sent.</summary>
    [JsonPropertyOrder(-7)]
    public virtual string Name => Descriptor.Name;

    /// <summary>Total time the caller allows for the call, in seconds (default 12.0).</summary>
    [JsonPropertyOrder(-6)]
    public double Timeout { get; init; } = SynapseProtocol.DefaultTimeoutSeconds;

    /// <summary>Size hint in bytes; informational only (no peer checks it).</summary>
    [JsonPropertyOrder(-5)]
    public long TotalSize { get; init; }

    /// <summary>Size hint of the headers in bytes; informational only.</summary>
    [JsonPropertyOrder(-4)]
    public long HeaderSize { get; init; }

    /// <summary>The calling side.</summary>
    [JsonPropertyOrder(-3)]
    public TerminalInfo Dendrite { get; init; } = TerminalInfo.Empty;

    /// <summary>The answering side.</summary>
    [JsonPropertyOrder(-2)]
    public TerminalInfo Axon { get; init; } = TerminalInfo.Empty;

    /// <summary>Always <c>""</c> in bodies; the real hash travels in the <c>computed_body_hash</c> header.</summary>
    [JsonPropertyOrder(-1)]
    public string ComputedBodyHash { get; init; } = "";

    /// <summary>What the wire protocol needs to know about this synapse's type.</summary>
    internal virtual SynapseDescriptor Descriptor => SynapseDescriptor.For(GetType());
}
