using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Commands;

/// <summary>
/// <c>neuron3d subnet …</c>: list subnets, create one (register_network, then start_call), read hyperparameters and
/// register a hotkey (burned_register).
/// </summary>
public static class SubnetCommands
{
    /// <summary>The <c>subnet</c> command group.</summary>
    public static Command Create()
    {
        var subnet = new Command("subnet", """
            Subnets: list them, create one, start its emission, read its hyperparameters, register a hotkey on it.

            Examples:
              neuron3d subnet list --subtensor.network finney
              neuron3d subnet create --wallet.name owner --wallet.hotkey default --set-identity no
              neuron3d subnet register --netuid 17 --wallet.name miner --wallet.hotkey default
            """);
        subnet.Subcommands.Add(ListCommand());
        subnet.Subcommands.Add(CreateCommand());
        subnet.Subcommands.Add(StartCommand());
        subnet.Subcommands.Add(HyperparametersCommand());
        subnet.Subcommands.Add(RegisterCommand());
        return subnet;
    }

    private static Command ListCommand()
    {
        var command = new Command("list", $"""
            Every subnet: netuid, name, owner, tempo, neurons, registration burn, pool price and whether its emission
            has started.

            {ChainExitCodes.Help}
            """);
        var chain = new ChainOptions().AddTo(command);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            var subnets = await client.GetSubnetsAsync(cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["subnets"] = new JsonArray(subnets.Select(s => (JsonNode)new JsonObject
                    {
                        ["netuid"] = s.Netuid,
                        ["name"] = s.Name,
                        ["symbol"] = s.Symbol,
                        ["ownerColdkey"] = s.OwnerColdkey,
                        ["ownerHotkey"] = s.OwnerHotkey,
                        ["tempo"] = s.Tempo,
                        ["neurons"] = s.Neurons,
                        ["maxNeurons"] = s.MaxNeurons,
                        ["burn"] = Tao.Format(s.BurnRao),
                        ["burnRao"] = Tao.Json(s.BurnRao),
                        ["taoInRao"] = Tao.Json(s.TaoInRao),
                        ["alphaInRao"] = Tao.Json(s.AlphaInRao),
                        ["price"] = s.Price,
                        ["started"] = s.Started,
                        ["registeredAt"] = s.RegisteredAt,
                    }).ToArray()),
                });
                return ExitCodes.Success;
            }
            var inv = CultureInfo.InvariantCulture;
            ChainShared.WriteTable(context.Out, ["netuid", "name", "symbol", "owner", "tempo", "neurons", "burn τ", "price τ/α", "started"],
                subnets.Select(s => new[]
                {
                    s.Netuid.ToString(inv), s.Name, s.Symbol, ChainShared.Short(s.OwnerColdkey), s.Tempo.ToString(inv),
                    $"{s.Neurons}/{s.MaxNeurons}", Tao.Format(s.BurnRao), s.Price.ToString("0.000000", inv), s.Started ? "yes" : "no",
                }).ToList(), new HashSet<int> { 0, 4, 5, 6, 7 });
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateCommand()
    {
        var command = new Command("create", $"""
            Create a subnet (register_network): the wallet's coldkey pays the lock cost (shown before you confirm) and
            owns the subnet; the wallet's hotkey becomes uid 0. Then start_call (emission and staking on) if the chain
            already allows it, otherwise the command says from which block, and `neuron3d subnet start` does it then.
            A subnet identity is not set (--set-identity no, as btcli asks); btcli can set one later.

            Examples:
              neuron3d subnet create --wallet.name owner --wallet.hotkey default --set-identity no
              neuron3d subnet create --wallet.name owner --subtensor.network local --no-prompt --json

            {ChainExitCodes.Help}
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var chain = new ChainOptions().AddTo(command);
        var identity = new Option<string>("--set-identity")
        {
            Description = "Whether to set a subnet identity (only 'no': Neuron3D registers without one).",
            DefaultValueFactory = _ => "no",
            HelpName = "no",
        };
        command.Options.Add(identity);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            var pr = context.ParseResult;
            var setIdentity = pr.GetValue(identity)!;
            if (!setIdentity.Equals("no", StringComparison.OrdinalIgnoreCase) && !setIdentity.Equals("false", StringComparison.OrdinalIgnoreCase))
                throw new CliUsageException($"--set-identity {setIdentity}: Neuron3D registers subnets without an identity; pass --set-identity no " +
                                            "and set the identity afterwards with btcli (subnets set-identity)");
            var w = wallet.Resolve(pr);
            var hotkey = w.GetHotkeyAddress();
            using var coldkey = ChainShared.LoadColdkey(context, w);

            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            var lockCost = await client.GetNetworkRegistrationCostAsync(cancellationToken).ConfigureAwait(false);
            await ChainShared.EnsureBalanceAsync(client, coldkey.Ss58Address, lockCost, "the subnet lock cost", cancellationToken).ConfigureAwait(false);
            context.Confirm($"Create a subnet owned by {coldkey.Ss58Address} with owner hotkey {hotkey}, locking {Tao.Format(lockCost)} TAO?");

            context.Error.WriteLine($"Submitting register_network (lock cost {Tao.Format(lockCost)} TAO) and waiting for inclusion …");
            var netuid = await client.RegisterNetworkAsync(coldkey, hotkey, cancellationToken).ConfigureAwait(false);
            var startBlock = await client.GetStartCallBlockAsync(netuid, cancellationToken).ConfigureAwait(false);
            var block = await client.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
            var started = false;
            // The start call goes into the next block.
            if (block + 1 >= startBlock)
            {
                context.Error.WriteLine($"Submitting start_call for netuid {netuid} …");
                await client.StartCallAsync(coldkey, netuid, cancellationToken).ConfigureAwait(false);
                started = true;
            }

            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["netuid"] = netuid,
                    ["ownerColdkey"] = coldkey.Ss58Address,
                    ["ownerHotkey"] = hotkey,
                    ["lockCost"] = Tao.Format(lockCost),
                    ["lockCostRao"] = Tao.Json(lockCost),
                    ["block"] = block,
                    ["startCallBlock"] = startBlock,
                    ["started"] = started,
                });
                return ExitCodes.Success;
            }
            context.Out.WriteLine($"Created subnet {netuid} (locked {Tao.Format(lockCost)} TAO); owner hotkey {hotkey} is uid 0.");
            context.Out.WriteLine(started
                ? $"start_call done: emission and staking are on for netuid {netuid}."
                : $"Emission starts with start_call, allowed from block {startBlock} (now {block}, {startBlock - block} blocks to go): " +
                  $"then run `neuron3d subnet start --netuid {netuid}` with this wallet.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command StartCommand()
    {
        var command = new Command("start", $"""
            start_call: the subnet owner turns on emission and staking, allowed a fixed number of blocks after the
            subnet was created (DurationOfStartCall: 7 days on finney). Signed by the wallet's coldkey.

            Example:
              neuron3d subnet start --netuid 2 --wallet.name owner

            {ChainExitCodes.Help}
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var chain = new ChainOptions().AddTo(command);
        var netuidOption = ChainShared.NetuidOption();
        command.Options.Add(netuidOption);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            var netuid = ChainShared.Netuid(context.ParseResult, netuidOption);
            using var coldkey = ChainShared.LoadColdkey(context, wallet.Resolve(context.ParseResult));
            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            await ChainShared.EnsureSubnetAsync(client, netuid, cancellationToken).ConfigureAwait(false);
            var first = await client.ReadSubtensorAsync("FirstEmissionBlockNumber", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false);
            // FirstEmissionBlockNumber is an OptionQuery: absent (null) until start_call, then the block number.
            if (first is not null && first.Unwrap() is not ScaleVariant { Name: "None" })
                throw new SubtensorStateException($"netuid {netuid} is already started (emission since block " +
                    $"{(first.Unwrap() is ScaleVariant { Name: "Some" } some ? some.Fields[0].Value : first).AsNumber()})");
            var startBlock = await client.GetStartCallBlockAsync(netuid, cancellationToken).ConfigureAwait(false);
            var block = await client.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
            if (block + 1 < startBlock)
                throw new SubtensorStateException($"start_call for netuid {netuid} is allowed from block {startBlock} (now {block}, {startBlock - block} blocks to go)");
            var fee = await ChainShared.EstimateFeeAsync(client, coldkey, m => m.EncodeCall("SubtensorModule", "start_call", netuid), cancellationToken).ConfigureAwait(false);
            context.Confirm($"Start netuid {netuid} (start_call signed by {coldkey.Ss58Address}, fee {(fee is { } f ? Tao.Format(f) + " TAO" : "unknown")})?");

            context.Error.WriteLine("Submitting start_call and waiting for inclusion …");
            var outcome = await client.StartCallAsync(coldkey, netuid, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                var result = ChainShared.Inclusion(outcome);
                result["netuid"] = netuid;
                result["started"] = true;
                context.WriteJson(result);
            }
            else
            {
                context.Out.WriteLine($"start_call done: emission and staking are on for netuid {netuid} (block {outcome.BlockHash}).");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command HyperparametersCommand()
    {
        var command = new Command("hyperparameters", $"""
            The subnet's hyperparameters as the runtime reports them (tempo, rate limits, commit-reveal, burn range …).

            Example:
              neuron3d subnet hyperparameters --netuid 17 --json

            {ChainExitCodes.Help}
            """);
        var chain = new ChainOptions().AddTo(command);
        var netuidOption = ChainShared.NetuidOption();
        command.Options.Add(netuidOption);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            var netuid = ChainShared.Netuid(context.ParseResult, netuidOption);
            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            var fields = await client.GetHyperparametersAsync(netuid, cancellationToken).ConfigureAwait(false)
                ?? throw new SubtensorStateException($"netuid {netuid} does not exist on this chain (see `neuron3d subnet list`)");
            if (context.Json)
            {
                var document = new JsonObject { ["netuid"] = netuid };
                foreach (var field in fields) document[field.Name ?? "value"] = field.Value.ToJson();
                context.WriteJson(document);
                return ExitCodes.Success;
            }
            context.Out.WriteLine($"Hyperparameters of netuid {netuid}:");
            ChainShared.WriteTable(context.Out, ["name", "value"], fields.Select(f => new[] { f.Name ?? "", f.Value.ToString() }).ToList());
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RegisterCommand()
    {
        var command = new Command("register", $"""
            Register the wallet's hotkey on a subnet by burning TAO (burned_register): the coldkey pays the subnet's
            current burn, shown before you confirm. Prints the uid the hotkey got.

            Example:
              neuron3d subnet register --netuid 17 --wallet.name miner --wallet.hotkey default

            {ChainExitCodes.Help}
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var chain = new ChainOptions().AddTo(command);
        var netuidOption = ChainShared.NetuidOption();
        command.Options.Add(netuidOption);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            var netuid = ChainShared.Netuid(context.ParseResult, netuidOption);
            var w = wallet.Resolve(context.ParseResult);
            var hotkey = w.GetHotkeyAddress();
            using var coldkey = ChainShared.LoadColdkey(context, w);
            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            await ChainShared.EnsureSubnetAsync(client, netuid, cancellationToken).ConfigureAwait(false);

            var uid = await client.GetUidAsync(netuid, hotkey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var burn = (await client.ReadSubtensorAsync("Burn", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false))!.AsNumber();
            var already = uid is not null;
            if (already)
            {
                context.Warn($"Hotkey {hotkey} is already registered on netuid {netuid}; nothing to do.");
            }
            else
            {
                await ChainShared.EnsureBalanceAsync(client, coldkey.Ss58Address, burn, "the registration burn", cancellationToken).ConfigureAwait(false);
                context.Confirm($"Register hotkey {hotkey} on netuid {netuid}, burning {Tao.Format(burn)} TAO from {coldkey.Ss58Address}?");
                context.Error.WriteLine("Submitting burned_register and waiting for inclusion …");
                uid = await client.BurnedRegisterAsync(coldkey, netuid, hotkey, cancellationToken).ConfigureAwait(false);
            }

            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["netuid"] = netuid,
                    ["hotkey"] = hotkey,
                    ["uid"] = uid,
                    ["burn"] = Tao.Format(burn),
                    ["burnRao"] = Tao.Json(burn),
                    ["alreadyRegistered"] = already,
                });
                return ExitCodes.Success;
            }
            context.Out.WriteLine(already
                ? $"Hotkey {hotkey} is uid {uid} on netuid {netuid}."
                : $"Registered hotkey {hotkey} on netuid {netuid} as uid {uid} (burned {Tao.Format(burn)} TAO).");
            return ExitCodes.Success;
        });
        return command;
    }
}
