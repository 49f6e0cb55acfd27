using System.CommandLine;
using Neuron3D.Cli.Commands;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli;

/// <summary>Entry point of `neuron3d`: one root command, one sub-command group per capability.</summary>
public static class Program
{
    public static int Main(string[] args) => Parse(args).Invoke();

    /// <summary>
    /// Parses with response files turned off: a value such as <c>--message "@alice"</c> is text to sign, not a file
    /// to expand into more arguments.
    /// </summary>
    public static ParseResult Parse(IReadOnlyList<string> args) =>
        BuildRoot().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    /// <summary>The whole command tree; tests parse and invoke it in-process.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Neuron3D: a Bittensor node for 3D-generation subnets (Subnet 17, 404-GEN).");
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(WalletCommands.Create());
        root.Subcommands.Add(AxonCommands.Create());
        root.Subcommands.Add(GenerateCommands.Create());
        root.Subcommands.Add(MinerCommands.Create());
        root.Subcommands.Add(LocalnetCommands.Create());
        root.Subcommands.Add(ValidatorCommands.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(BalanceCommands.CreateBalance());
        root.Subcommands.Add(BalanceCommands.CreateTransfer());
        root.Subcommands.Add(SubnetCommands.Create());
        root.Subcommands.Add(StakeCommands.Create());
        root.Subcommands.Add(WeightsCommands.Create());
        root.Subcommands.Add(ChainCommands.CreateMetagraph());
        root.Subcommands.Add(OverviewCommands.Create());
        return root;
    }
}
