using System.Text;
using System.Text.Json.Nodes;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Axon.Synapses;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bittensor.Tests.Axon;

/// <summary>The spec's verified worked example (bittensor.md §1.9) at byte level, both directions; sn17 §0 headers.</summary>
public sealed class WorkedExampleTests
{
    private const long Nonce = 1750000000000000000;
    private const string Uuid = "5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a";
    private const string BodyHashHex = "4fae6364bdbf7a0def40e782ea7656d4bc96dd42a6eaf71d62b977d74e733ecf";
    private const string PythonSignature = "0xe42461ebfc2eb1f1a2fe5dec8b5a97bd1dfe1aae76c03e1ca131b66e352170593de3eff2d38a138d484505a66b007025e83d27dd98df01fc53f6dcbec9ea4a87";
    private const string SignedMessage = "1750000000000000000.5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY.5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty.5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a.4fae6364bdbf7a0def40e782ea7656d4bc96dd42a6eaf71d62b977d74e733ecf";

    /// <summary>The request headers Python produced, in order (header_size/total_size are Python object sizes).</summary>
    private static readonly (string Name, string Value)[] PythonHeaders =
    [
        ("name", "Dummy"),
        ("timeout", "12.0"),
        ("bt_header_axon_ip", "198.51.100.9"),
        ("bt_header_axon_port", "8091"),
        ("bt_header_axon_hotkey", DevKeys.BobAddress),
        ("bt_header_dendrite_ip", "203.0.113.7"),
        ("bt_header_dendrite_version", "10002000"),
        ("bt_header_dendrite_nonce", "1750000000000000000"),
        ("bt_header_dendrite_uuid", Uuid),
        ("bt_header_dendrite_hotkey", DevKeys.AliceAddress),
        ("bt_header_dendrite_signature", PythonSignature),
        ("bt_header_input_obj_dummy_input", "MA=="),
        ("header_size", "464"),
        ("total_size", "3016"),
        ("computed_body_hash", BodyHashHex),
    ];

