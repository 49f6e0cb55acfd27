using BenchmarkDotNet.Running;

namespace Neuron3D.Bench;

/// <summary>Runs the BenchmarkDotNet suites; pass `--filter *Name*` to pick one. bench/run.sh adds the peers.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
