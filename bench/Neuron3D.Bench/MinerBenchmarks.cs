using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Splats;
using Neuron3D.Bittensor.Axon.Dendrite;
using Neuron3D.Bittensor.Axon.Signing;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Generation;
using Neuron3D.Subnet17.Protocol;

namespace Neuron3D.Bench;

/// <summary>
/// The CPU steps of the miner's submit path on one pre-generated asset (what bench/miner.sh counts as overhead, minus
/// the round trips and the journal): self-check, SPZ encode, SHA-256 for the journal, base64, license signature, and
/// the dendrite's signed SubmitResults request (JSON body, body hash, headers).
/// </summary>
[MemoryDiagnoser]
public class MinerBenchmarks
{
    /// <summary>The prompt of the asset (a procedural kind of mid-range size).</summary>
    public const string Prompt = "a wooden chair with a red cushion";

    private readonly SplatCheckOptions _selfCheck = new();
    private Sr25519Keypair _miner = null!;
    private Dendrite _dendrite = null!;
    private AxonTarget _validator = null!;
    private SplatCloud _cloud = null!;
    private byte[] _spz = null!;
    private string _base64 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _miner = Sr25519Keypair.FromUri("//Alice");
        _dendrite = new Dendrite(new Sr25519SynapseSigner(_miner));
        _validator = new AxonTarget("127.0.0.1", 8091, Sr25519Keypair.FromUri("//Bob").Ss58Address);
        _cloud = ProceduralGenerator.Default.Generate(Prompt, 1).Splats;
        _spz = SpzCodec.Encode(_cloud);
        _base64 = Convert.ToBase64String(_spz);
    }

    [GlobalCleanup]
    public void Cleanup() => _dendrite.Dispose();

    [Benchmark(Description = "self-check (SN17 splat gates)")]
    public bool SelfCheck() => SplatChecks.Check(_cloud, _selfCheck).Passed;

    [Benchmark(Description = "SPZ encode")]
    public int SpzEncode() => SpzCodec.Encode(_cloud).Length;

    [Benchmark(Description = "SHA-256 of the SPZ (journal)")]
    public byte[] Sha256() => SHA256.HashData(_spz);

    [Benchmark(Description = "base64 of the SPZ")]
    public int Base64() => Convert.ToBase64String(_spz).Length;

    [Benchmark(Description = "license-consent signature")]
    public string LicenseSignature() => LicenseConsent.Sign(_miner, 1_750_000_000_000_000_000, Prompt, _validator.Hotkey);

    [Benchmark(Description = "signed SubmitResults request (JSON, body hash, headers)")]
    public int SignedRequest() => _dendrite.Prepare(_validator, new SubmitResults
    {
        TaskId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301", Results = _base64, SubmitTime = 1_750_000_000_000_000_000, Signature = "c2ln",
    }, TimeSpan.FromSeconds(300)).Body.Length;
}
