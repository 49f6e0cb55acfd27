using System.Diagnostics;
using System.Net;
using Neuron3D.Assets.Formats;

namespace Neuron3D.Generation.Backends;

/// <summary>Where and how to reach a generation service.</summary>
public sealed record HttpBackendOptions
{
    /// <summary>Service root, e.g. http://127.0.0.1:8093/ (the SN17 setup script's port).</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>Time limit for one generation, request and response body included (GPU pipelines take minutes).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest PLY accepted (SN17 reference: ≤ ~200 MB).</summary>
    public long MaxResponseBytes { get; init; } = 256L * 1024 * 1024;
}

/// <summary>
/// Client of the SN17 generation-service API (spec §2.5): <c>POST {base}/generate/</c> with the form field
/// <c>prompt</c> (and <c>seed</c>, which services may ignore), a binary 3DGS PLY back. The PLY is decoded and
/// validated, so a broken service surfaces here with a clear message rather than at the validator.
/// </summary>
public sealed class HttpGenerationBackend : IGenerationBackend, IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsClient;
    private readonly HttpBackendOptions _options;

    /// <param name="options">Service address and limits.</param>
    /// <param name="http">A client to use (not disposed by this backend), or null to create one.</param>
    public HttpGenerationBackend(HttpBackendOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _ownsClient = http is null;
        _http = http ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public string Name => _options.BaseAddress.ToString().TrimEnd('/');

    public async Task<BackendOutput> GenerateAsync(string prompt, long seed = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        // Python miners build the URL with urljoin(endpoint, "/generate/"): the path is absolute on the host.
        var endpoint = new Uri(_options.BaseAddress, "/generate/");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.Timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var content = new FormUrlEncodedContent([new("prompt", prompt), new("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
            // Headers first, so the size cap below applies before the body is buffered.
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var body = await response.Content.ReadAsStringAsync(limit.Token).ConfigureAwait(false);
                throw new GenerationBackendException(Name, $"POST {endpoint} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Excerpt(body)}");
            }
            if (response.Content.Headers.ContentLength > _options.MaxResponseBytes)
                throw new GenerationBackendException(Name, $"the PLY is {response.Content.Headers.ContentLength} bytes; at most {_options.MaxResponseBytes} are accepted");
            var ply = await ReadLimitedAsync(response.Content, limit.Token).ConfigureAwait(false);
            var splats = AssetFile.ReadSplats(ply, "generated.ply");
            return new BackendOutput(Name, ply, splats, null, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GenerationBackendException(Name, $"no answer from POST {endpoint} within {_options.Timeout.TotalSeconds:0.#} s (is the service up and not stalled?)");
        }
        catch (HttpRequestException e)
        {
            throw new GenerationBackendException(Name, $"cannot reach POST {endpoint}: {e.Message}", e);
        }
        catch (AssetFormatException e)
        {
            throw new GenerationBackendException(Name, $"the service returned an unusable PLY: {e.Message}", e);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > _options.MaxResponseBytes)
                throw new GenerationBackendException(Name, $"the PLY exceeds {_options.MaxResponseBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string Excerpt(string body) => body.Length <= 200 ? body : body[..200] + "…";

    public void Dispose()
    {
        if (_ownsClient) _http.Dispose();
    }
}
