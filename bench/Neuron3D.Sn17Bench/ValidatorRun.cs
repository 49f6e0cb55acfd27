using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.BenchShared;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Generation.Backends;
using Neuron3D.Subnet17.Network;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Subnet17.Validator.Tasks;

namespace Neuron3D.Sn17Bench;

/// <summary>
/// The validator benchmark's two processes. <c>validator-serve</c> runs our validator (structural scorer + 4-view
/// preview, no throttle/cooldown/lock) on a real axon next to a bare Kestrel sink, and samples its own memory.
/// <c>validator-load</c> plays MINERS miners (hotkeys //Miner0…), each pulling a task and submitting one prepared
/// asset as fast as the validator answers, then measures the floors on the same body: the bare HTTP round trip and
/// base64 + SPZ decode alone.
/// </summary>
internal static class ValidatorRun
{
    /// <summary>The validator's hotkey in both processes.</summary>
    private static readonly Sr25519Keypair ValidatorKey = Sr25519Keypair.FromUri("//Bob");

    /// <summary>The prompt of the procedural asset (a kind the procedural generator knows).</summary>
    private const string AssetPrompt = "a wooden chair with a red cushion";

    /// <summary>The ASSET argument that submits our procedural generator's output instead of an SPZ file.</summary>
    public const string ProceduralAsset = "procedural";

