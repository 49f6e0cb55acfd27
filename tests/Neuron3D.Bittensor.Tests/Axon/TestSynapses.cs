using System.Text.Json;
using System.Text.Json.Serialization;
using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Bittensor.Tests.Axon;

/// <summary>The spec's worked-example synapse (§1.9): one required int, hashed; one optional int.</summary>
[RequiredHashFields("dummy_input")]
public sealed record Dummy : Synapse
{
    public required long DummyInput { get; init; }
    public long? DummyOutput { get; init; }
}

/// <summary>SN17 TextTask (sn17 spec §1.1).</summary>
public sealed record TextTask
{
    public string Type { get; init; } = "text";
    public string Id { get; init; } = Guid.NewGuid().ToString();
    public string Prompt { get; init; } = "";
}

/// <summary>SN17 Feedback (sn17 spec §1.3).</summary>
public sealed record Feedback
{
    public bool ValidationFailed { get; init; }
    public double TaskFidelityScore { get; init; }
    public double AverageFidelityScore { get; init; }
    public long GenerationsWithinTheWindow { get; init; }
    public double CurrentDuelRating { get; init; }
    public double CurrentMinerReward { get; init; }
}

/// <summary>SN17 PullTask-shaped synapse (sn17 spec §1.4).</summary>
public sealed record PullTask : Synapse
{
    [JsonPropertyName("task")]
    public TextTask? Assignment { get; init; }
    public double ValidationThreshold { get; init; } = 0.6;
    public long ThrottlePeriod { get; init; }
    public long CooldownUntil { get; init; }
    public long CooldownViolations { get; init; }
}

/// <summary>SN17 SubmitResults-shaped synapse (sn17 spec §1.5): three required fields.</summary>
public sealed record SubmitResults : Synapse
{
    [JsonPropertyName("task")]
    public TextTask? Assignment { get; init; }
    public string TaskId { get; init; } = "";
    public required string Results { get; init; }
    public string DataFormat { get; init; } = "ply";
    public long DataVer { get; init; }
    public long Compression { get; init; } = 2;
    public required long SubmitTime { get; init; }
    public required string Signature { get; init; }
    public Feedback? Feedback { get; init; }
    public long CooldownUntil { get; init; }
}

/// <summary>A synapse hashing a list, a string and a float, to pin Python str() of each kind.</summary>
[RequiredHashFields("numbers", "text", "ratio")]
public sealed record Mixed : Synapse
{
    public List<long> Numbers { get; init; } = [];
    public string Text { get; init; } = "";
    public double Ratio { get; init; }
    public Dictionary<string, JsonElement> Extra { get; init; } = [];
}

[RequiredHashFields("no_such_field")]
public sealed record BrokenHashFields : Synapse
{
    public long Value { get; init; }
}
