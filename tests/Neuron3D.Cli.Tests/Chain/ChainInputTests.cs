using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json;
using CsCheck;
using Neuron3D.Bittensor.Chain.Extrinsics;
using Neuron3D.Bittensor.Chain.Rpc;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Subtensor;
using Neuron3D.Cli.Commands;
using Neuron3D.Cli.Infrastructure;

namespace Neuron3D.Cli.Tests.Chain;

/// <summary>The chain commands' input checks and error policy, which need no chain: amounts, flags, exit codes.</summary>
public sealed class ChainInputTests : IDisposable
{
    private const string Alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    private readonly TempWallets _wallets = new();

    public void Dispose() => _wallets.Dispose();

    public static TheoryData<string, ulong> TaoAmounts => new()
    {
        { "0", 0 },
        { "1", 1_000_000_000 },
        { "0.5", 500_000_000 },
        { "0.000000001", 1 },
        { "1000.000000001", 1_000_000_000_001 },
        { "21000000", 21_000_000_000_000_000 },
        { "18446744073.709551615", ulong.MaxValue },
    };

    [Theory]
    [MemberData(nameof(TaoAmounts))]
    public void Tao_amounts_parse_to_exact_rao(string text, ulong rao)
    {
        Assert.Equal(rao, Tao.ParseRao(text, "--amount"));
        Assert.Equal(rao, Tao.ParseRao(Tao.Format(rao), "--amount"));
    }

    [Theory]
    [InlineData("1.0000000001", "more than 9 decimals")]
    [InlineData("-1", "not an amount")]
    [InlineData("1e3", "not an amount")]
    [InlineData("one", "not an amount")]
    [InlineData("18446744073.709551616", "larger than any balance")]
    public void Bad_tao_amounts_are_usage_errors(string text, string reason)
    {
        var error = Assert.Throws<CliUsageException>(() => Tao.ParseRao(text, "--amount"));
        Assert.Contains(reason, error.Message);
        Assert.Contains(text, error.Message);
    }

    [Theory]
    [InlineData(0, "0.000000000")]
    [InlineData(1, "0.000000001")]
    [InlineData(1_500_000_000, "1.500000000")]
    [InlineData(-2_000_000_001, "-2.000000001")]
    public void Rao_is_printed_with_nine_decimals(long rao, string text) => Assert.Equal(text, Tao.Format(rao));

    [Fact]
    public void Formatting_and_parsing_round_trip_every_rao_amount() =>
        Gen.ULong.Sample(rao => Tao.ParseRao(Tao.Format(rao), "--amount") == rao);

