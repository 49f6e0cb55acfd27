using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Chain.Extrinsics;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Commands;

/// <summary>TAO amounts: typed in TAO on the command line, rao (10⁻⁹ TAO) on chain, printed with all 9 decimals.</summary>
public static class Tao
{
    /// <summary>Rao per TAO (and per alpha).</summary>
    public const ulong Rao = 1_000_000_000;

    /// <summary>Parses a TAO amount ("1", "0.5", "1000.000000001") into rao, exactly (no floating point).</summary>
    /// <exception cref="CliUsageException">Not a number, negative, more than 9 decimals, or beyond u64 rao.</exception>
    public static ulong ParseRao(string text, string option)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var tao))
            throw new CliUsageException($"{option} '{text}' is not an amount in TAO (digits with an optional '.', e.g. 1.5)");
        var rao = tao * Rao;
        if (rao != decimal.Truncate(rao))
            throw new CliUsageException($"{option} '{text}' has more than 9 decimals (1 rao = 0.000000001 TAO)");
        if (rao > ulong.MaxValue) throw new CliUsageException($"{option} '{text}' is larger than any balance on chain");
        return (ulong)rao;
    }

    /// <summary>rao as TAO with 9 decimals ("1000.000000000").</summary>
    public static string Format(BigInteger rao)
    {
        var sign = rao.Sign < 0 ? "-" : "";
        var magnitude = BigInteger.Abs(rao);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude / Rao}.{(ulong)(magnitude % Rao):D9}");
    }

    /// <summary>A rao amount for JSON: a number (u64 fits every balance).</summary>
    public static JsonNode Json(BigInteger rao) => rao.Sign >= 0 && rao <= ulong.MaxValue ? JsonValue.Create((ulong)rao) : JsonValue.Create(rao.ToString(CultureInfo.InvariantCulture));
}

/// <summary>What the chain commands share: the netuid option, loading keys, fee estimates, short addresses.</summary>
internal static class ChainShared
{
    /// <summary>A required <c>--netuid</c>.</summary>
    public static Option<int> NetuidOption(string description = "Subnet id.") => new("--netuid")
    {
        Description = description,
        Required = true,
        HelpName = "netuid",
    };

    /// <summary>The netuid value, range-checked.</summary>
    public static ushort Netuid(ParseResult parseResult, Option<int> option)
    {
        var netuid = parseResult.GetValue(option);
        return netuid is >= 0 and <= ushort.MaxValue ? (ushort)netuid : throw new CliUsageException($"--netuid {netuid} is not a subnet id (0–65535)");
    }

    /// <summary>Loads the wallet's coldkey, asking for its password when needed (the key signs transfers, stake, registration).</summary>
    public static Sr25519Keypair LoadColdkey(CliContext context, Wallet wallet) =>
        wallet.GetColdkey(Passwords.ForExistingKeyfile(context, wallet.ColdkeyFile, "coldkey"));

    /// <summary>Loads the wallet's hotkey (it signs serve_axon and weights).</summary>
    public static Sr25519Keypair LoadHotkey(CliContext context, Wallet wallet) =>
        wallet.GetHotkey(Passwords.ForExistingKeyfile(context, wallet.HotkeyFile, "hotkey"));

    /// <summary>Fails before anything is submitted when <paramref name="netuid"/> does not exist.</summary>
    /// <exception cref="SubtensorStateException">No such subnet.</exception>
    public static async Task EnsureSubnetAsync(SubtensorClient client, ushort netuid, CancellationToken cancellationToken)
    {
        if (!await client.SubnetExistsAsync(netuid, cancellationToken).ConfigureAwait(false))
            throw new SubtensorStateException($"netuid {netuid} does not exist on this chain (see `neuron3d subnet list`)");
    }

    /// <summary>
    /// The fee (rao) the chain would charge for <paramref name="call"/> signed by <paramref name="signer"/>, from the
    /// runtime's <c>TransactionPaymentApi.query_info</c>; null when the runtime does not offer it.
    /// </summary>
    public static async Task<BigInteger?> EstimateFeeAsync(SubtensorClient client, Sr25519Keypair signer, Func<RuntimeMetadata, byte[]> call,
        CancellationToken cancellationToken)
    {
        const string api = "TransactionPaymentApi", method = "query_info";
        if (!client.HasRuntimeApi(api, method)) return null;
        var metadata = await client.RefreshMetadataAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var signing = await client.Chain.GetSigningContextAsync(signer, cancellationToken: cancellationToken).ConfigureAwait(false);
        // Signed but never submitted: the fee depends on the length and weight, not on the signature.
        var extrinsic = ExtrinsicBuilder.BuildSigned(metadata, call(metadata), signer, signing);
        var arguments = new byte[extrinsic.Length + 4];
        extrinsic.CopyTo(arguments, 0);
        BitConverter.TryWriteBytes(arguments.AsSpan(extrinsic.Length), (uint)extrinsic.Length);
        var result = await client.Chain.StateCallAsync($"{api}_{method}", arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
        return metadata.Types.Decode(metadata.RuntimeApi(api).Method(method).OutputTypeId, result)["partial_fee"].AsNumber();
    }

    /// <summary>The free minus frozen balance of <paramref name="address"/> must cover <paramref name="neededRao"/>.</summary>
    /// <exception cref="InsufficientBalanceException">It does not.</exception>
    public static async Task<AccountBalance> EnsureBalanceAsync(SubtensorClient client, string address, BigInteger neededRao, string what,
        CancellationToken cancellationToken)
    {
        var balance = await client.GetBalanceAsync(address, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (balance.Transferable < neededRao)
            throw new InsufficientBalanceException($"insufficient balance: {address} has {Tao.Format(balance.Transferable)} TAO transferable, " +
                                                   $"{what} needs {Tao.Format(neededRao)} TAO");
        return balance;
    }

    /// <summary>The first and last characters of an SS58 address, for tables.</summary>
    public static string Short(string address) => address.Length > 12 ? $"{address[..5]}…{address[^5..]}" : address;

    /// <summary>A u16 ratio as the SDK's fraction, 4 decimals.</summary>
    public static string Ratio(ushort value) => NeuronInfoLite.Fraction(value).ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>Writes rows as left-aligned columns (numbers right-aligned) with a header.</summary>
    public static void WriteTable(TextWriter output, IReadOnlyList<string> header, IReadOnlyList<string[]> rows, ISet<int>? rightAligned = null)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) =>
            rightAligned?.Contains(i) == true ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(header));
        foreach (var row in rows) output.WriteLine(Line(row));
    }

    /// <summary>Where an extrinsic landed (block hash, index in the block), as the start of a JSON result.</summary>
    public static JsonObject Inclusion(ExtrinsicOutcome outcome) => new() { ["blockHash"] = outcome.BlockHash, ["extrinsicIndex"] = outcome.Index };
}
