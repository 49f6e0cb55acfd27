using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Chain.Extrinsics;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Bittensor.Weights;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Commands;

/// <summary>
/// <c>neuron3d weights set|reveal</c>: set weights with the SDK's normalisation; on subnets with commit-reveal, commit
/// them, keep what the reveal needs under the wallet folder, and reveal it in its window.
/// </summary>
public static class WeightsCommands
{
    /// <summary>How often <c>weights reveal --wait</c> looks at the chain head.</summary>
    private static readonly TimeSpan WaitPoll = TimeSpan.FromSeconds(2);

    /// <summary>The <c>weights</c> command group.</summary>
    public static Command Create()
    {
        var weights = new Command("weights", """
            Validator weights. `set` normalises like the Python SDK (by the largest weight, to u16 with banker's
            rounding) and sends set_weights; when the subnet has commit-reveal on it sends commit_weights instead and
            keeps the reveal data in <wallet>/weight_commits/<hotkey>/ until `reveal` sends it in its window.

            Examples:
              neuron3d weights set --netuid 2 --uids 2,3 --weights 2,1 --wallet.name validator
              neuron3d weights reveal --netuid 2 --wallet.name validator --wait
            """);
        weights.Subcommands.Add(SetCommand());
        weights.Subcommands.Add(RevealCommand());
        return weights;
    }

    /// <summary>The folder that holds the wallet hotkey's unrevealed commits.</summary>
    public static string CommitFolder(Wallet wallet) => Path.Combine(wallet.Folder, "weight_commits", wallet.HotkeyName);

