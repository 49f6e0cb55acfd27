using System.Net;
using Neuron3D.Assets.Formats.Ply;
using Neuron3D.Assets.Splats;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Miner.Generators;

/// <summary>
/// A miner worker backed by an SN17 generation service (spec sn17-404gen.md §2.5, the reference
/// <c>generation/serve.py</c>): <c>POST {endpoint}/generate/</c> with the form field <c>prompt</c>, answered by the
/// raw bytes of a 3DGS PLY, which is parsed with <see cref="PlySplatReader"/>. Image tasks send the base64 image in the
/// same field, so they are only offered to services declared able to decode them.
/// </summary>
public sealed class HttpGenerationServiceGenerator : IMinerGenerator, IDisposable
{
    /// <summary>Largest PLY accepted from a service, bytes (SN17's 10,485,760-vertex cap needs ~650 MB at SH degree 3).</summary>
    public const long MaxResponseBytes = 1L << 30;

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Uri _generateUri;
    private readonly bool _acceptsImages;

    /// <param name="endpoint">The service's base address, e.g. <c>http://127.0.0.1:8093</c>.</param>
    /// <param name="acceptsImages">The service detects and decodes base64 images in <c>prompt</c> (the reference one does not).</param>
    /// <param name="http">Client to use (its timeout should be infinite: the miner's generation timeout cancels the call); null creates one.</param>
    public HttpGenerationServiceGenerator(Uri endpoint, bool acceptsImages = false, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"generation endpoint '{endpoint}' must be an absolute http:// or https:// address", nameof(endpoint));
        // urljoin(endpoint, "/generate/") as the Python miner builds it: any path of the endpoint is replaced.
        _generateUri = new Uri(endpoint, "/generate/");
        _acceptsImages = acceptsImages;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        Name = "http " + endpoint.GetLeftPart(UriPartial.Authority);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The URL generation requests go to.</summary>
    public Uri GenerateUri => _generateUri;

    /// <inheritdoc />
    public bool Supports(TaskKind kind) => kind == TaskKind.Text || _acceptsImages;

    /// <inheritdoc />
    /// <exception cref="GenerationServiceException">The service answered non-200, too much, or a body that is not a splat PLY.</exception>
    public async Task<SplatCloud> GenerateAsync(Sn17Task task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("prompt", task.Prompt)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, _generateUri) { Content = content };
        // Headers first: the body is streamed under our own size cap instead of HttpClient's buffer.
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new GenerationServiceException($"{_generateUri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        if (response.Content.Headers.ContentLength is > MaxResponseBytes)
            throw new GenerationServiceException($"{_generateUri} sent {response.Content.Headers.ContentLength} bytes, more than the {MaxResponseBytes} accepted");

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxResponseBytes)
                    throw new GenerationServiceException($"{_generateUri} sent more than the {MaxResponseBytes} bytes accepted");
                body.Write(buffer, 0, read);
            }
            if (body.Length == 0) throw new GenerationServiceException($"{_generateUri} answered 200 with an empty body");
            try
            {
                return PlySplatReader.Read(body.GetBuffer().AsSpan(0, (int)body.Length));
            }
            catch (PlyFormatException e)
            {
                throw new GenerationServiceException($"{_generateUri} did not return a splat PLY: {e.Message}", e);
            }
        }
    }

    /// <summary>Disposes the HTTP client when this generator created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}

/// <summary>A generation service failed to produce a usable asset; the message names the service and what went wrong.</summary>
public sealed class GenerationServiceException(string message, Exception? inner = null) : Exception(message, inner);
