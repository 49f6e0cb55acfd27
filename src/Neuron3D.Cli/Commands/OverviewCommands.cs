using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Commands;

/// <summary><c>neuron3d overview</c>: what a miner watches — each of the wallet's hotkeys on each subnet it is registered on.</summary>
public static class OverviewCommands
{
    /// <summary>The <c>overview</c> command.</summary>
    public static Command Create()
    {
        var command = new Command("overview", $"""
            Every hotkey of the wallet (public files only, no password) on every subnet it is registered on: uid,
            stake (alpha), rank, incentive, emission per tempo (alpha of the last epoch), and the blocks until the
            subnet's next epoch; plus the head block.

            Example:
              neuron3d overview --wallet.name miner --subtensor.network finney

            {ChainExitCodes.Help}
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var chain = new ChainOptions().AddTo(command);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            var w = wallet.Resolve(context.ParseResult);
            var hotkeys = w.ListHotkeys().Select(name => (Name: name, Address: new Wallet(w.Name, name, w.Root).GetHotkeyAddress())).ToList();
            if (hotkeys.Count == 0) throw new KeyfileNotFoundException(Path.Combine(w.Folder, "hotkeys"));

            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            var head = await client.Chain.GetBlockHashAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var metagraphs = new Dictionary<ushort, Metagraph>();
            var epochs = new Dictionary<ushort, ulong>();
            var rows = new List<(string Name, string Hotkey, NeuronInfoLite? Neuron, ulong? NextEpoch)>();
            foreach (var (name, address) in hotkeys)
            {
                var netuids = await client.GetRegisteredNetuidsAsync(address, cancellationToken).ConfigureAwait(false);
                if (netuids.Count == 0) rows.Add((name, address, null, null));
                foreach (var netuid in netuids)
                {
                    if (!metagraphs.TryGetValue(netuid, out var metagraph))
                    {
                        metagraphs[netuid] = metagraph = await client.GetMetagraphAsync(netuid, head, cancellationToken).ConfigureAwait(false);
                        epochs[netuid] = await client.GetNextEpochBlockAsync(netuid, cancellationToken).ConfigureAwait(false);
                    }
                    rows.Add((name, address, metagraph.Neurons.FirstOrDefault(n => n.Hotkey == address), epochs[netuid]));
                }
            }
            var block = (await client.Chain.GetHeaderAsync(head, cancellationToken).ConfigureAwait(false)).Number;

            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["wallet"] = w.Name,
                    ["block"] = block,
                    ["hotkeys"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
                    {
                        ["name"] = r.Name,
                        ["hotkey"] = r.Hotkey,
                        ["netuid"] = r.Neuron?.Netuid,
                        ["uid"] = r.Neuron?.Uid,
                        ["stakeRao"] = r.Neuron is { } n ? Tao.Json(n.StakeRao) : null,
                        ["rank"] = r.Neuron?.Rank,
                        ["incentive"] = r.Neuron?.Incentive,
                        ["emissionPerTempoRao"] = r.Neuron is { } e ? Tao.Json(e.EmissionRao) : null,
                        ["nextEpochBlock"] = r.NextEpoch,
                        ["blocksToNextEpoch"] = r.NextEpoch is { } next ? next > block ? next - block : 0 : null,
                    }).ToArray()),
                });
                return ExitCodes.Success;
            }
            var inv = CultureInfo.InvariantCulture;
            context.Out.WriteLine($"Wallet {w.Name} at block #{block}:");
            ChainShared.WriteTable(context.Out, ["hotkey", "address", "netuid", "uid", "stake α", "rank", "incentive", "emission α/tempo", "next epoch in"],
                rows.Select(r => r.Neuron is { } n
                    ? new[]
                    {
                        r.Name, ChainShared.Short(r.Hotkey), n.Netuid.ToString(inv), n.Uid.ToString(inv), Tao.Format(n.StakeRao), ChainShared.Ratio(n.Rank),
                        ChainShared.Ratio(n.Incentive), Tao.Format(n.EmissionRao), $"{(r.NextEpoch > block ? r.NextEpoch - block : 0)} blocks",
                    }
                    : [r.Name, ChainShared.Short(r.Hotkey), "-", "-", "-", "-", "-", "-", "not registered"]).ToList(),
                new HashSet<int> { 2, 3, 4, 5, 6, 7 });
            return ExitCodes.Success;
        });
        return command;
    }
}
