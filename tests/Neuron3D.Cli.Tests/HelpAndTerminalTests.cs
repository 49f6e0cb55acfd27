using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Tests;

public class HelpAndTerminalTests
{
    [Theory]
    [InlineData("wallet")]
    [InlineData("wallet", "create")]
    [InlineData("wallet", "regen-coldkey")]
    [InlineData("wallet", "sign")]
    [InlineData("wallet", "verify")]
    public void Help_teaches_with_examples(params string[] command)
    {
        var result = CliRun.Expect(0, [.. command, "--help"]);
        Assert.Contains("Examples:", result.Out);
        Assert.Contains("neuron3d " + string.Join(' ', command), result.Out);
    }

    [Fact]
    public void Wallet_flags_are_documented_with_their_variables()
    {
        var help = CliRun.Expect(0, "wallet", "create", "--help").Out;
        foreach (var text in new[] { "--wallet.name", "--wallet.hotkey", "--wallet.path", "BT_WALLET_NAME", "BT_WALLET_HOTKEY", "BT_WALLET_PATH", "--no-password", "--no-prompt", "--json", "--overwrite", "--n-words" })
            Assert.Contains(text, help);
    }

    [Fact]
    public void Hidden_input_collects_characters_honours_backspace_and_stops_at_enter()
    {
        var keys = new Queue<ConsoleKeyInfo>(
        [
            Key('p', ConsoleKey.P), Key('w', ConsoleKey.W), Key('x', ConsoleKey.X), Key('\b', ConsoleKey.Backspace),
            Key('!', ConsoleKey.D1), Key('\t', ConsoleKey.Tab), Key('\r', ConsoleKey.Enter), Key('z', ConsoleKey.Z),
        ]);
        Assert.Equal("pw!", Terminal.ReadHidden(keys.Dequeue));
        Assert.Single(keys);
    }

    [Fact]
    public void Backspace_on_empty_input_is_harmless() =>
        Assert.Equal("a", Terminal.ReadHidden(new Queue<ConsoleKeyInfo>(
            [Key('\b', ConsoleKey.Backspace), Key('a', ConsoleKey.A), Key('\r', ConsoleKey.Enter)]).Dequeue));

    private static ConsoleKeyInfo Key(char c, ConsoleKey key) => new(c, key, false, false, false);
}
