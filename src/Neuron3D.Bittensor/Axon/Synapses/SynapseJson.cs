using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Neuron3D.Bittensor.Axon.Synapses;

/// <summary>
/// JSON of synapse bodies as the Python side reads and writes them: snake_case names, every field present
/// (nulls as <c>null</c>), floats in Python's repr (<c>12.0</c>, <c>1e-05</c>), non-ASCII text as UTF-8.
/// Deserialization is strict: a null for a non-nullable field or a missing C# <c>required</c> field is an error,
/// the way pydantic rejects them.
/// </summary>
public static class SynapseJson
{
    /// <summary>The serializer options every synapse body uses (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 64,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new PythonFloatConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>UTF-8 JSON of <paramref name="synapse"/> as its runtime type.</summary>
    /// <exception cref="SynapseFormatException">A value cannot be represented (e.g. a NaN float).</exception>
    public static byte[] Serialize(Synapse synapse)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(synapse, synapse.GetType(), Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            throw new SynapseFormatException($"synapse '{synapse.Name}' cannot be serialized: {e.Message}", e);
        }
    }

    /// <summary>Parses a body into <paramref name="type"/>.</summary>
    /// <exception cref="SynapseFormatException">The body is not valid JSON for that synapse.</exception>
    public static Synapse Deserialize(ReadOnlySpan<byte> utf8Json, Type type)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        return Deserialize(ref reader, type);
    }

    /// <summary>Parses a body held in buffer segments (e.g. a Kestrel request pipe) into <paramref name="type"/>.</summary>
    /// <exception cref="SynapseFormatException">The body is not valid JSON for that synapse.</exception>
    public static Synapse Deserialize(System.Buffers.ReadOnlySequence<byte> utf8Json, Type type)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        return Deserialize(ref reader, type);
    }

    private static Synapse Deserialize(ref Utf8JsonReader reader, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(ref reader, type, Options) as Synapse
                ?? throw new SynapseFormatException($"body is JSON null, not a {type.Name} synapse");
        }
        catch (JsonException e)
        {
            // JsonException messages name the JSON path and the expected type, never the payload itself.
            throw new SynapseFormatException($"body is not a valid {type.Name} synapse: {e.Message}", e);
        }
    }

    /// <summary>Parses <c>{"message": …}</c> error bodies; null when the body has no string <c>message</c>.</summary>
    internal static string? ReadErrorMessage(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                    ? message.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>UTF-8 JSON of <c>{"message": text}</c>, the axon's error body.</summary>
    internal static byte[] ErrorBody(string message)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 + Encoding.UTF8.GetMaxByteCount(message.Length));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>Writes doubles in CPython's <c>repr</c> so Python parses them back as floats and our hash sees a float token.</summary>
internal sealed class PythonFloatConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? reader.GetDouble()
            : throw new JsonException($"expected a number, found {reader.TokenType}");

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (!double.IsFinite(value))
            throw new JsonException($"{value} is not representable in standard JSON");
        Span<char> text = stackalloc char[32];
        var length = PythonRepr.FormatFloat(value, text);
        Span<byte> utf8 = stackalloc byte[32];
        for (var i = 0; i < length; i++) utf8[i] = (byte)text[i];
        writer.WriteRawValue(utf8[..length], skipInputValidation: true);
    }
}

/// <summary>A synapse body or header could not be read or written; the message names the field, never secrets.</summary>
public sealed class SynapseFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SynapseFormatException(string message, Exception? inner = null) : base(message, inner) { }
}
