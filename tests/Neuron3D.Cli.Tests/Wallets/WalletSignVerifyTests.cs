using System.Text.Json.Nodes;
using CsCheck;
using Neuron3D.Cli.Infrastructure;
using Neuron3D.Testing;

namespace Neuron3D.Cli.Tests.Wallets;

public class WalletSignVerifyTests : IDisposable
{
    private readonly TempWallets _wallets = new();

    public WalletSignVerifyTests()
    {
        CliRun.Expect(0, ["wallet", "regen-coldkey", .. _wallets.Args("w"), "--mnemonic", SpecKeys.DevPhrase, "--no-password", "--no-prompt"]);
        CliRun.Expect(0, ["wallet", "regen-hotkey", .. _wallets.Args("w"), "--uri", "//Alice", "--no-prompt"]);
    }

    public void Dispose() => _wallets.Dispose();

    private string Sign(string message, bool hotkey)
    {
        // "--message=<text>": random text may start with '-', which would otherwise read as an option.
        string[] args = ["wallet", "sign", .. _wallets.Args("w"), "--message=" + message];
        var signature = CliRun.Expect(0, hotkey ? [.. args, "--use-hotkey"] : args).Out.Trim();
        Assert.Matches("^0x[0-9a-f]{128}$", signature);
        return signature;
    }

    [Fact]
    public void A_message_starting_with_at_is_text_not_a_response_file()
    {
        string[] args = ["wallet", "sign", .. _wallets.Args("w"), "--use-hotkey", "--message", "@alice"];
        var signature = CliRun.Expect(0, args).Out.Trim();
        CliRun.Expect(0, "wallet", "verify", "--message", "@alice", "--signature", signature, "--address", SpecKeys.AliceAddress);
    }

    [Fact]
    public void Sign_then_verify_through_the_cli_and_tampering_is_refused()
    {
        var cold = Sign("hello bittensor", hotkey: false);
        var hot = Sign("hello bittensor", hotkey: true);
        Assert.Contains("valid", CliRun.Expect(0, "wallet", "verify", "--message", "hello bittensor", "--signature", cold, "--address", SpecKeys.DevAddress).Out);
        CliRun.Expect(0, "wallet", "verify", "--message", "hello bittensor", "--signature", hot, "--address", SpecKeys.AliceAddress);
        CliRun.Expect(0, "wallet", "verify", "--message", "hello bittensor", "--signature", hot, "--address", "0x" + SpecKeys.AlicePublic);

        Assert.Contains("INVALID", CliRun.Expect(ExitCodes.Negative, "wallet", "verify", "--message", "hello bittensoR", "--signature", hot, "--address", SpecKeys.AliceAddress).Out);
        CliRun.Expect(ExitCodes.Negative, "wallet", "verify", "--message", "hello bittensor", "--signature", hot, "--address", SpecKeys.DevAddress);
        var flipped = hot[..10] + (hot[10] == '0' ? '1' : '0') + hot[11..];
        CliRun.Expect(ExitCodes.Negative, "wallet", "verify", "--message", "hello bittensor", "--signature", flipped, "--address", SpecKeys.AliceAddress);
    }

    [Fact]
    public void Cli_signatures_verify_in_polkadot_js() =>
        // One random batch (one node process); CsCheck prints the seed to replay a failure.
        Gen.String[Gen.Char.AlphaNumeric, 0, 64].Array[16].Sample(messages =>
        {
            var ops = messages.Select((m, i) => new
            {
                op = "verify", message = m, signature = Sign(m, hotkey: i % 2 == 0),
                address = i % 2 == 0 ? SpecKeys.AliceAddress : SpecKeys.DevAddress,
            }).ToArray();
            var results = NodePeer.Run("wallet-peer.mjs", new { ops })["results"]!.AsArray();
            return results.All(r => r!["valid"]!.GetValue<bool>());
        }, iter: 1);

    [Fact]
    public void Polkadot_js_signatures_verify_in_the_cli()
    {
        string[] messages = ["", "hello", "ünïcødé ✓", new string('x', 300)];
        var ops = messages.Select(m => new { op = "sign", phrase = SpecKeys.DevPhrase, message = m }).ToArray();
        var results = NodePeer.Run("wallet-peer.mjs", new { ops })["results"]!.AsArray();
        for (var i = 0; i < messages.Length; i++)
        {
            Assert.Equal(SpecKeys.DevAddress, results[i]!["address"]!.GetValue<string>());
            var signature = results[i]!["signature"]!.GetValue<string>();
            CliRun.Expect(0, "wallet", "verify", "--message", messages[i], "--signature", signature, "--address", SpecKeys.DevAddress);
            CliRun.Expect(ExitCodes.Negative, "wallet", "verify", "--message", messages[i] + ".", "--signature", signature, "--address", SpecKeys.DevAddress);
        }
    }

    [Fact]
    public void Json_sign_and_verify()
    {
        var signed = CliRun.Expect(0, ["wallet", "sign", .. _wallets.Args("w"), "--message", "m", "--use-hotkey", "--json"]).Json;
        Assert.Equal(SpecKeys.AliceAddress, signed["ss58Address"]!.GetValue<string>());
        Assert.Equal("m", signed["message"]!.GetValue<string>());
        var verified = CliRun.Expect(0, "wallet", "verify", "--message", "m", "--signature", signed["signature"]!.GetValue<string>(),
            "--address", "0x" + SpecKeys.AlicePublic, "--json").Json;
        Assert.True(verified["valid"]!.GetValue<bool>());
        Assert.Equal(SpecKeys.AliceAddress, verified["ss58Address"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("0x1234", SpecKeys.AliceAddress)]
    [InlineData("nothex", SpecKeys.AliceAddress)]
    [InlineData(null, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ")]
    [InlineData(null, "0x1234")]
    public void Malformed_signature_or_address_is_bad_input_not_invalid(string? signature, string address)
    {
        signature ??= "0x" + new string('a', 128);
        var result = CliRun.Expect(ExitCodes.BadInput, "wallet", "verify", "--message", "m", "--signature", signature, "--address", address);
        Assert.StartsWith("error: ", result.Error);
    }

    [Fact]
    public void Signing_never_prints_secrets()
    {
        var result = CliRun.Expect(0, ["wallet", "sign", .. _wallets.Args("w"), "--message", "m"]);
        Assert.DoesNotContain("bottom", result.Out + result.Error);
        Assert.DoesNotContain("05d65584", result.Out + result.Error);
    }
}
