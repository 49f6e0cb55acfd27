using BenchmarkDotNet.Attributes;
using Neuron3D.Generation;

namespace Neuron3D.Bench;

/// <summary>
/// Procedural text-to-3D per asset (prompt → parts → mesh → splats) on three prompts of rising complexity; the
/// per-prompt survey over the whole public set (median, p95, peak RSS) is in bench/generation.sh.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    [Params("smooth gray river stone", "a wooden rocking chair", "bronze lion statue on a stone plinth")]
    public string Prompt { get; set; } = "";

    [Benchmark]
    public int Generate() => ProceduralGenerator.Default.Generate(Prompt, 0).Splats.Count;
}
