using System.Runtime.Versioning;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Testing;

namespace Neuron3D.Cli.Tests.Wallets;

public class WalletCreateTests : IDisposable
{
    private readonly TempWallets _wallets = new();

    public void Dispose() => _wallets.Dispose();

    [Fact, UnsupportedOSPlatform("windows")]
    public void Create_without_password_writes_the_btcli_layout_with_0600_files_that_load_back()
    {
        var result = CliRun.Expect(0, ["wallet", "create", .. _wallets.Args("demo", "hk"), "--no-password", "--no-prompt"]);

        Assert.Contains("UNENCRYPTED", result.Error);
        string[] files = ["demo/coldkey", "demo/coldkeypub.txt", "demo/hotkeys/hk", "demo/hotkeys/hkpub.txt"];
        foreach (var file in files)
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_wallets.File(file.Split('/'))));

        var wallet = new Bittensor.Wallets.Wallet("demo", "hk", _wallets.Root);
        using var cold = wallet.GetColdkey();
        using var hot = wallet.GetHotkey();
        Assert.Equal(cold.Ss58Address, wallet.GetColdkeyAddress());
        Assert.Equal(hot.Ss58Address, wallet.GetHotkeyAddress());
        Assert.Contains(cold.Ss58Address, result.Out);
        Assert.Contains(hot.Ss58Address, result.Out);

        // Each mnemonic is printed exactly once, beside the warning, and it is the one in the keyfile.
        var coldPhrase = wallet.ColdkeyFile.Read().SecretPhrase!;
        var hotPhrase = wallet.HotkeyFile.Read().SecretPhrase!;
        Assert.Single(AllIndexesOf(result.Out, coldPhrase));
        Assert.Single(AllIndexesOf(result.Out, hotPhrase));
        Assert.Contains("IMPORTANT", result.Out);
        Assert.DoesNotContain(coldPhrase, result.Error);
        Assert.DoesNotContain(wallet.ColdkeyFile.Read().PrivateKey!, result.Out + result.Error);
    }

    [Fact]
    public void Created_keyfiles_mean_the_same_key_to_polkadot_js()
    {
        CliRun.Expect(0, ["wallet", "create", .. _wallets.Args("demo"), "--no-password", "--no-prompt", "--n-words", "24"]);
        var ops = new[] { "demo/coldkey", "demo/hotkeys/default" }
            .Select(f => new { op = "keyfile", json = File.ReadAllText(_wallets.File(f.Split('/'))) }).ToArray();
        var results = NodePeer.Run("wallet-peer.mjs", new { ops })["results"]!.AsArray();
        foreach (var r in results)
        {
            var address = r!["ss58Address"]!.GetValue<string>();
            Assert.Equal(address, r["fromPhrase"]!.GetValue<string>());
            Assert.Equal(address, r["fromSeed"]!.GetValue<string>());
            Assert.Equal(address, r["publicKeyAddress"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Json_output_names_the_mnemonic_secret_and_it_regenerates_the_key()
    {
        var result = CliRun.Expect(0, ["wallet", "create", .. _wallets.Args("demo"), "--no-password", "--no-prompt", "--json"]);
        var json = result.Json;
        Assert.Equal("demo", json["wallet"]!.GetValue<string>());
        var coldAddress = json["coldkey"]!["ss58Address"]!.GetValue<string>();
        var phrase = json["coldkey"]!["secretPhrase"]!.GetValue<string>();
        Assert.False(json["coldkey"]!["encrypted"]!.GetValue<bool>());
        Assert.Contains("secret", json["warning"]!.GetValue<string>());
        Assert.Contains("IMPORTANT", result.Error);

        var regen = CliRun.Expect(0, ["wallet", "regen-coldkey", .. _wallets.Args("copy"), "--mnemonic", phrase, "--no-password", "--no-prompt", "--json"]);
        Assert.Equal(coldAddress, regen.Json["coldkey"]!["ss58Address"]!.GetValue<string>());
        Assert.Null(regen.Json["coldkey"]!["secretPhrase"]); // a mnemonic the user typed is not echoed back
    }

    [Fact]
    public void Create_again_keeps_the_existing_keys()
    {
        CliRun.Expect(0, ["wallet", "create", .. _wallets.Args("demo"), "--no-password", "--no-prompt"]);
        var before = Snapshot();
        var again = CliRun.Expect(0, ["wallet", "create", .. _wallets.Args("demo"), "--no-prompt"]);
        Assert.Contains("Kept the existing coldkey", again.Out);
        Assert.Contains("Kept the existing hotkey", again.Out);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Nothing_is_overwritten_without_overwrite()
    {
        CliRun.Expect(0, ["wallet", "create", .. _wallets.Args("demo"), "--no-password", "--no-prompt"]);
        var before = Snapshot();
        foreach (var args in new[]
                 {
                     ["wallet", "new-coldkey", "--no-password"],
                     ["wallet", "new-hotkey"],
                     ["wallet", "regen-coldkey", "--uri", "//Alice", "--no-password"],
                     ["wallet", "regen-hotkey", "--uri", "//Alice"],
                     new[] { "wallet", "regen-coldkeypub", "--ss58", SpecKeys.AliceAddress },
                 })
        {
            var result = CliRun.Expect(ExitCodes.KeyfileExists, [.. args, .. _wallets.Args("demo"), "--no-prompt"]);
            Assert.Contains("--overwrite", result.Error);
            Assert.Equal(before, Snapshot());
        }

        var replaced = CliRun.Expect(0, ["wallet", "regen-coldkey", .. _wallets.Args("demo"), "--uri", "//Alice", "--no-password", "--overwrite", "--no-prompt"]);
        Assert.Contains(SpecKeys.AliceAddress, replaced.Out);
        Assert.Equal(SpecKeys.PublicFile(SpecKeys.AlicePublic, SpecKeys.AliceAddress), File.ReadAllText(_wallets.File("demo", "coldkeypub.txt")));
    }

    [Fact]
    public void Unattended_without_a_password_source_fails_before_writing_anything()
    {
        var result = CliRun.Expect(ExitCodes.BadInput, ["wallet", "create", .. _wallets.Args("demo"), "--no-prompt"]);
        Assert.Contains("BT_PW_", result.Error);
        Assert.Contains("--no-password", result.Error);
        Assert.False(Directory.Exists(_wallets.File("demo")));
    }

    [Fact]
    public void Encrypted_coldkey_round_trip_with_the_bt_pw_variable()
    {
        // The one CLI test that pays for the real Argon2i (t = 8, m = 512 MiB, ~1 s each): encrypt once, decrypt once.
        // Wrong passwords are covered with a cheap KDF in the keyfile tests and by the exit-code table in CommandRunnerTests.
        var coldkeyPath = _wallets.File("enc", "coldkey");
        var variable = KeyfilePassword.EnvironmentVariableName(coldkeyPath);
        try
        {
            Environment.SetEnvironmentVariable(variable, KeyfilePassword.EncodeForEnvironment("a good password", variable));
            var created = CliRun.Expect(0, ["wallet", "new-coldkey", .. _wallets.Args("enc"), "--no-prompt", "--json"]);
            Assert.True(created.Json["coldkey"]!["encrypted"]!.GetValue<bool>());
            Assert.Equal(KeyfileFormat.NaCl, new Keyfile(coldkeyPath).Format);
            var address = created.Json["coldkey"]!["ss58Address"]!.GetValue<string>();

            var signed = CliRun.Expect(0, ["wallet", "sign", .. _wallets.Args("enc"), "--message", "owned", "--no-prompt", "--json"]);
            Assert.Equal(address, signed.Json["ss58Address"]!.GetValue<string>());
            CliRun.Expect(0, ["wallet", "verify", "--message", "owned", "--signature", signed.Json["signature"]!.GetValue<string>(), "--address", address]);

        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData("12", 12)]
    [InlineData("15", 15)]
    [InlineData("18", 18)]
    [InlineData("21", 21)]
    [InlineData("24", 24)]
    public void N_words_sets_the_mnemonic_length(string option, int words)
    {
        var result = CliRun.Expect(0, ["wallet", "new-hotkey", .. _wallets.Args("w" + words), "--n-words", option, "--no-prompt", "--json"]);
        Assert.Equal(words, result.Json["hotkey"]!["secretPhrase"]!.GetValue<string>().Split(' ').Length);
    }

    [Fact]
    public void Other_word_counts_are_refused_by_the_parser() =>
        Assert.NotEqual(0, CliRun.Invoke(["wallet", "new-hotkey", .. _wallets.Args("w"), "--n-words", "13", "--no-prompt"]).ExitCode);

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(_wallets.Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(File.ReadAllBytes(f)));

    private static List<int> AllIndexesOf(string text, string value)
    {
        var found = new List<int>();
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal)) found.Add(i);
        return found;
    }
}
