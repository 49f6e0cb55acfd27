using System.Numerics;
using Neuron3D.Assets.Geometry;
using Neuron3D.Assets.Meshes;
using Neuron3D.Assets.Rendering;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Tests.Rendering;

public class SyntheticSceneRenderTests
{
    private static readonly OrbitCamera Front = new(0, 0, 3f, 40f, 128, 128);

    private static SplatCloud Splats(params (Vector3 Centre, float Sigma, float Opacity, Vector3 Color)[] splats)
    {
        var cloud = new SplatCloud(splats.Length, 0);
        for (var i = 0; i < splats.Length; i++)
        {
            var s = splats[i];
            (cloud.Positions[3 * i], cloud.Positions[3 * i + 1], cloud.Positions[3 * i + 2]) = (s.Centre.X, s.Centre.Y, s.Centre.Z);
            cloud.LogScales.AsSpan(3 * i, 3).Fill(MathF.Log(s.Sigma));
            cloud.Rotations[4 * i] = 1;
            cloud.OpacityLogits[i] = SplatMath.Logit(s.Opacity);
            cloud.ShDc[3 * i] = SplatMath.ColorToShDc(s.Color.X);
            cloud.ShDc[3 * i + 1] = SplatMath.ColorToShDc(s.Color.Y);
            cloud.ShDc[3 * i + 2] = SplatMath.ColorToShDc(s.Color.Z);
        }
        return cloud;
    }

    [Fact]
    public void SingleRedSplatFollowsTheProjectedGaussian()
    {
        const float sigma = 0.1f, opacity = 0.9f;
        var image = SplatRenderer.Render(Splats((Vector3.Zero, sigma, opacity, new Vector3(1, 0, 0))), Front);

        // Analytic oracle: the splat projects to an isotropic Gaussian of σ_px = f·σ/z (plus the 0.3 px² low-pass filter);
        // a pixel at distance d blends alpha = opacity·exp(−d²/(2σ²)) of red over white.
        var f = Front.FocalPixels;
        var sigmaPx2 = f * sigma / 3f * (f * sigma / 3f) + 0.3f;
        foreach (var (x, y) in new[] { (64, 64), (64 + 8, 64), (64, 64 - 12), (64 + 10, 64 + 10), (64 - 20, 64) })
        {
            float dx = x + 0.5f - 64, dy = y + 0.5f - 64;
            var alpha = opacity * MathF.Exp(-(dx * dx + dy * dy) / (2 * sigmaPx2));
            var expected = alpha < 1 / 255f ? Vector3.One : alpha * new Vector3(1, 0, 0) + (1 - alpha) * Vector3.One;
            Assert.True(Vector3.Distance(expected, image[x, y]) < 1e-3f, $"pixel ({x}, {y}): {image[x, y]} vs {expected}");
        }
        GoldenImage.AssertMatches(image, "single-red-splat", Vector3.One);
    }

    [Fact]
    public void NearerSplatCoversFartherOne()
    {
        var red = (new Vector3(0, 0, 0.5f), 0.2f, 0.99f, new Vector3(1, 0, 0));
        var blue = (new Vector3(0, 0, -0.5f), 0.2f, 0.99f, new Vector3(0, 0, 1));
        // Input order must not matter: the renderer sorts by depth.
        foreach (var cloud in new[] { Splats(red, blue), Splats(blue, red) })
        {
            var centre = SplatRenderer.Render(cloud, Front)[64, 64];
            Assert.True(centre.X > 0.98f && centre.Z < 0.02f, $"front splat should dominate: {centre}");
        }
        // From behind (yaw 180) the blue one is in front.
        var back = SplatRenderer.Render(Splats(red, blue), Front with { YawDegrees = 180 })[64, 64];
        Assert.True(back.Z > 0.98f && back.X < 0.02f, $"{back}");
    }

    [Fact]
    public void SplatsBehindTheCameraOrMalformedAreSkipped()
    {
        var behind = (new Vector3(0, 0, 5f), 0.3f, 0.99f, new Vector3(0, 1, 0));
        var cloud = Splats(behind, (Vector3.Zero, 0.1f, 0.9f, Vector3.Zero), (Vector3.Zero, 0.1f, 0.9f, Vector3.Zero));
        cloud.Positions[6] = float.NaN;
        cloud.Rotations.AsSpan(4, 4).Clear(); // zero quaternion
        var image = SplatRenderer.Render(cloud, Front);
        Assert.All(image.Coverage, c => Assert.Equal(0f, c));
        Assert.Equal(Vector3.One, image[64, 64]);
    }

