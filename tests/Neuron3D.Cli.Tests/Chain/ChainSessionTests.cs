using System.Numerics;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Testing;

namespace Neuron3D.Cli.Tests.Chain;

/// <summary>
/// One operator's whole CLI session on the real subtensor runtime (the local chain, spec 293): wallets, funding,
/// a subnet, registration, stake, axons, weights, epochs and the metagraph — each command run exactly as a user would,
/// its output checked against what the chain stores, and the metagraph against @polkadot/api's reading. The failure
/// paths (insufficient balance, unknown netuid, start too early, wrong key, weights too fast) run where they arise.
/// </summary>
[Collection(LocalChainCollection.Name)]
public sealed class ChainSessionTests(LocalChainFixture chain) : IDisposable
{
    private const ulong Tao = 1_000_000_000;
    private readonly TempWallets _wallets = new();

    public void Dispose() => _wallets.Dispose();

    /// <summary>Runs a chain command against the local chain, unattended, with JSON output.</summary>
    private CliResult Cli(int exitCode, string wallet, string hotkey, params string[] args) =>
        CliRun.Expect(exitCode, [.. args, .. _wallets.Args(wallet, hotkey), "--subtensor.chain_endpoint", chain.Endpoint.ToString(), "--no-prompt", "--json"]);

    private CliResult Cli(string wallet, params string[] args) => Cli(ExitCodes.Success, wallet, "default", args);

    /// <summary>Runs a read-only chain command that takes no wallet.</summary>
    private CliResult Read(params string[] args) =>
        CliRun.Expect(ExitCodes.Success, [.. args, "--subtensor.chain_endpoint", chain.Endpoint.ToString(), "--json"]);

    [Fact]
    public async Task A_full_cli_session_creates_a_subnet_and_its_metagraph_follows_the_weights()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var ct = limit.Token;
        await using var client = await SubtensorClient.ConnectAsync(chain.Endpoint, cancellationToken: ct);
        using var alice = Sr25519Keypair.FromUri("//Alice");

        // Wallets as an operator makes them; //Alice (the dev chain's sudo and richest account) regenerated from its URI.
        foreach (var (wallet, hotkey) in new[] { ("owner", "default"), ("validator", "default"), ("miners", "m1") })
            CliRun.Expect(ExitCodes.Success, ["wallet", "create", .. _wallets.Args(wallet, hotkey), "--no-password", "--no-prompt"]);
        CliRun.Expect(ExitCodes.Success, ["wallet", "new-hotkey", .. _wallets.Args("miners", "m2"), "--no-prompt"]);
        CliRun.Expect(ExitCodes.Success, ["wallet", "regen-coldkey", .. _wallets.Args("alice"), "--uri", "//Alice", "--no-password", "--no-prompt"]);
        var owner = Coldkey("owner");
        var validator = Coldkey("validator");
        var miners = Coldkey("miners");
        var ownerHot = Hotkey("owner", "default");
        var validatorHot = Hotkey("validator", "default");
        var (m1, m2) = (Hotkey("miners", "m1"), Hotkey("miners", "m2"));

        // --- Funding: transfers from Alice show the fee the runtime quotes; balances read back exactly.
        var funded = new[] { (owner, 1500UL), (validator, 300UL), (miners, 20UL) };
        foreach (var (address, tao) in funded)
        {
            var transfer = Cli("alice", "transfer", "--dest", address, "--amount", tao.ToString()).Json;
            Assert.Equal(tao * Tao, transfer["amountRao"]!.GetValue<ulong>());
            Assert.True(transfer["estimatedFeeRao"]!.GetValue<ulong>() > 0, "the chain quotes a fee for a transfer");
        }
        var balances = Cli("owner", "balance", "--ss58", owner, "--ss58", validator, "--ss58", miners).Json["accounts"]!.AsArray();
        Assert.Equal(funded.Select(f => f.Item2 * Tao), balances.Select(b => b!["freeRao"]!.GetValue<ulong>()));
        Assert.Equal(funded.Select(f => $"{f.Item2}.000000000"), balances.Select(b => b!["transferable"]!.GetValue<string>()));

        var poor = Cli(ChainExitCodes.InsufficientBalance, "miners", "m1", "transfer", "--dest", owner, "--amount", "50");
        Assert.Contains($"insufficient balance: {miners} has 20.000000000 TAO transferable", poor.Error);

