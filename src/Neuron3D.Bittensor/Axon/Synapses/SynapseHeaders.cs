using System.Globalization;
using H = Neuron3D.Bittensor.Axon.Synapses.SynapseProtocol.Headers;

namespace Neuron3D.Bittensor.Axon.Synapses;

/// <summary>
/// The synapse's HTTP headers (Python <c>to_headers()</c>, spec §1.3), in the order the Python SDK emits them:
/// <c>name</c>, <c>timeout</c>, <c>bt_header_axon_*</c>, <c>bt_header_dendrite_*</c>, <c>bt_header_input_obj_*</c>,
/// <c>header_size</c>, <c>total_size</c>, <c>computed_body_hash</c>. Names are lowercase.
/// </summary>
public static class SynapseHeaders
{
    /// <summary>
    /// Builds the header list. <paramref name="totalSize"/> goes into <c>total_size</c> (we send the body's byte
    /// length; Python sends an object-size estimate and nothing checks it); <c>header_size</c> is the byte count of
    /// the names and values before it (Python sends <c>sys.getsizeof</c> of its dict, equally unchecked).
    /// </summary>
    public static List<KeyValuePair<string, string>> Build(Synapse synapse, string bodyHash, long totalSize) =>
        Build(synapse.Name, synapse.Timeout, synapse.Axon, synapse.Dendrite, synapse.Descriptor.InputObjectHeaders, bodyHash, totalSize);

    /// <summary>The same header list from its parts (axon error answers have no body synapse to take them from).</summary>
    internal static List<KeyValuePair<string, string>> Build(string name, double timeoutSeconds, TerminalInfo axon, TerminalInfo dendrite,
        IReadOnlyList<KeyValuePair<string, string>> inputObjectHeaders, string bodyHash, long totalSize)
    {
        var headers = new List<KeyValuePair<string, string>>(24)
        {
            new(H.Name, name),
            new(H.Timeout, PythonRepr.Float(timeoutSeconds)),
        };
        axon.AppendHeaders(H.AxonPrefix, headers);
        dendrite.AppendHeaders(H.DendritePrefix, headers);
        headers.AddRange(inputObjectHeaders);

        long headerSize = 0;
        foreach (var (key, value) in headers) headerSize += key.Length + value.Length;
        headers.Add(new(H.HeaderSize, headerSize.ToString(CultureInfo.InvariantCulture)));
        headers.Add(new(H.TotalSize, totalSize.ToString(CultureInfo.InvariantCulture)));
        headers.Add(new(H.ComputedBodyHash, bodyHash));
        return headers;
    }

    /// <summary>
    /// Reads <c>bt_header_axon_*</c> and <c>bt_header_dendrite_*</c> from response headers, the lenient way the
    /// Python dendrite does: unknown fields and unparsable values are skipped.
    /// </summary>
    public static (TerminalInfo Axon, TerminalInfo Dendrite) ReadTerminals(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        var axon = TerminalInfo.Empty;
        var dendrite = TerminalInfo.Empty;
        foreach (var (name, values) in headers)
        {
            var value = values.FirstOrDefault();
            if (value is null) continue;
            if (name.StartsWith(H.AxonPrefix, StringComparison.Ordinal))
                axon.TryWithField(name[H.AxonPrefix.Length..], value, out axon);
            else if (name.StartsWith(H.DendritePrefix, StringComparison.Ordinal))
                dendrite.TryWithField(name[H.DendritePrefix.Length..], value, out dendrite);
        }
        return (axon, dendrite);
    }

    /// <summary>
    /// Header values must be visible ASCII for HTTP/1.1 (Kestrel refuses anything else); other characters of
    /// free text such as <c>status_message</c> become <c>?</c>.
    /// </summary>
    internal static string SanitizeValue(string value)
    {
        foreach (var c in value)
            if (c is < ' ' or > '~') return string.Create(value.Length, value, static (span, text) =>
            {
                for (var i = 0; i < text.Length; i++) span[i] = text[i] is < ' ' or > '~' ? '?' : text[i];
            });
        return value;
    }
}
