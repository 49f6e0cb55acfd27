using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Neuron3D.Bittensor.Axon.Synapses;

/// <summary>
/// <c>computed_body_hash</c> (spec §1.4): <c>H(H(str(v1)) + H(str(v2)) + …)</c> over the synapse's hash fields,
/// where H is SHA3-256 (FIPS 202, not Keccak-256) of UTF-8 text as lowercase hex and <c>str</c> is Python's.
/// </summary>
public static class BodyHash
{
    /// <summary>The hash of a synapse with no hash fields: SHA3-256 of the empty string.</summary>
    public const string OfNoFields = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";

    /// <summary>The body hash of <paramref name="synapse"/> (64 lowercase hex characters).</summary>
    /// <exception cref="PlatformNotSupportedException">The platform's crypto library has no SHA3-256.</exception>
    public static string Compute(Synapse synapse)
    {
        var fields = synapse.Descriptor.HashFields;
        if (fields.Count == 0) return OfNoFields;

        using var document = JsonSerializer.SerializeToDocument(synapse, synapse.GetType(), SynapseJson.Options);
        var concatenated = new StringBuilder(fields.Count * 64);
        foreach (var field in fields)
            concatenated.Append(Sha3Hex(PythonRepr.Str(document.RootElement.GetProperty(field))));
        return Sha3Hex(concatenated.ToString());
    }

    /// <summary>SHA3-256 of the UTF-8 bytes of <paramref name="text"/> as lowercase hex.</summary>
    /// <exception cref="PlatformNotSupportedException">The platform's crypto library has no SHA3-256.</exception>
    public static string Sha3Hex(string text)
    {
        if (!SHA3_256.IsSupported)
            throw new PlatformNotSupportedException("SHA3-256 is not available from this platform's crypto library (OpenSSL ≥ 1.1.1 is needed on Linux).");
        var utf8 = Encoding.UTF8.GetBytes(text);
        Span<byte> digest = stackalloc byte[32];
        SHA3_256.HashData(utf8, digest);
        return Convert.ToHexStringLower(digest);
    }
}
