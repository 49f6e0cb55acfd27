using Neuron3D.Bittensor.Metadata;
using Neuron3D.Testing;

namespace Neuron3D.Bittensor.Tests.Metadata;

/// <summary>The finney metadata fixtures of ../shared/fixtures/chain, parsed once per test run.</summary>
internal static class FinneyMetadata
{
    public const string Dec2025 = "finney-metadata-2025-12.scale";
    public const string Apr2026 = "finney-metadata-2026-04.scale";

    private static readonly Lazy<RuntimeMetadata> Dec2025Lazy = new(() => RuntimeMetadata.Parse(Bytes(Dec2025)));
    private static readonly Lazy<RuntimeMetadata> Apr2026Lazy = new(() => RuntimeMetadata.Parse(Bytes(Apr2026)));

    public static byte[] Bytes(string file) => File.ReadAllBytes(RepoPaths.SharedFile("fixtures", "chain", file));

    public static RuntimeMetadata Get(string file) => file == Dec2025 ? Dec2025Lazy.Value : Apr2026Lazy.Value;

    /// <summary>The newest snapshot: closest to the HEAD runtime the spec describes.</summary>
    public static RuntimeMetadata Latest => Apr2026Lazy.Value;

    public static readonly byte[] Alice = Convert.FromHexString("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    public static readonly byte[] Bob = Convert.FromHexString("8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");
}
