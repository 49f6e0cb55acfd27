using System.CommandLine;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Localnet;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Commands;

/// <summary>
/// <c>neuron3d localnet …</c>: a local subtensor chain (the real runtime run by chopsticks, ../shared/localchain) for
/// development and demos — start, stop, status, and moving it forward by blocks or to a subnet's next epoch.
/// </summary>
public static class LocalnetCommands
{
    /// <summary>The chain could not be started: Node.js or the localchain folder missing, port in use, install failed, not ready in time.</summary>
    public const int CannotStartExitCode = 12;

    /// <summary>No chain answers on the port (status of a stopped chain; advance without a chain).</summary>
    public const int NotRunningExitCode = 13;

    private const string ExitCodesHelp = """
        Exit codes: 0 done (status: a chain answers); 1 the command line did not parse; 2 a bad option value or
        combination (also an unknown --netuid); 12 the chain cannot start (Node.js or the localchain folder missing,
        port in use, npm install failed, not ready in time); 13 no chain answers on the port; 10 anything unexpected.
        """;

    private const string BlockModesHelp = """
        Block modes: instant (default) builds a block for every accepted extrinsic at once, so btcli, polkadot.js or
        `neuron3d miner` see their extrinsics included with no extra step; but no extrinsic, no block: block height and
        chain time stand still until something is submitted or `neuron3d localnet advance` builds blocks.
        manual builds blocks only when asked (advance, or the dev_newBlock RPC): deterministic, for tests.
        batch packs the extrinsics that arrive close together into one block.
        """;

    /// <summary>The <c>localnet</c> command group.</summary>
    public static Command Create()
    {
        var localnet = new Command("localnet", $"""
            A local Bittensor chain for development and demos: the real subtensor runtime (spec 293, fast-blocks build:
            tempo 10, //Alice is sudo and rich) run by chopsticks on 127.0.0.1, from the localchain folder beside the
            repository (../shared/localchain, or $NEURON3D_LOCALCHAIN). Needs Node.js ≥ 20; the first start installs
            its npm packages (about 1.5 min). It keeps running after `start` returns, until `stop`.

            {BlockModesHelp}

            Examples:
              neuron3d localnet start                      # ws://127.0.0.1:9944 = btcli's and neuron3d's "local" network
              neuron3d localnet status --json
              neuron3d localnet advance --epoch --netuid 1
              neuron3d localnet stop
            """);
        localnet.Subcommands.Add(StartCommand());
        localnet.Subcommands.Add(StopCommand());
        localnet.Subcommands.Add(StatusCommand());
        localnet.Subcommands.Add(AdvanceCommand());
        return localnet;
    }

    private static Option<int> PortOption() => new("--port")
    {
        Description = "TCP port on 127.0.0.1 (WebSocket and HTTP JSON-RPC).",
        DefaultValueFactory = _ => LocalChainOptions.DefaultPort,
        HelpName = "port",
    };

