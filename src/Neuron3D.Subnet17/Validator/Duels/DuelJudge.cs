using System.Buffers;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Validator.Duels;

/// <summary>The judge's verdict: which model is worst (1 = left, 2 = right, 0 = tie) and why.</summary>
public sealed record JudgeVerdict(int Worst, string Issues)
{
    /// <summary>The duel's outcome for this verdict.</summary>
    public DuelOutcome Outcome => DuelRules.FromWorst(Worst);
}

/// <summary>Why a judge call gave no verdict.</summary>
public enum JudgeFailure
{
    /// <summary>No answer within the judge timeout.</summary>
    Timeout,
    /// <summary>The endpoint could not be reached or the connection broke.</summary>
    Unreachable,
    /// <summary>The endpoint answered with a non-success HTTP status.</summary>
    HttpStatus,
    /// <summary>The answer was not a chat completion carrying {"worst": 0|1|2, "issues": "…"}.</summary>
    MalformedAnswer,
}

/// <summary>A judge call failed; <see cref="Failure"/> says how, the message says what to check.</summary>
public sealed class DuelJudgeException(JudgeFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public JudgeFailure Failure { get; } = failure;
}

/// <summary>
/// The SN17 duel judge client (spec sn17-404gen.md §3.6): an OpenAI-compatible <c>POST {endpoint}chat/completions</c>
/// to a vision-language model with the prompt, the two 2×2 grid previews as <c>data:image/png;base64</c> URLs,
/// <c>seed = timestamp_nonce</c> and a <c>json_schema</c> response format named "judge-response". The instruction texts
/// are SN17's (<c>base_judge_service.py</c>), so our validator asks exactly what SN17 validators ask.
/// </summary>
public sealed class DuelJudge
{
    /// <summary>SN17's system message.</summary>
    public const string SystemPrompt =
        "You are a specialized 3D model evaluation system. Analyze visual quality and prompt adherence with expert precision. " +
        "Always respond with valid JSON only.";

    private const string TextInstructions = """
        Evaluate two 3D models (4 renders each) generated from: "{0}"
        Find the WORST one.

        Problems to spot:
        * Missing/extra objects from prompt
        * Doesn't match what was requested
        * Style mismatch (ONLY if prompt requests specific style - otherwise ANY style is fine)
        * Major quality issues (artifacts, very low detail, broken geometry)

        Compare BOTH directions: What's wrong with 1? What's wrong with 2?
        Pick the WORST: 1, 2, or 0 (tie).

        Output: {{"issues": "<1's problems> vs <2's problems>", "worst": <1/2/0>}}
        """;

    private const string ImageInstructions = """
        Which of the 3D models does match the object in the image prompt less?
        Pick the WORST: 1, 2, or 0 (tie).

        Output: {"issues": "<1's problems> vs <2's problems>", "worst": <1/2/0> }
        """;

    private const int QuoteLimit = 200;

    private readonly HttpClient _http;
    private readonly DuelOptions _options;
    private readonly Uri _completions;

    /// <param name="http">A shared client whose own timeout is infinite: <see cref="DuelOptions.JudgeTimeout"/> applies per call.</param>
    /// <param name="options">Settings; <see cref="DuelOptions.JudgeEndpoint"/> must be set.</param>
    public DuelJudge(HttpClient http, DuelOptions options)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        var root = options.JudgeEndpoint ?? throw new ArgumentException("duels need a judge endpoint", nameof(options));
        // Like the OpenAI client: "…/v1" and "…/v1/" both mean the same API root.
        _completions = new Uri(root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/"), "chat/completions");
    }

    /// <summary>The URL judge calls go to.</summary>
    public Uri CompletionsUrl => _completions;