    [Fact]
    public void ParallelAndSingleThreadedRendersAreIdentical()
    {
        var random = new Random(5);
        var cloud = Splats(Enumerable.Range(0, 500).Select(_ => (
            new Vector3((float)random.NextDouble() - 0.5f, (float)random.NextDouble() - 0.5f, (float)random.NextDouble() - 0.5f),
            0.02f + 0.05f * (float)random.NextDouble(), 0.2f + 0.7f * (float)random.NextDouble(),
            new Vector3((float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble()))).ToArray());
        var one = SplatRenderer.Render(cloud, Front, new SplatRenderOptions { MaxDegreeOfParallelism = 1 });
        var many = SplatRenderer.Render(cloud, Front, new SplatRenderOptions { MaxDegreeOfParallelism = 4 });
        Assert.Equal(one.Rgb, many.Rgb);
    }

    [Fact]
    public void CancelledRenderThrows()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SplatRenderer.Render(Splats((Vector3.Zero, 0.1f, 0.9f, Vector3.One)), Front, cancellationToken: cts.Token));
    }

    /// <summary>A unit cube with one colour per face (24 vertices so faces do not share colours).</summary>
    private static TriangleMesh ColouredCube(float half)
    {
        var faces = new (Vector3 Normal, Vector3 Color)[]
        {
            (Vector3.UnitX, new(1, 0, 0)), (-Vector3.UnitX, new(0, 1, 1)), (Vector3.UnitY, new(0, 1, 0)),
            (-Vector3.UnitY, new(1, 0, 1)), (Vector3.UnitZ, new(0, 0, 1)), (-Vector3.UnitZ, new(1, 1, 0)),
        };
        var positions = new List<float>();
        var colors = new List<float>();
        var indices = new List<int>();
        foreach (var (n, color) in faces)
        {
            // Two tangents with t1 × t2 = n, so corners listed counter-clockwise seen from outside.
            var t1 = MathF.Abs(n.X) > 0 ? Vector3.UnitY : Vector3.UnitX;
            var t2 = Vector3.Cross(n, t1);
            var start = positions.Count / 3;
            foreach (var (u, v) in new[] { (-1f, -1f), (1f, -1f), (1f, 1f), (-1f, 1f) })
            {
                var p = half * (n + u * t1 + v * t2);
                positions.AddRange([p.X, p.Y, p.Z]);
                colors.AddRange([color.X, color.Y, color.Z]);
            }
            if (Vector3.Dot(Vector3.Cross(t1, t2), n) > 0) indices.AddRange([start, start + 1, start + 2, start, start + 2, start + 3]);
            else indices.AddRange([start, start + 2, start + 1, start, start + 3, start + 2]);
        }
        return new TriangleMesh([.. positions], [.. indices], [.. colors]);
    }

    [Fact]
    public void ColouredCubeShowsThreeFacesInsideItsProjectedOutline()
    {
        const float half = 0.5f;
        var camera = new OrbitCamera(35, 25, 3.5f, 40f, 128, 128);
        var image = MeshRenderer.Render(ColouredCube(half), camera, new MeshRenderOptions { SmoothShading = false });

        // Oracle: the silhouette of a convex cube is the convex hull of its projected corners.
        var corners = new List<Vector2>();
        for (var c = 0; c < 8; c++)
        {
            var (x, y, _) = camera.Project(half * new Vector3((c & 1) * 2 - 1, (c >> 1 & 1) * 2 - 1, (c >> 2 & 1) * 2 - 1));
            corners.Add(new Vector2(x, y));
        }
        var hull = ConvexHull(corners);
        var expected = new bool[128 * 128];
        for (var y = 0; y < 128; y++)
            for (var x = 0; x < 128; x++)
                expected[y * 128 + x] = Inside(hull, new Vector2(x + 0.5f, y + 0.5f));
        var covered = image.Coverage.Select(c => c > 0.5f).ToArray();
        Assert.True(ImageMetrics.IntersectionOverUnion(covered, expected) > 0.98);

        // Seen from yaw 35°, pitch 25°: +X (red), +Y (green) and +Z (blue) faces face the camera; the others do not.
        var dominant = new int[3];
        for (var p = 0; p < covered.Length; p++)
        {
            if (!covered[p]) continue;
            var rgb = new[] { image.Rgb[3 * p], image.Rgb[3 * p + 1], image.Rgb[3 * p + 2] };
            var max = rgb.Max();
            if (rgb.Count(v => v > 0.5f * max) == 1) dominant[Array.IndexOf(rgb, max)]++;
        }
        Assert.All(dominant, count => Assert.True(count > 500, string.Join(",", dominant)));
        GoldenImage.AssertMatches(image, "coloured-cube", Vector3.One);
    }

    [Fact]
    public void LitSphereHasTheAnalyticOutlineAndIsBrighterTowardsTheLight()
    {
        const int n = 48;
        const float radius = 0.8f;
        var voxel = 2f / (n - 1);
        var values = new float[n * n * n];
        for (var z = 0; z < n; z++)
            for (var y = 0; y < n; y++)
                for (var x = 0; x < n; x++)
                    values[x + n * (y + n * z)] = radius - (new Vector3(-1) + voxel * new Vector3(x, y, z)).Length();
        var sphere = MarchingCubes.Extract(values, new VoxelGrid(n, n, n, new Vector3(-1), voxel), 0f);
        var light = Vector3.Normalize(new Vector3(1, 1, 1));
        var image = MeshRenderer.Render(sphere, Front, new MeshRenderOptions { LightDirection = light, BaseColor = new Vector3(0.9f, 0.6f, 0.3f) });

        // Outline: a disc of radius f·tan(asin(R/D)) pixels around the image centre.
        var discRadius = Front.FocalPixels * MathF.Tan(MathF.Asin(radius / Front.Distance));
        var expected = new bool[128 * 128];
        for (var y = 0; y < 128; y++)
            for (var x = 0; x < 128; x++)
                expected[y * 128 + x] = new Vector2(x + 0.5f - 64, y + 0.5f - 64).Length() <= discRadius;
        var covered = image.Coverage.Select(c => c > 0.5f).ToArray();
        Assert.True(ImageMetrics.IntersectionOverUnion(covered, expected) > 0.97);

        // The light comes from upper right front: the upper-right part of the disc is lit, the lower-left is ambient only.
        var lit = image[64 + 28, 64 - 28]; // near where the normal equals the light direction
        var dark = image[64 - 22, 64 + 22];
        Assert.True(lit.X > 0.8f && dark.X < 0.35f, $"lit {lit}, dark {dark}");
        Assert.Equal(0.6f / 0.9f, lit.Y / lit.X, 2); // Lambert scales the base colour uniformly
        GoldenImage.AssertMatches(image, "lit-sphere", Vector3.One);
    }

    private static List<Vector2> ConvexHull(List<Vector2> points)
    {
        var sorted = points.OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        var hull = new List<Vector2>();
        for (var pass = 0; pass < 2; pass++)
        {
            var start = hull.Count;
            foreach (var p in sorted)
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 0) hull.RemoveAt(hull.Count - 1);
                hull.Add(p);
            }
            hull.RemoveAt(hull.Count - 1);
            sorted.Reverse();
        }
        return hull;
    }

    private static float Cross(Vector2 o, Vector2 a, Vector2 b) => (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);

    private static bool Inside(List<Vector2> hull, Vector2 p)
    {
        for (var i = 0; i < hull.Count; i++)
            if (Cross(hull[i], hull[(i + 1) % hull.Count], p) < 0) return false;
        return true;
    }
}

public class ViewDependentColourTests
{
    [Fact]
    public void HigherBandsChangeTheColourOnlyWhenAskedFor()
    {
        var cloud = new SplatCloud(1, 1);
        cloud.LogScales.AsSpan().Fill(MathF.Log(0.2f));
        cloud.Rotations[0] = 1;
        cloud.OpacityLogits[0] = 10;
        cloud.ShRest[3 * 1] = 0.8f; // red rises when seen along +z, i.e. from the −z side
        var fromFront = new OrbitCamera(0, 0, 3f, 40f, 32, 32); // looks along −z
        var fromBack = fromFront with { YawDegrees = 180 };      // looks along +z

        var flat = SplatRenderer.Render(cloud, fromFront)[16, 16];
        Assert.InRange(flat.X, 0.49f, 0.53f); // 0.5 grey blended at ~0.98 alpha over white
        var options = new SplatRenderOptions { ViewDependentColor = true };
        var front = SplatRenderer.Render(cloud, fromFront, options)[16, 16];
        var back = SplatRenderer.Render(cloud, fromBack, options)[16, 16];
        Assert.True(back.X > front.X + 0.5f, $"front {front}, back {back}");
        Assert.InRange(front.Y, 0.49f, 0.53f);
    }
}
