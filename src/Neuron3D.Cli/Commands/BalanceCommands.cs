using System.CommandLine;
using System.Numerics;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Commands;

/// <summary><c>neuron3d balance</c> and <c>neuron3d transfer</c>: TAO balances of coldkeys, and moving TAO.</summary>
public static class BalanceCommands
{
    /// <summary>The <c>balance</c> command.</summary>
    public static Command CreateBalance()
    {
        var command = new Command("balance", $"""
            Show free, reserved, frozen and transferable TAO of the wallet's coldkey (public file only, no password),
            or of the addresses given with --ss58.

            Examples:
              neuron3d balance --wallet.name miner --subtensor.network finney
              neuron3d balance --ss58 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY --subtensor.network local --json

            {ChainExitCodes.Help}
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var chain = new ChainOptions().AddTo(command);
        var addresses = new Option<string[]>("--ss58", "--ss58-address")
        {
            Description = "SS58 addresses to show instead of the wallet's coldkey (repeatable).",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "ss58",
        };
        command.Options.Add(addresses);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            var pr = context.ParseResult;
            var given = pr.GetValue(addresses) ?? [];
            foreach (var address in given)
                if (!Ss58.TryDecode(address, out _, out _)) throw new CliUsageException($"--ss58 '{address}' is not an SS58 address");
            var targets = given.Length > 0 ? given : [wallet.Resolve(pr).GetColdkeyAddress()];

            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            var head = await client.Chain.GetBlockHashAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var block = (await client.Chain.GetHeaderAsync(head, cancellationToken).ConfigureAwait(false)).Number;
            var balances = new List<AccountBalance>();
            foreach (var address in targets)
                balances.Add(await client.GetBalanceAsync(address, head, cancellationToken).ConfigureAwait(false));

            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["block"] = block,
                    ["accounts"] = new JsonArray(balances.Select(b => (JsonNode)new JsonObject
                    {
                        ["address"] = b.Address,
                        ["free"] = Tao.Format(b.Free),
                        ["reserved"] = Tao.Format(b.Reserved),
                        ["frozen"] = Tao.Format(b.Frozen),
                        ["transferable"] = Tao.Format(b.Transferable),
                        ["freeRao"] = Tao.Json(b.Free),
                        ["reservedRao"] = Tao.Json(b.Reserved),
                        ["frozenRao"] = Tao.Json(b.Frozen),
                        ["transferableRao"] = Tao.Json(b.Transferable),
                    }).ToArray()),
                });
                return ExitCodes.Success;
            }
            context.Out.WriteLine($"Balances at block #{block} (TAO):");
            ChainShared.WriteTable(context.Out, ["address", "free", "reserved", "frozen", "transferable"],
                balances.Select(b => new[] { b.Address, Tao.Format(b.Free), Tao.Format(b.Reserved), Tao.Format(b.Frozen), Tao.Format(b.Transferable) }).ToList(),
                new HashSet<int> { 1, 2, 3, 4 });
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The <c>transfer</c> command.</summary>
    public static Command CreateTransfer()
    {
        var command = new Command("transfer", $"""
            Send TAO from the wallet's coldkey to another account. The fee the chain would charge is shown before
            you confirm; by default the transfer keeps the sender above the existential deposit (transfer_keep_alive),
            --allow-death lets it empty the account (transfer_allow_death).

            Examples:
              neuron3d transfer --wallet.name miner --dest 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty --amount 1.5
              neuron3d transfer --wallet.name alice --dest 5F… --amount 100 --subtensor.network local --no-prompt --json

            {ChainExitCodes.Help}
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var chain = new ChainOptions().AddTo(command);
        var destination = new Option<string>("--dest", "--destination") { Description = "SS58 address that receives the TAO.", Required = true, HelpName = "ss58" };
        var amount = new Option<string>("--amount") { Description = "TAO to send (up to 9 decimals).", Required = true, HelpName = "tao" };
        var allowDeath = new Option<bool>("--allow-death") { Description = "Allow the sender's balance to drop below the existential deposit (the account is reaped)." };
        command.Options.Add(destination);
        command.Options.Add(amount);
        command.Options.Add(allowDeath);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            var pr = context.ParseResult;
            var dest = pr.GetValue(destination)!;
            if (!Ss58.TryDecode(dest, out _, out _)) throw new CliUsageException($"--dest '{dest}' is not an SS58 address");
            var rao = Tao.ParseRao(pr.GetValue(amount)!, "--amount");
            if (rao == 0) throw new CliUsageException("--amount must be more than 0 TAO");
            var keepAlive = !pr.GetValue(allowDeath);
            using var coldkey = ChainShared.LoadColdkey(context, wallet.Resolve(pr));

            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            var call = keepAlive ? "transfer_keep_alive" : "transfer_allow_death";
            var to = Ss58.Decode(dest);
            var fee = await ChainShared.EstimateFeeAsync(client, coldkey,
                m => m.EncodeCall("Balances", call, ScaleValue.Variant("Id", to), rao), cancellationToken).ConfigureAwait(false);
            var existential = keepAlive ? client.Metadata.Constant("Balances", "ExistentialDeposit").AsNumber() : BigInteger.Zero;
            await ChainShared.EnsureBalanceAsync(client, coldkey.Ss58Address, rao + (fee ?? 0) + existential,
                keepAlive ? "the transfer (amount + fee + existential deposit)" : "the transfer (amount + fee)", cancellationToken).ConfigureAwait(false);
            var feeText = fee is { } f ? $"fee {Tao.Format(f)} TAO" : "fee unknown (the runtime offers no estimate)";
            context.Confirm($"Transfer {Tao.Format(rao)} TAO from {coldkey.Ss58Address} to {dest} ({feeText})?");

            context.Error.WriteLine($"Submitting {call} and waiting for inclusion …");
            var outcome = await client.TransferAsync(coldkey, dest, rao, keepAlive, cancellationToken).ConfigureAwait(false);
            var after = await client.GetBalanceAsync(coldkey.Ss58Address, outcome.BlockHash, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                var result = ChainShared.Inclusion(outcome);
                result["from"] = coldkey.Ss58Address;
                result["to"] = dest;
                result["amount"] = Tao.Format(rao);
                result["amountRao"] = rao;
                result["estimatedFeeRao"] = fee is { } known ? Tao.Json(known) : null;
                result["balanceAfter"] = Tao.Format(after.Free);
                context.WriteJson(result);
            }
            else
            {
                context.Out.WriteLine($"Transferred {Tao.Format(rao)} TAO to {dest} in block {outcome.BlockHash}.");
                context.Out.WriteLine($"Balance of {coldkey.Ss58Address}: {Tao.Format(after.Free)} TAO.");
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
