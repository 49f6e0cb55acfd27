using System.Globalization;

namespace Neuron3D.Sn17Bench;

/// <summary>
/// SN17 load drivers for bench/miner.sh and bench/validator.sh (see <see cref="MinerRun"/> and <see cref="ValidatorRun"/>):
/// <c>miner DIR SECONDS</c> | <c>validator-serve DIR MINERS SAMPLE_SECONDS</c> |
/// <c>validator-load DIR ASSET AXON_PORT SINK_PORT MINERS SECONDS FLOOR_SECONDS</c>. Results are TSV files in DIR.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["miner", var dir, var seconds]:
                await MinerRun.RunAsync(dir, Number(seconds));
                return 0;
            case ["validator-serve", var dir, var miners, var sample]:
                await ValidatorRun.ServeAsync(dir, (int)Number(miners), Number(sample));
                return 0;
            case ["validator-load", var dir, var asset, var axonPort, var sinkPort, var miners, var seconds, var floorSeconds]:
                await ValidatorRun.LoadAsync(dir, asset, (int)Number(axonPort), (int)Number(sinkPort), (int)Number(miners), Number(seconds), Number(floorSeconds));
                return 0;
            default:
                Console.Error.WriteLine("usage: miner DIR SECONDS | validator-serve DIR MINERS SAMPLE_SECONDS | validator-load DIR ASSET AXON_PORT SINK_PORT MINERS SECONDS FLOOR_SECONDS");
                return 2;
        }
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