    private static Command StartCommand()
    {
        var command = new Command("start", $"""
            Start a fresh chain (genesis; blocks are kept in memory only) and return once its RPC answers; it keeps
            running in the background. The localchain folder is copied to a writable work folder (artifacts/localchain
            in the repository, else ~/.neuron3d/localchain), where npm installs its packages on first use and the
            chain's pid and log files go (run/chopsticks-PORT.*).

            {BlockModesHelp}

            Examples:
              neuron3d localnet start
              neuron3d localnet start --port 9946 --block-mode manual --json
              neuron3d localnet start --localchain.path ~/src/shared/localchain

            {ExitCodesHelp}
            """);
        var port = PortOption();
        var mode = new Option<string>("--block-mode")
        {
            Description = "When blocks are built: instant, manual or batch (see above).",
            DefaultValueFactory = _ => "instant",
            HelpName = "mode",
        };
        mode.AcceptOnlyFromAmong("instant", "manual", "batch");
        var path = new Option<string>("--localchain.path")
        {
            Description = $"The localchain folder to run (start.sh, chain spec). Default: ${LocalChainPaths.SourceVariable}, else shared/localchain beside the repository.",
            HelpName = "folder",
        };
        command.Options.Add(port);
        command.Options.Add(mode);
        command.Options.Add(path);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var chain = CreateChain(pr.GetValue(port), pr.GetValue(path), Enum.Parse<BlockBuildMode>(pr.GetValue(mode)!, ignoreCase: true));
            return RunAsync(context, async ct =>
            {
                var progress = new LineProgress(context.Error);
                var status = await chain.StartAsync(progress, ct).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(StatusJson(status));
                    return ExitCodes.Success;
                }
                context.Out.WriteLine($"Local chain running: {EndpointText(status)} (pid {status.Pid}, spec {status.SpecVersion}, head block {status.HeadBlock}, {Describe(chain.BlockMode)})");
                context.Out.WriteLine($"Work folder {status.WorkDirectory}; log {status.LogFile}");
                context.Out.WriteLine($"Stop it with: neuron3d localnet stop --port {status.Port}");
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command StopCommand()
    {
        var command = new Command("stop", $"""
            Stop the chain that `neuron3d localnet start` started on the port (by its recorded pid). Stopping a port
            with no chain is not an error. A node on the port that was started some other way is left alone.

            Examples:
              neuron3d localnet stop
              neuron3d localnet stop --port 9946

            {ExitCodesHelp}
            """);
        var port = PortOption();
        command.Options.Add(port);
        command.SetBody(context =>
        {
            var chain = CreateChain(context.ParseResult.GetValue(port), null, BlockBuildMode.Manual);
            return RunAsync(context, async ct =>
            {
                var pid = (await chain.GetStatusAsync(ct).ConfigureAwait(false)).Pid;
                var stopped = await chain.StopAsync(ct).ConfigureAwait(false);
                if (context.Json)
                    context.WriteJson(new JsonObject { ["port"] = chain.Port, ["stopped"] = stopped, ["pid"] = stopped ? pid : null });
                else
                    context.Out.WriteLine(stopped ? $"Stopped the local chain on port {chain.Port} (pid {pid})." : $"No local chain was running on port {chain.Port}.");
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static Command StatusCommand()
    {
        var command = new Command("status", $"""
            Show whether a chain runs on the port: the recorded process, whether its RPC answers, the head block,
            the runtime's spec version and the block mode it was started with. Exit 0 when a chain answers, 13 when not.

            Examples:
              neuron3d localnet status
              neuron3d localnet status --port 9946 --json

            {ExitCodesHelp}
            """);
        var port = PortOption();
        command.Options.Add(port);
        command.SetBody(context =>
        {
            var chain = CreateChain(context.ParseResult.GetValue(port), null, BlockBuildMode.Manual);
            return RunAsync(context, async ct =>
            {
                var status = await chain.GetStatusAsync(ct).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(StatusJson(status));
                }
                else if (status.IsRunning)
                {
                    var owner = status.ProcessAlive ? $"pid {status.Pid}" : "not started by neuron3d localnet";
                    var mode = status.BlockMode is { } m ? $", {Describe(m)}" : "";
                    context.Out.WriteLine($"{EndpointText(status)}: running ({owner}), head block {status.HeadBlock}, spec {status.SpecVersion}{mode}");
                }
                else
                {
                    context.Out.WriteLine(status.ProcessAlive
                        ? $"{EndpointText(status)}: not answering, although pid {status.Pid} runs (starting, or hung: see {status.LogFile})"
                        : $"{EndpointText(status)}: not running");
                }
                return status.IsRunning ? ExitCodes.Success : NotRunningExitCode;
            });
        });
        return command;
    }

    private static Command AdvanceCommand()
    {
        var command = new Command("advance", $"""
            Move the chain forward: build N empty blocks (about 0.5 s each), build up to a block number, or jump to
            the next block in which a subnet runs its epoch (one block, numbered so that
            (block + netuid + 1) % (tempo + 1) == tempo; the tempo is read from the chain). Works in every block mode.
            Emission accrues per block built, so a jump pays one block's worth.

            Examples:
              neuron3d localnet advance --blocks 10
              neuron3d localnet advance --to 500
              neuron3d localnet advance --epoch --netuid 1 --json

            {ExitCodesHelp}
            """);
        var port = PortOption();
        var blocks = new Option<int?>("--blocks") { Description = "Build this many blocks.", HelpName = "n" };
        var to = new Option<uint?>("--to") { Description = "Build blocks until the head is this block number.", HelpName = "height" };
        var epoch = new Option<bool>("--epoch") { Description = "Jump to the next epoch block of --netuid." };
        var netuid = new Option<ushort?>("--netuid") { Description = "The subnet whose epoch --epoch jumps to.", HelpName = "netuid" };
        var tempo = new Option<ushort?>("--tempo") { Description = "The subnet's tempo, instead of reading it from the chain (with --epoch).", HelpName = "blocks" };
        foreach (var option in new Option[] { port, blocks, to, epoch, netuid, tempo }) command.Options.Add(option);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var count = pr.GetValue(blocks);
            var height = pr.GetValue(to);
            var toEpoch = pr.GetValue(epoch);
            var subnet = pr.GetValue(netuid);
            var givenTempo = pr.GetValue(tempo);
            if ((count is not null ? 1 : 0) + (height is not null ? 1 : 0) + (toEpoch ? 1 : 0) != 1)
                throw new CliUsageException("give exactly one of --blocks N, --to HEIGHT or --epoch --netuid N");
            if (count is < 1) throw new CliUsageException("--blocks must be 1 or more");
            if (toEpoch && subnet is null) throw new CliUsageException("--epoch needs --netuid N (the subnet whose epoch to reach)");
            if (!toEpoch && (subnet is not null || givenTempo is not null)) throw new CliUsageException("--netuid and --tempo go with --epoch");
            if (givenTempo == 0) throw new CliUsageException("--tempo 0 never runs an epoch; give 1 or more");
            var chain = CreateChain(pr.GetValue(port), null, BlockBuildMode.Manual);
            return RunAsync(context, async ct =>
            {
                var progress = new HeadProgress(context.Error);
                var result = new JsonObject();
                uint head;
                if (toEpoch)
                {
                    var jump = await chain.JumpToNextEpochAsync(subnet!.Value, givenTempo, ct).ConfigureAwait(false);
                    head = jump.Block;
                    result["netuid"] = jump.Netuid;
                    result["tempo"] = jump.Tempo;
                    result["epochBlock"] = jump.Block;
                }
                else if (count is { } n)
                {
                    head = await chain.BuildBlocksAsync(n, progress, ct).ConfigureAwait(false);
                }
                else
                {
                    try
                    {
                        head = await chain.BuildToHeightAsync(height!.Value, progress, ct).ConfigureAwait(false);
                    }
                    catch (ArgumentOutOfRangeException e)
                    {
                        throw new CliUsageException($"--to {height}: {e.Message.Split(" (Parameter", 2)[0]}");
                    }
                }
                result["head"] = head;
                if (context.Json) context.WriteJson(result);
                else if (toEpoch) context.Out.WriteLine($"Built block {head}: subnet {subnet} ran its epoch (tempo {result["tempo"]}).");
                else context.Out.WriteLine($"Head is now block {head}.");
                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static LocalChain CreateChain(int port, string? sourcePath, BlockBuildMode mode)
    {
        if (port is < 1 or > 65535) throw new CliUsageException($"--port {port} is not a TCP port (1–65535)");
        return new LocalChain(new LocalChainOptions { Port = port, SourceDirectory = sourcePath, BlockMode = mode });
    }

    /// <summary>
    /// Runs <paramref name="body"/> with Ctrl+C wired to its token (a start that is cancelled stops what it began) and
    /// turns the launcher's failures into this group's exit codes; other failures go to the common error policy.
    /// </summary>
    private static int RunAsync(CliContext context, Func<CancellationToken, Task<int>> body)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return body(stop.Token).GetAwaiter().GetResult();
        }
        catch (LocalChainException e)
        {
            var code = e switch
            {
                LocalChainNotRunningException => NotRunningExitCode,
                LocalChainSubnetException => ExitCodes.BadInput,
                _ => CannotStartExitCode,
            };
            context.Error.WriteLine($"error: {e.Message}");
            if (context.Debug) context.Error.WriteLine(e.ToString());
            return code;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw new CliCancelledException("Cancelled; nothing was left running.");
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static JsonObject StatusJson(LocalChainStatus status) => new()
    {
        ["endpoint"] = EndpointText(status),
        ["port"] = status.Port,
        ["running"] = status.IsRunning,
        ["pid"] = status.Pid,
        ["processAlive"] = status.ProcessAlive,
        ["head"] = status.HeadBlock,
        ["specVersion"] = status.SpecVersion,
        ["blockMode"] = status.BlockMode?.ToString().ToLowerInvariant(),
        ["workDirectory"] = status.WorkDirectory,
        ["log"] = status.LogFile,
    };

    private static string EndpointText(LocalChainStatus status) => status.Endpoint.ToString().TrimEnd('/');

    private static string Describe(BlockBuildMode mode) => mode switch
    {
        BlockBuildMode.Instant => "instant blocks: one per extrinsic",
        BlockBuildMode.Manual => "manual blocks: only on `advance`",
        _ => "batch blocks",
    };

    /// <summary>Start-up progress, one line each on stderr (stdout stays clean for --json).</summary>
    private sealed class LineProgress(TextWriter error) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (error) error.WriteLine(value);
        }
    }

    /// <summary>The head after each batch of blocks, on stderr.</summary>
    private sealed class HeadProgress(TextWriter error) : IProgress<uint>
    {
        public void Report(uint value)
        {
            lock (error) error.WriteLine($"head: block {value}");
        }
    }
}
