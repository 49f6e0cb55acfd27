using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Tests.Wallets;

/// <summary>Answers a confirmation through Console.In, which is process-wide: runs alone.</summary>
[Collection(nameof(ProcessEnvironment))]
public class WalletConfirmationTests : IDisposable
{
    private readonly TempWallets _wallets = new();
    private readonly TextReader _stdin = Console.In;

    public void Dispose()
    {
        Console.SetIn(_stdin);
        _wallets.Dispose();
    }

    private CliResult RegenBobOverAlice(string answer)
    {
        CliRun.Expect(0, ["wallet", "regen-coldkey", .. _wallets.Args("w"), "--uri", "//Alice", "--no-password", "--no-prompt"]);
        Console.SetIn(new StringReader(answer));
        return CliRun.Invoke(["wallet", "regen-coldkey", .. _wallets.Args("w"), "--uri", "//Bob", "--no-password", "--overwrite"]);
    }

    [Theory]
    [InlineData("n\n")]
    [InlineData("\n")]
    [InlineData("")]
    public void Overwrite_asks_first_and_anything_but_yes_changes_nothing(string answer)
    {
        var result = RegenBobOverAlice(answer);
        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("[y/N]", result.Error);
        Assert.Equal(SpecKeys.PublicFile(SpecKeys.AlicePublic, SpecKeys.AliceAddress), File.ReadAllText(_wallets.File("w", "coldkeypub.txt")));
    }

    [Fact]
    public void Overwrite_goes_ahead_after_yes()
    {
        var result = RegenBobOverAlice("y\n");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(SpecKeys.PublicFile(SpecKeys.BobPublic, SpecKeys.BobAddress), File.ReadAllText(_wallets.File("w", "coldkeypub.txt")));
    }
}
