using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Neuron3D.Assets.Rendering;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Duels;

namespace Neuron3D.Subnet17.Tests.Validator.Duels;

/// <summary>The judge client against a fake OpenAI-compatible server on real Kestrel: request shape, verdicts, failures.</summary>
public sealed class DuelJudgeTests : IAsyncDisposable
{
    private const int ViewSize = 32;
    private static readonly Lazy<byte[]> Grid = new(() => DuelPreview.RenderGridPng(TestAssets.BallSpz(), ViewSize, new()));
    private readonly FakeJudgeServer _server = new();

    private async Task<DuelJudge> StartAsync(TimeSpan? timeout = null, string? endpointSuffix = null)
    {
        await _server.StartAsync();
        var endpoint = endpointSuffix is null ? _server.Endpoint : new Uri(_server.Endpoint.AbsoluteUri.TrimEnd('/') + endpointSuffix);
        return new DuelJudge(new HttpClient(), new DuelOptions { JudgeEndpoint = endpoint, JudgeTimeout = timeout ?? TimeSpan.FromSeconds(10), JudgeApiKey = "sekret" });
    }

    private static void AssertGridPart(JsonNode part)
    {
        Assert.Equal("image_url", part["type"]!.GetValue<string>());
        var url = part["image_url"]!["url"]!.GetValue<string>();
        Assert.StartsWith("data:image/png;base64,", url);
        var png = Convert.FromBase64String(url["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var image = RenderImage.FromPng(png);
        Assert.Equal((DuelPreview.GridSize(ViewSize), DuelPreview.GridSize(ViewSize)), (image.Width, image.Height));
    }

    [Fact]
    public async Task Text_duel_request_has_SN17s_shape_and_the_verdict_is_read()
    {
        var judge = await StartAsync();
        var task = new Sn17Task("t-1", TaskKind.Text, "a red chair");
        var verdict = await judge.JudgeAsync(task, Grid.Value, Grid.Value, seed: 1_750_000_123, CancellationToken.None);

        Assert.Equal(new JudgeVerdict(1, "1 is a blob vs 2 is fine"), verdict);
        Assert.Equal(DuelOutcome.RightWins, verdict.Outcome);

        var (body, authorization) = Assert.Single(_server.Requests);
        Assert.Equal("Bearer sekret", authorization);
        Assert.Equal("zai-org/GLM-4.1V-9B-Thinking", body["model"]!.GetValue<string>());
        Assert.Equal(0.1, body["temperature"]!.GetValue<double>());
        Assert.Equal(1_750_000_123, body["seed"]!.GetValue<long>());
        Assert.Equal(1024, body["max_tokens"]!.GetValue<int>());
        var format = body["response_format"]!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.Equal("judge-response", format["json_schema"]!["name"]!.GetValue<string>());
        var schema = format["json_schema"]!["schema"]!;
        Assert.Equal("integer", schema["properties"]!["worst"]!["type"]!.GetValue<string>());
        Assert.Equal("string", schema["properties"]!["issues"]!["type"]!.GetValue<string>());
        Assert.Equal(["worst", "issues"], schema["required"]!.AsArray().Select(n => n!.GetValue<string>()));

        var messages = body["messages"]!.AsArray();
        Assert.Equal(2, messages.Count);
        Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
        Assert.Equal(DuelJudge.SystemPrompt, messages[0]!["content"]!.GetValue<string>());
        Assert.Equal("user", messages[1]!["role"]!.GetValue<string>());
        var parts = messages[1]!["content"]!.AsArray();
        Assert.Equal(["text", "text", "image_url", "text", "image_url"], parts.Select(p => p!["type"]!.GetValue<string>()));
        var instructions = parts[0]!["text"]!.GetValue<string>();
        Assert.StartsWith("Evaluate two 3D models (4 renders each) generated from: \"a red chair\"\nFind the WORST one.", instructions);
        Assert.EndsWith("Output: {\"issues\": \"<1's problems> vs <2's problems>\", \"worst\": <1/2/0>}", instructions);
        Assert.Equal("First 3D model (4 different views):", parts[1]!["text"]!.GetValue<string>());
        Assert.Equal("Second 3D model (4 different views):", parts[3]!["text"]!.GetValue<string>());
        AssertGridPart(parts[2]!);
        AssertGridPart(parts[4]!);
    }

    [Fact]
    public async Task Image_duel_shows_the_prompt_image_first_and_asks_last()
    {
        var judge = await StartAsync(endpointSuffix: ""); // ".../v1" without the slash is the same root
        var promptImage = Convert.ToBase64String(Grid.Value);
        await judge.JudgeAsync(new Sn17Task("t-2", TaskKind.Image, promptImage), Grid.Value, Grid.Value, 7, CancellationToken.None);

        var parts = Assert.Single(_server.Requests).Body["messages"]![1]!["content"]!.AsArray();
        Assert.Equal(["text", "image_url", "text", "image_url", "text", "image_url", "text"], parts.Select(p => p!["type"]!.GetValue<string>()));
        Assert.Equal("Image prompt to generate 3D model:", parts[0]!["text"]!.GetValue<string>());
        Assert.Equal("data:image/png;base64," + promptImage, parts[1]!["image_url"]!["url"]!.GetValue<string>());
        Assert.StartsWith("Which of the 3D models does match the object in the image prompt less?", parts[6]!["text"]!.GetValue<string>());
    }

    public static TheoryData<string, int> GoodVerdicts => new()
    {
        { """{"issues": "x", "worst": 0}""", 0 },
        { """{"worst": 2, "issues": ""}""", 2 },
        { """  {"issues": "x", "worst": 1.0}  """, 1 },
        { "<think>compare the chairs…</think>\n{\"issues\": \"x\", \"worst\": 2}", 2 },
        { "```json\n{\"issues\": \"x\", \"worst\": 1}\n```", 1 },
    };

    [Theory]
    [MemberData(nameof(GoodVerdicts))]
    public void Verdicts_are_read_from_the_message_content(string content, int worst) =>
        Assert.Equal(worst, DuelJudge.ParseVerdict(content).Worst);

    public static TheoryData<string> BadVerdicts => new()
    {
        "",
        "the second one is worse",
        """{"issues": "x"}""",
        """{"issues": "x", "worst": 3}""",
        """{"issues": "x", "worst": -1}""",
        """{"issues": "x", "worst": 1.5}""",
        """{"issues": "x", "worst": "1"}""",
        """{"issues": 5, "worst": 1}""",
        """{"worst": 1}""",
        """[1]""",
        """{"issues": "x", "worst": 1""",
        "<think>never finished thinking",
    };

    [Theory]
    [MemberData(nameof(BadVerdicts))]
    public void Off_schema_verdicts_are_malformed_answers(string content)
    {
        var e = Assert.Throws<DuelJudgeException>(() => DuelJudge.ParseVerdict(content));
        Assert.Equal(JudgeFailure.MalformedAnswer, e.Failure);
    }

    public static TheoryData<string> BadCompletions => new()
    {
        "not json at all",
        """{"choices": []}""",
        """{"choices": [{"message": {"content": null}}]}""",
        """{"choices": {"0": {}}}""",
        """{"choices": [{"message": {"content": 42}}]}""",
        """{"error": {"message": "model overloaded"}}""",
    };

    [Theory]
    [MemberData(nameof(BadCompletions))]
    public void Answers_that_are_not_chat_completions_are_malformed(string answer)
    {
        var e = Assert.Throws<DuelJudgeException>(() => DuelJudge.ParseCompletion(answer));
        Assert.Equal(JudgeFailure.MalformedAnswer, e.Failure);
    }

    [Fact]
    public async Task Http_errors_garbage_stalls_and_dead_endpoints_are_typed_failures()
    {
        // Answers get the default 10 s (a loaded CI box may need more than a second for 2 MiB); only the stall uses 400 ms.
        var judge = await StartAsync();
        var task = new Sn17Task("t-3", TaskKind.Text, "a lamp");

        _server.Answer = ctx => { ctx.Response.StatusCode = 503; return ctx.Response.WriteAsync("overloaded"); };
        var e = await Assert.ThrowsAsync<DuelJudgeException>(() => judge.JudgeAsync(task, [1], [2], 1, CancellationToken.None));
        Assert.Equal(JudgeFailure.HttpStatus, e.Failure);
        Assert.Contains("503", e.Message);

        _server.Answer = ctx => FakeJudgeServer.Complete(ctx, """{"issues": "both fine", "worst": 7}""");
        e = await Assert.ThrowsAsync<DuelJudgeException>(() => judge.JudgeAsync(task, [1], [2], 1, CancellationToken.None));
        Assert.Equal(JudgeFailure.MalformedAnswer, e.Failure);
        Assert.Contains("7", e.Message);

        _server.Answer = ctx => FakeJudgeServer.Complete(ctx, new string('x', 2 << 20));
        e = await Assert.ThrowsAsync<DuelJudgeException>(() => judge.JudgeAsync(task, [1], [2], 1, CancellationToken.None));
        Assert.Equal(JudgeFailure.MalformedAnswer, e.Failure);
        Assert.Contains("more than 1048576 bytes", e.Message);

        _server.Answer = async ctx => await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted);
        judge = new DuelJudge(new HttpClient(), new DuelOptions { JudgeEndpoint = _server.Endpoint, JudgeTimeout = TimeSpan.FromMilliseconds(400), JudgeApiKey = "sekret" });
        var started = DateTime.UtcNow;
        e = await Assert.ThrowsAsync<DuelJudgeException>(() => judge.JudgeAsync(task, [1], [2], 1, CancellationToken.None));
        Assert.Equal(JudgeFailure.Timeout, e.Failure);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));

        // The caller's own cancellation stays a cancellation, not a judge failure.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => judge.JudgeAsync(task, [1], [2], 1, cancel.Token));

        var dead = new DuelJudge(new HttpClient(), new DuelOptions { JudgeEndpoint = new Uri("http://127.0.0.1:1/v1/"), JudgeTimeout = TimeSpan.FromSeconds(5) });
        e = await Assert.ThrowsAsync<DuelJudgeException>(() => dead.JudgeAsync(task, [1], [2], 1, CancellationToken.None));
        Assert.Equal(JudgeFailure.Unreachable, e.Failure);
        Assert.DoesNotContain("sekret", e.Message);
    }

    [Fact]
    public void A_judge_needs_an_absolute_endpoint()
    {
        Assert.Throws<ArgumentException>(() => new DuelJudge(new HttpClient(), new DuelOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DuelJudge(new HttpClient(), new DuelOptions { JudgeEndpoint = new Uri("v1/", UriKind.Relative) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DuelJudge(new HttpClient(), new DuelOptions { JudgeEndpoint = new Uri("ftp://x/v1/") }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DuelJudge(new HttpClient(), new DuelOptions { JudgeEndpoint = new Uri("http://x/v1/"), JudgeTimeout = TimeSpan.Zero }));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
