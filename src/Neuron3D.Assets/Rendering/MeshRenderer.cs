using System.Numerics;
using Neuron3D.Assets.Meshes;

namespace Neuron3D.Assets.Rendering;

/// <summary>Settings of <see cref="MeshRenderer"/>.</summary>
public sealed record MeshRenderOptions
{
    /// <summary>The defaults: white background, light grey material, soft key light from the camera's upper left.</summary>
    public static MeshRenderOptions Default { get; } = new();

    /// <summary>Background colour, linear RGB 0–1.</summary>
    public Vector3 Background { get; init; } = Vector3.One;

    /// <summary>Surface colour where the mesh has no vertex colours, linear RGB 0–1.</summary>
    public Vector3 BaseColor { get; init; } = new(0.8f);

    /// <summary>Share of light that reaches every surface regardless of orientation (0–1).</summary>
    public float Ambient { get; init; } = 0.25f;

    /// <summary>
    /// Direction <em>towards</em> the light in world space; null puts a key light at the camera's upper left
    /// (camera-relative, so every orbit view is lit alike).
    /// </summary>
    public Vector3? LightDirection { get; init; }

    /// <summary>Interpolate vertex normals (smooth) instead of using each triangle's own normal (flat).</summary>
    public bool SmoothShading { get; init; } = true;

    /// <summary>Worker threads (horizontal bands of the image render in parallel).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>
/// CPU z-buffer rasteriser for triangle meshes: perspective-correct interpolation of vertex colours and normals, Lambert
/// diffuse plus ambient, two-sided lighting (a back face is lit like its front, so inconsistent winding stays visible).
/// Triangles with a vertex at or behind the near plane are skipped rather than clipped.
/// </summary>
public static class MeshRenderer
{
    /// <summary>Renders <paramref name="mesh"/> from <paramref name="camera"/>; coverage is 1 where a triangle was drawn.</summary>
    /// <exception cref="ArgumentException">The camera cannot render, or an index is out of range.</exception>
    public static RenderImage Render(TriangleMesh mesh, OrbitCamera camera, MeshRenderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        options ??= MeshRenderOptions.Default;
        camera.Validate();
        foreach (var i in mesh.Indices)
            if ((uint)i >= (uint)mesh.VertexCount)
                throw new ArgumentException($"triangle index {i} is outside the {mesh.VertexCount} vertices", nameof(mesh));

        var (right, up, forward) = camera.Axes;
        var eye = camera.Position;
        var focal = camera.FocalPixels;
        var n = mesh.VertexCount;
        var screen = new Vector3[n]; // pixel x, pixel y, view depth
        for (var v = 0; v < n; v++)
        {
            var d = new Vector3(mesh.Positions[3 * v], mesh.Positions[3 * v + 1], mesh.Positions[3 * v + 2]) - eye;
            var z = Vector3.Dot(d, forward);
            screen[v] = new Vector3(camera.Width / 2f + focal * Vector3.Dot(d, right) / z, camera.Height / 2f - focal * Vector3.Dot(d, up) / z, z);
        }
        var normals = options.SmoothShading ? mesh.Normals ?? MeshMeasures.VertexNormals(mesh) : null;
        var light = Vector3.Normalize(options.LightDirection ?? (-0.45f * right + 0.6f * up - 0.65f * forward));

        var image = new RenderImage(camera.Width, camera.Height, options.Background);
        var depth = new float[camera.Width * camera.Height];
        Array.Fill(depth, float.PositiveInfinity);
        var threads = Math.Max(1, options.MaxDegreeOfParallelism);
        var bands = Math.Min(camera.Height, 4 * threads);
        var context = new Context(mesh, screen, normals, light, options, camera, eye, image, depth);
        Parallel.For(0, bands, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, b =>
            context.RasteriseBand(b * camera.Height / bands, (b + 1) * camera.Height / bands - 1));
        return image;
    }

