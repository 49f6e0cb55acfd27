using System.CommandLine;
using Neuron3D.Bittensor.Chain.Extrinsics;
using Neuron3D.Bittensor.Chain.Rpc;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Subtensor;

namespace Neuron3D.Cli.Infrastructure;

/// <summary>
/// Exit codes of the chain commands, one per kind of chain failure (the wallet codes of <see cref="ExitCodes"/>
/// still apply to loading keys).
/// </summary>
public static class ChainExitCodes
{
    /// <summary>The node cannot be reached (or the connection was lost for good).</summary>
    public const int Unreachable = 11;
    /// <summary>The extrinsic was included but failed: a module error (named, with its docs) or another dispatch error.</summary>
    public const int DispatchFailed = 12;
    /// <summary>The node's transaction pool refused the extrinsic (nothing was included, no fee paid).</summary>
    public const int Rejected = 13;
    /// <summary>The node did not answer, or the extrinsic was not in a block in time (it may still be included).</summary>
    public const int Timeout = 14;
    /// <summary>The chain's state rules the operation out (unknown netuid, not registered, window not open…); nothing was submitted.</summary>
    public const int ChainState = 15;
    /// <summary>The paying account has too little transferable balance; nothing was submitted.</summary>
    public const int InsufficientBalance = 16;

    /// <summary>The exit codes as the chain commands' help lists them.</summary>
    public const string Help = """
        Exit codes: 0 done; 1 the command line did not parse; 2 a bad option value; 4 a key needs a password;
        5 a keyfile does not exist; 6 a keyfile is unreadable; 7 cancelled; 11 the chain cannot be reached;
        12 the chain ran the extrinsic and it failed (module error named); 13 the node refused the extrinsic;
        14 no answer or no inclusion in time; 15 the chain's state rules it out (unknown netuid, not registered…);
        16 insufficient balance; 10 anything unexpected.
        """;
}

/// <summary>The paying account cannot cover an amount plus its fee; found before submitting.</summary>
public sealed class InsufficientBalanceException(string message) : Exception(message);

/// <summary>
/// The shared chain flags (<c>--subtensor.network</c>, <c>--subtensor.chain_endpoint</c>, <c>--subtensor.timeout</c>)
/// and connecting with progress on stderr. Create one instance per command and add it with <see cref="AddTo"/>.
/// </summary>
public sealed class ChainOptions
{
    /// <summary>How long opening the connection and reading the runtime may take.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary><c>--subtensor.network</c>.</summary>
    public Option<string> Network { get; } = new("--subtensor.network")
    {
        Description = $"{string.Join(", ", SubtensorNetwork.Endpoints.Keys)}. Default: ${SubtensorNetwork.NetworkVariable}, else {SubtensorNetwork.DefaultNetwork}.",
        HelpName = "name",
    };

    /// <summary><c>--subtensor.chain_endpoint</c>.</summary>
    public Option<string> Endpoint { get; } = new("--subtensor.chain_endpoint")
    {
        Description = $"Node address (ws:// or wss://); overrides --subtensor.network. Default: ${SubtensorNetwork.EndpointVariable}.",
        HelpName = "url",
    };

    /// <summary><c>--subtensor.timeout</c>: seconds an extrinsic may take to reach a block.</summary>
    public Option<double> InclusionTimeout { get; } = new("--subtensor.timeout")
    {
        Description = "Seconds a submitted extrinsic may take to reach a block.",
        DefaultValueFactory = _ => 120,
        HelpName = "seconds",
    };

    /// <summary>Adds the chain options to <paramref name="command"/>.</summary>
    public ChainOptions AddTo(Command command)
    {
        command.Options.Add(Network);
        command.Options.Add(Endpoint);
        command.Options.Add(InclusionTimeout);
        return this;
    }

