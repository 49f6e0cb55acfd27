using System.Text.Json;
using System.Text.Json.Serialization;

namespace Neuron3D.Subnet17.Protocol;

/// <summary>
/// JSON of the pydantic union <c>TextTask | ImageTask</c>: <c>{"type": "text"|"image", "id": …, "prompt": …}</c> in
/// that order. Reading follows pydantic's defaults — a missing <c>type</c> is a text task, a missing <c>id</c> gets a
/// fresh uuid4, a missing <c>prompt</c> is empty — and rejects unknown types.
/// </summary>
public sealed class Sn17TaskJsonConverter : JsonConverter<Sn17Task>
{
    public override Sn17Task Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("a task must be a JSON object");
        var kind = TaskKind.Text;
        string? id = null;
        var prompt = "";
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName) throw new JsonException("malformed task object");
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "type":
                    kind = reader.GetString() switch
                    {
                        "text" => TaskKind.Text,
                        "image" => TaskKind.Image,
                        var other => throw new JsonException($"unknown task type '{other}' (expected \"text\" or \"image\")"),
                    };
                    break;
                case "id":
                    id = reader.GetString() ?? throw new JsonException("task id must be a string");
                    break;
                case "prompt":
                    prompt = reader.GetString() ?? throw new JsonException("task prompt must be a string");
                    break;
                default:
                    reader.Skip(); // pydantic ignores extra fields
                    break;
            }
        }
        return new Sn17Task(id ?? Guid.NewGuid().ToString(), kind, prompt);
    }

    public override void Write(Utf8JsonWriter writer, Sn17Task value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("type", value.Kind == TaskKind.Image ? "image" : "text");
        writer.WriteString("id", value.Id);
        writer.WriteString("prompt", value.Prompt);
        writer.WriteEndObject();
    }
}
