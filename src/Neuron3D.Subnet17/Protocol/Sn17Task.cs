namespace Neuron3D.Subnet17.Protocol;

/// <summary>Which kind of prompt a task carries (the pydantic <c>type</c> literal).</summary>
public enum TaskKind { Text, Image }

/// <summary>
/// A generation task as validators hand it out (spec sn17-404gen.md §1.1–§1.2): a uuid4 id and a prompt — text, or for
/// image tasks the standard base64 of the raw image file.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Sn17TaskJsonConverter))]
public sealed record Sn17Task(string Id, TaskKind Kind, string Prompt)
{
    public static Sn17Task NewText(string prompt) => new(Guid.NewGuid().ToString(), TaskKind.Text, prompt);
    public static Sn17Task NewImage(string base64Image) => new(Guid.NewGuid().ToString(), TaskKind.Image, base64Image);

    /// <summary>What logs show instead of the prompt: the prompt (≤ 100 chars, else 97 + "...") or "image:&lt;hash&gt;".</summary>
    public string LogId => Kind == TaskKind.Image
        ? "image:" + Blake3.Hasher.Hash(System.Text.Encoding.UTF8.GetBytes(Prompt)).ToString()
        : Prompt.Length <= 100 ? Prompt : Prompt[..97] + "...";
}