    /// <summary>The node the command line selects (explicit endpoint, network, environment, finney).</summary>
    /// <exception cref="CliUsageException">An unknown network or an endpoint that is not ws(s)://.</exception>
    public Uri ResolveEndpoint(ParseResult parseResult)
    {
        try
        {
            return SubtensorNetwork.Resolve(parseResult.GetValue(Network), parseResult.GetValue(Endpoint));
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>
    /// Connects to the selected node and reads its runtime, saying so on stderr (the connection can take seconds
    /// on a public node).
    /// </summary>
    /// <exception cref="RpcConnectionException">The node cannot be reached.</exception>
    /// <exception cref="RpcTimeoutException">The node did not answer in time.</exception>
    public async Task<SubtensorClient> ConnectAsync(CliContext context, CancellationToken cancellationToken)
    {
        var endpoint = ResolveEndpoint(context.ParseResult);
        var inclusion = context.ParseResult.GetValue(InclusionTimeout);
        if (!(inclusion > 0)) throw new CliUsageException("--subtensor.timeout must be a positive number of seconds");
        context.Error.WriteLine($"Connecting to {endpoint} …");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ConnectTimeout);
        SubtensorClient client;
        try
        {
            client = await SubtensorClient.ConnectAsync(endpoint, new SubtensorClientOptions { InclusionTimeout = TimeSpan.FromSeconds(inclusion) },
                deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcConnectionException(endpoint, $"no usable answer within {ConnectTimeout.TotalSeconds:0} s");
        }
        var block = await client.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        context.Error.WriteLine($"Connected: {client.RuntimeVersion.SpecName} spec {client.RuntimeVersion.SpecVersion}, block #{block}" +
                                (client.BuildsDevBlocks ? " (development chain: blocks are built on request)" : "") + ".");
        return client;
    }
}

/// <summary>
/// Runs an asynchronous chain command body: Ctrl+C cancels it, and chain failures become one <c>error:</c> line with
/// their <see cref="ChainExitCodes"/> code (no stack trace unless <c>--logging.debug</c>); every other failure goes to
/// <see cref="CommandRunner"/>'s policy.
/// </summary>
public static class ChainRunner
{
    /// <summary>Sets <paramref name="body"/> as <paramref name="command"/>'s action.</summary>
    public static void SetChainBody(this Command command, Func<CliContext, CancellationToken, Task<int>> body) =>
        command.SetBody(context => Run(context, body));

    /// <summary>Runs <paramref name="body"/> until it ends or Ctrl+C.</summary>
    public static int Run(CliContext context, Func<CliContext, CancellationToken, Task<int>> body)
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
            return body(context, stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw new CliCancelledException("Interrupted; an extrinsic already submitted may still be included — check before retrying.");
        }
        catch (Exception e) when (Describe(e) is { } failure)
        {
            context.Error.WriteLine($"error: {failure.Message}");
            if (context.Debug) context.Error.WriteLine(e.ToString());
            return failure.Code;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The exit code and one-line message of a chain failure; null for failures that are not the chain's.</summary>
    public static (int Code, string Message)? Describe(Exception e) => e switch
    {
        ChainDispatchException { ModuleError: { } module } d =>
            (ChainExitCodes.DispatchFailed, $"the chain ran it and it failed with {module.PalletName}.{module.Name}" +
                                            (module.Docs.Count > 0 ? $": {string.Join(' ', module.Docs).Trim()}" : "") + $" (block {d.BlockHash})"),
        ChainDispatchException d => (ChainExitCodes.DispatchFailed, $"the chain ran it and it failed: {DescribeDispatchError(d.DispatchError)} (block {d.BlockHash})"),
        ExtrinsicRejectedException r => (ChainExitCodes.Rejected, r.Message),
        InclusionTimeoutException t => (ChainExitCodes.Timeout, t.Message),
        RpcTimeoutException t => (ChainExitCodes.Timeout, $"the node did not answer: {t.Message}"),
        RpcConnectionException c => (ChainExitCodes.Unreachable, $"cannot reach the chain: {c.Message} (check --subtensor.network / --subtensor.chain_endpoint)"),
        RpcException r => (ChainExitCodes.Rejected, $"the node refused the request: {r.Message}"),
        SubtensorStateException s => (ChainExitCodes.ChainState, s.Message),
        InsufficientBalanceException b => (ChainExitCodes.InsufficientBalance, b.Message),
        _ => null,
    };

    /// <summary>A non-module <c>DispatchError</c> in words (BadOrigin, Token(FundsUnavailable), Arithmetic(Overflow)…).</summary>
    public static string DescribeDispatchError(ScaleValue error) => error.Unwrap() switch
    {
        ScaleVariant { Name: "BadOrigin" } => "BadOrigin: the key that signed is not allowed to do this (e.g. it does not own the subnet)",
        ScaleVariant { Name: "Token", Fields.Count: 1 } token => token.Fields[0].Value.Unwrap() switch
        {
            ScaleVariant { Name: "FundsUnavailable" } => "Token.FundsUnavailable: the account does not have the funds",
            ScaleVariant { Name: "BelowMinimum" } => "Token.BelowMinimum: the account would fall below the existential deposit",
            ScaleVariant inner => $"Token.{inner.Name}",
            var other => $"Token {other}",
        },
        ScaleVariant { Fields.Count: 1 } nested when nested.Fields[0].Value.Unwrap() is ScaleVariant inner => $"{nested.Name}.{inner.Name}",
        ScaleVariant plain => plain.Name,
        var other => other.ToString(),
    };
}