    /// <summary>Asks the judge which of two models made for <paramref name="task"/> is worst.</summary>
    /// <param name="leftGridPng">2×2 grid preview (PNG) of the left miner's model, shown as "First 3D model".</param>
    /// <param name="rightGridPng">Grid of the right miner's model, shown as "Second 3D model".</param>
    /// <param name="seed">The duel's timestamp_nonce, so a verdict can be reproduced.</param>
    /// <exception cref="DuelJudgeException">No verdict: timeout, unreachable endpoint, HTTP error or malformed answer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<JudgeVerdict> JudgeAsync(Sn17Task task, byte[] leftGridPng, byte[] rightGridPng, long seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(leftGridPng);
        ArgumentNullException.ThrowIfNull(rightGridPng);
        var body = BuildRequest(task, leftGridPng, rightGridPng, seed);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.JudgeTimeout);
        string answer;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _completions) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.JudgeApiKey);
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            answer = await ReadCappedAsync(response.Content, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new DuelJudgeException(JudgeFailure.HttpStatus, $"judge at {_completions} answered HTTP {(int)response.StatusCode}: {Quote(answer)}");
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DuelJudgeException(JudgeFailure.Timeout, $"judge at {_completions} gave no answer within {_options.JudgeTimeout.TotalSeconds:0.###} s", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new DuelJudgeException(JudgeFailure.Unreachable, $"judge at {_completions} unreachable: {e.Message}", e);
        }
        return ParseCompletion(answer);
    }

    private async Task<string> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var limit = _options.MaxJudgeAnswerBytes;
        if (content.Headers.ContentLength > limit) throw TooLarge();
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
            try
            {
                var length = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length, limit + 1 - length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > limit) throw TooLarge();
                }
                return Encoding.UTF8.GetString(buffer, 0, length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        DuelJudgeException TooLarge() => new(JudgeFailure.MalformedAnswer, $"judge at {_completions} answered more than {limit} bytes");
    }

    /// <summary>The chat.completions request body SN17 sends (model, messages, temperature, seed, max_tokens, response_format).</summary>
    public JsonObject BuildRequest(Sn17Task task, byte[] leftGridPng, byte[] rightGridPng, long seed)
    {
        var parts = new JsonArray();
        if (task.Kind == TaskKind.Text)
        {
            parts.Add(Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, TextInstructions, task.Prompt)));
        }
        else
        {
            parts.Add(Text("Image prompt to generate 3D model:"));
            parts.Add(Image(task.Prompt));
        }
        parts.Add(Text("First 3D model (4 different views):"));
        parts.Add(Image(Convert.ToBase64String(leftGridPng)));
        parts.Add(Text("Second 3D model (4 different views):"));
        parts.Add(Image(Convert.ToBase64String(rightGridPng)));
        if (task.Kind == TaskKind.Image) parts.Add(Text(ImageInstructions));

        return new JsonObject
        {
            ["model"] = _options.JudgeModel,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = SystemPrompt },
                new JsonObject { ["role"] = "user", ["content"] = parts }),
            ["temperature"] = _options.JudgeTemperature,
            ["seed"] = seed,
            ["max_tokens"] = _options.JudgeMaxTokens,
            ["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject { ["name"] = "judge-response", ["schema"] = ResponseSchema() },
            },
        };
    }

    /// <summary>JudgeResponse's JSON schema, shaped as pydantic writes it for SN17's model.</summary>
    public static JsonObject ResponseSchema() => new()
    {
        ["properties"] = new JsonObject
        {
            ["worst"] = new JsonObject { ["title"] = "Worst", ["type"] = "integer" },
            ["issues"] = new JsonObject { ["title"] = "Issues", ["type"] = "string" },
        },
        ["required"] = new JsonArray("worst", "issues"),
        ["title"] = "JudgeResponse",
        ["type"] = "object",
    };

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };

    private static JsonObject Image(string base64) => new()
    {
        ["type"] = "image_url",
        ["image_url"] = new JsonObject { ["url"] = "data:image/png;base64," + base64 },
    };

    /// <summary>
    /// Reads a chat completion: choices[0].message.content must hold {"worst": 0|1|2, "issues": string}. A reasoning
    /// model's &lt;think&gt;…&lt;/think&gt; preamble and a ```json fence around the object are tolerated; anything else is a
    /// malformed answer (never guessed into a verdict).
    /// </summary>
    /// <exception cref="DuelJudgeException">With <see cref="JudgeFailure.MalformedAnswer"/>.</exception>
    public static JudgeVerdict ParseCompletion(string completionJson)
    {
        string? content;
        try
        {
            var choices = JsonNode.Parse(completionJson)?["choices"] as JsonArray;
            content = choices is [{ } first, ..] ? first["message"]?["content"]?.GetValue<string>() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw Malformed("the answer is not a chat completion", completionJson, e);
        }
        if (string.IsNullOrWhiteSpace(content)) throw Malformed("the completion has no message content", completionJson);
        return ParseVerdict(content);
    }

    /// <summary>Reads the message content itself (see <see cref="ParseCompletion"/>).</summary>
    /// <exception cref="DuelJudgeException">With <see cref="JudgeFailure.MalformedAnswer"/>.</exception>
    public static JudgeVerdict ParseVerdict(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var json = StripWrapping(content);
        JsonObject verdict;
        try
        {
            verdict = JsonNode.Parse(json) as JsonObject ?? throw Malformed("the verdict is not a JSON object", content);
        }
        catch (JsonException e)
        {
            throw Malformed("the verdict is not JSON", content, e);
        }

        if (verdict["worst"] is not JsonValue worstValue || worstValue.GetValueKind() != JsonValueKind.Number ||
            !worstValue.TryGetValue<double>(out var worstNumber) || worstNumber != Math.Floor(worstNumber))
            throw Malformed("\"worst\" is missing or not an integer", content);
        // The schema allows 0, 1, 2 only. SN17's pydantic model would let e.g. 3 through and count it as a draw; we
        // refuse it like any other off-schema answer, so a confused model cannot move ratings.
        if (worstNumber is not (0 or 1 or 2)) throw Malformed($"\"worst\" is {worstNumber}, not 0, 1 or 2", content);
        if (verdict["issues"] is not JsonValue issuesValue || issuesValue.GetValueKind() != JsonValueKind.String)
            throw Malformed("\"issues\" is missing or not a string", content);
        return new JudgeVerdict((int)worstNumber, issuesValue.GetValue<string>());
    }

    private static string StripWrapping(string content)
    {
        var text = content.Trim();
        var thinkEnd = text.LastIndexOf("</think>", StringComparison.Ordinal);
        if (text.StartsWith("<think>", StringComparison.Ordinal) && thinkEnd >= 0) text = text[(thinkEnd + "</think>".Length)..].Trim();
        if (text.StartsWith("```", StringComparison.Ordinal) && text.EndsWith("```", StringComparison.Ordinal) && text.Length >= 6)
        {
            text = text[3..^3];
            if (text.StartsWith("json", StringComparison.OrdinalIgnoreCase)) text = text[4..];
            text = text.Trim();
        }
        return text;
    }

    private static DuelJudgeException Malformed(string what, string answer, Exception? inner = null) =>
        new(JudgeFailure.MalformedAnswer, $"malformed judge answer: {what}: {Quote(answer)}", inner);

    private static string Quote(string text)
    {
        var flat = new StringBuilder(Math.Min(text.Length, QuoteLimit + 3));
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, QuoteLimit))) flat.Append(char.IsControl(c) ? ' ' : c);
        if (text.Length > QuoteLimit) flat.Append("...");
        return flat.ToString();
    }
}
