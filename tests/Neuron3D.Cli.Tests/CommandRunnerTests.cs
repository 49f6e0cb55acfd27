using Neuron3D.Bittensor.Keys;
using Neuron3D.Bittensor.Wallets;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Tests;

public class CommandRunnerTests
{
    public static TheoryData<Exception, int> Failures => new()
    {
        { new KeyfileExistsException("/w/coldkey"), ExitCodes.KeyfileExists },
        { new KeyfileDecryptionException("Could not decrypt keyfile /w/coldkey: wrong password", "/w/coldkey"), ExitCodes.Password },
        { new KeyfilePasswordRequiredException("/w/coldkey", "BT_PW__W_COLDKEY"), ExitCodes.Password },
        { new KeyfileNotFoundException("/w/coldkey"), ExitCodes.KeyfileNotFound },
        { new KeyfileFormatException("bad json", "/w/coldkey"), ExitCodes.KeyfileUnreadable },
        { new LegacyKeyfileFormatException(KeyfileFormat.AnsibleVault, "/w/coldkey"), ExitCodes.KeyfileUnreadable },
        { new WalletInputException("bad seed"), ExitCodes.BadInput },
        { new CliUsageException("give one source"), ExitCodes.BadInput },
        { new Ss58FormatException("bad checksum"), ExitCodes.BadInput },
        { new MnemonicException("unknown word"), ExitCodes.BadInput },
        { new KeyUriException("bad uri"), ExitCodes.BadInput },
        { new CliCancelledException("Cancelled"), ExitCodes.Cancelled },
        { new IOException("disk full"), ExitCodes.Unexpected },
        { new InvalidOperationException("bug"), ExitCodes.Unexpected },
    };

    [Theory, MemberData(nameof(Failures))]
    public void Every_failure_kind_has_its_exit_code_and_keeps_its_message(Exception failure, int exitCode)
    {
        var (code, message) = CommandRunner.Describe(failure);
        Assert.Equal(exitCode, code);
        Assert.DoesNotContain('\n', message);
        Assert.Contains(failure.Message[..Math.Min(15, failure.Message.Length)], message);
    }

    [Fact]
    public void Existing_keyfile_message_names_the_flag() =>
        Assert.Contains("pass --overwrite", CommandRunner.Describe(new KeyfileExistsException("/w/coldkey")).Message);

    [Fact]
    public void Unexpected_failures_point_to_debug_logging() =>
        Assert.Contains("--logging.debug", CommandRunner.Describe(new InvalidOperationException("bug")).Message);
}
