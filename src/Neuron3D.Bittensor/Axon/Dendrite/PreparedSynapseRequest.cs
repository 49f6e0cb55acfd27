using System.Net.Http.Headers;
using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Bittensor.Axon.Dendrite;

/// <summary>A signed synapse request, ready to send: URL, headers in SDK order, and the JSON body.</summary>
public sealed class PreparedSynapseRequest
{
    internal PreparedSynapseRequest(Uri url, Synapse synapse, string bodyHash, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Url = url;
        Synapse = synapse;
        BodyHash = bodyHash;
        Headers = headers;
        Body = body;
    }

    /// <summary><c>http://ip:port/Name</c>.</summary>
    public Uri Url { get; }

    /// <summary>The synapse as sent: timeout, terminals and signature filled in.</summary>
    public Synapse Synapse { get; }

    /// <summary>The body hash that was signed (64 hex characters).</summary>
    public string BodyHash { get; }

    /// <summary>The synapse headers (lowercase names, SDK order); <c>Content-Type</c> is added on sending.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The UTF-8 JSON body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>A POST message carrying this request.</summary>
    public HttpRequestMessage ToHttpRequestMessage()
    {
        var message = new HttpRequestMessage(HttpMethod.Post, Url) { Version = System.Net.HttpVersion.Version11 };
        foreach (var (name, value) in Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        message.Content = new ReadOnlyMemoryContent(Body);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return message;
    }
}
