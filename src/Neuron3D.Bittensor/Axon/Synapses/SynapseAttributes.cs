namespace Neuron3D.Bittensor.Axon.Synapses;

/// <summary>Overrides the route name of a synapse record (default: the class name, which must equal the Python class name).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SynapseNameAttribute(string name) : Attribute
{
    /// <summary>The route name, e.g. <c>PullTask</c>.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// The synapse's <c>required_hash_fields</c> (Python class variable): wire names of the fields covered by the
/// body hash, in this order. Without it the body hash is SHA3-256 of the empty string.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiredHashFieldsAttribute(params string[] fields) : Attribute
{
    /// <summary>Wire (snake_case) field names.</summary>
    public IReadOnlyList<string> Fields { get; } = fields;
}
