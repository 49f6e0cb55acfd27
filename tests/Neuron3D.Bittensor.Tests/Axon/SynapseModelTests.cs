using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Bittensor.Tests.Axon;

/// <summary>Synapse JSON bodies, descriptors and headers (spec §1.2, §1.3; sn17 §0).</summary>
public sealed class SynapseModelTests
{
    /// <summary>The worked example's request body as Python produced it (signature in full).</summary>
    internal const string WorkedExampleBody =
        """{"name": "Dummy", "timeout": 12.0, "total_size": 3016, "header_size": 0, "dendrite": {"status_code": null, "status_message": null, "process_time": null, "ip": "203.0.113.7", "port": null, "version": 10002000, "nonce": 1750000000000000000, "uuid": "5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a", "hotkey": "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", "signature": "0xe42461ebfc2eb1f1a2fe5dec8b5a97bd1dfe1aae76c03e1ca131b66e352170593de3eff2d38a138d484505a66b007025e83d27dd98df01fc53f6dcbec9ea4a87"}, "axon": {"status_code": null, "status_message": null, "process_time": null, "ip": "198.51.100.9", "port": 8091, "version": null, "nonce": null, "uuid": null, "hotkey": "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty", "signature": null}, "computed_body_hash": "", "dummy_input": 5, "dummy_output": null}""";

