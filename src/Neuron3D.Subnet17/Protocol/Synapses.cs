using Neuron3D.Bittensor.Axon.Synapses;

namespace Neuron3D.Subnet17.Protocol;

/// <summary>
/// Miner → validator: "give me a task" (spec sn17-404gen.md §1.4). The miner sends the defaults; the validator fills
/// either a task with its threshold and throttle, or the cooldown it must respect.
/// </summary>
public sealed record PullTask : Synapse
{
    /// <summary>The assigned task, or null during a cooldown.</summary>
    public Sn17Task? Task { get; init; }
    /// <summary>Scores below this are rejected and penalised.</summary>
    public double ValidationThreshold { get; init; } = 0.6;
    /// <summary>Seconds; the validator's throttle period.</summary>
    public int ThrottlePeriod { get; init; }
    /// <summary>Unix seconds; when non-zero and no task came, the miner must wait until then.</summary>
    public long CooldownUntil { get; init; }
    /// <summary>Pulls the miner made during cooldowns.</summary>
    public int CooldownViolations { get; init; }
}

/// <summary>
/// Miner → validator: the result for a task (spec sn17-404gen.md §1.5). <c>results</c>, <c>submit_time</c> and
/// <c>signature</c> are pydantic-required, so the dendrite sends their <c>bt_header_input_obj_*</c> headers.
/// </summary>
public sealed record SubmitResults : Synapse
{
    /// <summary>Deprecated: older miners sent the whole task instead of <see cref="TaskId"/>.</summary>
    public Sn17Task? Task { get; init; }
    public string TaskId { get; init; } = "";
    /// <summary>Standard base64 of the SPZ bytes; empty = the miner skips the task.</summary>
    public required string Results { get; init; }
    public string DataFormat { get; init; } = "ply";
    public int DataVer { get; init; }
    /// <summary>2 = SPZ, the only value in use (validators ignore it).</summary>
    public int Compression { get; init; } = 2;
    /// <summary>The miner's clock when submitting, in nanoseconds (Python <c>time.time_ns()</c>); part of the signed message.</summary>
    public required long SubmitTime { get; init; }
    /// <summary>Base64 license-consent signature (<see cref="LicenseConsent"/>).</summary>
    public required string Signature { get; init; }
    /// <summary>Filled by the validator.</summary>
    public Feedback? Feedback { get; init; }
    /// <summary>Unix seconds; when the miner may pull from this validator again.</summary>
    public long CooldownUntil { get; init; }

    /// <summary>The task being answered, with pydantic's post-init rule: an empty task_id falls back to task.id.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string EffectiveTaskId => TaskId.Length == 0 && Task is not null ? Task.Id : TaskId;
}

/// <summary>Anyone → validator: which validator and validation-service versions run (spec sn17-404gen.md §1.6).</summary>
public sealed record GetVersion : Synapse
{
    public int Version { get; init; }
    /// <summary>The raw body of the validation service's <c>/version/</c> (a JSON string literal such as <c>"2.4.0"</c>, quotes included).</summary>
    public string ValidationVersion { get; init; } = "";
}
