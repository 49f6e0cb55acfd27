using System.Buffers;
using System.Numerics;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Rendering;

/// <summary>Settings of <see cref="SplatRenderer"/>.</summary>
public sealed record SplatRenderOptions
{
    /// <summary>The defaults: white background (as the SN17 validator renders), all cores.</summary>
    public static SplatRenderOptions Default { get; } = new();

    /// <summary>Background colour, linear RGB 0–1 (SN17: white).</summary>
    public Vector3 Background { get; init; } = Vector3.One;

    /// <summary>Worker threads for projection and tile rasterisation; 1 renders on the calling thread.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Variance added to each projected Gaussian, pixels² (the 3DGS anti-aliasing low-pass filter, 0.3): keeps sub-pixel
    /// splats visible instead of aliasing.
    /// </summary>
    public float LowPassVariance { get; init; } = 0.3f;

    /// <summary>Multiplies every splat's scale (1 = as stored).</summary>
    public float ScaleModifier { get; init; } = 1f;

    /// <summary>
    /// Evaluate the stored higher SH bands (view-dependent colour). Off by default: the SN17 validator renders the
    /// degree-0 colour only (spec §3.5 step 2).
    /// </summary>
    public bool ViewDependentColor { get; init; }
}

/// <summary>
/// CPU rasteriser for 3D Gaussian splats following the 3DGS/gsplat recipe: each Gaussian's 3D covariance is projected to a
/// 2D screen-space covariance with the perspective Jacobian (EWA splatting), splats are sorted by view depth, binned into
/// 16×16-pixel tiles and alpha-blended front to back per pixel, with early termination once a pixel is opaque. Colour is the
/// view-independent SH degree-0 term (what the SN17 validator renders) unless
/// <see cref="SplatRenderOptions.ViewDependentColor"/> asks for all stored bands. Tiles render in parallel.
/// </summary>
public static class SplatRenderer
{
    /// <summary>Tile edge in pixels.</summary>
    public const int TileSize = 16;

    private const float MinAlpha = 1f / 255f;
    private const float MaxAlpha = 0.99f;
    private const float OpaqueTransmittance = 1e-4f;

    private struct Projected
    {
        public float Mx, My, ConicA, ConicB, ConicC, Opacity, MinPower, R, G, B;
        public int X0, Y0, X1, Y1;
    }