        // --- Subnet: register_network needs the network rate limit off on a fresh chain (sudo, as an operator of a local chain would).
        await client.SudoAsync("sudo_set_network_rate_limit", alice, _ => AdminUtils("sudo_set_network_rate_limit", (ulong)0), ct);
        var lockCost = await client.GetNetworkRegistrationCostAsync(ct);
        var created = Cli("owner", "subnet", "create", "--set-identity", "no").Json;
        var netuid = created["netuid"]!.GetValue<ushort>();
        var n = netuid.ToString();
        Assert.Equal(lockCost, new BigInteger(created["lockCostRao"]!.GetValue<ulong>()));
        Assert.False(created["started"]!.GetValue<bool>());
        Assert.Equal(owner, Ss58.Encode((await client.ReadSubtensorAsync("SubnetOwner", [netuid], cancellationToken: ct))!.AsBytes()));
        Assert.Equal((ushort)0, await client.GetUidAsync(netuid, ownerHot, cancellationToken: ct));

        var unknown = Cli(ChainExitCodes.ChainState, "miners", "m1", "subnet", "register", "--netuid", "999");
        Assert.Contains("netuid 999 does not exist", unknown.Error);
        var early = Cli(ChainExitCodes.ChainState, "owner", "default", "subnet", "start", "--netuid", n);
        Assert.Contains($"allowed from block {created["startCallBlock"]!.GetValue<ulong>()}", early.Error);

        await client.JumpToBlockAsync(created["startCallBlock"]!.GetValue<uint>(), ct);
        var wrongKey = Cli(ChainExitCodes.DispatchFailed, "validator", "default", "subnet", "start", "--netuid", n);
        Assert.Contains("BadOrigin", wrongKey.Error);
        Assert.True(Cli("owner", "subnet", "start", "--netuid", n).Json["started"]!.GetValue<bool>());
        Assert.NotNull(await client.ReadSubtensorAsync("FirstEmissionBlockNumber", [netuid], cancellationToken: ct));
        var again = Cli(ChainExitCodes.ChainState, "owner", "default", "subnet", "start", "--netuid", n);
        Assert.Contains($"netuid {netuid} is already started", again.Error);

        // --- Registration (burn shown and paid), then the subnet as list and hyperparameters show it.
        var burn = (await client.ReadSubtensorAsync("Burn", [netuid], cancellationToken: ct))!.AsNumber();
        var registered = new[] { ("validator", "default", validatorHot), ("miners", "m1", m1), ("miners", "m2", m2) }
            .Select(r => Cli(ExitCodes.Success, r.Item1, r.Item2, "subnet", "register", "--netuid", n).Json).ToList();
        Assert.Equal(new[] { 1, 2, 3 }, registered.Select(r => r["uid"]!.GetValue<int>()));
        Assert.All(registered, r => Assert.Equal(burn, new BigInteger(r["burnRao"]!.GetValue<ulong>())));
        Assert.Equal((ushort)2, await client.GetUidAsync(netuid, m1, cancellationToken: ct));
        Assert.True(Cli(ExitCodes.Success, "miners", "m1", "subnet", "register", "--netuid", n).Json["alreadyRegistered"]!.GetValue<bool>());

        var listed = Read("subnet", "list").Json["subnets"]!.AsArray().Single(s => s!["netuid"]!.GetValue<int>() == netuid)!;
        Assert.Equal(owner, listed["ownerColdkey"]!.GetValue<string>());
        Assert.Equal(4, listed["neurons"]!.GetValue<int>());
        Assert.True(listed["started"]!.GetValue<bool>());
        var hyper = Read("subnet", "hyperparameters", "--netuid", n).Json;
        var tempo = (ulong)(await client.ReadSubtensorAsync("Tempo", [netuid], cancellationToken: ct))!.AsNumber();
        Assert.Equal(tempo, hyper["tempo"]!.GetValue<ulong>());
        Assert.False(hyper["commit_reveal_weights_enabled"]!.GetValue<bool>());
        Assert.Equal((ulong)(await client.ReadSubtensorAsync("WeightsSetRateLimit", [netuid], cancellationToken: ct))!.AsNumber(),
            hyper["weights_rate_limit"]!.GetValue<ulong>());

        // --- Stake: the validator stakes 100 TAO, then unstakes exactly 1 alpha.
        var staked = Cli("validator", "stake", "add", "--netuid", n, "--amount", "100").Json;
        var alpha = staked["stakeAfterRao"]!.GetValue<ulong>();
        Assert.True(alpha > 0);
        Assert.Equal(alpha, (ulong)await client.GetHotkeyAlphaAsync(validatorHot, netuid, cancellationToken: ct));
        var unstaked = Cli("validator", "stake", "remove", "--netuid", n, "--amount", "1").Json;
        var (before, after) = (unstaked["stakeBeforeRao"]!.GetValue<ulong>(), unstaked["stakeAfterRao"]!.GetValue<ulong>());
        // Exactly 1 alpha unless an epoch paid the validator in between.
        Assert.InRange(before - after, Tao - Tao / 100, Tao);
        Assert.Equal(after, (ulong)await client.GetHotkeyAlphaAsync(validatorHot, netuid, cancellationToken: ct));

