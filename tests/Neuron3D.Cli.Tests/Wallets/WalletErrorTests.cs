using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Tests.Wallets;

public class WalletErrorTests : IDisposable
{
    private readonly TempWallets _wallets = new();

    public void Dispose() => _wallets.Dispose();

    private void WriteColdkey(string content)
    {
        Directory.CreateDirectory(_wallets.File("w"));
        File.WriteAllText(_wallets.File("w", "coldkey"), content);
    }

    [Fact]
    public void Malformed_keyfile_json_is_one_clear_line_without_a_stack_trace()
    {
        WriteColdkey("{\"secretPhrase\": 12}");
        var result = CliRun.Expect(ExitCodes.KeyfileUnreadable, ["wallet", "sign", .. _wallets.Args("w"), "--message", "m", "--no-prompt"]);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains(_wallets.File("w", "coldkey"), result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Logging_debug_adds_the_stack_trace()
    {
        WriteColdkey("not json");
        var result = CliRun.Expect(ExitCodes.KeyfileUnreadable, ["wallet", "sign", .. _wallets.Args("w"), "--message", "m", "--no-prompt", "--logging.debug"]);
        Assert.Contains("KeyfileFormatException", result.Error);
        Assert.Contains("   at ", result.Error);
    }

    [Theory]
    [InlineData("$ANSIBLE_VAULT;1.1;AES256\n6162", "Ansible Vault")]
    [InlineData("gAAAAABkZ2Vmb28=", "Fernet")]
    public void Legacy_keyfile_says_how_to_migrate(string content, string format)
    {
        WriteColdkey(content);
        var result = CliRun.Expect(ExitCodes.KeyfileUnreadable, ["wallet", "sign", .. _wallets.Args("w"), "--message", "m", "--no-prompt"]);
        Assert.Contains(format, result.Error);
        Assert.Contains("regen-coldkey", result.Error);
        Assert.Equal(content, File.ReadAllText(_wallets.File("w", "coldkey")));
    }

    [Fact]
    public void Missing_wallet_is_not_found()
    {
        var result = CliRun.Expect(ExitCodes.KeyfileNotFound, ["wallet", "sign", .. _wallets.Args("nobody"), "--message", "m", "--use-hotkey", "--no-prompt"]);
        Assert.Contains("does not exist", result.Error);
    }

    [Fact]
    public void Encrypted_key_unattended_without_its_variable_names_the_variable()
    {
        WriteColdkey("$NACL" + new string('A', 80));
        var result = CliRun.Expect(ExitCodes.Password, ["wallet", "sign", .. _wallets.Args("w"), "--message", "m", "--no-prompt"]);
        Assert.Contains(KeyfilePassword.EnvironmentVariableName(_wallets.File("w", "coldkey")), result.Error);
    }

    [Fact]
    public void Invalid_wallet_name_is_bad_input() =>
        CliRun.Expect(ExitCodes.BadInput, ["wallet", "create", "--wallet.path", _wallets.Root, "--wallet.name", "../escape", "--no-password", "--no-prompt"]);
}
