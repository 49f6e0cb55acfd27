using System.Collections;
using System.Collections.Concurrent;
using System.Numerics;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace Neuron3D.Bittensor.Axon.Synapses;

/// <summary>
/// What the wire protocol needs to know about one synapse type: its route name, the <c>bt_header_input_obj_*</c>
/// headers for its required fields, and its body-hash fields. Built once per type by reflection over the
/// serializer's own contract, so JSON names and header names cannot drift apart.
/// </summary>
public sealed class SynapseDescriptor
{
    private static readonly ConcurrentDictionary<Type, SynapseDescriptor> Cache = new();

    internal SynapseDescriptor(Type type, string name, IReadOnlyList<KeyValuePair<string, string>> inputObjectHeaders, IReadOnlyList<string> hashFields)
    {
        Type = type;
        Name = name;
        InputObjectHeaders = inputObjectHeaders;
        HashFields = hashFields;
    }

    /// <summary>The record type.</summary>
    public Type Type { get; }

    /// <summary>The route name (<c>/Name</c>), equal to the Python class name.</summary>
    public string Name { get; }

    /// <summary>
    /// <c>bt_header_input_obj_&lt;field&gt;</c> → base64 of the JSON of an empty value of the field's type, for every
    /// required field (Python axons rebuild the synapse from headers and fail without them).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> InputObjectHeaders { get; }

    /// <summary>Wire names of the fields the body hash covers, in hashing order.</summary>
    public IReadOnlyList<string> HashFields { get; }

    /// <summary>The descriptor of <paramref name="type"/>, which must be <see cref="Synapse"/> or derive from it.</summary>
    /// <exception cref="SynapseDefinitionException">The type breaks a rule of the protocol.</exception>
    public static SynapseDescriptor For(Type type) => Cache.GetOrAdd(type, Build);

    /// <summary>The descriptor of <typeparamref name="T"/>.</summary>
    public static SynapseDescriptor For<T>() where T : Synapse => For(typeof(T));

    private static SynapseDescriptor Build(Type type)
    {
        if (!typeof(Synapse).IsAssignableFrom(type))
            throw new SynapseDefinitionException(type, "it does not derive from Synapse");
        var name = type.GetCustomAttribute<SynapseNameAttribute>(inherit: false)?.Name ?? type.Name;
        if (name.Length == 0 || name.Contains('/'))
            throw new SynapseDefinitionException(type, $"route name '{name}' must be a non-empty path segment");

        var contract = SynapseJson.Options.GetTypeInfo(type);
        var inputObjects = new List<KeyValuePair<string, string>>();
        foreach (var property in contract.Properties)
            if (property.IsRequired)
                inputObjects.Add(new(SynapseProtocol.Headers.InputObjectPrefix + property.Name, EmptyValueBase64(property.PropertyType)));

        var hashFields = type.GetCustomAttribute<RequiredHashFieldsAttribute>(inherit: true)?.Fields ?? [];
        foreach (var field in hashFields)
            if (!HasProperty(contract, field))
                throw new SynapseDefinitionException(type, $"hash field '{field}' is not one of its JSON fields");
        return new SynapseDescriptor(type, name, inputObjects, hashFields);
    }

    private static bool HasProperty(JsonTypeInfo contract, string name)
    {
        foreach (var property in contract.Properties)
            if (property.Name == name) return true;
        return false;
    }

    /// <summary>
    /// Base64 of <c>json.dumps(T())</c> for the Python type a C# type maps to: int → <c>0</c>, float → <c>0.0</c>,
    /// str → <c>""</c>, bool → <c>false</c>, list → <c>[]</c>, dict or model → <c>{}</c>.
    /// </summary>
    internal static string EmptyValueBase64(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var json = type switch
        {
            _ when type == typeof(bool) => "false",
            _ when type == typeof(string) => "\"\"",
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) || type == typeof(Half) => "0.0",
            _ when type.IsPrimitive || type == typeof(BigInteger) || type == typeof(Int128) || type == typeof(UInt128) => "0",
            _ when typeof(IDictionary).IsAssignableFrom(type) || IsGenericDictionary(type) => "{}",
            _ when typeof(IEnumerable).IsAssignableFrom(type) => "[]",
            _ => "{}",
        };
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(json));
    }

    private static bool IsGenericDictionary(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
}

/// <summary>A synapse record breaks a rule of the wire protocol (found when its descriptor is first built).</summary>
public sealed class SynapseDefinitionException(Type type, string problem)
    : Exception($"Synapse type {type.FullName} cannot be used: {problem}.")
{
    /// <summary>The offending type.</summary>
    public Type SynapseType { get; } = type;
}