        // --- Axons on 127.0.0.2 (the chain refuses 127.0.0.1), stored as integers.
        foreach (var (hotkey, port) in new[] { ("m1", 8092), ("m2", 8093) })
        {
            var served = Cli(ExitCodes.Success, "miners", hotkey, "axon", "serve", "--netuid", n, "--axon.ip", "127.0.0.2", "--axon.port", port.ToString()).Json;
            Assert.Equal("2130706434", served["ipInteger"]!.GetValue<string>());
        }
        // A second serve_axon within ServingRateLimit blocks is refused by the pool (nothing included, no fee).
        var refused = Cli(ChainExitCodes.Rejected, "miners", "m1", "axon", "serve", "--netuid", n, "--axon.ip", "127.0.0.3", "--axon.port", "8094");
        Assert.True(refused.Error.Contains("serve_axon was refused by the node: ServingRateLimitExceeded (custom 12)"), refused.ToString());
        var axon = await client.GetAxonAsync(netuid, m2, ct);
        Assert.Equal(((UInt128)0x7f000002, (ushort)8093, (byte)4), (axon!.Ip, axon.Port, axon.IpType));

        // --- Weights: past the rate limit (100 blocks after registration) at an epoch that grants the validator its permit.
        var head = await client.GetBlockNumberAsync(ct);
        await client.JumpToBlockAsync((uint)EpochSchedule.NextEpochBlock(head + 100, netuid, tempo), ct);
        var set = Cli("validator", "weights", "set", "--netuid", n, "--uids", "2,3", "--weights", "2,1").Json;
        Assert.Equal("set", set["kind"]!.GetValue<string>());
        Assert.Equal(new ushort[] { 2, 3 }, await WeightsOf(client, netuid, 1, ct, w => w.Uid));
        Assert.Equal(new ushort[] { 65535, 32768 }, await WeightsOf(client, netuid, 1, ct, w => w.Value));
        var tooFast = Cli(ChainExitCodes.DispatchFailed, "validator", "default", "weights", "set", "--netuid", n, "--uids", "2,3", "--weights", "2,1");
        Assert.Contains("SubtensorModule.SettingWeightsTooFast", tooFast.Error);
        Assert.Contains("may set weights on netuid", tooFast.Error);

        // --- One epoch later the miners are paid by the weights; the metagraph shows it, as @polkadot/api does.
        head = await client.GetBlockNumberAsync(ct);
        await client.JumpToBlockAsync((uint)EpochSchedule.NextEpochBlock(head, netuid, tempo), ct);
        var metagraph = Read("metagraph", "--netuid", n).Json;
        var neurons = metagraph["neurons"]!.AsArray().Select(x => x!).ToList();
        Assert.Equal(new[] { 0, 1, 2, 3 }, neurons.Select(x => x["uid"]!.GetValue<int>()));
        Assert.Equal(new[] { ownerHot, validatorHot, m1, m2 }, neurons.Select(x => x["hotkey"]!.GetValue<string>()));
        Assert.Equal(new[] { owner, validator, miners, miners }, neurons.Select(x => x["coldkey"]!.GetValue<string>()));
        var incentiveRatio = neurons[2]["incentive"]!.GetValue<double>() / neurons[3]["incentive"]!.GetValue<double>();
        Assert.InRange(incentiveRatio, 1.98, 2.02);
        var emissionRatio = neurons[2]["emissionRao"]!.GetValue<double>() / neurons[3]["emissionRao"]!.GetValue<double>();
        Assert.InRange(emissionRatio, 1.98, 2.02);
        Assert.True(neurons[1]["validatorPermit"]!.GetValue<bool>());
        Assert.True(neurons[1]["dividends"]!.GetValue<int>() > 0);
        Assert.Equal("127.0.0.2", neurons[2]["axon"]!["ip"]!.GetValue<string>());
        Assert.Equal(8093, neurons[3]["axon"]!["port"]!.GetValue<int>());

