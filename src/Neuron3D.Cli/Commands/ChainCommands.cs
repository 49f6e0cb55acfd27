using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Commands;

/// <summary><c>neuron3d metagraph</c>: every neuron of a subnet, read through the runtime's <c>get_neurons_lite</c>.</summary>
public static class ChainCommands
{
    /// <summary>The <c>metagraph</c> command.</summary>
    public static Command CreateMetagraph()
    {
        var command = new Command("metagraph", $"""
            The subnet's metagraph at the head block: uid, hotkey, coldkey, stake (alpha), rank, trust, consensus,
            incentive, dividends (fractions of 1), emission of the last epoch (alpha), validator permit, last update
            and axon. --json prints every field with the chain's raw values (u16 ratios, rao).

            Examples:
              neuron3d metagraph --netuid 17 --subtensor.network finney
              neuron3d metagraph --netuid 2 --subtensor.network local --json

            {ChainExitCodes.Help}
            """);
        var chain = new ChainOptions().AddTo(command);
        var netuidOption = ChainShared.NetuidOption();
        command.Options.Add(netuidOption);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            var netuid = ChainShared.Netuid(context.ParseResult, netuidOption);
            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            var metagraph = await client.GetMetagraphAsync(netuid, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(ToJson(metagraph));
                return ExitCodes.Success;
            }
            var inv = CultureInfo.InvariantCulture;
            context.Out.WriteLine($"Metagraph of netuid {netuid} at block #{metagraph.Block} ({metagraph.Neurons.Count} neurons):");
            ChainShared.WriteTable(context.Out,
                ["uid", "hotkey", "coldkey", "stake α", "rank", "trust", "consensus", "incentive", "dividends", "emission α", "vpermit", "updated", "axon"],
                metagraph.Neurons.Select(n => new[]
                {
                    n.Uid.ToString(inv), ChainShared.Short(n.Hotkey), ChainShared.Short(n.Coldkey), Tao.Format(n.StakeRao),
                    ChainShared.Ratio(n.Rank), ChainShared.Ratio(n.Trust), ChainShared.Ratio(n.Consensus), ChainShared.Ratio(n.Incentive),
                    ChainShared.Ratio(n.Dividends), Tao.Format(n.EmissionRao), n.ValidatorPermit ? "yes" : "no", n.LastUpdate.ToString(inv),
                    n.AxonAddress is { } address ? $"{address}:{n.Axon.Port}" : "-",
                }).ToList(), new HashSet<int> { 0, 3, 4, 5, 6, 7, 8, 9, 11 });
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The metagraph as <c>--json</c> prints it: raw chain values (u16 ratios, rao) per neuron.</summary>
    public static JsonObject ToJson(Metagraph metagraph) => new()
    {
        ["netuid"] = metagraph.Netuid,
        ["block"] = metagraph.Block,
        ["blockHash"] = metagraph.BlockHash,
        ["neurons"] = new JsonArray(metagraph.Neurons.Select(n => (JsonNode)new JsonObject
        {
            ["uid"] = n.Uid,
            ["hotkey"] = n.Hotkey,
            ["coldkey"] = n.Coldkey,
            ["active"] = n.Active,
            ["stakeRao"] = Tao.Json(n.StakeRao),
            ["rank"] = n.Rank,
            ["trust"] = n.Trust,
            ["consensus"] = n.Consensus,
            ["incentive"] = n.Incentive,
            ["dividends"] = n.Dividends,
            ["validatorTrust"] = n.ValidatorTrust,
            ["emissionRao"] = Tao.Json(n.EmissionRao),
            ["validatorPermit"] = n.ValidatorPermit,
            ["lastUpdate"] = n.LastUpdate,
            ["pruningScore"] = n.PruningScore,
            ["axon"] = new JsonObject
            {
                ["ip"] = n.AxonAddress,
                ["port"] = n.Axon.Port,
                ["ipType"] = n.Axon.IpType,
                ["protocol"] = n.Axon.Protocol,
                ["version"] = n.Axon.Version,
                ["block"] = n.AxonBlock,
            },
        }).ToArray()),
    };
}
