using System.CommandLine;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Commands;

/// <summary><c>neuron3d stake add|remove</c>: stake TAO to a hotkey on a subnet (as alpha) and unstake it.</summary>
public static class StakeCommands
{
    /// <summary>The <c>stake</c> command group.</summary>
    public static Command Create()
    {
        var stake = new Command("stake", """
            Stake on a subnet: add_stake turns TAO from the coldkey into the subnet's alpha staked to a hotkey,
            remove_stake turns alpha back into TAO. The coldkey signs; the hotkey is the wallet's, or --hotkey-ss58.

            Examples:
              neuron3d stake add --netuid 17 --amount 100 --wallet.name validator
              neuron3d stake remove --netuid 17 --amount 10 --wallet.name validator --hotkey-ss58 5F…
            """);
        stake.Subcommands.Add(StakeCommand(add: true));
        stake.Subcommands.Add(StakeCommand(add: false));
        return stake;
    }

    private static Command StakeCommand(bool add)
    {
        var command = new Command(add ? "add" : "remove", (add
            ? "Stake --amount TAO from the wallet's coldkey to a hotkey on --netuid (add_stake)."
            : "Unstake --amount alpha of a hotkey on --netuid back to the wallet's coldkey as TAO (remove_stake).") + $"""


            Example:
              neuron3d stake {(add ? "add" : "remove")} --netuid 2 --amount 10 --wallet.name validator

            {ChainExitCodes.Help}
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var chain = new ChainOptions().AddTo(command);
        var netuidOption = ChainShared.NetuidOption();
        var amount = new Option<string>("--amount")
        {
            Description = add ? "TAO to stake (up to 9 decimals)." : "Alpha to unstake (up to 9 decimals).",
            Required = true,
            HelpName = add ? "tao" : "alpha",
        };
        var hotkeyOption = new Option<string>("--hotkey-ss58", "--hotkey")
        {
            Description = "SS58 of the hotkey to stake to (default: the wallet's hotkey).",
            HelpName = "ss58",
        };
        command.Options.Add(netuidOption);
        command.Options.Add(amount);
        command.Options.Add(hotkeyOption);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            var pr = context.ParseResult;
            var netuid = ChainShared.Netuid(pr, netuidOption);
            var rao = Tao.ParseRao(pr.GetValue(amount)!, "--amount");
            if (rao == 0) throw new CliUsageException("--amount must be more than 0");
            var w = wallet.Resolve(pr);
            var hotkey = HotkeyOf(pr.GetValue(hotkeyOption), w);
            using var coldkey = ChainShared.LoadColdkey(context, w);

            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            await ChainShared.EnsureSubnetAsync(client, netuid, cancellationToken).ConfigureAwait(false);
            var before = await client.GetStakeAsync(coldkey.Ss58Address, hotkey, netuid, cancellationToken).ConfigureAwait(false);
            if (add)
            {
                await ChainShared.EnsureBalanceAsync(client, coldkey.Ss58Address, rao, "the stake", cancellationToken).ConfigureAwait(false);
                context.Confirm($"Stake {Tao.Format(rao)} TAO from {coldkey.Ss58Address} to {hotkey} on netuid {netuid}?");
                context.Error.WriteLine("Submitting add_stake and waiting for inclusion …");
                await client.AddStakeAsync(coldkey, hotkey, netuid, rao, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (before < rao)
                    throw new SubtensorStateException(
                        $"{coldkey.Ss58Address} has {Tao.Format(before)} alpha staked to {hotkey} on netuid {netuid}, less than {Tao.Format(rao)}");
                context.Confirm($"Unstake {Tao.Format(rao)} alpha of {hotkey} on netuid {netuid} back to {coldkey.Ss58Address}?");
                context.Error.WriteLine("Submitting remove_stake and waiting for inclusion …");
                await client.RemoveStakeAsync(coldkey, hotkey, netuid, rao, cancellationToken).ConfigureAwait(false);
            }
            var after = await client.GetStakeAsync(coldkey.Ss58Address, hotkey, netuid, cancellationToken).ConfigureAwait(false);
            var balance = await client.GetBalanceAsync(coldkey.Ss58Address, cancellationToken: cancellationToken).ConfigureAwait(false);

            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["netuid"] = netuid,
                    ["coldkey"] = coldkey.Ss58Address,
                    ["hotkey"] = hotkey,
                    [add ? "staked" : "unstaked"] = Tao.Format(rao),
                    [add ? "stakedRao" : "unstakedRao"] = rao,
                    ["stakeBeforeRao"] = Tao.Json(before),
                    ["stakeAfterRao"] = Tao.Json(after),
                    ["stakeAfter"] = Tao.Format(after),
                    ["balance"] = Tao.Format(balance.Free),
                });
                return ExitCodes.Success;
            }
            context.Out.WriteLine(add
                ? $"Staked {Tao.Format(rao)} TAO to {hotkey} on netuid {netuid}."
                : $"Unstaked {Tao.Format(rao)} alpha of {hotkey} on netuid {netuid}.");
            context.Out.WriteLine($"Stake now {Tao.Format(after)} alpha (was {Tao.Format(before)}); balance {Tao.Format(balance.Free)} TAO.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string HotkeyOf(string? given, Wallet wallet)
    {
        if (given is null) return wallet.GetHotkeyAddress();
        return Ss58.TryDecode(given, out _, out _) ? given : throw new CliUsageException($"--hotkey-ss58 '{given}' is not an SS58 address");
    }
}
