using System.Numerics;
using System.Text.Json.Nodes;
using CsCheck;
using Neuron3D.Bittensor.Metadata;
using Neuron3D.Bittensor.Scale;

namespace Neuron3D.Bittensor.Tests.Metadata;

public class DynamicCodecTests
{
    private static readonly string BobHex = Convert.ToHexStringLower(FinneyMetadata.Bob);

    // The encoded call examples of spec §4.4 (HEAD), built from the newest finney metadata.
    public static TheoryData<string, string> SpecCallExamples => new()
    {
        { "burned_register(1, Bob)", "0707" + "0100" + BobHex },
        { "add_stake(Bob, 1, 10^9)", "0702" + BobHex + "0100" + "00ca9a3b00000000" },
        { "serve_axon(1, 10002000, 203.0.113.7, 8091, 4, 4, 0, 0)", "0704" + "0100" + "509e9800" + "077100cb000000000000000000000000" + "9b1f" + "04" + "04" + "00" + "00" },
        { "set_weights(1, [0,1], [65535,32768], 10002000)", "0700" + "0100" + "08" + "0000" + "0100" + "08" + "ffff" + "0080" + "509e980000000000" },
        { "set_mechanism_weights(1, 0, [0,1], [65535,32768], 10002000)", "0777" + "0100" + "00" + "08" + "0000" + "0100" + "08" + "ffff" + "0080" + "509e980000000000" },
        { "start_call(2)", "075c" + "0200" },
        { "register_network(Bob)", "073b" + BobHex },
        { "AdminUtils.sudo_set_commit_reveal_weights_enabled(1, false)", "1331" + "0100" + "00" },
        { "Sudo.sudo(AdminUtils.sudo_set_weights_set_rate_limit(1, 0))", "0c00" + "1307" + "0100" + "0000000000000000" },
        { "Balances.transfer_keep_alive(Id(Bob), 10^12)", "0503" + "00" + BobHex + "070010a5d4e8" },
    };

    private static byte[] Build(string example)
    {
        var m = FinneyMetadata.Latest;
        var bob = FinneyMetadata.Bob;
        return example switch
        {
            "burned_register(1, Bob)" => m.EncodeCall("SubtensorModule", "burned_register", 1, bob),
            "add_stake(Bob, 1, 10^9)" => m.EncodeCall("SubtensorModule", "add_stake", bob, 1, 1_000_000_000UL),
            "serve_axon(1, 10002000, 203.0.113.7, 8091, 4, 4, 0, 0)" =>
                m.EncodeCall("SubtensorModule", "serve_axon", 1, 10002000, 3405803783u, 8091, 4, 4, 0, 0),
            "set_weights(1, [0,1], [65535,32768], 10002000)" =>
                m.EncodeCall("SubtensorModule", "set_weights", 1, ScaleValue.Sequence(0, 1), ScaleValue.Sequence(65535, 32768), 10002000UL),
            "set_mechanism_weights(1, 0, [0,1], [65535,32768], 10002000)" =>
                m.EncodeCall("SubtensorModule", "set_mechanism_weights", 1, 0, ScaleValue.Sequence(0, 1), ScaleValue.Sequence(65535, 32768), 10002000UL),
            "start_call(2)" => m.EncodeCall("SubtensorModule", "start_call", 2),
            "register_network(Bob)" => m.EncodeCall("SubtensorModule", "register_network", bob),
            "AdminUtils.sudo_set_commit_reveal_weights_enabled(1, false)" =>
                m.EncodeCall("AdminUtils", "sudo_set_commit_reveal_weights_enabled", 1, false),
            "Sudo.sudo(AdminUtils.sudo_set_weights_set_rate_limit(1, 0))" =>
                m.EncodeCall("Sudo", "sudo", ScaleValue.Variant("AdminUtils", ScaleValue.Variant("sudo_set_weights_set_rate_limit", 1, 0))),
            "Balances.transfer_keep_alive(Id(Bob), 10^12)" =>
                m.EncodeCall("Balances", "transfer_keep_alive", ScaleValue.Variant("Id", bob), 1_000_000_000_000UL),
            _ => throw new ArgumentOutOfRangeException(nameof(example)),
        };
    }