    [Fact]
    public void An_unreachable_node_is_exit_11_with_the_address_and_no_stack_trace()
    {
        var result = CliRun.Expect(ChainExitCodes.Unreachable,
            "balance", "--ss58", Alice, "--subtensor.chain_endpoint", $"ws://127.0.0.1:{ClosedPort()}");
        Assert.Contains("error: cannot reach the chain", result.Error);
        Assert.Contains("--subtensor.chain_endpoint", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["balance", "--ss58", "5Grw"], "--ss58 '5Grw' is not an SS58 address" },
        { ["balance", "--ss58", Alice, "--subtensor.network", "mainnet"], "network 'mainnet' is not one of" },
        { ["balance", "--ss58", Alice, "--subtensor.chain_endpoint", "http://127.0.0.1:9944"], "is not a ws:// or wss:// address" },
        { ["transfer", "--dest", "nope", "--amount", "1"], "--dest 'nope' is not an SS58 address" },
        { ["transfer", "--dest", Alice, "--amount", "0"], "--amount must be more than 0" },
        { ["axon", "serve", "--netuid", "1", "--axon.ip", "127.0.0.1", "--axon.port", "8091"], "the chain refuses 127.0.0.1" },
        { ["axon", "serve", "--netuid", "1", "--axon.ip", "::1", "--axon.port", "8091"], "127.0.0.2" },
        { ["axon", "serve", "--netuid", "1", "--axon.ip", "300.1.2.3", "--axon.port", "8091"], "is not an IP address" },
        { ["axon", "serve", "--netuid", "1", "--axon.ip", "10.0.0.1", "--axon.port", "70000"], "not in 1..65535" },
        { ["weights", "set", "--netuid", "1", "--uids", "1,2", "--weights", "1"], "--uids has 2 entries but --weights has 1" },
        { ["weights", "set", "--netuid", "1", "--uids", "1,1", "--weights", "1,1"], "names a uid twice" },
        { ["weights", "set", "--netuid", "1", "--uids", "1,x", "--weights", "1,1"], "'x' (entry 2) is not a number" },
        { ["weights", "set", "--netuid", "1", "--uids", "1", "--weights", "-1"], "negative" },
        { ["weights", "set", "--netuid", "1", "--uids", "1,2", "--weights", "0,0"], "all zero" },
        { ["weights", "set", "--netuid", "70000", "--uids", "1", "--weights", "1"], "--netuid 70000 is not a subnet id" },
        { ["subnet", "create", "--set-identity", "yes"], "without an identity" },
        { ["stake", "add", "--netuid", "1", "--amount", "0.0000000001"], "more than 9 decimals" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public void Bad_values_are_exit_2_before_any_connection(string[] args, string message)
    {
        // No wallet exists and the endpoint is closed: the value must be refused before keys or the chain are touched.
        string[] endpoint = args.Any(a => a.StartsWith("--subtensor.", StringComparison.Ordinal))
            ? []
            : ["--subtensor.chain_endpoint", $"ws://127.0.0.1:{ClosedPort()}"];
        var result = CliRun.Expect(ExitCodes.BadInput, [.. args, "--wallet.path", _wallets.Root, "--no-prompt", .. endpoint]);
        Assert.Contains(message, result.Error);
        Assert.StartsWith("error: ", result.Error);
        Assert.DoesNotContain("Connecting", result.Error);
    }

    [Fact]
    public void A_missing_coldkey_is_exit_5_before_connecting()
    {
        var result = CliRun.Expect(ExitCodes.KeyfileNotFound, "transfer", "--dest", Alice, "--amount", "1", "--wallet.path", _wallets.Root,
            "--wallet.name", "nobody", "--no-prompt", "--subtensor.chain_endpoint", $"ws://127.0.0.1:{ClosedPort()}");
        Assert.Contains(_wallets.File("nobody", "coldkey"), result.Error);
        Assert.DoesNotContain("Connecting", result.Error);
    }

    [Fact]
    public void Each_kind_of_chain_failure_has_its_own_exit_code_and_words()
    {
        var moduleError = new ModuleErrorMetadata("SubtensorModule", 7, "SettingWeightsTooFast", 30, ["Setting weights too fast."]);
        var dispatch = new ChainDispatchException(ScaleValue.Variant("Module"), moduleError, "0xabc");
        var badOrigin = new ChainDispatchException(ScaleValue.Variant("BadOrigin"), null, "0xdef");
        var funds = new ChainDispatchException(ScaleValue.Variant("Token", ScaleValue.Variant("FundsUnavailable")), null, "0x123");
        var rpc = new RpcException("author_submitAndWatchExtrinsic", 1010, "Invalid Transaction", JsonDocument.Parse("""{"invalid":{"custom":11}}""").RootElement);
        var endpoint = new Uri("ws://127.0.0.1:9944");
        var cases = new (Exception Error, int Code, string Words)[]
        {
            (dispatch, ChainExitCodes.DispatchFailed, "SubtensorModule.SettingWeightsTooFast: Setting weights too fast. (block 0xabc)"),
            (badOrigin, ChainExitCodes.DispatchFailed, "BadOrigin: the key that signed is not allowed"),
            (funds, ChainExitCodes.DispatchFailed, "Token.FundsUnavailable"),
            (new ExtrinsicRejectedException("serve_axon", ExtrinsicRejectedException.Describe(rpc), rpc), ChainExitCodes.Rejected, "InvalidIpAddress (custom 11)"),
            (new InclusionTimeoutException("add_stake", "0x99", TimeSpan.FromSeconds(120)), ChainExitCodes.Timeout, "not in a block after 120 s"),
            (new RpcTimeoutException("state_call", TimeSpan.FromSeconds(30)), ChainExitCodes.Timeout, "did not answer"),
            (new RpcConnectionException(endpoint, "could not connect"), ChainExitCodes.Unreachable, "cannot reach the chain"),
            (new SubtensorStateException("netuid 9 does not exist"), ChainExitCodes.ChainState, "netuid 9 does not exist"),
            (new InsufficientBalanceException("insufficient balance: x"), ChainExitCodes.InsufficientBalance, "insufficient balance"),
        };
        foreach (var (error, code, words) in cases)
        {
            var described = ChainRunner.Describe(error);
            Assert.NotNull(described);
            Assert.Equal(code, described.Value.Code);
            Assert.Contains(words, described.Value.Message);
        }
        Assert.Null(ChainRunner.Describe(new InvalidOperationException("a bug")));
        int[] codes =
        [
            ExitCodes.Success, ExitCodes.Negative, ExitCodes.BadInput, ExitCodes.KeyfileExists, ExitCodes.Password, ExitCodes.KeyfileNotFound,
            ExitCodes.KeyfileUnreadable, ExitCodes.Cancelled, ExitCodes.Unexpected, ChainExitCodes.Unreachable, ChainExitCodes.DispatchFailed,
            ChainExitCodes.Rejected, ChainExitCodes.Timeout, ChainExitCodes.ChainState, ChainExitCodes.InsufficientBalance,
        ];
        Assert.Equal(codes.Length, codes.Distinct().Count());
    }

    public static TheoryData<string, string?, string> PoolRefusals => new()
    {
        // chopsticks puts the reason into the message and sends no data (seen on the local chain).
        { """{"invalid":{"custom":12}}""", null, "ServingRateLimitExceeded (custom 12)" },
        { "Invalid Transaction", """{"invalid":{"custom":11}}""", "InvalidIpAddress (custom 11)" },
        { "Invalid Transaction", "\"{\\\"invalid\\\":{\\\"custom\\\":2}}\"", "BalanceTooLow (custom 2)" },
        { "Invalid Transaction", """{"invalid":{"badProof":null}}""", "badProof: the signature does not verify" },
        { "Invalid Transaction", "\"Inability to pay some fees (e.g. account balance too low)\"", "Invalid Transaction: Inability to pay some fees" },
        { "Transaction is outdated", null, "Transaction is outdated" },
    };

    [Theory]
    [MemberData(nameof(PoolRefusals))]
    public void Pool_refusals_are_put_in_words_wherever_the_node_puts_the_reason(string message, string? data, string words)
    {
        var error = new RpcException("author_submitAndWatchExtrinsic", 1010, message, data is null ? null : JsonDocument.Parse(data).RootElement.Clone());
        Assert.Contains(words, ExtrinsicRejectedException.Describe(error));
    }

    [Fact]
    public void The_amount_json_is_a_number_for_every_balance()
    {
        Assert.Equal("18446744073709551615", Tao.Json(ulong.MaxValue).ToJsonString());
        Assert.Equal("\"18446744073709551616\"", Tao.Json(new BigInteger(ulong.MaxValue) + 1).ToJsonString());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