    private static PreparedSynapseRequest PrepareLikeTheExample()
    {
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice), new DendriteOptions { ExternalIp = "203.0.113.7" },
            Uuid, SettableClock.AtUnixNanoseconds(Nonce));
        return dendrite.Prepare(new AxonTarget("198.51.100.9", 8091, DevKeys.BobAddress), new Dummy { DummyInput = 5 }, TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void The_signed_message_is_the_specs_text_and_the_Python_signature_verifies_over_it()
    {
        var message = SynapseSignature.DendriteMessage(Nonce, DevKeys.AliceAddress, DevKeys.BobAddress, Uuid, BodyHashHex);
        Assert.Equal(SignedMessage, Encoding.UTF8.GetString(message));
        Assert.Equal(219, message.Length); // the spec says "228 chars"; its own text is 219 (19+48+48+36+64 and 4 dots)
        Span<byte> signature = stackalloc byte[64];
        Assert.True(SynapseSignature.TryParseHex(PythonSignature, signature));
        Assert.True(Sr25519.Verify(DevKeys.Alice.PublicKey, message, signature));
    }

    [Fact]
    public void Our_dendrite_produces_the_specs_headers_in_order()
    {
        var prepared = PrepareLikeTheExample();
        Assert.Equal(new Uri("http://198.51.100.9:8091/Dummy"), prepared.Url);
        Assert.Equal(BodyHashHex, prepared.BodyHash);
        Assert.Equal(PythonHeaders.Select(h => h.Name), prepared.Headers.Select(h => h.Key));
        var signature = new byte[64];
        foreach (var ((name, expected), (_, actual)) in PythonHeaders.Zip(prepared.Headers))
        {
            switch (name)
            {
                case "bt_header_dendrite_signature":
                    Assert.Matches("^0x[0-9a-f]{128}$", actual);
                    Assert.True(SynapseSignature.TryParseHex(actual, signature));
                    Assert.True(Sr25519.Verify(DevKeys.Alice.PublicKey, Encoding.UTF8.GetBytes(SignedMessage), signature), "signature must cover the spec's message");
                    break;
                case "header_size" or "total_size":
                    Assert.Matches("^[0-9]+$", actual); // Python's values are CPython object sizes, checked by no one
                    break;
                default:
                    Assert.Equal(expected, actual);
                    break;
            }
        }
        Assert.Equal(prepared.Body.Length.ToString(), prepared.Headers.Single(h => h.Key == "total_size").Value);
    }

    [Fact]
    public void Our_dendrite_body_is_the_specs_body_up_to_the_random_signature_and_size_hint()
    {
        var prepared = PrepareLikeTheExample();
        var ours = JsonNode.Parse(prepared.Body.Span)!.AsObject();
        var python = JsonNode.Parse(SynapseModelTests.WorkedExampleBody)!.AsObject();
        python["total_size"] = 0;
        python["dendrite"]!["signature"] = prepared.Synapse.Dendrite.Signature;
        Assert.True(JsonNode.DeepEquals(python, ours), ours.ToJsonString());
        Assert.Equal(prepared.Synapse.Dendrite.Signature, prepared.Headers.Single(h => h.Key == "bt_header_dendrite_signature").Value);
    }

    [Fact]
    public async Task Our_axon_accepts_the_Python_request_and_answers_the_success_shape()
    {
        var clock = SettableClock.AtUnixNanoseconds(Nonce + 1_000_000_000);
        await using var host = await AxonTestHost.StartAsync((server, h) => server.Attach<Dummy>((synapse, _, _) =>
        {
            h.CountHandlerRun();
            return ValueTask.FromResult(synapse with { DummyOutput = 10 });
        }), clock: clock);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseUri, "/Dummy"));
        foreach (var (name, value) in PythonHeaders) request.Headers.TryAddWithoutValidation(name, value);
        request.Content = new StringContent(SynapseModelTests.WorkedExampleBody, Encoding.UTF8, "application/json");
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, host.HandlerRuns);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("Dummy", (string?)body["name"]);
        Assert.Equal(12.0, (double?)body["timeout"]);
        Assert.Equal(5, (long?)body["dummy_input"]);
        Assert.Equal(10, (long?)body["dummy_output"]);
        Assert.Equal("", (string?)body["computed_body_hash"]);
        var axon = body["axon"]!.AsObject();
        Assert.Equal(200, (int?)axon["status_code"]);
        Assert.Equal("Success", (string?)axon["status_message"]);
        Assert.True((double?)axon["process_time"] > 0);
        Assert.Equal("198.51.100.9", (string?)axon["ip"]);
        Assert.Equal(8091, (int?)axon["port"]);
        Assert.Equal(DevKeys.BobAddress, (string?)axon["hotkey"]);
        foreach (var absent in new[] { "version", "nonce", "uuid", "signature" }) Assert.Null(axon[absent]);
        Assert.Equal(PythonSignature, (string?)body["dendrite"]!["signature"]);
        Assert.Contains("\"timeout\":12.0", await response.Content.ReadAsStringAsync());

        string Header(string name) => Assert.Single(response.Headers.GetValues(name));
        Assert.Equal("Dummy", Header("name"));
        Assert.Equal("12.0", Header("timeout"));
        Assert.Equal("200", Header("bt_header_axon_status_code"));
        Assert.Equal("Success", Header("bt_header_axon_status_message"));
        Assert.True(double.Parse(Header("bt_header_axon_process_time"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("198.51.100.9", Header("bt_header_axon_ip"));
        Assert.Equal("8091", Header("bt_header_axon_port"));
        Assert.Equal(DevKeys.BobAddress, Header("bt_header_axon_hotkey"));
        Assert.Equal("1750000000000000000", Header("bt_header_dendrite_nonce"));
        Assert.Equal(DevKeys.AliceAddress, Header("bt_header_dendrite_hotkey"));
        Assert.Equal(PythonSignature, Header("bt_header_dendrite_signature"));
        Assert.Equal("MA==", Header("bt_header_input_obj_dummy_input"));
        Assert.Equal(BodyHashHex, Header("computed_body_hash"));
        Assert.Matches("^[0-9]+$", Header("header_size"));
        Assert.Matches("^[0-9]+$", Header("total_size"));
        // The Python dendrite matches these names case-sensitively: they must go out lowercase.
        Assert.All(response.Headers.Select(h => h.Key).Where(k => k.StartsWith("bt_", StringComparison.OrdinalIgnoreCase)),
            key => Assert.Equal(key.ToLowerInvariant(), key));
    }

    [Fact]
    public void Sn17_SubmitResults_request_carries_the_three_input_obj_headers()
    {
        using var dendrite = new Dendrite(new Sr25519SynapseSigner(DevKeys.Alice));
        var prepared = dendrite.Prepare(new AxonTarget("198.51.100.9", 8091, DevKeys.BobAddress),
            new SubmitResults { Results = "UExZ", SubmitTime = 1750000000000000000, Signature = "c2ln", TaskId = "t" }, TimeSpan.FromSeconds(300));
        var headers = prepared.Headers.ToDictionary(h => h.Key, h => h.Value);
        Assert.Equal("IiI=", headers["bt_header_input_obj_results"]);
        Assert.Equal("MA==", headers["bt_header_input_obj_submit_time"]);
        Assert.Equal("IiI=", headers["bt_header_input_obj_signature"]);
        Assert.Equal(BodyHash.OfNoFields, headers["computed_body_hash"]);
        Assert.Equal("300.0", headers["timeout"]);
        Assert.Equal("/SubmitResults", prepared.Url.AbsolutePath);
    }
}
