using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Validator.Scoring;

/// <summary>
/// Scores through the SN17 validation service (spec sn17-404gen.md §3.5) that GPU operators run next to their
/// validator: <c>POST /validate_txt_to_3d_ply/</c> or <c>/validate_img_to_3d_ply/</c> with the base64 SPZ and
/// <c>compression: 2</c>. Any transport error, non-200 answer, timeout or unreadable JSON is a scorer failure (null).
/// </summary>
public sealed class ValidationServiceScorer : IFidelityScorer
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly TimeSpan _timeout;

    /// <param name="http">A shared client (its own timeout should be infinite; <paramref name="timeout"/> applies per call).</param>
    /// <param name="endpoint">Service root, e.g. http://127.0.0.1:8094.</param>
    /// <param name="timeout">Per-request limit; the service validates one asset at a time, so allow for queueing.</param>
    public ValidationServiceScorer(HttpClient http, Uri endpoint, TimeSpan timeout)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "timeout must be positive");
        _timeout = timeout;
    }

    public string Name => $"validation service at {_endpoint}";

    public async Task<ScoreReport?> ScoreAsync(Sn17Task task, ReadOnlyMemory<byte> spz, ScoreRequestOptions options, CancellationToken cancellationToken)
    {
        var body = new ValidationRequest(
            task.Kind == TaskKind.Text ? task.Prompt : null,
            task.Kind == TaskKind.Image ? task.Prompt : null,
            Convert.ToBase64String(spz.Span),
            Compression: 2,
            options.SinglePreview,
            options.GridPreview,
            options.PreviewScoreThreshold);
        var path = task.Kind == TaskKind.Text ? "validate_txt_to_3d_ply/" : "validate_img_to_3d_ply/";

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _http.PostAsJsonAsync(new Uri(_endpoint, path), body, Json, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) return null;
            var result = await response.Content.ReadFromJsonAsync<ValidationResponse>(timeout.Token).ConfigureAwait(false);
            if (result is null || !double.IsFinite(result.Score)) return null;
            return new ScoreReport(result.Score, Name, result.Iqa, result.AlignmentScore, result.Ssim, result.Lpips,
                Decode(result.Preview), Decode(result.GridPreview));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // our own timeout
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException or FormatException)
        {
            return null;
        }
    }

    private static byte[]? Decode(string? base64) => string.IsNullOrEmpty(base64) ? null : Convert.FromBase64String(base64);

    private sealed record ValidationRequest(
        [property: JsonPropertyName("prompt")] string? Prompt,
        [property: JsonPropertyName("prompt_image")] string? PromptImage,
        [property: JsonPropertyName("data")] string Data,
        [property: JsonPropertyName("compression")] int Compression,
        [property: JsonPropertyName("generate_single_preview")] bool GenerateSinglePreview,
        [property: JsonPropertyName("generate_grid_preview")] bool GenerateGridPreview,
        [property: JsonPropertyName("preview_score_threshold")] double PreviewScoreThreshold);

    private sealed record ValidationResponse(
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("iqa")] double? Iqa,
        [property: JsonPropertyName("alignment_score")] double? AlignmentScore,
        [property: JsonPropertyName("ssim")] double? Ssim,
        [property: JsonPropertyName("lpips")] double? Lpips,
        [property: JsonPropertyName("preview")] string? Preview,
        [property: JsonPropertyName("grid_preview")] string? GridPreview);
}
