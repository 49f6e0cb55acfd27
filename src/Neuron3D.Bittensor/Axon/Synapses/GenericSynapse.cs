using System.Text.Json;
using System.Text.Json.Serialization;

namespace Neuron3D.Bittensor.Axon.Synapses;

/// <summary>
/// A synapse known only by name at run time (operator tools calling any axon): its own fields are kept as raw
/// JSON. Every non-null field gets a <c>bt_header_input_obj_*</c> header typed from its JSON value, which a Python
/// axon accepts whether or not the field is required there. It has no hash fields, like every SN17 synapse.
/// </summary>
public sealed record GenericSynapse : Synapse
{
    /// <summary>Creates a synapse routed to <c>/<paramref name="name"/></c>.</summary>
    public GenericSynapse(string name) => RouteName = name;

    /// <summary>The route name given at construction.</summary>
    [JsonIgnore]
    public string RouteName { get; }

    /// <inheritdoc />
    public override string Name => RouteName;

    /// <summary>The synapse's own fields (everything after the base fields), in order.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Fields { get; init; } = [];

    internal override SynapseDescriptor Descriptor
    {
        get
        {
            var inputObjects = new List<KeyValuePair<string, string>>();
            foreach (var (fieldName, value) in Fields)
            {
                var json = value.ValueKind switch
                {
                    JsonValueKind.String => "\"\"",
                    JsonValueKind.Number => value.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') >= 0 ? "0.0" : "0",
                    JsonValueKind.True or JsonValueKind.False => "false",
                    JsonValueKind.Array => "[]",
                    JsonValueKind.Object => "{}",
                    _ => null,
                };
                if (json is not null)
                    inputObjects.Add(new(SynapseProtocol.Headers.InputObjectPrefix + fieldName, Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(json))));
            }
            return new SynapseDescriptor(typeof(GenericSynapse), RouteName, inputObjects, []);
        }
    }
}