    private static Sr25519Keypair MinerKey(int index) => Sr25519Keypair.FromUri("//Miner" + index.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// <c>validator-serve DIR MINERS SAMPLE_SECONDS</c>: writes DIR/ports, DIR/memory.tsv, DIR/cpu-marks.tsv (CPU seconds
    /// at each mark the load sets) and DIR/stages.tsv when stdin closes.
    /// </summary>
    public static async Task ServeAsync(string dir, int miners, double sampleSeconds)
    {
        var rows = new List<NeuronView> { new(0, ValidatorKey.Ss58Address, 5000, true, "127.0.0.1", 0) };
        for (var i = 0; i < miners; i++) rows.Add(new NeuronView(i + 1, MinerKey(i).Ss58Address, 0, false));

        await using var sampler = MemorySampler.Start(Path.Combine(dir, "memory.tsv"), TimeSpan.FromSeconds(sampleSeconds));
        using var store = new ValidatorStateStore(Path.Combine(dir, "validator.db"));
        var validator = new ValidatorNeuron(ValidatorKey, new FixedMetagraph(rows), PromptTaskSource.Bundled(seed: 8),
            new PreviewingScorer(new StructuralScorer()), store, new ValidatorOptions { Rules = Rules.Unthrottled });
        var stages = new ConcurrentDictionary<string, int>();
        validator.Submission += record => stages.AddOrUpdate($"{record.Stage}/{record.Outcome}", 1, (_, n) => n + 1);
        await validator.SyncAsync(CancellationToken.None);
        await using var axon = validator.CreateAxon(new AxonOptions { BindIp = "127.0.0.1", Port = 0, RateLimitPerHotkey = 0 });
        await axon.StartAsync();
        await using var sink = StartBareSink(Path.Combine(dir, "cpu-marks.tsv"));
        await sink.StartAsync();
        var sinkPort = new Uri(sink.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;

        await File.WriteAllTextAsync(Path.Combine(dir, "ports"), $"{axon.Port} {sinkPort} {Environment.ProcessId}\n");
        await Console.In.ReadToEndAsync(); // bench/validator.sh closes stdin to stop us
        await File.WriteAllLinesAsync(Path.Combine(dir, "stages.tsv"), stages.OrderBy(s => s.Key).Select(s => $"{s.Key}\t{s.Value}"));
        await sink.StopAsync();
    }

    /// <summary>
    /// The floor's server: Kestrel with the axon's body limit, reading the whole body and answering a small JSON. A POST
    /// to /cpu-mark appends this process's CPU time to <paramref name="marks"/>, so the load can bracket its timed part.
    /// </summary>
    private static WebApplication StartBareSink(string marks)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64L << 20;
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        app.Run(async context =>
        {
            if (context.Request.Path == "/cpu-mark")
            {
                using var self = Process.GetCurrentProcess();
                await File.AppendAllTextAsync(marks, string.Create(CultureInfo.InvariantCulture, $"{self.TotalProcessorTime.TotalSeconds:F3}\n"));
                return;
            }
            var reader = context.Request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync();
                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted) break;
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"ok\":true}");
        });
        return app;
    }

    /// <summary>
    /// <c>validator-load DIR ASSET AXON_PORT SINK_PORT MINERS SECONDS FLOOR_SECONDS</c>: every miner submits ASSET (an SPZ
    /// file, or "procedural" for our generator's "a wooden chair with a red cushion"); writes DIR/tasks.tsv (one row per
    /// task), DIR/floor.tsv (bare round trips and decodes) and DIR/asset.tsv (what was submitted).
    /// </summary>
    public static async Task LoadAsync(string dir, string asset, int axonPort, int sinkPort, int miners, double seconds, double floorSeconds)
    {
        byte[] spz;
        string description;
        if (asset == ProceduralAsset)
        {
            spz = SpzCodec.Encode((await new ProceduralBackend().GenerateAsync(AssetPrompt, seed: 1)).Splats);
            description = $"procedural \"{AssetPrompt}\"";
        }
        else
        {
            spz = await File.ReadAllBytesAsync(asset);
            description = Path.GetFileName(asset);
        }
        var splats = SpzCodec.Decode(spz, StructuralScorer.DefaultLimits).Count;
        var results = Convert.ToBase64String(spz);
        var target = new AxonTarget("127.0.0.1", axonPort, ValidatorKey.Ss58Address);
        var dendrites = Enumerable.Range(0, miners).Select(i => (Key: MinerKey(i), Dendrite: new Dendrite(new Sr25519SynapseSigner(MinerKey(i))))).ToArray();
        try
        {
            // Warm-up: one task per miner, not timed (JIT, connections, the validator's first renders).
            await Task.WhenAll(dendrites.Select(d => TaskAsync(d.Dendrite, d.Key, target, results)));

            using var marks = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{sinkPort}/") };
            (await marks.PostAsync("cpu-mark", null)).EnsureSuccessStatusCode();
            var rows = new ConcurrentQueue<string>();
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(dendrites.Select(d => Task.Run(async () =>
            {
                while (Stopwatch.GetElapsedTime(started).TotalSeconds < seconds)
                    rows.Enqueue(await TaskAsync(d.Dendrite, d.Key, target, results));
            })));
            var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
            (await marks.PostAsync("cpu-mark", null)).EnsureSuccessStatusCode();
            await File.WriteAllLinesAsync(Path.Combine(dir, "tasks.tsv"),
                ["outcome\tlatency_ms\tpull_ms\tsubmit_ms\tscore", .. rows]);

            var body = dendrites[0].Dendrite.Prepare(target, Submission(dendrites[0].Key, "floor", AssetPrompt, results), TimeSpan.FromSeconds(60)).Body;
            var (roundTrips, roundTripWall) = await BareRoundTripsAsync(sinkPort, body, miners, floorSeconds);
            var (decodes, decodeWall) = DecodeOnly(results, miners, floorSeconds);
            await File.WriteAllTextAsync(Path.Combine(dir, "floor.tsv"), string.Create(CultureInfo.InvariantCulture,
                $"load_wall_seconds\tbare_round_trips\tbare_wall_seconds\tdecodes\tdecode_wall_seconds\tconcurrency\n{wall:F3}\t{roundTrips}\t{roundTripWall:F3}\t{decodes}\t{decodeWall:F3}\t{miners}\n"));
            await File.WriteAllTextAsync(Path.Combine(dir, "asset.tsv"), string.Create(CultureInfo.InvariantCulture,
                $"asset\tsplats\tspz_bytes\tbase64_bytes\tbody_bytes\n{description}\t{splats}\t{spz.Length}\t{results.Length}\t{body.Length}\n"));
        }
        finally
        {
            foreach (var (_, dendrite) in dendrites) dendrite.Dispose();
        }
    }

    private static SubmitResults Submission(Sr25519Keypair miner, string taskId, string prompt, string results)
    {
        var submitTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000L;
        return new SubmitResults
        {
            TaskId = taskId, Results = results, SubmitTime = submitTime,
            Signature = LicenseConsent.Sign(miner, submitTime, prompt, ValidatorKey.Ss58Address),
        };
    }

    /// <summary>Pull → sign → submit → feedback; one TSV row (outcome is the HTTP status or the feedback's verdict).</summary>
    private static async Task<string> TaskAsync(Dendrite dendrite, Sr25519Keypair miner, AxonTarget target, string results)
    {
        var started = Stopwatch.GetTimestamp();
        var pull = await dendrite.CallAsync(target, new PullTask(), TimeSpan.FromSeconds(12));
        var pulled = Stopwatch.GetTimestamp();
        if (pull.Task is null)
            return Row(pull.Dendrite.StatusCode == 200 ? "no-task" : $"pull-{pull.Dendrite.StatusCode} {pull.Dendrite.StatusMessage}", started, pulled, pulled, double.NaN);
        var answer = await dendrite.CallAsync(target, Submission(miner, pull.Task.Id, pull.Task.Prompt, results), TimeSpan.FromSeconds(300));
        var outcome = answer.Feedback switch
        {
            null => $"submit-{answer.Dendrite.StatusCode} {answer.Dendrite.StatusMessage}",
            { ValidationFailed: true } => "validation-failed",
            { TaskFidelityScore: > 0 } => "accepted",
            _ => "scored-zero",
        };
        return Row(outcome, started, pulled, Stopwatch.GetTimestamp(), answer.Feedback?.TaskFidelityScore ?? double.NaN);
    }

    private static string Row(string outcome, long started, long pulled, long ended, double score) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{outcome}\t{Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds:F3}\t{Stopwatch.GetElapsedTime(started, pulled).TotalMilliseconds:F3}\t{Stopwatch.GetElapsedTime(pulled, ended).TotalMilliseconds:F3}\t{score:F3}");

    /// <summary>The transport floor: the same SubmitResults body POSTed to the bare sink by <paramref name="concurrency"/> loops.</summary>
    private static async Task<(long Count, double Wall)> BareRoundTripsAsync(int port, ReadOnlyMemory<byte> body, int concurrency, double seconds)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        long count = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetElapsedTime(started).TotalSeconds < seconds)
            {
                using var content = new ReadOnlyMemoryContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync("SubmitResults", content);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                Interlocked.Increment(ref count);
            }
        })));
        return (count, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>The decode floor: base64 + SPZ decode of the same result on <paramref name="concurrency"/> threads.</summary>
    private static (long Count, double Wall) DecodeOnly(string results, int concurrency, double seconds)
    {
        long count = 0;
        var started = Stopwatch.GetTimestamp();
        Parallel.For(0, concurrency, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, _ =>
        {
            while (Stopwatch.GetElapsedTime(started).TotalSeconds < seconds)
            {
                SpzCodec.Decode(Convert.FromBase64String(results), StructuralScorer.DefaultLimits);
                Interlocked.Increment(ref count);
            }
        });
        return (count, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
