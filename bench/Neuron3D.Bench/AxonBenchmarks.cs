using BenchmarkDotNet.Attributes;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Axon.Synapses;
using Neuron3D.Bittensor.Keys;

namespace Neuron3D.Bench;

/// <summary>
/// CPU cost of each step of one signed PullTask-sized synapse on the axon (and of signing it on the dendrite), to
/// explain bench/axon.sh's end-to-end numbers: the per-request sr25519 verify is the floor of the axon's cost.
/// </summary>
[MemoryDiagnoser]
public class AxonBenchmarks
{
    private readonly Sr25519SynapseVerifier verifier = new();
    private Sr25519Keypair alice = null!;
    private Sr25519SynapseSigner signer = null!;
    private AxonTarget target = null!;
    private PreparedSynapseRequest prepared = null!;
    private byte[] body = null!;
    private byte[] message = null!;
    private byte[] signature = null!;
    private PullTaskShape parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        alice = Sr25519Keypair.FromUri("//Alice");
        signer = new Sr25519SynapseSigner(alice);
        target = new AxonTarget("127.0.0.1", 8091, Sr25519Keypair.FromUri("//Bob").Ss58Address);
        prepared = SynapseRequestSigner.Sign(signer, target, new PullTaskShape(), TimeSpan.FromSeconds(12), 1_750_000_000_000_000_000, Guid.NewGuid().ToString(), null);
        body = prepared.Body.ToArray();
        message = SynapseSignature.DendriteMessage(1_750_000_000_000_000_000, alice.Ss58Address, target.Hotkey, prepared.Synapse.Dendrite.Uuid!, prepared.BodyHash);
        signature = new byte[64];
        SynapseSignature.TryParseHex(prepared.Synapse.Dendrite.Signature, signature);
        parsed = (PullTaskShape)SynapseJson.Deserialize(body, typeof(PullTaskShape));
    }

    [Benchmark(Description = "axon: sr25519 verify of the dendrite signature")]
    public bool VerifySignature() => verifier.Verify(alice.Ss58Address, message, signature);

    [Benchmark(Description = "axon: parse the PullTask body")]
    public object ParseBody() => SynapseJson.Deserialize(body, typeof(PullTaskShape));

    [Benchmark(Description = "axon: serialize the answer + headers")]
    public int SerializeAnswer() => SynapseJson.Serialize(parsed).Length + SynapseHeaders.Build(parsed, BodyHash.OfNoFields, body.Length).Count;

    [Benchmark(Description = "dendrite: fill, sign, serialize a PullTask")]
    public PreparedSynapseRequest SignRequest() =>
        SynapseRequestSigner.Sign(signer, target, new PullTaskShape(), TimeSpan.FromSeconds(12), 1_750_000_000_000_000_001, "5ecbd69c-1cec-11ee-b0dc-e29ce36fec1a", null);

    /// <summary>SN17 PullTask's field layout (sn17 spec §1.4) with a text task filled in.</summary>
    [SynapseName("PullTask")]
    public sealed record PullTaskShape : Synapse
    {
        public TaskShape? Task { get; init; } = new();
        public double ValidationThreshold { get; init; } = 0.6;
        public long ThrottlePeriod { get; init; }
        public long CooldownUntil { get; init; }
        public long CooldownViolations { get; init; }
    }

    /// <summary>SN17 TextTask.</summary>
    public sealed record TaskShape
    {
        public string Type { get; init; } = "text";
        public string Id { get; init; } = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        public string Prompt { get; init; } = "a wooden chair with a red cushion";
    }
}