    [Fact]
    public void Python_body_parses_and_serializes_back_to_the_same_JSON_document()
    {
        var parsed = (Dummy)SynapseJson.Deserialize(Encoding.UTF8.GetBytes(WorkedExampleBody), typeof(Dummy));
        Assert.Equal(5, parsed.DummyInput);
        Assert.Null(parsed.DummyOutput);
        Assert.Equal(1750000000000000000, parsed.Dendrite.Nonce);
        Assert.Equal(8091, parsed.Axon.Port);
        Assert.Equal(12.0, parsed.Timeout);

        var ours = JsonNode.Parse(SynapseJson.Serialize(parsed));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(WorkedExampleBody), ours), ours!.ToJsonString());
    }

    [Fact]
    public void Body_lists_base_fields_first_in_Python_order_then_subclass_fields_and_writes_floats_as_Python_does()
    {
        var json = Encoding.UTF8.GetString(SynapseJson.Serialize(new Dummy { DummyInput = 5 }));
        using var document = JsonDocument.Parse(json);
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["name", "timeout", "total_size", "header_size", "dendrite", "axon", "computed_body_hash", "dummy_input", "dummy_output"], names);
        var terminal = document.RootElement.GetProperty("dendrite").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["status_code", "status_message", "process_time", "ip", "port", "version", "nonce", "uuid", "hotkey", "signature"], terminal);
        Assert.Contains("\"timeout\":12.0", json);
        Assert.Contains("\"dummy_output\":null", json);
    }

    [Fact]
    public void Name_is_forced_to_the_class_name_whatever_the_body_says()
    {
        var body = WorkedExampleBody.Replace("\"name\": \"Dummy\"", "\"name\": \"Evil\"");
        Assert.Equal("Dummy", SynapseJson.Deserialize(Encoding.UTF8.GetBytes(body), typeof(Dummy)).Name);
    }

    public static TheoryData<string> InvalidBodies => new()
    {
        "{\"timeout\": 12.0}",                                  // required dummy_input missing
        "{\"dummy_input\": null}",                              // null for a non-nullable field
        "{\"dummy_input\": \"5\"}",                             // a string is not an int
        "{\"dummy_input\": 5, \"dendrite\": null}",             // terminal must be an object
        "[1, 2]",
        "{\"dummy_input\": 5",
        "null",
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public void Invalid_bodies_raise_SynapseFormatException(string body) =>
        Assert.Throws<SynapseFormatException>(() => SynapseJson.Deserialize(Encoding.UTF8.GetBytes(body), typeof(Dummy)));

    [Fact]
    public void Non_finite_floats_cannot_be_serialized() =>
        Assert.Throws<SynapseFormatException>(() => SynapseJson.Serialize(new Mixed { Ratio = double.NaN }));

    [Fact]
    public void SubmitResults_required_fields_get_the_sn17_input_obj_headers()
    {
        var descriptor = SynapseDescriptor.For<SubmitResults>();
        Assert.Equal("SubmitResults", descriptor.Name);
        Assert.Equal(
            [
                new("bt_header_input_obj_results", "IiI="),
                new("bt_header_input_obj_submit_time", "MA=="),
                new("bt_header_input_obj_signature", "IiI="),
            ],
            descriptor.InputObjectHeaders);
        Assert.Empty(SynapseDescriptor.For<PullTask>().InputObjectHeaders);
        Assert.Equal([new KeyValuePair<string, string>("bt_header_input_obj_dummy_input", "MA==")], SynapseDescriptor.For<Dummy>().InputObjectHeaders);
    }

    [Theory]
    [InlineData(typeof(long), "MA==")]
    [InlineData(typeof(string), "IiI=")]
    [InlineData(typeof(double), "MC4w")]
    [InlineData(typeof(List<int>), "W10=")]
    [InlineData(typeof(Dictionary<string, int>), "e30=")]
    [InlineData(typeof(bool), "ZmFsc2U=")]
    public void Empty_value_headers_match_the_spec_table(Type type, string expected) =>
        Assert.Equal(expected, SynapseDescriptor.EmptyValueBase64(type));

    [Fact]
    public void A_hash_field_that_is_not_a_field_is_a_definition_error() =>
        Assert.Throws<SynapseDefinitionException>(() => SynapseDescriptor.For<BrokenHashFields>());

    [Fact]
    public void Headers_follow_the_SDK_order_and_Python_str_formatting()
    {
        var synapse = new Dummy
        {
            DummyInput = 5,
            Timeout = 12,
            Axon = new TerminalInfo { StatusCode = 200, StatusMessage = "Success", ProcessTime = 0.0012, Ip = "198.51.100.9", Port = 8091 },
            Dendrite = new TerminalInfo { Ip = "203.0.113.7", Version = 10002000, Nonce = 1750000000000000000 },
        };
        var headers = SynapseHeaders.Build(synapse, "ab".PadRight(64, '0'), 99);
        Assert.Equal(
            ["name", "timeout", "bt_header_axon_status_code", "bt_header_axon_status_message", "bt_header_axon_process_time",
             "bt_header_axon_ip", "bt_header_axon_port", "bt_header_dendrite_ip", "bt_header_dendrite_version",
             "bt_header_dendrite_nonce", "bt_header_input_obj_dummy_input", "header_size", "total_size", "computed_body_hash"],
            headers.Select(h => h.Key));
        var values = headers.ToDictionary(h => h.Key, h => h.Value);
        Assert.Equal("Dummy", values["name"]);
        Assert.Equal("12.0", values["timeout"]);
        Assert.Equal("0.0012", values["bt_header_axon_process_time"]);
        Assert.Equal("1750000000000000000", values["bt_header_dendrite_nonce"]);
        Assert.Equal("99", values["total_size"]);
    }

    [Fact]
    public void Response_terminals_are_read_leniently_and_lowercase_only()
    {
        var headers = new Dictionary<string, IEnumerable<string>>
        {
            ["bt_header_axon_status_code"] = ["401"],
            ["bt_header_axon_process_time"] = ["0.5"],
            ["bt_header_axon_port"] = ["not a number"],
            ["bt_header_axon_unknown"] = ["x"],
            ["bt_header_dendrite_nonce"] = ["42"],
            ["BT_HEADER_AXON_IP"] = ["1.2.3.4"],
        };
        var (axon, dendrite) = SynapseHeaders.ReadTerminals(headers);
        Assert.Equal(401, axon.StatusCode);
        Assert.Equal(0.5, axon.ProcessTime);
        Assert.Null(axon.Port);
        Assert.Null(axon.Ip);
        Assert.Equal(42, dendrite.Nonce);
    }

    [Fact]
    public void Generic_synapse_carries_raw_fields_and_types_their_input_obj_headers()
    {
        var json = """{"task_id": "t1", "results": "", "submit_time": 7, "ratio": 0.5, "ok": true, "list": [1], "nested": {"a": 1}, "none": null}""";
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        var synapse = new GenericSynapse("SubmitResults") { Fields = fields };
        Assert.Equal("SubmitResults", synapse.Name);

        var headers = SynapseHeaders.Build(synapse, BodyHash.Compute(synapse), 0).ToDictionary(h => h.Key, h => h.Value);
        Assert.Equal("IiI=", headers["bt_header_input_obj_results"]);
        Assert.Equal("MA==", headers["bt_header_input_obj_submit_time"]);
        Assert.Equal("MC4w", headers["bt_header_input_obj_ratio"]);
        Assert.Equal("ZmFsc2U=", headers["bt_header_input_obj_ok"]);
        Assert.Equal("W10=", headers["bt_header_input_obj_list"]);
        Assert.Equal("e30=", headers["bt_header_input_obj_nested"]);
        Assert.False(headers.ContainsKey("bt_header_input_obj_none"));

        var body = JsonNode.Parse(SynapseJson.Serialize(synapse))!.AsObject();
        Assert.Equal("SubmitResults", (string?)body["name"]);
        Assert.Equal(7, (int?)body["submit_time"]);
        var back = (GenericSynapse)SynapseJson.Deserialize(SynapseJson.Serialize(synapse), typeof(GenericSynapse));
        Assert.Equal("SubmitResults", back.Name);
        Assert.Equal("t1", back.Fields["task_id"].GetString());
    }
}
