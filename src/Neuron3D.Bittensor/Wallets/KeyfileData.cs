using System.Buffers;
using System.Text.Json;

namespace Neuron3D.Bittensor.Wallets;

/// <summary>
/// The plaintext keyfile JSON (spec §2.2): an object of optional string fields. Read in any key order, with any
/// whitespace and with <c>null</c> values (old Python SDK files); unknown string fields are ignored. Written compact
/// in the old SDK's key order, without absent fields. <see cref="ToString"/> never shows secret fields.
/// </summary>
public sealed partial class KeyfileData
{
    /// <summary><c>"0x"</c> + hex of the 32-byte public key.</summary>
    public string? AccountId { get; init; }
    /// <summary>Same as <see cref="AccountId"/>.</summary>
    public string? PublicKey { get; init; }
    /// <summary>Secret: <c>"0x"</c> + hex of the 64-byte schnorrkel secret, canonical scalar ‖ nonce (spec §3.3).</summary>
    public string? PrivateKey { get; init; }
    /// <summary>Secret: the BIP39 mnemonic, when the key was made from one.</summary>
    public string? SecretPhrase { get; init; }
    /// <summary>Secret: <c>"0x"</c> + hex of the 32-byte mini secret (or a 64-byte raw secret), when the key was made from a seed.</summary>
    public string? SecretSeed { get; init; }
    /// <summary>SS58 address (prefix 42).</summary>
    public string? Ss58Address { get; init; }

    /// <summary>True when the data holds any secret field, i.e. a full keypair can be loaded from it.</summary>
    public bool HasSecret => SecretPhrase is not null || SecretSeed is not null || PrivateKey is not null;

    /// <summary>Parses keyfile JSON; anything that is not an object of string/null values raises <see cref="KeyfileFormatException"/>.</summary>
    public static KeyfileData Parse(ReadOnlySpan<byte> json, string? keyfilePath = null)
    {
        string? accountId = null, publicKey = null, privateKey = null, secretPhrase = null, secretSeed = null, ss58 = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw Malformed("it is not a JSON object", keyfilePath);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                if (!seen.Add(name)) throw Malformed($"the field \"{name}\" appears twice", keyfilePath);
                reader.Read();
                string? value = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => null,
                    _ => throw Malformed($"the field \"{name}\" is not a string or null", keyfilePath),
                };
                switch (name)
                {
                    case "accountId": accountId = value; break;
                    case "publicKey": publicKey = value; break;
                    case "privateKey": privateKey = value; break;
                    case "secretPhrase": secretPhrase = value; break;
                    case "secretSeed": secretSeed = value; break;
                    case "ss58Address": ss58 = value; break;
                }
            }
            if (reader.Read()) throw Malformed("there is data after the JSON object", keyfilePath);
        }
        catch (JsonException e)
        {
            throw new KeyfileFormatException(
                $"{Describe(keyfilePath)} is not valid keyfile JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).",
                keyfilePath, e);
        }
        catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException)
        {
            throw new KeyfileFormatException($"{Describe(keyfilePath)} is not UTF-8 text.", keyfilePath, e);
        }
        var data = new KeyfileData
        {
            AccountId = accountId, PublicKey = publicKey, PrivateKey = privateKey,
            SecretPhrase = secretPhrase, SecretSeed = secretSeed, Ss58Address = ss58,
        };
        if (!data.HasSecret && ss58 is null && publicKey is null && accountId is null)
            throw Malformed("it holds no key: none of secretPhrase, secretSeed, privateKey, ss58Address, publicKey", keyfilePath);
        return data;
    }

    /// <summary>Compact UTF-8 JSON in the old SDK's key order, absent fields omitted. The caller zeroes it when it holds secrets.</summary>
    public byte[] ToJsonBytes()
    {
        // One buffer large enough for any keyfile, so no secret-bearing copies are left behind by growth.
        var buffer = new ArrayBufferWriter<byte>(1024);
        try
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                WriteIfPresent(writer, "accountId", AccountId);
                WriteIfPresent(writer, "publicKey", PublicKey);
                WriteIfPresent(writer, "privateKey", PrivateKey);
                WriteIfPresent(writer, "secretPhrase", SecretPhrase);
                WriteIfPresent(writer, "secretSeed", SecretSeed);
                WriteIfPresent(writer, "ss58Address", Ss58Address);
                writer.WriteEndObject();
            }
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.Clear();
        }
    }

    /// <summary>Public data only (what <c>coldkeypub.txt</c> and <c>&lt;hotkey&gt;pub.txt</c> hold).</summary>
    public KeyfileData ToPublicData() => new() { AccountId = AccountId, PublicKey = PublicKey, Ss58Address = Ss58Address };

    /// <summary>Shows the address only; secret fields are never rendered.</summary>
    public override string ToString() =>
        $"KeyfileData({Ss58Address ?? PublicKey ?? "no address"}{(HasSecret ? ", with secret" : ", public only")})";

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }

    private static string Describe(string? keyfilePath) => keyfilePath is null ? "The keyfile data" : $"Keyfile {keyfilePath}";

    private static KeyfileFormatException Malformed(string why, string? keyfilePath) =>
        new($"{Describe(keyfilePath)} is not a keyfile: {why}.", keyfilePath);
}
