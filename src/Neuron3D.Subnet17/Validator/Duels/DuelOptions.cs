namespace Neuron3D.Subnet17.Validator.Duels;

/// <summary>
/// Duel settings with SN17's defaults (spec sn17-404gen.md §3.1, §3.6). Times are seconds unless the type says
/// otherwise. Duels are off while <see cref="JudgeEndpoint"/> is null.
/// </summary>
public sealed record DuelOptions
{
    /// <summary>`--duels.judge_endpoint`: the OpenAI-compatible API root (SN17 runs vLLM at http://127.0.0.1:8095/v1/); null = duels off.</summary>
    public Uri? JudgeEndpoint { get; init; }

    /// <summary>`--duels.judge_api_key`: sent as a bearer token (vLLM's default key is "local"); never logged.</summary>
    public string JudgeApiKey { get; init; } = "local";

    /// <summary>The vision-language model SN17 validators ask.</summary>
    public string JudgeModel { get; init; } = "zai-org/GLM-4.1V-9B-Thinking";

    /// <summary>Sampling temperature of the judge.</summary>
    public double JudgeTemperature { get; init; } = 0.1;

    /// <summary>Most tokens the judge may answer with.</summary>
    public int JudgeMaxTokens { get; init; } = 1024;

    /// <summary>Largest judge answer read (bytes); a 1024-token completion is a few KiB.</summary>
    public int MaxJudgeAnswerBytes { get; init; } = 1 << 20;

    /// <summary>Limit for one judge call (request and answer).</summary>
    public TimeSpan JudgeTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>`--duels.start_delay`: no duel is handed out this long after start, so every active miner has pulled once.</summary>
    public double StartDelay { get; init; } = 1800;

    /// <summary>`--duels.inactivity_time`: a uid that has not pulled a task for this long is not paired.</summary>
    public double InactivityTime { get; init; } = 1200;

    /// <summary>New duels are made only while pending + awaiting-judgement duels stay below this (PENDING_DUELS_SIZE = 2 × 256).</summary>
    public int MaxOpenDuels { get; init; } = 512;

    /// <summary>Pairing attempts per pull (MAX_DUEL_CREATION_ATTEMPTS); each attempt uses a new nonce and prompt.</summary>
    public int MaxCreationAttempts { get; init; } = 3;

    /// <summary>`--duels.duels_per_minute`: judge calls start at most this often (6 = one per 10 s).</summary>
    public double DuelsPerMinute { get; init; } = 6;

    /// <summary>`--duels.slow_validation_threshold`: judging pauses while the decayed peak latency (s) is above this.</summary>
    public double SlowLatencyThreshold { get; init; } = 10;

    /// <summary>How long the judging loop waits before it checks a pause again (SN17 sleeps 5 s).</summary>
    public TimeSpan PauseRecheck { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A duel nobody has touched (pull or result) for this long is recycled (SN17's hourly garbage collection).</summary>
    public double AbandonAfter { get; init; } = 3600;

    /// <summary>Pixels per view of the 2×2 grid previews rendered for the judge when the scorer gives none (SN17: 518 → 1041×1041).</summary>
    public int PreviewViewSize { get; init; } = 518;

    /// <summary>Seconds between judge calls that <see cref="DuelsPerMinute"/> allows (at least 1 s, as SN17 clamps it).</summary>
    public double JudgeInterval => Math.Max(1.0, 60.0 / DuelsPerMinute);

    /// <summary>Rejects settings that cannot work, naming the setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (JudgeEndpoint is not null && (!JudgeEndpoint.IsAbsoluteUri || (JudgeEndpoint.Scheme != Uri.UriSchemeHttp && JudgeEndpoint.Scheme != Uri.UriSchemeHttps))) throw new ArgumentOutOfRangeException(nameof(JudgeEndpoint), JudgeEndpoint, "the judge endpoint must be an absolute http(s) URL");
        if (JudgeTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(JudgeTimeout), JudgeTimeout, "must be positive");
        if (PauseRecheck <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(PauseRecheck), PauseRecheck, "must be positive");
        if (StartDelay < 0) throw new ArgumentOutOfRangeException(nameof(StartDelay), StartDelay, "must not be negative");
        if (InactivityTime <= 0) throw new ArgumentOutOfRangeException(nameof(InactivityTime), InactivityTime, "must be positive");
        if (MaxOpenDuels < 1) throw new ArgumentOutOfRangeException(nameof(MaxOpenDuels), MaxOpenDuels, "must be at least 1");
        if (MaxCreationAttempts < 1) throw new ArgumentOutOfRangeException(nameof(MaxCreationAttempts), MaxCreationAttempts, "must be at least 1");
        if (!(DuelsPerMinute > 0)) throw new ArgumentOutOfRangeException(nameof(DuelsPerMinute), DuelsPerMinute, "must be positive");
        if (!(SlowLatencyThreshold > 0)) throw new ArgumentOutOfRangeException(nameof(SlowLatencyThreshold), SlowLatencyThreshold, "must be positive");
        if (!(AbandonAfter > 0)) throw new ArgumentOutOfRangeException(nameof(AbandonAfter), AbandonAfter, "must be positive");
        if (PreviewViewSize < 8) throw new ArgumentOutOfRangeException(nameof(PreviewViewSize), PreviewViewSize, "must be at least 8 pixels");
        if (MaxJudgeAnswerBytes < 1024) throw new ArgumentOutOfRangeException(nameof(MaxJudgeAnswerBytes), MaxJudgeAnswerBytes, "must be at least 1024");
        if (JudgeMaxTokens < 1) throw new ArgumentOutOfRangeException(nameof(JudgeMaxTokens), JudgeMaxTokens, "must be at least 1");
    }
}
