using System.Text.Json.Nodes;
using Neuron3D.Testing;

namespace Neuron3D.Bittensor.Tests.Axon;

/// <summary>
/// An independent dendrite (tools/js/dendrite-peer.mjs: node fetch + @polkadot/util-crypto sr25519 + @noble/hashes
/// SHA3, written from the spec only) talks to our axon: proof that the wire format is the spec's, not just ours.
/// </summary>
public sealed class JsDendriteTests
{
    private static Task<AxonTestHost> StartAsync() =>
        AxonTestHost.StartAsync((server, host) => server
            .Attach<Dummy>((synapse, info, _) =>
            {
                host.CountHandlerRun();
                Assert.True(info.Verified);
                return ValueTask.FromResult(synapse with { DummyOutput = synapse.DummyInput * 2 });
            })
            .Attach<SubmitResults>((synapse, _, _) =>
            {
                host.CountHandlerRun();
                return ValueTask.FromResult(synapse with { Results = "", Signature = "", TaskId = "seen:" + synapse.TaskId });
            }));

    private static JsonNode RunPeer(AxonTestHost host, string name, object fields, string[] required, string[] hashFields, int sends = 1) =>
        NodePeer.Run("dendrite-peer.mjs", new
        {
            url = host.BaseUri.ToString().TrimEnd('/'),
            name,
            uri = "//Alice",
            axon = new { ip = "127.0.0.1", port = host.Port, hotkey = DevKeys.BobAddress },
            fields,
            required,
            hashFields,
            timeout = 12.0,
            externalIp = "203.0.113.7",
            sends,
        });

    [Fact]
    public async Task Js_dendrite_call_with_a_hashed_field_succeeds_and_its_replay_is_refused()
    {
        await using var host = await StartAsync();
        var result = await Task.Run(() => RunPeer(host, "Dummy", new { dummy_input = 21, dummy_output = (int?)null }, ["dummy_input"], ["dummy_input"], sends: 2));

        Assert.Equal(DevKeys.AliceAddress, (string?)result["hotkey"]);
        var responses = result["responses"]!.AsArray();
        var first = responses[0]!;
        Assert.Equal(200, (int?)first["status"]);
        Assert.Equal(42, (int?)first["body"]!["dummy_output"]);
        Assert.Equal("Success", (string?)first["headers"]!["bt_header_axon_status_message"]);
        Assert.Equal((string?)result["bodyHash"], (string?)first["headers"]!["computed_body_hash"]);

        var replay = responses[1]!;
        Assert.Equal(401, (int?)replay["status"]);
        Assert.Equal("Not Verified with error: Nonce is too old, a newer one was last processed", (string?)replay["body"]!["message"]);
        Assert.Equal(1, host.HandlerRuns);
    }

    [Fact]
    public async Task Js_dendrite_SubmitResults_with_required_fields_succeeds()
    {
        await using var host = await StartAsync();
        var fields = new { task_id = "t-9", results = "UExZAAAA", submit_time = 1750000000, signature = "c2ln", data_format = "ply" };
        var result = await Task.Run(() => RunPeer(host, "SubmitResults", fields, ["results", "submit_time", "signature"], []));
        var response = result["responses"]![0]!;
        Assert.Equal(200, (int?)response["status"]);
        Assert.Equal("seen:t-9", (string?)response["body"]!["task_id"]);
        Assert.Equal("", (string?)response["body"]!["results"]);
        Assert.Equal("IiI=", (string?)response["headers"]!["bt_header_input_obj_results"]);
        Assert.Equal(1, host.HandlerRuns);
    }
}