    private static Command SetCommand()
    {
        var command = new Command("set", $"""
            Set the wallet hotkey's weights on --netuid: --uids and --weights are comma-separated lists of the same
            length; weights are relative (normalised by the largest). With commit-reveal on, the weights are committed
            and `neuron3d weights reveal` must follow in the reveal window printed here.

            Example:
              neuron3d weights set --netuid 2 --uids 2,3 --weights 0.66,0.33 --wallet.name validator

            {ChainExitCodes.Help}
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var chain = new ChainOptions().AddTo(command);
        var netuidOption = ChainShared.NetuidOption();
        var uidsOption = new Option<string>("--uids") { Description = "Destination uids, comma-separated (e.g. 1,2).", Required = true, HelpName = "list" };
        var weightsOption = new Option<string>("--weights") { Description = "Weights, comma-separated, one per uid (e.g. 0.5,0.5).", Required = true, HelpName = "list" };
        command.Options.Add(netuidOption);
        command.Options.Add(uidsOption);
        command.Options.Add(weightsOption);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            var pr = context.ParseResult;
            var netuid = ChainShared.Netuid(pr, netuidOption);
            var uids = ParseList(pr.GetValue(uidsOption)!, "--uids", text => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
            var raw = ParseList(pr.GetValue(weightsOption)!, "--weights", text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
            if (uids.Length != raw.Length) throw new CliUsageException($"--uids has {uids.Length} entries but --weights has {raw.Length}");
            if (uids.Distinct().Count() != uids.Length) throw new CliUsageException("--uids names a uid twice");
            (ushort[] Uids, ushort[] Values) emit;
            try
            {
                emit = WeightNormalization.ToEmit(uids, raw);
            }
            catch (ArgumentException e)
            {
                throw new CliUsageException($"--uids/--weights: {e.Message}");
            }
            if (emit.Uids.Length == 0) throw new CliUsageException("--weights are all zero (or vanish when normalised): nothing to set");

            var w = wallet.Resolve(pr);
            using var hotkey = ChainShared.LoadHotkey(context, w);
            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            await ChainShared.EnsureSubnetAsync(client, netuid, cancellationToken).ConfigureAwait(false);
            var uid = await client.GetUidAsync(netuid, hotkey.Ss58Address, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new SubtensorStateException($"hotkey {hotkey.Ss58Address} is not registered on netuid {netuid}: run `neuron3d subnet register --netuid {netuid}` first");
            var commitReveal = await client.IsCommitRevealEnabledAsync(netuid, cancellationToken).ConfigureAwait(false);
            context.Confirm($"{(commitReveal ? "Commit" : "Set")} weights of uid {uid} on netuid {netuid}: " +
                            string.Join(", ", emit.Uids.Zip(emit.Values, (u, v) => $"{u}→{v}")) + " (u16)?");

            context.Error.WriteLine($"Submitting {(commitReveal ? "commit_weights" : "set_weights")} and waiting for inclusion …");
            WeightsSubmission submission;
            try
            {
                submission = await client.SetWeightsAsync(hotkey, netuid, emit.Uids, emit.Values, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ChainDispatchException e) when (e.ModuleError?.Name == "SettingWeightsTooFast")
            {
                var wait = await client.GetBlocksUntilWeightsAllowedAsync(netuid, uid, cancellationToken).ConfigureAwait(false);
                context.Warn($"hint: uid {uid} may set weights on netuid {netuid} again in {wait} blocks (WeightsSetRateLimit).");
                throw;
            }

            string? stored = null;
            if (submission.PendingReveal is { } pending)
            {
                stored = Store(w, pending);
            }
            if (context.Json)
            {
                var result = new JsonObject
                {
                    ["netuid"] = netuid,
                    ["uid"] = uid,
                    ["hotkey"] = hotkey.Ss58Address,
                    ["kind"] = submission.Kind.ToString().ToLowerInvariant(),
                    ["blockHash"] = submission.BlockHash,
                    ["uids"] = new JsonArray(submission.Uids.Select(u => (JsonNode)u).ToArray()),
                    ["weights"] = new JsonArray(submission.Values.Select(v => (JsonNode)v).ToArray()),
                };
                if (submission.PendingReveal is { } p)
                {
                    result["commitBlock"] = p.CommitBlock;
                    result["firstRevealBlock"] = p.FirstRevealBlock;
                    result["lastRevealBlock"] = p.LastRevealBlock;
                    result["commitFile"] = stored;
                }
                context.WriteJson(result);
                return ExitCodes.Success;
            }
            if (submission.PendingReveal is { } reveal)
            {
                context.Out.WriteLine($"Committed weights of uid {uid} on netuid {netuid} in block {reveal.CommitBlock} (commit-reveal is on).");
                context.Out.WriteLine($"Reveal between blocks {reveal.FirstRevealBlock} and {reveal.LastRevealBlock}: " +
                                      $"`neuron3d weights reveal --netuid {netuid}` (add --wait to wait for the window). Kept in {stored}.");
            }
            else
            {
                context.Out.WriteLine($"Set weights of uid {uid} on netuid {netuid}: " +
                                      string.Join(", ", submission.Uids.Zip(submission.Values, (u, v) => $"{u}→{v}")) + $" (block {submission.BlockHash}).");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command RevealCommand()
    {
        var command = new Command("reveal", $"""
            Reveal the wallet hotkey's stored weight commits on --netuid whose reveal window is open. Commits whose
            window has passed are dropped (the chain discards them; set weights again). --wait waits for windows that
            have not opened yet, printing progress.

            Example:
              neuron3d weights reveal --netuid 2 --wallet.name validator --wait

            {ChainExitCodes.Help}
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var chain = new ChainOptions().AddTo(command);
        var netuidOption = ChainShared.NetuidOption();
        var waitOption = new Option<bool>("--wait") { Description = "Wait for reveal windows that have not opened yet." };
        command.Options.Add(netuidOption);
        command.Options.Add(waitOption);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            var pr = context.ParseResult;
            var netuid = ChainShared.Netuid(pr, netuidOption);
            var w = wallet.Resolve(pr);
            using var hotkey = ChainShared.LoadHotkey(context, w);
            var commits = Load(w, hotkey.Ss58Address, netuid);
            if (commits.Count == 0)
                throw new SubtensorStateException($"no stored weight commits of hotkey {hotkey.Ss58Address} on netuid {netuid} (in {CommitFolder(w)})");

            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            var revealed = new JsonArray();
            var waiting = new JsonArray();
            var expired = new JsonArray();
            foreach (var (file, pending) in commits)
            {
                var block = await client.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
                // A reveal submitted now lands in the next block.
                if (block + 1 > pending.LastRevealBlock)
                {
                    context.Warn($"The commit of block {pending.CommitBlock} expired at block {pending.LastRevealBlock} (now {block}); dropped — set weights again.");
                    File.Delete(file);
                    expired.Add(Describe(pending));
                    continue;
                }
                if (block + 1 < pending.FirstRevealBlock)
                {
                    if (!pr.GetValue(waitOption))
                    {
                        context.Warn($"The commit of block {pending.CommitBlock} can be revealed from block {pending.FirstRevealBlock} " +
                                     $"(now {block}, {pending.FirstRevealBlock - block - 1} blocks to go); run again then, or with --wait.");
                        waiting.Add(Describe(pending));
                        continue;
                    }
                    await WaitForBlockAsync(context, client, pending.FirstRevealBlock - 1, cancellationToken).ConfigureAwait(false);
                }
                context.Error.WriteLine($"Submitting reveal_weights for the commit of block {pending.CommitBlock} …");
                var submission = await client.RevealWeightsAsync(hotkey, pending, cancellationToken).ConfigureAwait(false);
                File.Delete(file);
                var entry = Describe(pending);
                entry["blockHash"] = submission.BlockHash;
                revealed.Add(entry);
                if (!context.Json)
                    context.Out.WriteLine($"Revealed weights " + string.Join(", ", pending.Uids.Zip(pending.Values, (u, v) => $"{u}→{v}")) +
                                          $" (committed in block {pending.CommitBlock}) in block {submission.BlockHash}.");
            }

            if (revealed.Count == 0)
                throw new SubtensorStateException(waiting.Count > 0
                    ? $"nothing revealed: no reveal window of netuid {netuid} is open yet"
                    : $"nothing revealed: every stored commit on netuid {netuid} had expired");
            if (context.Json)
                context.WriteJson(new JsonObject { ["netuid"] = netuid, ["hotkey"] = hotkey.Ss58Address, ["revealed"] = revealed, ["waiting"] = waiting, ["expired"] = expired });
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Waits until the head is <paramref name="target"/>, printing progress; on a development chain it builds the blocks.</summary>
    private static async Task WaitForBlockAsync(CliContext context, SubtensorClient client, ulong target, CancellationToken cancellationToken)
    {
        var last = 0UL;
        while (true)
        {
            var block = await client.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
            if (block >= target) return;
            if (block != last) context.Error.WriteLine($"Waiting for the reveal window: block {block}, {target + 1 - block} blocks to go …");
            last = block;
            if (client.BuildsDevBlocks) await client.BuildBlocksAsync(1, cancellationToken).ConfigureAwait(false);
            else await Task.Delay(WaitPoll, cancellationToken).ConfigureAwait(false);
        }
    }

    private static JsonObject Describe(PendingReveal pending) => new()
    {
        ["commitBlock"] = pending.CommitBlock,
        ["firstRevealBlock"] = pending.FirstRevealBlock,
        ["lastRevealBlock"] = pending.LastRevealBlock,
        ["uids"] = new JsonArray(pending.Uids.Select(u => (JsonNode)u).ToArray()),
        ["weights"] = new JsonArray(pending.Values.Select(v => (JsonNode)v).ToArray()),
    };

    /// <summary>Writes the reveal data (owner-only: whoever has the salt can reveal early elsewhere) and returns its path.</summary>
    private static string Store(Wallet wallet, PendingReveal pending)
    {
        var folder = CommitFolder(wallet);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"netuid{pending.Netuid}-block{pending.CommitBlock}.json");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, options))
            JsonSerializer.Serialize(stream, pending, new JsonSerializerOptions { WriteIndented = true });
        return path;
    }

    /// <summary>The stored commits of <paramref name="hotkey"/> on <paramref name="netuid"/>, oldest first.</summary>
    /// <exception cref="CliUsageException">A stored file is not a commit (it is named so the user can remove it).</exception>
    private static List<(string File, PendingReveal Pending)> Load(Wallet wallet, string hotkey, ushort netuid)
    {
        var folder = CommitFolder(wallet);
        if (!Directory.Exists(folder)) return [];
        var commits = new List<(string, PendingReveal)>();
        foreach (var file in Directory.EnumerateFiles(folder, $"netuid{netuid}-block*.json"))
        {
            PendingReveal? pending;
            try
            {
                pending = JsonSerializer.Deserialize<PendingReveal>(File.ReadAllText(file));
            }
            catch (JsonException e)
            {
                throw new CliUsageException($"{file} is not a stored weight commit ({e.Message}); move it away");
            }
            if (pending is null || pending.Uids is null || pending.Values is null || pending.Salt is null)
                throw new CliUsageException($"{file} is not a stored weight commit (fields missing); move it away");
            if (pending.Hotkey == hotkey && pending.Netuid == netuid) commits.Add((file, pending));
        }
        return commits.OrderBy(c => c.Item2.CommitBlock).ToList();
    }

    private static T[] ParseList<T>(string text, string option, Func<string, T> parse)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new T[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            try
            {
                values[i] = parse(parts[i]);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new CliUsageException($"{option}: '{parts[i]}' (entry {i + 1}) is not a number");
            }
        }
        return values;
    }
}
