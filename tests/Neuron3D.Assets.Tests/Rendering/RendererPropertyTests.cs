using System.Numerics;
using CsCheck;
using Neuron3D.Assets.Meshes;
using Neuron3D.Assets.Rendering;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Tests.Rendering;

public class RendererPropertyTests
{
    private static readonly OrbitCamera Camera = new(20, 10, 2.5f, 50f, 48, 40);

    /// <summary>Any float, biased towards the awkward ones (NaN, ±∞, huge, tiny).</summary>
    private static readonly Gen<float> AnyFloat = Gen.Frequency(
        (8, Gen.Float[-2f, 2f]),
        (1, Gen.OneOfConst(float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1e30f, -1e30f, 0f, 1e-30f)));

    private static readonly Gen<SplatCloud> Clouds =
        from n in Gen.Int[0, 30]
        from values in AnyFloat.Array[n * 14]
        select Build(n, values);

    private static SplatCloud Build(int n, float[] v)
    {
        var cloud = new SplatCloud(n, 0);
        for (var i = 0; i < n; i++)
        {
            var o = 14 * i;
            v.AsSpan(o, 3).CopyTo(cloud.Positions.AsSpan(3 * i));
            for (var k = 0; k < 3; k++) cloud.LogScales[3 * i + k] = v[o + 3 + k] - 3;
            v.AsSpan(o + 6, 4).CopyTo(cloud.Rotations.AsSpan(4 * i));
            cloud.OpacityLogits[i] = 3 * v[o + 10];
            v.AsSpan(o + 11, 3).CopyTo(cloud.ShDc.AsSpan(3 * i));
        }
        return cloud;
    }

    [Fact]
    public void SplatRendersStayFiniteAndBetweenBlackAndTheBrightestInput() =>
        Clouds.Sample(cloud =>
        {
            var image = SplatRenderer.Render(cloud, Camera, new SplatRenderOptions { MaxDegreeOfParallelism = 1 });
            // Blending is a convex combination of splat colours (clamped at 0) and the background.
            var brightest = 1f;
            for (var i = 0; i < cloud.ShDc.Length; i++)
                if (float.IsFinite(cloud.ShDc[i])) brightest = MathF.Max(brightest, SplatMath.ShDcToColor(cloud.ShDc[i]));
            Assert.All(image.Rgb, c => Assert.InRange(c, 0f, brightest * 1.0001f));
            Assert.All(image.Coverage, c => Assert.InRange(c, 0f, 1f));
        }, iter: 300);


    [Fact]
    public void MeshRendersStayFiniteForArbitraryTriangles() =>
        Gen.Select(Gen.Int[3, 12], Gen.Int[0, 10]).SelectMany(t =>
                Gen.Select(AnyFloat.Array[3 * t.Item1], Gen.Int[0, t.Item1 - 1].Array[3 * t.Item2]))
            .Sample(t =>
            {
                var image = MeshRenderer.Render(new TriangleMesh(t.Item1, t.Item2), Camera, new MeshRenderOptions { MaxDegreeOfParallelism = 1 });
                Assert.All(image.Rgb, c => Assert.InRange(c, 0f, 1f));
            }, iter: 300);

    [Fact]
    public void MeshRendererRejectsOutOfRangeIndices() =>
        Assert.Throws<ArgumentException>(() => MeshRenderer.Render(new TriangleMesh(new float[9], [0, 1, 3]), Camera));
}
