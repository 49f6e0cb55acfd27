using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Neuron3D.Bittensor.Axon;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Axon.Synapses;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Commands;

/// <summary>
/// <c>neuron3d axon …</c>: operator diagnostics for the synapse protocol — a signed call to any axon, and an echo
/// axon to check reachability and signatures from other machines.
/// </summary>
public static class AxonCommands
{
    /// <summary>The <c>axon</c> command group.</summary>
    public static Command Create()
    {
        var axon = new Command("axon", "Publish an axon on chain, or diagnose the synapse protocol: call any axon, serve an echo axon.");
        axon.Subcommands.Add(ServeCommand());
        axon.Subcommands.Add(CallCommand());
        axon.Subcommands.Add(ServeEchoCommand());
        return axon;
    }

    private static Command ServeCommand()
    {
        var command = new Command("serve", $"""
            Publish where this neuron's axon can be reached (serve_axon): the wallet's hotkey signs (no fee), and it
            must be registered on --netuid. Give the address other machines use; the chain refuses 127.0.0.1 and ::1
            (on a local chain use another loopback address such as 127.0.0.2).

            Example:
              neuron3d axon serve --netuid 17 --axon.ip 203.0.113.7 --axon.port 8091 --wallet.name miner

            {ChainExitCodes.Help}
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var chain = new ChainOptions().AddTo(command);
        var netuidOption = ChainShared.NetuidOption();
        var ip = new Option<string>("--axon.ip", "--axon.external_ip") { Description = "Public IPv4 or IPv6 address of the axon.", Required = true, HelpName = "ip" };
        var port = new Option<int>("--axon.port", "--axon.external_port") { Description = "Public TCP port of the axon.", Required = true, HelpName = "port" };
        command.Options.Add(netuidOption);
        command.Options.Add(ip);
        command.Options.Add(port);
        command.SetChainBody(async (context, cancellationToken) =>
        {
            var pr = context.ParseResult;
            var netuid = ChainShared.Netuid(pr, netuidOption);
            var ipText = pr.GetValue(ip)!;
            var info = AxonInfo.Create(ipText, pr.GetValue(port));
            if ((info.IpType == 4 && info.Ip == 0x7f000001) || (info.IpType == 6 && info.Ip == 1))
                throw new CliUsageException($"--axon.ip {ipText}: the chain refuses 127.0.0.1 and ::1; publish the address other machines " +
                                            "reach (on a local chain another loopback address such as 127.0.0.2 works)");
            var w = wallet.Resolve(pr);
            using var hotkey = ChainShared.LoadHotkey(context, w);
            await using var client = await chain.ConnectAsync(context, cancellationToken).ConfigureAwait(false);
            await ChainShared.EnsureSubnetAsync(client, netuid, cancellationToken).ConfigureAwait(false);
            var uid = await client.GetUidAsync(netuid, hotkey.Ss58Address, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new SubtensorStateException($"hotkey {hotkey.Ss58Address} is not registered on netuid {netuid}: run `neuron3d subnet register --netuid {netuid}` first");
            var address = AxonInfo.IntegerToIp(info.Ip, info.IpType);
            context.Confirm($"Publish axon {address}:{info.Port} for hotkey {hotkey.Ss58Address} (uid {uid}) on netuid {netuid}?");

            context.Error.WriteLine("Submitting serve_axon and waiting for inclusion …");
            var outcome = await client.ServeAxonAsync(hotkey, netuid, info, cancellationToken).ConfigureAwait(false);
            var published = await client.GetAxonAsync(netuid, hotkey.Ss58Address, cancellationToken).ConfigureAwait(false)
                ?? throw new SubtensorStateException($"serve_axon was included in block {outcome.BlockHash} but no axon is stored for {hotkey.Ss58Address}");
            if (context.Json)
            {
                var result = ChainShared.Inclusion(outcome);
                result["netuid"] = netuid;
                result["uid"] = uid;
                result["hotkey"] = hotkey.Ss58Address;
                result["ip"] = AxonInfo.IntegerToIp(published.Ip, published.IpType).ToString();
                result["ipInteger"] = published.Ip.ToString(CultureInfo.InvariantCulture);
                result["ipType"] = published.IpType;
                result["port"] = published.Port;
                result["protocol"] = published.Protocol;
                result["version"] = published.Version;
                context.WriteJson(result);
            }
            else
            {
                context.Out.WriteLine($"Axon {AxonInfo.IntegerToIp(published.Ip, published.IpType)}:{published.Port} published for uid {uid} on netuid {netuid} " +
                                      $"(ip integer {published.Ip}, version {published.Version}).");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CallCommand()
    {
        var command = new Command("call", """
            Send one signed synapse to an axon and print the status, timings and answer. The request is signed with
            the selected wallet's hotkey for the axon's hotkey (--axon-hotkey); without it the axon's hotkey is taken
            from its first refusal when it reports one (Neuron3D axons do), then the call is signed again.

            Examples:
              neuron3d axon call 203.0.113.7:8091 Synapse --axon-hotkey 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty
              neuron3d axon call 203.0.113.7:8091 PullTask --wallet.name miner --json
              neuron3d axon call 127.0.0.1:8091 Echo --body '{"text": "hello"}'
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var endpoint = new Argument<string>("IP:PORT") { Description = "The axon's address ([v6]:PORT for IPv6)." };
        var name = new Argument<string>("NAME") { Description = "Synapse name (the Python class name), e.g. Synapse, PullTask, Echo." };
        var body = new Option<string>("--body") { Description = "The synapse's own fields as a JSON object.", HelpName = "json" };
        var axonHotkey = new Option<string>("--axon-hotkey") { Description = "SS58 hotkey of the axon (as registered on chain).", HelpName = "ss58" };
        var timeout = new Option<double>("--timeout") { Description = "Call timeout in seconds.", DefaultValueFactory = _ => 12.0, HelpName = "seconds" };
        command.Arguments.Add(endpoint);
        command.Arguments.Add(name);
        command.Options.Add(body);
        command.Options.Add(axonHotkey);
        command.Options.Add(timeout);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var synapse = new GenericSynapse(pr.GetValue(name)!) { Fields = ParseFields(pr.GetValue(body)) };
            var callTimeout = pr.GetValue(timeout);
            if (!(callTimeout > 0)) throw new CliUsageException("--timeout must be a positive number of seconds");
            var w = wallet.Resolve(pr);
            var password = Passwords.ForExistingKeyfile(context, w.HotkeyFile, "hotkey");
            using var keypair = w.GetHotkey(password);
            using var dendrite = new Dendrite(new Sr25519SynapseSigner(keypair));
            var target = AxonTarget.Parse(pr.GetValue(endpoint)!, pr.GetValue(axonHotkey) ?? "");

            var answer = dendrite.CallAsync(target, synapse, TimeSpan.FromSeconds(callTimeout)).GetAwaiter().GetResult();
            if (pr.GetValue(axonHotkey) is null && answer.Dendrite.StatusCode == 401
                && answer.Axon.Hotkey is { Length: > 0 } discovered && discovered != target.Hotkey)
            {
                context.Warn($"The axon verifies for hotkey {discovered}; signing for it and calling again.");
                target = target with { Hotkey = discovered };
                answer = dendrite.CallAsync(target, synapse, TimeSpan.FromSeconds(callTimeout)).GetAwaiter().GetResult();
            }
            Report(context, target, answer);
            return answer.Dendrite.StatusCode == 200 ? ExitCodes.Success : ExitCodes.Negative;
        });
        return command;
    }

    private static Dictionary<string, JsonElement> ParseFields(string? json)
    {
        if (json is null) return [];
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)
                ?? throw new CliUsageException("--body must be a JSON object, not null");
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"--body is not a JSON object: {e.Message}");
        }
    }

    private static void Report(CliContext context, AxonTarget target, GenericSynapse answer)
    {
        var response = JsonNode.Parse(SynapseJson.Serialize(answer))!;
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["axon"] = $"{target.Ip}:{target.Port}",
                ["axonHotkey"] = target.Hotkey,
                ["status"] = answer.Dendrite.StatusCode,
                ["message"] = answer.Dendrite.StatusMessage,
                ["seconds"] = answer.Dendrite.ProcessTime,
                ["axonSeconds"] = answer.Axon.ProcessTime,
                ["response"] = response,
            });
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        context.Out.WriteLine($"{answer.Dendrite.StatusCode} {answer.Dendrite.StatusMessage}");
        context.Out.WriteLine(string.Create(inv, $"round trip {answer.Dendrite.ProcessTime * 1000:F1} ms") +
            (answer.Axon.ProcessTime is { } axonSeconds ? string.Create(inv, $", axon {axonSeconds * 1000:F1} ms") : ""));
        context.Out.WriteLine(response.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static Command ServeEchoCommand()
    {
        var command = new Command("serve-echo", """
            Run an axon with the Synapse ping and an Echo synapse that answers with its input, to check from another
            machine that this one is reachable and that signatures verify. It verifies against the selected wallet's
            hotkey (public file only; no password needed) and admits every caller — for diagnostics, not production.
            Stops on Ctrl+C (or after --stop-after seconds).

            Examples:
              neuron3d axon serve-echo --port 8091 --wallet.name miner
              # elsewhere: neuron3d axon call <this-ip>:8091 Echo --body '{"text": "hi"}' --axon-hotkey <hotkey>
            """);
        var wallet = new BittensorOptions().AddTo(command);
        var port = new Option<int>("--port", "--axon.port") { Description = "TCP port to listen on.", DefaultValueFactory = _ => SynapseProtocol.DefaultAxonPort };
        var ip = new Option<string>("--axon.ip") { Description = "Address to listen on.", DefaultValueFactory = _ => "0.0.0.0" };
        var externalIp = new Option<string>("--axon.external_ip") { Description = "Public IP this axon would publish on chain (shown at start).", HelpName = "ip" };
        var externalPort = new Option<int?>("--axon.external_port") { Description = "Public port this axon would publish (default: the bound port).", HelpName = "port" };
        var workers = new Option<int>("--axon.max_workers") { Description = "Handlers running at once.", DefaultValueFactory = _ => 32 };
        var allowUnsigned = new Option<bool>("--allow-unsigned") { Description = "Also answer requests without a signature." };
        var stopAfter = new Option<double?>("--stop-after") { Description = "Stop after this many seconds (for scripted checks).", HelpName = "seconds" };
        command.Options.Add(port);
        command.Options.Add(ip);
        command.Options.Add(externalIp);
        command.Options.Add(externalPort);
        command.Options.Add(workers);
        command.Options.Add(allowUnsigned);
        command.Options.Add(stopAfter);
        command.SetBody(context =>
        {
            var pr = context.ParseResult;
            var hotkey = wallet.Resolve(pr).GetHotkeyAddress();
            var options = new AxonOptions
            {
                BindIp = pr.GetValue(ip)!,
                Port = pr.GetValue(port),
                ExternalIp = pr.GetValue(externalIp),
                ExternalPort = pr.GetValue(externalPort),
                MaxWorkers = pr.GetValue(workers),
                AllowUnsigned = pr.GetValue(allowUnsigned),
            };
            using var loggers = LoggerFactory.Create(builder => builder.AddProvider(new WriterLoggerProvider(context.Error)));
            using var stop = new CancellationTokenSource();
            if (pr.GetValue(stopAfter) is { } seconds) stop.CancelAfter(TimeSpan.FromSeconds(seconds));
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                ServeAsync(context, hotkey, options, loggers, stop.Token).GetAwaiter().GetResult();
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task ServeAsync(CliContext context, string hotkey, AxonOptions options, ILoggerFactory loggers, CancellationToken stop)
    {
        await using var server = new AxonServer(hotkey, new Sr25519SynapseVerifier(), AllowAllBlacklist.Instance, options, loggers);
        server.Attach<EchoSynapse>(static (synapse, _, _) => ValueTask.FromResult(synapse));
        await server.StartAsync(stop).ConfigureAwait(false);
        context.Error.WriteLine($"Echo axon for hotkey {hotkey} listening on {options.BindIp}:{server.Port} (synapses: {string.Join(", ", server.SynapseNames)}). Ctrl+C stops it.");
        if (options.ExternalIp is not null)
        {
            var published = server.PublishedInfo;
            context.Error.WriteLine($"serve_axon would publish {published.Address}:{published.Port} (ip {published.Ip}, ip_type {published.IpType}, protocol {published.Protocol}, version {published.Version}).");
        }
        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping is the normal end
        }
    }

    /// <summary>The echo synapse: any fields, answered unchanged.</summary>
    [SynapseName("Echo")]
    public sealed record EchoSynapse : Synapse
    {
        /// <summary>Whatever fields the caller sent.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement> Fields { get; init; } = [];
    }

    /// <summary>Writes log lines (rejections, failures) to the command's error writer.</summary>
    private sealed class WriterLoggerProvider(TextWriter writer) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new WriterLogger(writer);

        public void Dispose() { }

        private sealed class WriterLogger(TextWriter writer) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel)) return;
                lock (writer) writer.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {logLevel}: {formatter(state, exception)}");
            }
        }
    }
}