    private sealed class Context(
        TriangleMesh mesh, Vector3[] screen, float[]? normals, Vector3 light, MeshRenderOptions options, OrbitCamera camera,
        Vector3 eye, RenderImage image, float[] depth)
    {
        /// <summary>Draws every triangle's pixels whose row lies in [rowFrom, rowTo]; bands never share pixels.</summary>
        public void RasteriseBand(int rowFrom, int rowTo)
        {
            var idx = mesh.Indices;
            for (var t = 0; t < mesh.TriangleCount; t++)
            {
                int ia = idx[3 * t], ib = idx[3 * t + 1], ic = idx[3 * t + 2];
                Vector3 a = screen[ia], b = screen[ib], c = screen[ic];
                if (!(a.Z > camera.Near && b.Z > camera.Near && c.Z > camera.Near)) continue;
                var y0 = Math.Max(rowFrom, (int)MathF.Ceiling(MathF.Min(a.Y, MathF.Min(b.Y, c.Y)) - 0.5f));
                var y1 = Math.Min(rowTo, (int)MathF.Floor(MathF.Max(a.Y, MathF.Max(b.Y, c.Y)) - 0.5f));
                if (y0 > y1) continue;
                var x0 = Math.Max(0, (int)MathF.Ceiling(MathF.Min(a.X, MathF.Min(b.X, c.X)) - 0.5f));
                var x1 = Math.Min(camera.Width - 1, (int)MathF.Floor(MathF.Max(a.X, MathF.Max(b.X, c.X)) - 0.5f));
                if (x0 > x1) continue;
                var area = Edge(a, b, c.X, c.Y);
                if (area == 0 || !float.IsFinite(area)) continue;

                var faceNormal = FaceNormal(ia, ib, ic);
                for (var y = y0; y <= y1; y++)
                {
                    var py = y + 0.5f;
                    for (var x = x0; x <= x1; x++)
                    {
                        var px = x + 0.5f;
                        // Barycentric weights from signed edge functions; either winding is accepted.
                        float wa = Edge(b, c, px, py) / area, wb = Edge(c, a, px, py) / area, wc = 1 - wa - wb;
                        if (!(wa >= 0 && wb >= 0 && wc >= 0)) continue; // NaN from overflowing coordinates fails too
                        // Perspective-correct weights: interpolate w/z and renormalise.
                        float pa = wa / a.Z, pb = wb / b.Z, pc = wc / c.Z, inv = 1 / (pa + pb + pc);
                        var z = inv;
                        var o = y * camera.Width + x;
                        if (!(z < depth[o]) || !(z > 0)) continue;
                        depth[o] = z;
                        Shade(o, ia, ib, ic, pa * inv, pb * inv, pc * inv, faceNormal);
                    }
                }
            }
        }

        private void Shade(int pixel, int ia, int ib, int ic, float wa, float wb, float wc, Vector3 faceNormal)
        {
            var normal = normals is null ? faceNormal : Vector3.Normalize(wa * Read(normals, ia) + wb * Read(normals, ib) + wc * Read(normals, ic));
            if (!float.IsFinite(normal.X + normal.Y + normal.Z)) normal = faceNormal;
            var surface = wa * Read(mesh.Positions, ia) + wb * Read(mesh.Positions, ib) + wc * Read(mesh.Positions, ic);
            if (Vector3.Dot(normal, eye - surface) < 0) normal = -normal; // two-sided
            var albedo = mesh.Colors is { } colors ? wa * Read(colors, ia) + wb * Read(colors, ib) + wc * Read(colors, ic) : options.BaseColor;
            var lambert = options.Ambient + (1 - options.Ambient) * MathF.Max(0, Vector3.Dot(normal, light));
            var rgb = albedo * (float.IsFinite(lambert) ? lambert : options.Ambient);
            (image.Rgb[3 * pixel], image.Rgb[3 * pixel + 1], image.Rgb[3 * pixel + 2]) = (Finite(rgb.X), Finite(rgb.Y), Finite(rgb.Z));
            image.Coverage[pixel] = 1;
        }

        private Vector3 FaceNormal(int ia, int ib, int ic)
        {
            Vector3 a = Read(mesh.Positions, ia), b = Read(mesh.Positions, ib), c = Read(mesh.Positions, ic);
            var n = Vector3.Cross(b - a, c - a);
            var length = n.Length();
            return length > 0 && float.IsFinite(length) ? n / length : Vector3.Zero;
        }

        /// <summary>NaN/∞ vertex colours render black instead of poisoning the PNG.</summary>
        private static float Finite(float v) => float.IsFinite(v) ? v : 0;

        private static Vector3 Read(float[] values, int v) => new(values[3 * v], values[3 * v + 1], values[3 * v + 2]);

        private static float Edge(Vector3 from, Vector3 to, float x, float y) => (to.X - from.X) * (y - from.Y) - (to.Y - from.Y) * (x - from.X);
    }
}
