using System.Globalization;

namespace Neuron3D.Bittensor.Axon.Synapses;

/// <summary>
/// One end of a synapse call as Bittensor describes it (Python <c>TerminalInfo</c>): used twice per synapse,
/// once for the calling dendrite and once for the answering axon. Every field is optional; the JSON and header
/// names are the snake_case forms of the property names, in this declaration order.
/// </summary>
public sealed record TerminalInfo
{
    /// <summary>The shared all-null instance.</summary>
    public static TerminalInfo Empty { get; } = new();

    /// <summary>HTTP-like status code (200 success, 4xx/5xx rejections and failures).</summary>
    public int? StatusCode { get; init; }

    /// <summary>Human-readable status text.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>Processing time in seconds.</summary>
    public double? ProcessTime { get; init; }

    /// <summary>IP address as text (IPv4 dotted or IPv6).</summary>
    public string? Ip { get; init; }

    /// <summary>TCP port.</summary>
    public int? Port { get; init; }

    /// <summary>SDK version integer (major·10^6 + minor·10^3 + patch).</summary>
    public long? Version { get; init; }

    /// <summary>Unix time in nanoseconds, strictly increasing per (hotkey, uuid).</summary>
    public long? Nonce { get; init; }

    /// <summary>Identifier of the dendrite or axon instance, constant for its lifetime.</summary>
    public string? Uuid { get; init; }

    /// <summary>SS58 address of the hotkey.</summary>
    public string? Hotkey { get; init; }

    /// <summary><c>"0x"</c> + 128 lowercase hex characters (64-byte sr25519 signature).</summary>
    public string? Signature { get; init; }

    /// <summary>The wire field names, in declaration (= header and JSON) order.</summary>
    internal static readonly string[] FieldNames =
        ["status_code", "status_message", "process_time", "ip", "port", "version", "nonce", "uuid", "hotkey", "signature"];

    /// <summary>Returns a copy where every non-null field of <paramref name="overrides"/> replaces this one's.</summary>
    public TerminalInfo OverriddenBy(TerminalInfo overrides) => new()
    {
        StatusCode = overrides.StatusCode ?? StatusCode,
        StatusMessage = overrides.StatusMessage ?? StatusMessage,
        ProcessTime = overrides.ProcessTime ?? ProcessTime,
        Ip = overrides.Ip ?? Ip,
        Port = overrides.Port ?? Port,
        Version = overrides.Version ?? Version,
        Nonce = overrides.Nonce ?? Nonce,
        Uuid = overrides.Uuid ?? Uuid,
        Hotkey = overrides.Hotkey ?? Hotkey,
        Signature = overrides.Signature ?? Signature,
    };

    /// <summary>Appends <c>prefix + field: str(value)</c> for every non-null field, in field order.</summary>
    internal void AppendHeaders(string prefix, List<KeyValuePair<string, string>> headers)
    {
        var inv = CultureInfo.InvariantCulture;
        if (StatusCode is { } statusCode) headers.Add(new(prefix + "status_code", statusCode.ToString(inv)));
        if (StatusMessage is { } statusMessage) headers.Add(new(prefix + "status_message", statusMessage));
        if (ProcessTime is { } processTime) headers.Add(new(prefix + "process_time", PythonRepr.Float(processTime)));
        if (Ip is { } ip) headers.Add(new(prefix + "ip", ip));
        if (Port is { } port) headers.Add(new(prefix + "port", port.ToString(inv)));
        if (Version is { } version) headers.Add(new(prefix + "version", version.ToString(inv)));
        if (Nonce is { } nonce) headers.Add(new(prefix + "nonce", nonce.ToString(inv)));
        if (Uuid is { } uuid) headers.Add(new(prefix + "uuid", uuid));
        if (Hotkey is { } hotkey) headers.Add(new(prefix + "hotkey", hotkey));
        if (Signature is { } signature) headers.Add(new(prefix + "signature", signature));
    }

    /// <summary>
    /// Returns a copy with <paramref name="field"/> (a wire name) set from its header text, parsed the way pydantic
    /// coerces header strings; false when the field is unknown or the text does not parse.
    /// </summary>
    internal bool TryWithField(string field, string value, out TerminalInfo updated)
    {
        const NumberStyles integer = NumberStyles.AllowLeadingSign;
        var inv = CultureInfo.InvariantCulture;
        updated = this;
        switch (field)
        {
            case "status_code" when int.TryParse(value, integer, inv, out var statusCode):
                updated = this with { StatusCode = statusCode }; return true;
            case "status_message":
                updated = this with { StatusMessage = value }; return true;
            case "process_time" when PythonRepr.TryParseFloat(value, out var processTime):
                updated = this with { ProcessTime = processTime }; return true;
            case "ip":
                updated = this with { Ip = value }; return true;
            case "port" when int.TryParse(value, integer, inv, out var port):
                updated = this with { Port = port }; return true;
            case "version" when long.TryParse(value, integer, inv, out var version):
                updated = this with { Version = version }; return true;
            case "nonce" when long.TryParse(value, integer, inv, out var nonce):
                updated = this with { Nonce = nonce }; return true;
            case "uuid":
                updated = this with { Uuid = value }; return true;
            case "hotkey":
                updated = this with { Hotkey = value }; return true;
            case "signature":
                updated = this with { Signature = value }; return true;
            default:
                return false;
        }
    }
}
