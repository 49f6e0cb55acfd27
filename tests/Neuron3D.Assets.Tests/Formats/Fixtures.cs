using Neuron3D.Testing;

namespace Neuron3D.Assets.Tests.Formats;

/// <summary>The real SN17 files in ../shared/fixtures/sn17 (see its README for their provenance and facts).</summary>
internal static class Fixtures
{
    public static string RobocopSpzPath => RepoPaths.SharedFile("fixtures", "sn17", "robocop_with_hammer_in_one_hand.spz");
    public static string HamburgerPlyPath => RepoPaths.SharedFile("fixtures", "sn17", "hamburger.ply");

    private static readonly Lazy<byte[]> RobocopBytes = new(() => File.ReadAllBytes(RobocopSpzPath));
    private static readonly Lazy<byte[]> HamburgerBytes = new(() => File.ReadAllBytes(HamburgerPlyPath));

    public static byte[] RobocopSpz => RobocopBytes.Value;
    public static byte[] HamburgerPly => HamburgerBytes.Value;
}
