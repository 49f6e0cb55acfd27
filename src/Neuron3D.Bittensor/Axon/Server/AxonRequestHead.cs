using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Neuron3D.Bittensor.Axon.Synapses;
using H = Neuron3D.Bittensor.Axon.Synapses.SynapseProtocol.Headers;

namespace Neuron3D.Bittensor.Axon.Server;

/// <summary>
/// Strict parsing of the synapse headers an axon relies on (spec §1.3). Stricter than Python on purpose: a
/// repeated synapse header, an unparsable number or a non-finite timeout is a malformed request (400), so two
/// layers can never read two different values of the same header.
/// </summary>
internal static class AxonRequestHead
{
    private static readonly string[] DendriteHeaderNames = [.. TerminalInfo.FieldNames.Select(f => H.DendritePrefix + f)];
    private static readonly string[] AxonHeaderNames = [.. TerminalInfo.FieldNames.Select(f => H.AxonPrefix + f)];

    /// <summary>Parses the headers; on failure returns false and a reason that names the header.</summary>
    public static bool TryParse(IHeaderDictionary headers, out double timeoutSeconds, out TerminalInfo dendrite, out TerminalInfo axon,
        out string? computedBodyHash, out string problem)
    {
        timeoutSeconds = SynapseProtocol.DefaultTimeoutSeconds;
        dendrite = TerminalInfo.Empty;
        axon = TerminalInfo.Empty;
        computedBodyHash = null;
        problem = "";

        if (!TrySingle(headers, H.Timeout, out var timeoutText, ref problem)) return false;
        if (timeoutText is not null)
        {
            if (!double.TryParse(timeoutText, NumberStyles.Float, CultureInfo.InvariantCulture, out timeoutSeconds)
                || !double.IsFinite(timeoutSeconds) || timeoutSeconds <= 0)
            {
                problem = "header 'timeout' is not a positive number of seconds";
                return false;
            }
        }

        if (!TrySingle(headers, H.ComputedBodyHash, out computedBodyHash, ref problem)) return false;
        if (computedBodyHash is not null && !IsLowerHex64(computedBodyHash))
        {
            problem = "header 'computed_body_hash' is not 64 lowercase hex characters";
            return false;
        }

        return TryTerminal(headers, DendriteHeaderNames, ref dendrite, ref problem)
            && TryTerminal(headers, AxonHeaderNames, ref axon, ref problem);
    }

    private static bool TryTerminal(IHeaderDictionary headers, string[] names, ref TerminalInfo terminal, ref string problem)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (!TrySingle(headers, names[i], out var value, ref problem)) return false;
            if (value is null) continue;
            if (!terminal.TryWithField(TerminalInfo.FieldNames[i], value, out terminal))
            {
                problem = $"header '{names[i]}' has an invalid value";
                return false;
            }
        }
        return true;
    }

    private static bool TrySingle(IHeaderDictionary headers, string name, out string? value, ref string problem)
    {
        value = null;
        if (!headers.TryGetValue(name, out StringValues values) || values.Count == 0) return true;
        if (values.Count > 1)
        {
            problem = $"header '{name}' appears {values.Count} times";
            return false;
        }
        value = values[0];
        return true;
    }

    private static bool IsLowerHex64(string text)
    {
        if (text.Length != 64) return false;
        foreach (var c in text)
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f')) return false;
        return true;
    }
}
