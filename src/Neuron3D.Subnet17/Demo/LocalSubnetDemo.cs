using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Neuron3D.Bittensor.Axon;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Chain.Extrinsics;
using Neuron3D.Bittensor.Chain.Rpc;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Generation;
using Neuron3D.Generation.Backends;
using Neuron3D.Subnet17.Miner;
using Neuron3D.Subnet17.Miner.Generators;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Subnet17.Validator.Tasks;

namespace Neuron3D.Subnet17.Demo;

/// <summary>
/// The whole Subnet 17 life cycle on a development chain (chopsticks running the real subtensor runtime, //Alice
/// sudo): fresh wallets, funding, a new subnet with a short tempo and commit-reveal off, registrations, stake, the
/// validator's axon, one validator and three different miners in this process, weights from the validator's scores,
/// and epochs built block by block — then the metagraph read back from chain. The order of the chain steps and the
/// sudo calls follow ../shared/localchain/lifecycle.mjs, which proves them on the same runtime.
/// </summary>
public sealed class LocalSubnetDemo
{
    private const double RaoPerTao = 1e9;
    private static readonly string[] WalletNames = ["owner", "validator", "miner-full", "miner-weak", "miner-skip"];

    private readonly LocalSubnetDemoOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly Stopwatch _clock = new();
    private readonly Dictionary<int, DemoRole> _roles = [];
    private readonly Dictionary<int, int[]> _tallies = [];

    /// <param name="options">Settings; validated here.</param>
    /// <param name="loggers">Logs of the neurons (null: none; the demo reports through <see cref="Progress"/>).</param>
    /// <exception cref="DemoOptionsException">A setting is unusable.</exception>
    public LocalSubnetDemo(LocalSubnetDemoOptions options, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _loggers = loggers ?? NullLoggerFactory.Instance;
    }

    /// <summary>Every step, submission, weight setting and epoch, as it happens (raised from worker threads).</summary>
    public event Action<DemoEvent>? Progress;

    /// <summary>
    /// Runs the demo against the development chain at <paramref name="endpoint"/> and returns the summary read back from
    /// chain. With <see cref="LocalSubnetDemoOptions.KeepRunning"/> it goes on after the configured epochs until
    /// <paramref name="cancellationToken"/> fires and then returns the summary; otherwise cancellation throws.
    /// </summary>
    /// <exception cref="DemoChainException">The chain is not a development chain, or a step was refused.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the summary (without KeepRunning).</exception>
    public async Task<DemoSummary> RunAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _clock.Restart();
        Directory.CreateDirectory(_options.Folder);
        // Instant mode: each extrinsic gets its own block at once, so no client guesses when to ask for one (under
        // load a guess builds two blocks per extrinsic). Epochs are still built on request.
        var clientOptions = new SubtensorClientOptions { BuildDevBlocks = false, InclusionTimeout = TimeSpan.FromMinutes(3) };
        await using var client = await SubtensorClient.ConnectAsync(endpoint, clientOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.Chain.Rpc.RequestAsync("dev_setBlockBuildMode", ["Instant"], cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw new DemoChainException($"{endpoint} is not a development chain ({e.Message}): the demo builds its own blocks and needs //Alice as sudo; run it without --subtensor.chain_endpoint to start the local chain", e);
        }
        Step($"chain {endpoint}: {client.RuntimeVersion.SpecName} spec {client.RuntimeVersion.SpecVersion}, head #{await client.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false)}");

        var keys = CreateWallets();
        try
        {
            var netuid = await SetUpSubnetAsync(client, keys, cancellationToken).ConfigureAwait(false);
            return await RunNeuronsAsync(client, endpoint, netuid, keys, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var pair in keys.Values)
            {
                pair.Cold.Dispose();
                pair.Hot.Dispose();
            }
        }
    }

    private void Step(string message) => Progress?.Invoke(new DemoStepEvent(_clock.Elapsed, message));