        var peer = NodePeer.Run("metagraph-peer.mjs", new { endpoint = chain.Endpoint.ToString(), netuid, blockHash = metagraph["blockHash"]!.GetValue<string>() },
            TimeSpan.FromMinutes(3));
        var peerNeurons = peer["neurons"]!.AsArray().Select(x => x!).OrderBy(x => x["uid"]!.GetValue<int>()).ToList();
        Assert.Equal(neurons.Count, peerNeurons.Count);
        string[] fields = ["uid", "hotkey", "coldkey", "active", "stakeRao", "rank", "trust", "consensus", "incentive", "dividends", "validatorTrust",
            "emissionRao", "validatorPermit", "lastUpdate", "pruningScore"];
        foreach (var (ours, theirs) in neurons.Zip(peerNeurons))
        {
            foreach (var field in fields) Assert.Equal(Text(theirs[field]), Text(ours[field]));
            foreach (var field in new[] { "ip", "port", "ipType", "protocol", "version", "block" })
                Assert.Equal(Text(theirs["axon"]![field]), Text(ours["axon"]![field]));
        }
        var storage = peer["storage"]!;
        string[] vectors = ["rank", "trust", "consensus", "incentive", "dividends", "validatorPermit", "lastUpdate"];
        foreach (var vector in vectors)
            Assert.Equal(storage[vector]!.AsArray().Select(Text), neurons.Select(x => Text(x[vector])));
        Assert.Equal(storage["emission"]!.AsArray().Select(Text), neurons.Select(x => Text(x["emissionRao"])));
        Assert.Equal(Text(peer["totalHotkeyAlpha"]![validatorHot]), Text(neurons[1]["stakeRao"]));

        var table = CliRun.Expect(ExitCodes.Success, "metagraph", "--netuid", n, "--subtensor.chain_endpoint", chain.Endpoint.ToString());
        Assert.Contains("127.0.0.2:8092", table.Out);
        Assert.Contains(Commands.ChainShared.Ratio(neurons[2]["incentive"]!.GetValue<ushort>()), table.Out);

        // --- Overview: the miners' wallet sees both hotkeys with the metagraph's numbers and the next epoch.
        var overview = Cli("miners", "overview").Json;
        var rows = overview["hotkeys"]!.AsArray().Select(x => x!).ToList();
        Assert.Equal(new[] { "m1", "m2" }, rows.Select(r => r["name"]!.GetValue<string>()));
        Assert.Equal(new[] { 2, 3 }, rows.Select(r => r["uid"]!.GetValue<int>()));
        Assert.All(rows, r => Assert.Equal(netuid, r["netuid"]!.GetValue<ushort>()));
        Assert.Equal(neurons.Skip(2).Select(x => Text(x["incentive"])), rows.Select(r => Text(r["incentive"])));
        Assert.All(rows, r => Assert.InRange(r["blocksToNextEpoch"]!.GetValue<ulong>(), 0UL, tempo + 1));

        // --- Commit-reveal on: `weights set` commits and keeps the reveal; `reveal` refuses before the window, --wait gets there.
        await client.SudoAsync("sudo_set_commit_reveal_weights_enabled", alice, _ => AdminUtils("sudo_set_commit_reveal_weights_enabled", netuid, true), ct);
        await client.SudoAsync("sudo_set_weights_set_rate_limit", alice, _ => AdminUtils("sudo_set_weights_set_rate_limit", netuid, (ulong)0), ct);
        var committed = Cli("validator", "weights", "set", "--netuid", n, "--uids", "2,3", "--weights", "1,3").Json;
        Assert.Equal("committed", committed["kind"]!.GetValue<string>());
        Assert.True(File.Exists(committed["commitFile"]!.GetValue<string>()));
        var notYet = Cli(ChainExitCodes.ChainState, "validator", "default", "weights", "reveal", "--netuid", n);
        Assert.Contains($"can be revealed from block {committed["firstRevealBlock"]!.GetValue<ulong>()}", notYet.Error);
        var revealed = Cli("validator", "weights", "reveal", "--netuid", n, "--wait").Json;
        Assert.Equal(committed["commitBlock"]!.GetValue<ulong>(), revealed["revealed"]![0]!["commitBlock"]!.GetValue<ulong>());
        Assert.False(File.Exists(committed["commitFile"]!.GetValue<string>()));
        Assert.Equal(new ushort[] { 21845, 65535 }, await WeightsOf(client, netuid, 1, ct, w => w.Value));
    }

    private string Coldkey(string wallet) => new Bittensor.Wallets.Wallet(wallet, "default", _wallets.Root).GetColdkeyAddress();

    private string Hotkey(string wallet, string hotkey) => new Bittensor.Wallets.Wallet(wallet, hotkey, _wallets.Root).GetHotkeyAddress();

    private static ScaleValue AdminUtils(string call, params ScaleValue[] arguments) => ScaleValue.Variant("AdminUtils", ScaleValue.Variant(call, arguments));

    private static async Task<List<ushort>> WeightsOf(SubtensorClient client, ushort netuid, ushort uid, CancellationToken ct,
        Func<(ushort Uid, ushort Value), ushort> select) => (await client.GetWeightsAsync(netuid, uid, cancellationToken: ct)).Select(select).ToList();

    /// <summary>A JSON value as text, so that a number and its decimal string compare equal.</summary>
    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "null";
}
