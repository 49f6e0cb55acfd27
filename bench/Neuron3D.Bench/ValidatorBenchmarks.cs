using BenchmarkDotNet.Attributes;
using Neuron3D.Assets.Checks;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Geometry;
using Neuron3D.Assets.Rendering;
using Neuron3D.Assets.Splats;
using Neuron3D.Bittensor.Keys;
using Neuron3D.Generation;
using Neuron3D.Subnet17.Protocol;
using Neuron3D.Subnet17.Validator.Scoring;

namespace Neuron3D.Bench;

/// <summary>
/// The validation steps of one submission, on the asset bench/validator.sh submits, to explain its throughput: license
/// verification, base64 + SPZ decode (the decode floor), SN17's splat gates, the surface mesh and its checks, and the
/// 4-view preview (render + PNG). The asset is the SPZ file named by NEURON3D_BENCH_ASSET (the script passes its
/// ASSET), or our procedural generator's output when it is unset or "procedural".
/// </summary>
[MemoryDiagnoser]
public class ValidatorBenchmarks
{
    private readonly SplatCheckOptions _gates = SplatCheckOptions.Default;
    private string _base64 = null!;
    private byte[] _spz = null!;
    private SplatCloud _cloud = null!;
    private string _signature = null!;
    private string _miner = null!;
    private string _validator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var asset = Environment.GetEnvironmentVariable("NEURON3D_BENCH_ASSET");
        _spz = asset is null or "procedural"
            ? SpzCodec.Encode(ProceduralGenerator.Default.Generate(MinerBenchmarks.Prompt, 1).Splats)
            : File.ReadAllBytes(asset);
        _cloud = SpzCodec.Decode(_spz, StructuralScorer.DefaultLimits);
        _base64 = Convert.ToBase64String(_spz);
        var miner = Sr25519Keypair.FromUri("//Alice");
        _miner = miner.Ss58Address;
        _validator = Sr25519Keypair.FromUri("//Bob").Ss58Address;
        _signature = LicenseConsent.Sign(miner, 1_750_000_000_000_000_000, MinerBenchmarks.Prompt, _validator);
    }

    [Benchmark(Description = "license-consent verify")]
    public bool LicenseVerify() => LicenseConsent.Verify(_signature, 1_750_000_000_000_000_000, MinerBenchmarks.Prompt, _validator, _miner);

    [Benchmark(Description = "base64 + SPZ decode")]
    public int Decode() => SpzCodec.Decode(Convert.FromBase64String(_base64), StructuralScorer.DefaultLimits).Count;

    [Benchmark(Description = "SN17 splat gates")]
    public bool Gates() => SplatChecks.Check(_cloud, _gates).Passed;

    [Benchmark(Description = "surface mesh + watertight/manifold checks")]
    public bool SurfaceChecks() => MeshChecks.Check(SplatSurface.Extract(_cloud), StructuralScorer.DefaultMeshRules).Passed;

    [Benchmark(Description = "4-view preview (render + PNG)")]
    public int Preview() => ViewGrid.Sn17Preview(_cloud).ToPng().Length;
}
