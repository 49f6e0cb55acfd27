using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Tests.Wallets;

public class WalletRegenTests : IDisposable
{
    private readonly TempWallets _wallets = new();

    public void Dispose() => _wallets.Dispose();

    /// <summary>Each command regenerates a spec key; the public file it writes must hold exactly the spec's public data.</summary>
    public static TheoryData<string[], string, string, string> Regenerations => new()
    {
        { ["regen-coldkey", "--mnemonic", SpecKeys.DevPhrase, "--no-password"], "coldkeypub.txt", SpecKeys.DevPublic, SpecKeys.DevAddress },
        { ["regen-coldkey", "--mnemonic", .. SpecKeys.BtwalletPhrase.Split(' '), "--no-password"], "coldkeypub.txt", SpecKeys.BtwalletPublic, SpecKeys.BtwalletAddress },
        { ["regen-coldkey", "--seed", SpecKeys.BobMini, "--no-password"], "coldkeypub.txt", SpecKeys.BobPublic, SpecKeys.BobAddress },
        { ["regen-coldkey", "--uri", "//Alice", "--no-password"], "coldkeypub.txt", SpecKeys.AlicePublic, SpecKeys.AliceAddress },
        { ["regen-coldkeypub", "--ss58", SpecKeys.AliceAddress], "coldkeypub.txt", SpecKeys.AlicePublic, SpecKeys.AliceAddress },
        { ["regen-coldkeypub", "--public-key", "0x" + SpecKeys.BtwalletPublic], "coldkeypub.txt", SpecKeys.BtwalletPublic, SpecKeys.BtwalletAddress },
        { ["regen-hotkey", "--mnemonic", SpecKeys.BtwalletPhrase], "hotkeys/defaultpub.txt", SpecKeys.BtwalletPublic, SpecKeys.BtwalletAddress },
        { ["regen-hotkey", "--uri", "//Alice"], "hotkeys/defaultpub.txt", SpecKeys.AlicePublic, SpecKeys.AliceAddress },
        { ["regen-hotkey", "--seed", SpecKeys.BobMini], "hotkeys/defaultpub.txt", SpecKeys.BobPublic, SpecKeys.BobAddress },
    };

    [Theory, MemberData(nameof(Regenerations))]
    public void Regen_from_spec_sources_reproduces_the_spec_public_files(string[] command, string publicFile, string publicHex, string address)
    {
        var result = CliRun.Expect(0, ["wallet", .. command, .. _wallets.Args("w"), "--no-prompt"]);
        Assert.Contains(address, result.Out);
        Assert.Equal(SpecKeys.PublicFile(publicHex, address), File.ReadAllText(_wallets.File(["w", .. publicFile.Split('/')])));
    }

    [Fact]
    public void Regen_hotkey_from_the_dev_phrase_writes_the_spec_example_file()
    {
        CliRun.Expect(0, ["wallet", "regen-hotkey", .. _wallets.Args("w", "dev"), "--mnemonic", SpecKeys.DevPhrase, "--no-prompt"]);
        Assert.Equal(SpecKeys.SpecExample, File.ReadAllText(_wallets.File("w", "hotkeys", "dev")));
    }

    public static TheoryData<string[]> BadSources => new()
    {
        new[] { "regen-coldkey", "--no-password" },
        new[] { "regen-coldkey", "--uri", "//Alice", "--seed", SpecKeys.BobMini, "--no-password" },
        new[] { "regen-coldkey", "--mnemonic", "bottom drive obey lake curtain smoke basket hold race lonely fit wall", "--no-password" },
        new[] { "regen-coldkey", "--mnemonic", "not", "a", "mnemonic", "--no-password" },
        new[] { "regen-coldkey", "--seed", "0x1234", "--no-password" },
        new[] { "regen-hotkey", "--seed", "zz" },
        new[] { "regen-hotkey", "--uri", "not a phrase//x" },
        new[] { "regen-coldkeypub", "--ss58", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ" },
        new[] { "regen-coldkeypub", "--public-key", "0x1234" },
        new[] { "regen-coldkeypub" },
        new[] { "regen-coldkeypub", "--ss58", SpecKeys.AliceAddress, "--public-key", "0x" + SpecKeys.AlicePublic },
    };

    [Theory, MemberData(nameof(BadSources))]
    public void Bad_key_sources_exit_2_with_one_line_and_write_nothing(string[] command)
    {
        var result = CliRun.Expect(ExitCodes.BadInput, ["wallet", .. command, .. _wallets.Args("w"), "--no-prompt"]);
        Assert.StartsWith("error: ", result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(_wallets.File("w")));
    }
}