    [Theory]
    [MemberData(nameof(SpecCallExamples))]
    public void Spec_call_examples_are_reproduced_from_metadata(string example, string expectedHex)
    {
        var encoded = Build(example);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(encoded));

        // And back: decode → encode is the identity, through the outer RuntimeCall enum as well.
        var metadata = FinneyMetadata.Latest;
        var (call, arguments) = metadata.DecodeCall(encoded);
        Assert.Equal(encoded, metadata.EncodeCall(call.PalletName, call.Name, arguments.Select(a => a.Value).ToArray()));
        var callType = metadata.Extrinsic.CallTypeId!.Value;
        var runtimeCall = metadata.Types.Decode(callType, encoded);
        Assert.Equal(encoded, metadata.Types.Encode(callType, runtimeCall));
        Assert.Equal(encoded, metadata.Types.Encode(callType, metadata.Types.FromJson(callType, JsonNode.Parse(runtimeCall.ToString()))));
    }

    [Fact]
    public void Pre_dtao_add_stake_form_differs_only_by_netuid()
    {
        // Spec §4.4: the spec-218 mainnet form is 0702 ‖ hotkey ‖ amount; HEAD inserts the u16 netuid.
        var head = Build("add_stake(Bob, 1, 10^9)");
        Assert.Equal("0702" + BobHex + "00ca9a3b00000000", Convert.ToHexStringLower(head.Take(34).Concat(head.Skip(36)).ToArray()));
    }

    [Fact]
    public void Json_rendering_is_polkadot_style()
    {
        var m = FinneyMetadata.Latest;
        var (_, args) = m.DecodeCall(Build("Balances.transfer_keep_alive(Id(Bob), 10^12)"));
        Assert.Equal($"{{\"Id\":\"0x{BobHex}\"}}", args[0].Value.ToString());
        Assert.Equal("1000000000000", args[1].Value.ToString());
        Assert.Equal(new BigInteger(1_000_000_000_000), args[1].Value.AsNumber());

        var accountInfo = m.Pallet("System").StorageEntry("Account");
        var value = m.Types.Decode(accountInfo.ValueTypeId, accountInfo.Default);
        Assert.Equal(0, (int)value["data"]["free"].AsNumber());
        Assert.Equal("{\"nonce\":0,\"consumers\":0,\"providers\":0,\"sufficients\":0,\"data\":{\"free\":0,\"reserved\":0,\"frozen\":0,\"flags\":\"170141183460469231731687303715884105728\"}}", value.ToString());
        // The default flags are 2^127 (the "new logic" bit of pallet_balances), beyond 2^53 so rendered as a string.
    }

    [Fact]
    public void Bad_arguments_are_encode_errors_naming_the_field()
    {
        var m = FinneyMetadata.Latest;
        var ex = Assert.Throws<ScaleEncodeException>(() => m.EncodeCall("SubtensorModule", "burned_register", 70000, FinneyMetadata.Bob));
        Assert.Contains("u16", ex.Message);
        Assert.Contains("netuid", ex.Path);
        Assert.Throws<ScaleEncodeException>(() => m.EncodeCall("SubtensorModule", "burned_register", 1));
        Assert.Throws<ScaleEncodeException>(() => m.EncodeCall("SubtensorModule", "burned_register", 1, new byte[31]));
        Assert.Throws<ScaleEncodeException>(() => m.EncodeCall("Balances", "transfer_keep_alive", ScaleValue.Variant("Nope", FinneyMetadata.Bob), 1));
        Assert.Throws<ScaleEncodeException>(() => m.EncodeCall("Balances", "transfer_keep_alive", ScaleValue.Variant("Id", FinneyMetadata.Bob), -1));
    }

    [Fact]
    public void Malformed_call_bytes_are_decode_errors()
    {
        var m = FinneyMetadata.Latest;
        Assert.Equal(ScaleDecodeError.UnknownVariant, Assert.Throws<ScaleDecodeException>(() => m.DecodeCall([0x07, 0xff])).Error);
        Assert.Equal(ScaleDecodeError.Truncated, Assert.Throws<ScaleDecodeException>(() => m.DecodeCall(Convert.FromHexString("07070100"))).Error);
        Assert.Equal(ScaleDecodeError.TrailingBytes, Assert.Throws<ScaleDecodeException>(() => m.DecodeCall(Convert.FromHexString("075c020000"))).Error);
    }

    [Fact]
    public void Every_constant_and_storage_default_decodes_and_re_encodes_exactly()
    {
        // A broad check of the dynamic codec over thousands of real types and values.
        foreach (var metadata in new[] { FinneyMetadata.Get(FinneyMetadata.Dec2025), FinneyMetadata.Latest })
        foreach (var pallet in metadata.Pallets)
        {
            foreach (var constant in pallet.Constants)
                Assert.Equal(constant.Value, metadata.Types.Encode(constant.TypeId, metadata.Types.Decode(constant.TypeId, constant.Value)));
            foreach (var entry in pallet.Storage?.Entries ?? [])
            {
                if (entry.Modifier != StorageModifier.Default) continue;
                var value = metadata.Types.Decode(entry.ValueTypeId, entry.Default);
                Assert.Equal(entry.Default, metadata.Types.Encode(entry.ValueTypeId, value));
                Assert.Equal(entry.Default, metadata.Types.Encode(entry.ValueTypeId, metadata.Types.FromJson(entry.ValueTypeId, value.ToJson())));
            }
        }
    }

    [Fact]
    public void Random_neuron_info_lite_values_round_trip_through_bytes_and_json()
    {
        var m = FinneyMetadata.Latest;
        var output = m.RuntimeApi("NeuronInfoRuntimeApi").Method("get_neurons_lite").OutputTypeId;
        Assert.Equal("Vec<NeuronInfoLite>", m.Types.Describe(output));
        Gen.Select(Gen.Byte.Array[32], Gen.UShort, Gen.ULong, Gen.Bool, Gen.UInt).Sample((key, uid, stake, permit, ip) =>
        {
            var hex = "0x" + Convert.ToHexStringLower(key);
            var json = JsonNode.Parse($$"""
                [{"hotkey":"{{hex}}","coldkey":"{{hex}}","uid":{{uid}},"netuid":17,"active":{{(permit ? "true" : "false")}},
                  "axon_info":{"block":{{stake % 1000}},"version":1,"ip":{{ip}},"port":8091,"ip_type":4,"protocol":4,"placeholder1":0,"placeholder2":0},
                  "prometheus_info":{"block":0,"version":0,"ip":0,"port":0,"ip_type":0},
                  "stake":[["{{hex}}","{{stake}}"]],"rank":0,"emission":"{{stake}}","incentive":{{uid}},"consensus":{{uid}},"trust":0,
                  "validator_trust":0,"dividends":{{uid}},"last_update":"{{stake}}","validator_permit":{{(permit ? "true" : "false")}},"pruning_score":65535}]
                """);
            var bytes = m.Types.Encode(output, m.Types.FromJson(output, json));
            var decoded = m.Types.Decode(output, bytes);
            var expected = json!.ToJsonString().Replace($"\"{stake}\"", stake <= (1UL << 53) - 1 ? stake.ToString() : $"\"{stake}\"");
            return decoded.ToString() == expected && m.Types.Encode(output, decoded).AsSpan().SequenceEqual(bytes);
        });
    }
}