    /// <summary>Fresh unencrypted wallets in btcli's layout (a demo on a throwaway chain; never use them for real funds).</summary>
    private Dictionary<string, (Sr25519Keypair Cold, Sr25519Keypair Hot)> CreateWallets()
    {
        var root = Path.Combine(_options.Folder, "wallets");
        var keys = new Dictionary<string, (Sr25519Keypair, Sr25519Keypair)>();
        foreach (var name in WalletNames)
        {
            var wallet = new Wallet(name, "default", root);
            wallet.CreateNewColdkey(password: null);
            wallet.CreateNewHotkey(password: null);
            keys[name] = (wallet.GetColdkey(), wallet.GetHotkey());
        }
        Step($"wallets created (unencrypted, demo only) in {Path.GetFullPath(root)}: {string.Join(", ", WalletNames)}");
        return keys;
    }

    private async Task<ushort> SetUpSubnetAsync(SubtensorClient client, IReadOnlyDictionary<string, (Sr25519Keypair Cold, Sr25519Keypair Hot)> keys,
        CancellationToken cancellationToken)
    {
        using var alice = Sr25519Keypair.FromUri("//Alice");
        var lockCost = await client.GetNetworkRegistrationCostAsync(cancellationToken).ConfigureAwait(false);
        var fund = Rao(_options.FundTao);
        var transfers = WalletNames.Select(name => (ScaleValue)ScaleValue.Variant("Balances", ScaleValue.Variant("transfer_keep_alive",
            ScaleValue.Variant("Id", keys[name].Cold.PublicKey), name switch
            {
                "owner" => (ulong)lockCost + fund,
                "validator" => Rao(_options.StakeTao) + fund,
                _ => fund,
            }))).ToArray();
        await Chain("fund coldkeys", () => client.SubmitAsync("fund coldkeys", alice, m => m.EncodeCall("Utility", "batch_all", ScaleValue.Sequence(transfers)), cancellationToken)).ConfigureAwait(false);
        Step($"funded {WalletNames.Length} coldkeys from //Alice (owner {lockCost / (BigInteger)RaoPerTao} TAO lock + {_options.FundTao} TAO each)");

        // The genesis network rate limit (7200 blocks since block 0) would refuse register_network.
        await Sudo(client, alice, cancellationToken, Admin("sudo_set_network_rate_limit", (ulong)0)).ConfigureAwait(false);
        var netuid = await Chain("register_network", () => client.RegisterNetworkAsync(keys["owner"].Cold, keys["owner"].Hot.Ss58Address, cancellationToken)).ConfigureAwait(false);
        _roles[0] = DemoRole.Owner;
        Step($"subnet {netuid} registered by the owner (lock {lockCost / (BigInteger)RaoPerTao} TAO)");

        await Sudo(client, alice, cancellationToken,
            Admin("sudo_set_tempo", netuid, _options.Tempo),
            Admin("sudo_set_commit_reveal_weights_enabled", netuid, false),
            Admin("sudo_set_weights_set_rate_limit", netuid, (ulong)0),
            Admin("sudo_set_max_registrations_per_block", netuid, (ushort)16),
            Admin("sudo_set_target_registrations_per_interval", netuid, (ushort)16)).ConfigureAwait(false);
        Step($"subnet {netuid}: tempo {_options.Tempo}, commit-reveal off, weights rate limit 0, 16 registrations per block (sudo)");

        var startCallBlock = await client.GetStartCallBlockAsync(netuid, cancellationToken).ConfigureAwait(false);
        var head = await client.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        // DurationOfStartCall blocks must pass after registration; one block with a forced number crosses the wait.
        if (head < startCallBlock) await client.JumpToBlockAsync((uint)startCallBlock, cancellationToken).ConfigureAwait(false);
        await Chain("start_call", () => client.StartCallAsync(keys["owner"].Cold, netuid, cancellationToken)).ConfigureAwait(false);
        Step($"start_call after jumping to block {startCallBlock}: emission and staking are on");

        // Different coldkeys, so the registrations can share a block.
        var registered = await Task.WhenAll(WalletNames.Skip(1).Select(name =>
            Chain($"burned_register {name}", () => client.BurnedRegisterAsync(keys[name].Cold, netuid, keys[name].Hot.Ss58Address, cancellationToken)))).ConfigureAwait(false);
        foreach (var (name, uid) in WalletNames.Skip(1).Zip(registered)) _roles[uid] = RoleOf(name);
        Step("registered (burned_register): " + string.Join(", ", WalletNames.Skip(1).Zip(registered).Select(p => $"{p.First} uid {p.Second}")));

        await Chain("add_stake", () => client.AddStakeAsync(keys["validator"].Cold, keys["validator"].Hot.Ss58Address, netuid, Rao(_options.StakeTao), cancellationToken)).ConfigureAwait(false);
        Step($"validator staked {_options.StakeTao} TAO");
        return netuid;
    }