    /// <summary>Renders <paramref name="cloud"/> from <paramref name="camera"/>.</summary>
    /// <exception cref="ArgumentException">The camera cannot render (see <see cref="OrbitCamera.Validate"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RenderImage Render(SplatCloud cloud, OrbitCamera camera, SplatRenderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        options ??= SplatRenderOptions.Default;
        camera.Validate();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        var n = cloud.Count;
        var projected = ArrayPool<Projected>.Shared.Rent(Math.Max(1, n));
        var depth = ArrayPool<float>.Shared.Rent(Math.Max(1, n));
        var order = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        try
        {
            ProjectAll(cloud, camera, options, projected, depth, parallel);

            var visible = 0;
            for (var i = 0; i < n; i++)
            {
                if (float.IsNaN(depth[i])) continue;
                depth[visible] = depth[i];
                order[visible++] = i;
            }
            Array.Sort(depth, order, 0, visible);

            var image = new RenderImage(camera.Width, camera.Height);
            RasteriseTiles(projected, order.AsSpan(0, visible), image, options.Background, parallel);
            return image;
        }
        finally
        {
            ArrayPool<Projected>.Shared.Return(projected);
            ArrayPool<float>.Shared.Return(depth);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    /// <summary>Renders one image per camera (each render is itself parallel).</summary>
    public static RenderImage[] RenderViews(SplatCloud cloud, IReadOnlyList<OrbitCamera> cameras, SplatRenderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        var images = new RenderImage[cameras.Count];
        for (var i = 0; i < images.Length; i++) images[i] = Render(cloud, cameras[i], options, cancellationToken);
        return images;
    }

    /// <summary>Projects every splat; depth[i] is NaN for a culled splat.</summary>
    private static void ProjectAll(SplatCloud cloud, OrbitCamera camera, SplatRenderOptions options, Projected[] projected, float[] depth, ParallelOptions parallel)
    {
        var n = cloud.Count;
        const int chunk = 8192;
        Parallel.For(0, (n + chunk - 1) / chunk, parallel, c =>
        {
            var setup = new Projection(camera, options);
            for (int i = c * chunk, end = Math.Min(n, i + chunk); i < end; i++)
                depth[i] = setup.Project(cloud, i, out projected[i]) ? setup.LastDepth : float.NaN;
        });
    }

    /// <summary>Per-camera constants and the EWA projection of one splat.</summary>
    private struct Projection(OrbitCamera camera, SplatRenderOptions options)
    {
        private readonly Vector3 _eye = camera.Position;
        private readonly (Vector3 Right, Vector3 Up, Vector3 Forward) _axes = camera.Axes;
        private readonly float _focal = camera.FocalPixels;
        private readonly float _cx = camera.Width / 2f, _cy = camera.Height / 2f;
        private readonly int _width = camera.Width, _height = camera.Height;
        private readonly float _near = camera.Near, _far = camera.Far;
        // Clamp the Jacobian's view angle to 1.3× the half-FOV (as 3DGS does) so splats far off-screen cannot blow up.
        private readonly float _limitX = 1.3f * (camera.Width / 2f) / camera.FocalPixels, _limitY = 1.3f * (camera.Height / 2f) / camera.FocalPixels;
        private readonly float _lowPass = options.LowPassVariance;
        private readonly float _logScaleShift = MathF.Log(options.ScaleModifier);
        private readonly bool _viewDependent = options.ViewDependentColor;

        public float LastDepth;

        public bool Project(SplatCloud cloud, int i, out Projected p)
        {
            p = default;
            var world = new Vector3(cloud.Positions[3 * i], cloud.Positions[3 * i + 1], cloud.Positions[3 * i + 2]);
            var d = world - _eye;
            var tz = Vector3.Dot(d, _axes.Forward);
            if (!(tz > _near && tz < _far)) return false; // also rejects NaN
            float tx = Vector3.Dot(d, _axes.Right), ty = Vector3.Dot(d, _axes.Up);

            var opacity = SplatMath.Sigmoid(cloud.OpacityLogits[i]);
            if (!(opacity >= MinAlpha)) return false;
            if (cloud.Rotation(i) is not { } rotation) return false;
            var scale = new Vector3(
                MathF.Exp(cloud.LogScales[3 * i] + _logScaleShift),
                MathF.Exp(cloud.LogScales[3 * i + 1] + _logScaleShift),
                MathF.Exp(cloud.LogScales[3 * i + 2] + _logScaleShift));
            var sigma = SplatMath.Covariance(scale, rotation);

            // Screen-space covariance J·W·Σ·Wᵀ·Jᵀ: rows of J·W as world vectors (screen y points down).
            var txc = Math.Clamp(tx / tz, -_limitX, _limitX) * tz;
            var tyc = Math.Clamp(ty / tz, -_limitY, _limitY) * tz;
            var row0 = _focal / tz * _axes.Right - _focal * txc / (tz * tz) * _axes.Forward;
            var row1 = -_focal / tz * _axes.Up + _focal * tyc / (tz * tz) * _axes.Forward;
            var s0 = Apply(sigma, row0);
            var a = Vector3.Dot(row0, s0) + _lowPass;
            var b = Vector3.Dot(row1, s0);
            var c = Vector3.Dot(row1, Apply(sigma, row1)) + _lowPass;
            var det = a * c - b * b;
            if (!(det > 0) || !float.IsFinite(det)) return false;

            // Pixels where opacity·exp(−½·d²) ≥ 1/255, i.e. Mahalanobis d² ≤ 2·ln(255·opacity): the ellipse's bounding box.
            var reach2 = 2 * MathF.Log(opacity / MinAlpha);
            float mx = _cx + _focal * tx / tz, my = _cy - _focal * ty / tz;
            float rx = MathF.Sqrt(reach2 * a), ry = MathF.Sqrt(reach2 * c);
            var x0 = (int)MathF.Max(0, MathF.Ceiling(mx - rx - 0.5f));
            var x1 = (int)MathF.Min(_width - 1, MathF.Floor(mx + rx - 0.5f));
            var y0 = (int)MathF.Max(0, MathF.Ceiling(my - ry - 0.5f));
            var y1 = (int)MathF.Min(_height - 1, MathF.Floor(my + ry - 0.5f));
            if (x0 > x1 || y0 > y1 || !float.IsFinite(mx) || !float.IsFinite(my)) return false;

            p.Mx = mx;
            p.My = my;
            p.ConicA = c / det;
            p.ConicB = -b / det;
            p.ConicC = a / det;
            p.Opacity = opacity;
            p.MinPower = MathF.Log(MinAlpha / opacity); // exponents below this give alpha < 1/255: skip exp()
            var rgb = _viewDependent && cloud.ShDegree > 0
                ? SphericalHarmonics.Color(cloud, i, Vector3.Normalize(d))
                : new Vector3(SplatMath.ShDcToColor(cloud.ShDc[3 * i]), SplatMath.ShDcToColor(cloud.ShDc[3 * i + 1]), SplatMath.ShDcToColor(cloud.ShDc[3 * i + 2]));
            p.R = MathF.Max(0, rgb.X);
            p.G = MathF.Max(0, rgb.Y);
            p.B = MathF.Max(0, rgb.Z);
            if (!float.IsFinite(p.R + p.G + p.B)) return false;
            (p.X0, p.X1, p.Y0, p.Y1) = (x0, x1, y0, y1);
            LastDepth = tz;
            return true;
        }

        private static Vector3 Apply(SymmetricMatrix3 m, Vector3 v) => new(
            m.Xx * v.X + m.Xy * v.Y + m.Xz * v.Z,
            m.Xy * v.X + m.Yy * v.Y + m.Yz * v.Z,
            m.Xz * v.X + m.Yz * v.Y + m.Zz * v.Z);
    }

    private static void RasteriseTiles(Projected[] projected, ReadOnlySpan<int> sorted, RenderImage image, Vector3 background, ParallelOptions parallel)
    {
        int tilesX = (image.Width + TileSize - 1) / TileSize, tilesY = (image.Height + TileSize - 1) / TileSize, tiles = tilesX * tilesY;
        var tileStart = new int[tiles + 1];
        foreach (var s in sorted)
        {
            ref var p = ref projected[s];
            for (var ty = p.Y0 / TileSize; ty <= p.Y1 / TileSize; ty++)
                for (var tx = p.X0 / TileSize; tx <= p.X1 / TileSize; tx++)
                    tileStart[ty * tilesX + tx + 1]++;
        }
        for (var t = 0; t < tiles; t++) tileStart[t + 1] += tileStart[t];

        // Binning in depth order keeps every tile's list sorted front to back.
        var entries = ArrayPool<int>.Shared.Rent(Math.Max(1, tileStart[tiles]));
        try
        {
            var fill = (int[])tileStart.Clone();
            foreach (var s in sorted)
            {
                ref var p = ref projected[s];
                for (var ty = p.Y0 / TileSize; ty <= p.Y1 / TileSize; ty++)
                    for (var tx = p.X0 / TileSize; tx <= p.X1 / TileSize; tx++)
                        entries[fill[ty * tilesX + tx]++] = s;
            }
            Parallel.For(0, tiles, parallel, t =>
                RasteriseTile(projected, entries.AsSpan(tileStart[t], tileStart[t + 1] - tileStart[t]), t % tilesX, t / tilesX, image, background));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(entries);
        }
    }

    private static unsafe void RasteriseTile(Projected[] projected, ReadOnlySpan<int> list, int tileX, int tileY, RenderImage image, Vector3 background)
    {
        int left = tileX * TileSize, top = tileY * TileSize;
        int right = Math.Min(image.Width - 1, left + TileSize - 1), bottom = Math.Min(image.Height - 1, top + TileSize - 1);
        int w = right - left + 1, pixels = w * (bottom - top + 1);
        var transmittance = stackalloc float[TileSize * TileSize];
        var color = stackalloc float[3 * TileSize * TileSize];
        new Span<float>(transmittance, TileSize * TileSize).Fill(1f);
        new Span<float>(color, 3 * TileSize * TileSize).Clear();
        var opaque = 0;

        foreach (var s in list)
        {
            ref var p = ref projected[s];
            int x0 = Math.Max(left, p.X0), x1 = Math.Min(right, p.X1), y0 = Math.Max(top, p.Y0), y1 = Math.Min(bottom, p.Y1);
            float halfA = 0.5f * p.ConicA, minPower = p.MinPower, opacity = p.Opacity;
            for (var y = y0; y <= y1; y++)
            {
                var dy = y + 0.5f - p.My;
                var row = (y - top) * w - left;
                var halfCdy2 = 0.5f * p.ConicC * dy * dy;
                var bdy = p.ConicB * dy;
                for (var x = x0; x <= x1; x++)
                {
                    var t = transmittance[row + x];
                    if (t < OpaqueTransmittance) continue;
                    var dx = x + 0.5f - p.Mx;
                    var power = -halfA * dx * dx - bdy * dx - halfCdy2;
                    if (power < minPower || power > 0) continue;
                    var alpha = MathF.Min(MaxAlpha, opacity * MathF.Exp(power));
                    var weight = alpha * t;
                    var c = color + 3 * (row + x);
                    c[0] += p.R * weight;
                    c[1] += p.G * weight;
                    c[2] += p.B * weight;
                    t *= 1 - alpha;
                    transmittance[row + x] = t;
                    if (t < OpaqueTransmittance) opaque++;
                }
            }
            if (opaque == pixels) break;
        }

        for (var y = top; y <= bottom; y++)
            for (var x = left; x <= right; x++)
            {
                int k = (y - top) * w + (x - left), o = y * image.Width + x;
                var t = transmittance[k];
                image.Rgb[3 * o] = color[3 * k] + t * background.X;
                image.Rgb[3 * o + 1] = color[3 * k + 1] + t * background.Y;
                image.Rgb[3 * o + 2] = color[3 * k + 2] + t * background.Z;
                image.Coverage[o] = 1 - t;
            }
    }
}
