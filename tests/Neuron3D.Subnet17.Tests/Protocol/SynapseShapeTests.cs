using System.Text;
using System.Text.Json;
using Neuron3D.Bittensor.Axon.Synapses;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Subnet17.Tests.Protocol;

/// <summary>
/// Golden bodies: what pydantic's <c>model_dump_json</c>-equivalent produces for SN17's synapses (field tables of
/// spec sn17-404gen.md §1, declaration order, Python float repr, nulls present).
/// </summary>
public class SynapseShapeTests
{
    private const string EmptyTerminal =
        "{\"status_code\":null,\"status_message\":null,\"process_time\":null,\"ip\":null,\"port\":null,\"version\":null,\"nonce\":null,\"uuid\":null,\"hotkey\":null,\"signature\":null}";

    private static string Base(string name) =>
        $"\"name\":\"{name}\",\"timeout\":12.0,\"total_size\":0,\"header_size\":0,\"dendrite\":{EmptyTerminal},\"axon\":{EmptyTerminal},\"computed_body_hash\":\"\"";

    [Fact]
    public void Default_pull_task_body_matches_pydantic()
    {
        var json = Encoding.UTF8.GetString(SynapseJson.Serialize(new PullTask()));
        Assert.Equal("{" + Base("PullTask") + ",\"task\":null,\"validation_threshold\":0.6,\"throttle_period\":0,\"cooldown_until\":0,\"cooldown_violations\":0}", json);
    }

    [Fact]
    public void Pull_task_answer_carries_the_task_union_in_pydantic_order()
    {
        var answer = new PullTask { Task = new Sn17Task("6f1c1b9e-6d4e-4a7e-9a0e-3c2b1a0f9e8d", TaskKind.Text, "a red chair"), ThrottlePeriod = 30 };
        var json = Encoding.UTF8.GetString(SynapseJson.Serialize(answer));
        Assert.Contains("\"task\":{\"type\":\"text\",\"id\":\"6f1c1b9e-6d4e-4a7e-9a0e-3c2b1a0f9e8d\",\"prompt\":\"a red chair\"}", json);
        var back = (PullTask)SynapseJson.Deserialize(Encoding.UTF8.GetBytes(json), typeof(PullTask));
        Assert.Equal(answer.Task, back.Task);
        Assert.Equal(30, back.ThrottlePeriod);
    }

    [Fact]
    public void Submit_results_body_and_required_field_headers()
    {
        var submit = new SubmitResults { TaskId = "t-1", Results = "AAEC", SubmitTime = 1_732_528_800_123_456_789, Signature = "c2ln" };
        var json = Encoding.UTF8.GetString(SynapseJson.Serialize(submit));
        Assert.Equal("{" + Base("SubmitResults") +
            ",\"task\":null,\"task_id\":\"t-1\",\"results\":\"AAEC\",\"data_format\":\"ply\",\"data_ver\":0,\"compression\":2," +
            "\"submit_time\":1732528800123456789,\"signature\":\"c2ln\",\"feedback\":null,\"cooldown_until\":0}", json);

        // Spec sn17-404gen.md §0: a Python axon needs these three headers or it answers 400.
        var headers = SynapseHeaders.Build(submit, BodyHash.Compute(submit), 0).ToDictionary(h => h.Key, h => h.Value);
        Assert.Equal("IiI=", headers["bt_header_input_obj_results"]);
        Assert.Equal("MA==", headers["bt_header_input_obj_submit_time"]);
        Assert.Equal("IiI=", headers["bt_header_input_obj_signature"]);
        Assert.Equal("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", headers["computed_body_hash"]);
        Assert.DoesNotContain(headers.Keys, k => k.StartsWith("bt_header_input_obj_task", StringComparison.Ordinal));
    }

    [Fact]
    public void Feedback_serialises_with_the_spec_field_names()
    {
        var answer = new SubmitResults
        {
            Results = "", SubmitTime = 0, Signature = "",
            Feedback = new Feedback(false, 0.8, 0.99, 3, 1500.0, 4500.0), CooldownUntil = 1_700_000_300,
        };
        var json = Encoding.UTF8.GetString(SynapseJson.Serialize(answer));
        Assert.Contains("\"feedback\":{\"validation_failed\":false,\"task_fidelity_score\":0.8,\"average_fidelity_score\":0.99," +
            "\"generations_within_the_window\":3,\"current_duel_rating\":1500.0,\"current_miner_reward\":4500.0}", json);
        var back = (SubmitResults)SynapseJson.Deserialize(Encoding.UTF8.GetBytes(json), typeof(SubmitResults));
        Assert.Equal(answer.Feedback, back.Feedback);
    }

    [Fact]
    public void Deprecated_task_field_fills_an_empty_task_id()
    {
        var body = "{\"task\":{\"type\":\"image\",\"id\":\"abc\",\"prompt\":\"iVBO\"},\"results\":\"\",\"submit_time\":5,\"signature\":\"\"}";
        var submit = (SubmitResults)SynapseJson.Deserialize(Encoding.UTF8.GetBytes(body), typeof(SubmitResults));
        Assert.Equal("abc", submit.EffectiveTaskId);
        Assert.Equal(TaskKind.Image, submit.Task!.Kind);
    }

    [Fact]
    public void Task_json_follows_pydantic_defaults_and_rejects_unknown_types()
    {
        var minimal = JsonSerializer.Deserialize<Sn17Task>("{\"prompt\":\"a lamp\",\"extra\":[1,2]}")!;
        Assert.Equal(TaskKind.Text, minimal.Kind);
        Assert.True(Guid.TryParse(minimal.Id, out _));
        Assert.Equal("a lamp", minimal.Prompt);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Sn17Task>("{\"type\":\"video\",\"prompt\":\"x\"}"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Sn17Task>("[1]"));
    }

    [Fact]
    public void Missing_required_submit_fields_are_a_format_error() =>
        Assert.Throws<SynapseFormatException>(() =>
            SynapseJson.Deserialize("{\"task_id\":\"x\",\"results\":\"\"}"u8, typeof(SubmitResults)));

    [Fact]
    public void Get_version_body()
    {
        var json = Encoding.UTF8.GetString(SynapseJson.Serialize(new GetVersion { Version = 45, ValidationVersion = "\"2.4.0\"" }));
        Assert.EndsWith(",\"version\":45,\"validation_version\":\"\\\"2.4.0\\\"\"}", json);
    }
}