    private async Task<DemoSummary> RunNeuronsAsync(SubtensorClient client, Uri endpoint, ushort netuid,
        IReadOnlyDictionary<string, (Sr25519Keypair Cold, Sr25519Keypair Hot)> keys, CancellationToken cancellationToken)
    {
        await using var metagraph = new ChainMetagraphSource(client, netuid);
        var validatorKey = keys["validator"].Hot;
        var validatorUid = _roles.Single(r => r.Value == DemoRole.Validator).Key;

        // The validator: SN17 rules with short cooldowns, the structural scorer, previews of what it was sent.
        var stateFolder = Directory.CreateDirectory(Path.Combine(_options.Folder, "validator")).FullName;
        using var store = new ValidatorStateStore(Path.Combine(stateFolder, "state.db"));
        await using var previews = new PreviewRecorder(new StructuralScorer(), Path.Combine(_options.Folder, "previews"), _options.PreviewsPerMiner, _options.PreviewSize);
        var cooldown = (int)Math.Ceiling(_options.TaskCooldown.TotalSeconds);
        // SN17's 30 s validation lock outlasts the demo's short cooldown: a miner back within it would only hear
        // "locked" and redo the same task, so the lock is scaled down with the cooldown.
        var rules = new ValidatorRules
        {
            TaskCooldown = cooldown, CooldownPenalty = cooldown, ThrottlePeriod = Math.Max(1, cooldown / 4), ValidationLockDuration = Math.Max(1, cooldown / 2),
        };
        var validator = new ValidatorNeuron(validatorKey, metagraph, PromptTaskSource.Bundled(_options.PromptSeed), previews, store,
            new ValidatorOptions { Rules = rules, OwnerHotkey = keys["owner"].Hot.Ss58Address }, log: _loggers.CreateLogger("Neuron3D.Demo.Validator"));
        validator.Submission += record => OnSubmission(record, previews);
        await validator.SyncAsync(cancellationToken).ConfigureAwait(false);

        await using var axon = validator.CreateAxon(new AxonOptions { BindIp = _options.AxonIp, Port = _options.AxonPort }, _loggers);
        await axon.StartAsync(cancellationToken).ConfigureAwait(false);
        await Chain("serve_axon", () => client.ServeAxonAsync(validatorKey, netuid, AxonInfo.Create(_options.AxonIp, axon.Port), cancellationToken)).ConfigureAwait(false);
        Step($"validator axon serving on {_options.AxonIp}:{axon.Port} (published with serve_axon)");

        // The permit is computed at an epoch from stake; weights to others are refused without it.
        await BuildToEpochAsync(client, netuid, cancellationToken).ConfigureAwait(false);
        var permitted = await client.GetMetagraphAsync(netuid, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!permitted.Neurons.Single(n => n.Uid == validatorUid).ValidatorPermit)
            throw new DemoChainException($"the validator (uid {validatorUid}) got no validator permit at the epoch in block {permitted.Block}");
        Step($"epoch at block {permitted.Block}: the validator holds a validator permit");

        using var stopMiners = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var miners = StartMiners(keys, metagraph, stopMiners.Token);
        try
        {
            await WaitForFirstResultAsync(validator, cancellationToken).ConfigureAwait(false);
            var before = await client.GetMetagraphAsync(netuid, cancellationToken: cancellationToken).ConfigureAwait(false);
            var stakeBefore = before.Neurons.ToDictionary(n => n.Uid, n => n.StakeRao);
            // One attempt per epoch, right before its blocks; the chain's weights rate limit is 0 and so is ours.
            await validator.SyncAsync(cancellationToken).ConfigureAwait(false);
            var weights = new WeightsPublisher(new SubtensorWeightsChain(client, validatorKey, netuid), () => validator.ProposeWeights(minOwnStake: 0),
                new WeightsPublisherOptions { MinBlocksBetweenSets = 0 }, log: _loggers.CreateLogger("Neuron3D.Demo.Weights"));

            var epochsRun = 0;
            for (var epoch = 1; epoch <= _options.Epochs || _options.KeepRunning; epoch++)
            {
                try
                {
                    if (epoch > 1) await Task.Delay(_options.EpochInterval, cancellationToken).ConfigureAwait(false);
                    await RunEpochAsync(client, weights, netuid, epoch, stakeBefore, cancellationToken).ConfigureAwait(false);
                    epochsRun = epoch;
                }
                catch (OperationCanceledException) when (_options.KeepRunning && cancellationToken.IsCancellationRequested && epoch > _options.Epochs)
                {
                    break;
                }
            }

            await stopMiners.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(miners.Runs).ConfigureAwait(false);
            using var readTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var final = await client.GetMetagraphAsync(netuid, cancellationToken: readTimeout.Token).ConfigureAwait(false);
            var files = await previews.CompleteAsync().ConfigureAwait(false);
            return Summarize(endpoint, netuid, final, stakeBefore, files, epochsRun);
        }
        finally
        {
            await stopMiners.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(miners.Runs.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            foreach (var disposable in miners.Owned) disposable.Dispose();
        }
    }

    private (List<Task> Runs, List<IDisposable> Owned) StartMiners(IReadOnlyDictionary<string, (Sr25519Keypair Cold, Sr25519Keypair Hot)> keys,
        ChainMetagraphSource metagraph, CancellationToken stop)
    {
        var runs = new List<Task>();
        var owned = new List<IDisposable>();
        var common = new MinerOptions
        {
            MinValidatorStake = 1,
            OwnerHotkey = null,
            IdleDelay = TimeSpan.FromSeconds(1),
            FailedValidatorDelay = TimeSpan.FromSeconds(5),
            SyncInterval = TimeSpan.FromSeconds(30),
            ShutdownGrace = TimeSpan.FromSeconds(2),
            GenerationTimeout = TimeSpan.FromMinutes(2),
        };
        foreach (var name in WalletNames.Skip(2))
        {
            var full = new BackendGenerator(new ProceduralBackend(ProceduralGenerator.Default, common.GenerationTimeout));
            IMinerGenerator generator = name switch
            {
                "miner-full" => full,
                "miner-weak" => new SplatBudgetGenerator(full, _options.UnderBudgetSplats),
                _ => new DecliningGenerator(),
            };
            // The weak miner submits without the self-check, as a careless miner would; the others check first.
            var options = name == "miner-weak" ? common with { SelfCheck = null } : common;
            var folder = Directory.CreateDirectory(Path.Combine(_options.Folder, "miners", name)).FullName;
            var journal = new MinerJournal(Path.Combine(folder, "journal.db"));
            var dendrite = new Dendrite(new Sr25519SynapseSigner(keys[name].Hot));
            owned.Add(journal);
            owned.Add(dendrite);
            var neuron = new MinerNeuron(dendrite, keys[name].Hot, metagraph, journal, options, log: _loggers.CreateLogger($"Neuron3D.Demo.{name}"));
            runs.Add(Task.Run(() => neuron.RunAsync([generator], stop), CancellationToken.None));
        }
        Step("miners running: miner-full (built-in generator), miner-weak (" + _options.UnderBudgetSplats + " splats, no self-check), miner-skip (declines every task)");
        return (runs, owned);
    }

    private void OnSubmission(SubmissionRecord record, PreviewRecorder previews)
    {
        var role = _roles.GetValueOrDefault(record.Uid, DemoRole.Owner);
        var verdict = record.Outcome is { } outcome ? Verdict(outcome) : Verdict(record.Stage);
        lock (_tallies)
        {
            var tally = _tallies.TryGetValue(record.Uid, out var t) ? t : _tallies[record.Uid] = new int[4];
            tally[record.Outcome switch
            {
                SubmitOutcome.Accepted => 0,
                SubmitOutcome.Rejected => 1,
                null when record.Stage == SubmitStage.Skipped => 2,
                _ => 3,
            }]++;
        }
        previews.OnSubmission(record, Label(role));
        Progress?.Invoke(new DemoSubmissionEvent(_clock.Elapsed, record.Uid, role, verdict, record.Score, record.Notes));
    }

    private static string Verdict(SubmitOutcome outcome) => outcome switch
    {
        SubmitOutcome.Accepted => "accepted",
        SubmitOutcome.Rejected => "rejected",
        SubmitOutcome.TooSoon => "too soon",
        _ => "validation failed",
    };

    private static string Verdict(SubmitStage stage) => stage switch
    {
        SubmitStage.Skipped => "skipped",
        SubmitStage.BadSignature => "bad signature",
        SubmitStage.Locked => "locked",
        _ => "wrong task",
    };

    private async Task WaitForFirstResultAsync(ValidatorNeuron validator, CancellationToken cancellationToken)
    {
        var fullUid = _roles.Single(r => r.Value == DemoRole.FullQualityMiner).Key;
        Step($"waiting for the first accepted result of miner-full (uid {fullUid}) before weights (up to {_options.FirstResultTimeout.TotalSeconds:F0} s)");
        var deadline = _clock.Elapsed + _options.FirstResultTimeout;
        while (_clock.Elapsed < deadline)
        {
            var rewards = validator.Rewards();
            if (fullUid < rewards.Length && rewards[fullUid] > RankWeights.MinReward) return;
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }
        Step($"miner-full has no accepted result after {_options.FirstResultTimeout.TotalSeconds:F0} s; epochs run with whatever the validator has");
    }

    private async Task RunEpochAsync(SubtensorClient client, WeightsPublisher weights, ushort netuid, int epoch,
        IReadOnlyDictionary<ushort, BigInteger> stakeBefore, CancellationToken cancellationToken)
    {
        var attempt = await weights.TryPublishAsync(cancellationToken).ConfigureAwait(false);
        switch (attempt.Outcome)
        {
            case WeightsOutcome.Set:
                Progress?.Invoke(new DemoWeightsEvent(_clock.Elapsed, epoch, (uint)attempt.Block!.Value, attempt.Uids, attempt.Values));
                break;
            case WeightsOutcome.Skipped:
                Step($"no weights this epoch: {attempt.Message}");
                break;
            default:
                throw new DemoChainException($"set_weights failed: {attempt.Message}");
        }
        await BuildToEpochAsync(client, netuid, cancellationToken).ConfigureAwait(false);
        var metagraph = await client.GetMetagraphAsync(netuid, cancellationToken: cancellationToken).ConfigureAwait(false);
        Progress?.Invoke(new DemoEpochEvent(_clock.Elapsed, epoch, metagraph.Block, Rows(metagraph, stakeBefore)));
    }

    /// <summary>Builds blocks up to and including the next block that runs the subnet's epoch (at most tempo + 1 blocks).</summary>
    private static async Task BuildToEpochAsync(SubtensorClient client, ushort netuid, CancellationToken cancellationToken)
    {
        var head = await client.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        var tempo = (ulong)(await client.ReadSubtensorAsync("Tempo", [netuid], cancellationToken: cancellationToken).ConfigureAwait(false))!.AsNumber();
        var epochBlock = EpochSchedule.NextEpochBlock(head, netuid, tempo);
        await client.BuildBlocksAsync((int)(epochBlock - head), cancellationToken).ConfigureAwait(false);
    }

    private List<DemoNeuron> Rows(Metagraph metagraph, IReadOnlyDictionary<ushort, BigInteger> stakeBefore)
    {
        Dictionary<int, int[]> tallies;
        lock (_tallies) tallies = _tallies.ToDictionary(p => p.Key, p => (int[])p.Value.Clone());
        return metagraph.Neurons.Select(n => new DemoNeuron(n.Uid, _roles.GetValueOrDefault(n.Uid, DemoRole.Owner), n.Hotkey,
            Alpha(n.StakeRao), NeuronInfoLite.Fraction(n.Incentive), NeuronInfoLite.Fraction(n.Dividends), Alpha(n.EmissionRao),
            Alpha(n.StakeRao - stakeBefore.GetValueOrDefault(n.Uid)), n.ValidatorPermit,
            tallies.TryGetValue(n.Uid, out var t) ? new DemoTally(t[0], t[1], t[2], t[3]) : DemoTally.None)).ToList();
    }

    private DemoSummary Summarize(Uri endpoint, ushort netuid, Metagraph final, IReadOnlyDictionary<ushort, BigInteger> stakeBefore, IReadOnlyList<string> previews,
        int epochsRun)
    {
        var rows = Rows(final, stakeBefore);
        var full = rows.Single(r => r.Role == DemoRole.FullQualityMiner);
        var weaker = rows.Where(r => r.Role is DemoRole.UnderBudgetMiner or DemoRole.SkippingMiner).ToList();
        var better = weaker.All(w => full.Incentive > w.Incentive && full.EmissionAlpha > w.EmissionAlpha);
        var numbers = string.Join("; ", new[] { full }.Concat(weaker).Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{Label(r.Role)} (uid {r.Uid}) incentive {r.Incentive:F3}, emission {r.EmissionAlpha:F4} α, earned {r.EarnedAlpha:F4} α")));
        var verdict = better
            ? $"read from chain at block {final.Block}: the full-quality miner earns more than the weaker ones — {numbers}"
            : $"read from chain at block {final.Block}: the full-quality miner does NOT out-earn every weaker miner — {numbers}";
        return new DemoSummary(endpoint, netuid, final.Block, _options.Tempo, epochsRun, rows, previews, Path.GetFullPath(_options.Folder),
            _clock.Elapsed, better, verdict);
    }

    /// <summary>The short name of a role, as the wallets are named.</summary>
    public static string Label(DemoRole role) => role switch
    {
        DemoRole.Owner => "owner",
        DemoRole.Validator => "validator",
        DemoRole.FullQualityMiner => "miner-full",
        DemoRole.UnderBudgetMiner => "miner-weak",
        _ => "miner-skip",
    };

    private static DemoRole RoleOf(string wallet) => wallet switch
    {
        "validator" => DemoRole.Validator,
        "miner-full" => DemoRole.FullQualityMiner,
        "miner-weak" => DemoRole.UnderBudgetMiner,
        "miner-skip" => DemoRole.SkippingMiner,
        _ => DemoRole.Owner,
    };

    private static ulong Rao(double tao) => (ulong)Math.Round(tao * RaoPerTao);

    private static double Alpha(BigInteger rao) => (double)rao / RaoPerTao;

    private static (string Name, ScaleValue Call) Admin(string call, params ScaleValue[] arguments) =>
        (call, ScaleValue.Variant("AdminUtils", ScaleValue.Variant(call, arguments)));

    /// <summary>One <c>Sudo.sudo</c> of the calls (in a <c>Utility.batch_all</c> when several: one block, all or nothing).</summary>
    private static Task Sudo(SubtensorClient client, Sr25519Keypair alice, CancellationToken cancellationToken, params (string Name, ScaleValue Call)[] calls)
    {
        var names = string.Join(" + ", calls.Select(c => c.Name));
        var call = calls.Length == 1 ? calls[0].Call : ScaleValue.Variant("Utility", ScaleValue.Variant("batch_all", ScaleValue.Sequence(calls.Select(c => c.Call).ToArray())));
        return Chain($"sudo {names}", () => client.SudoAsync(names, alice, _ => call, cancellationToken));
    }

    /// <summary>Runs one chain step; a refusal becomes a <see cref="DemoChainException"/> that names the step.</summary>
    private static async Task<T> Chain<T>(string step, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is ChainDispatchException or ExtrinsicRejectedException or InclusionTimeoutException or SubtensorStateException)
        {
            throw new DemoChainException($"{step} failed: {e.Message}", e);
        }
    }
}
