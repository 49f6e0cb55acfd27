using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Tests.Miner;
using Neuron3D.Subnet17.Validator.Duels;
using Neuron3D.Subnet17.Validator.Tasks;

namespace Neuron3D.Subnet17.Tests.Validator.Duels;

/// <summary>Synthetic tasks with prompts chosen by the test (then a filler that never matters).</summary>
internal sealed class ScriptedTasks(params string[] prompts) : ITaskSource
{
    private readonly Queue<string> _prompts = new(prompts);
    public int Calls;

    public void Add(params string[] prompts)
    {
        foreach (var p in prompts) _prompts.Enqueue(p);
    }

    public Sn17Task Next()
    {
        Calls++;
        return Sn17Task.NewText(_prompts.Count > 0 ? _prompts.Dequeue() : "filler prompt " + Calls);
    }
}

internal static class DuelTestKit
{
    /// <summary>A prompt whose pairing hash at <paramref name="nonce"/> selects exactly (left, right).</summary>
    public static string PromptPairing(long nonce, int left, int right, string stem = "a duel prompt")
    {
        for (var i = 0; i < 5_000_000; i++)
        {
            var prompt = $"{stem} #{i}";
            if (DuelPairing.Pair(nonce, prompt) == (left, right)) return prompt;
        }
        throw new InvalidOperationException($"no prompt pairs ({left}, {right}) at nonce {nonce}");
    }

    /// <summary>A prompt that pairs a uid with itself at <paramref name="nonce"/>.</summary>
    public static string PromptPairingSelf(long nonce)
    {
        for (var i = 0; ; i++)
        {
            var prompt = $"self #{i}";
            var (l, r) = DuelPairing.Pair(nonce, prompt);
            if (l == r) return prompt;
        }
    }
}

/// <summary>
/// A stand-in for an OpenAI-compatible judge (vLLM) on real Kestrel: it records each chat.completions request and
/// answers with <see cref="Answer"/>, by default a completion whose content is <c>{"issues": …, "worst": 1}</c>.
/// </summary>
internal sealed class FakeJudgeServer : IAsyncDisposable
{
    private WebApplication? _app;

    public List<(JsonObject Body, string? Authorization)> Requests { get; } = [];

    public Func<HttpContext, Task> Answer { get; set; } = ctx => Complete(ctx, """{"issues": "1 is a blob vs 2 is fine", "worst": 1}""");

    public Uri Endpoint { get; private set; } = null!;

    public static Task Complete(HttpContext ctx, string content) => ctx.Response.WriteAsJsonAsync(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
    });

    public async Task<FakeJudgeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", async ctx =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(ctx.Request.Body))!;
            lock (Requests) Requests.Add((body, ctx.Request.Headers.Authorization.ToString()));
            await Answer(ctx);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Endpoint = new Uri(address + "/v1/");
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

internal static class TestAssets
{
    /// <summary>SPZ bytes of the miner tests' solid-ball cloud (passes SN17's gates).</summary>
    public static byte[] BallSpz(int splats = 8000) =>
        SpzCodec.Encode(new TestGenerator(splats).GenerateAsync(Sn17Task.NewText("ball"), CancellationToken.None).Result);
}
