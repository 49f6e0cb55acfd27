using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Neuron3D.BenchShared;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Server;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Axon.Synapses;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.AxonBench;

/// <summary>
/// <c>serve DIR [SAMPLE_SECONDS]</c>: starts our axon (hotkey //Bob, //Alice registered, PullTask handler) and a bare
/// Kestrel JSON echo, writes their ports to DIR/ports and runs until stdin closes; with SAMPLE_SECONDS it also writes
/// its memory (RSS, GC heap) to DIR/memory.tsv at that interval (bench/axon-soak.sh).
/// <c>presign DIR AXON_PORT COUNT</c>: writes a PullTask body and header set (DIR/body.json, DIR/headers.txt) and COUNT
/// lines "nonce uuid signature" signed by //Alice for //Bob (DIR/presigned.txt), for bench/axon.lua.
/// </summary>
public static class Program
{
    /// <summary>Synapse timeout of the load: the first-nonce window is 4 s + this, so pre-signed requests stay valid.</summary>
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Pre-signed nonces start this far in the future, so that they are still fresh however long pre-signing takes
    /// on a busy machine: valid from (nonce − skew allowance) to (nonce + 4 s + timeout).
    /// </summary>
    private static readonly TimeSpan NonceLead = TimeSpan.FromSeconds(90);

    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["serve", var dir]:
                await ServeAsync(dir, null);
                return 0;
            case ["serve", var dir, var sampleSeconds]:
                await ServeAsync(dir, TimeSpan.FromSeconds(double.Parse(sampleSeconds, CultureInfo.InvariantCulture)));
                return 0;
            case ["presign", var dir, var port, var count]:
                Presign(dir, int.Parse(port, CultureInfo.InvariantCulture), int.Parse(count, CultureInfo.InvariantCulture));
                return 0;
            default:
                Console.Error.WriteLine("usage: serve DIR [SAMPLE_SECONDS] | presign DIR AXON_PORT COUNT");
                return 2;
        }
    }

    private static async Task ServeAsync(string dir, TimeSpan? sampleInterval)
    {
        var bob = Sr25519Keypair.FromUri("//Bob");
        var alice = Sr25519Keypair.FromUri("//Alice");
        var directory = new AxonPeerDirectory([new AxonPeer(alice.Ss58Address, 0, 1_000_000_000_000, true)]);
        var options = new AxonOptions
        {
            BindIp = "127.0.0.1",
            Port = 0,
            HandlerTimeout = LoadTimeout,
            RateLimitPerHotkey = 0, // one hotkey sends everything here; the limiter is measured in the tests instead
            MaxQueue = 4096,
            MaxNonceClockSkew = NonceLead + TimeSpan.FromSeconds(30),
        };
        await using var axon = new AxonServer(bob.Ss58Address, new Sr25519SynapseVerifier(), new MetagraphBlacklist(directory), options);
        axon.Attach<PullTask>(static (synapse, info, _) => ValueTask.FromResult(synapse with
        {
            Assignment = new TextTask { Id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301", Prompt = "a wooden chair with a red cushion" },
            ThrottlePeriod = 30,
        }));
        await axon.StartAsync();

        var bare = StartBareEcho();
        await bare.StartAsync();
        var barePort = new Uri(bare.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()).Port;

        await using (var sampler = sampleInterval is { } interval ? MemorySampler.Start(Path.Combine(dir, "memory.tsv"), interval) : null)
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "ports"), $"{axon.Port} {barePort} {Environment.ProcessId}\n");
            await Console.In.ReadToEndAsync(); // the bench script closes stdin to stop us
        }
        await bare.StopAsync();
    }

    /// <summary>The baseline: Kestrel with the same limits, reading the JSON body and answering it back as JSON.</summary>
    private static WebApplication StartBareEcho()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        app.Run(static async context =>
        {
            var reader = context.Request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync();
                if (read.IsCompleted)
                {
                    context.Response.ContentType = "application/json";
                    context.Response.ContentLength = read.Buffer.Length;
                    foreach (var segment in read.Buffer) await context.Response.Body.WriteAsync(segment);
                    reader.AdvanceTo(read.Buffer.End);
                    return;
                }
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        });
        return app;
    }

    private static void Presign(string dir, int axonPort, int count)
    {
        using var alice = Sr25519Keypair.FromUri("//Alice");
        var bob = Sr25519Keypair.FromUri("//Bob").Ss58Address;
        var signer = new Sr25519SynapseSigner(alice);
        var target = new AxonTarget("127.0.0.1", axonPort, bob);
        var baseNonce = SynapseProtocol.UnixNanoseconds(TimeProvider.System) + (long)NonceLead.TotalSeconds * 1_000_000_000;

        // One template request: PullTask has no hash fields, so only nonce, uuid and signature differ per request.
        var template = SynapseRequestSigner.Sign(signer, target, new PullTask(), LoadTimeout, baseNonce, Guid.NewGuid().ToString(), "127.0.0.1");
        File.WriteAllBytes(Path.Combine(dir, "body.json"), template.Body.ToArray());
        var perRequest = new HashSet<string> { "bt_header_dendrite_nonce", "bt_header_dendrite_uuid", "bt_header_dendrite_signature" };
        File.WriteAllLines(Path.Combine(dir, "headers.txt"),
            template.Headers.Where(h => !perRequest.Contains(h.Key)).Select(h => $"{h.Key}: {h.Value}"));

        var lines = new string[count];
        Parallel.For(0, count, i =>
        {
            var nonce = baseNonce + i;
            var uuid = Guid.NewGuid().ToString();
            var message = SynapseSignature.DendriteMessage(nonce, alice.Ss58Address, bob, uuid, template.BodyHash);
            lines[i] = string.Create(CultureInfo.InvariantCulture, $"{nonce} {uuid} {SynapseSignature.SignToHex(signer, message)}");
        });
        File.WriteAllLines(Path.Combine(dir, "presigned.txt"), lines, Encoding.ASCII);
    }
}

/// <summary>SN17's task shape (sn17 spec §1.1).</summary>
public sealed record TextTask
{
    public string Type { get; init; } = "text";
    public string Id { get; init; } = "";
    public string Prompt { get; init; } = "";
}

/// <summary>SN17's PullTask (sn17 spec §1.4): what a miner sends and the validator answers.</summary>
public sealed record PullTask : Synapse
{
    [JsonPropertyName("task")]
    public TextTask? Assignment { get; init; }
    public double ValidationThreshold { get; init; } = 0.6;
    public long ThrottlePeriod { get; init; }
    public long CooldownUntil { get; init; }
    public long CooldownViolations { get; init; }
}
