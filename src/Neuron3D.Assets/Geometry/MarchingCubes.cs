using System.Numerics;
using System.Runtime.CompilerServices;
using Neuron3D.Assets.Meshes;

namespace Neuron3D.Assets.Geometry;

/// <summary>
/// Where a regular scalar grid sits in space: sample (i, j, k) lies at <c>Origin + VoxelSize·(i, j, k)</c> and is stored
/// at index <c>i + SizeX·(j + SizeY·k)</c> (x fastest).
/// </summary>
/// <param name="SizeX">Samples along x (≥ 1).</param>
/// <param name="SizeY">Samples along y (≥ 1).</param>
/// <param name="SizeZ">Samples along z (≥ 1).</param>
/// <param name="Origin">World position of sample (0, 0, 0), in scene units.</param>
/// <param name="VoxelSize">Distance between neighbouring samples, in scene units (&gt; 0).</param>
public readonly record struct VoxelGrid(int SizeX, int SizeY, int SizeZ, Vector3 Origin, float VoxelSize)
{
    /// <summary>Number of samples, SizeX·SizeY·SizeZ.</summary>
    public long SampleCount => (long)SizeX * SizeY * SizeZ;

    /// <summary>Number of cubes (cells between 8 samples).</summary>
    public long CellCount => (long)Math.Max(0, SizeX - 1) * Math.Max(0, SizeY - 1) * Math.Max(0, SizeZ - 1);
}

/// <summary>
/// Iso-surface extraction from a scalar grid (marching cubes with a topologically consistent, generated table; see
/// <see cref="MarchingCubesTable"/>). Samples with value &gt; iso are inside. The output has one shared vertex per crossed
/// grid edge, triangles wound counter-clockwise
/// seen from outside (normals point from high to low values). When every boundary sample is outside (≤ iso, or NaN), the
/// result is a closed, edge- and vertex-manifold, consistently oriented surface.
/// </summary>
public static class MarchingCubes
{
    /// <summary>
    /// Edge crossings are kept this fraction of a voxel away from grid samples, so that a sample exactly at the iso value
    /// does not collapse several vertices onto one point (zero-area triangles).
    /// </summary>
    public const float EdgeMargin = 1e-3f;

    /// <summary>Extracts the iso-surface <c>value = isoValue</c> of <paramref name="values"/>.</summary>
    /// <param name="values">Samples in the layout of <paramref name="grid"/>; NaN counts as outside, and a crossing next to a
    /// NaN sample is placed mid-edge.</param>
    /// <param name="grid">Dimensions and placement of the samples.</param>
    /// <param name="isoValue">Threshold: samples above it are inside.</param>
    /// <param name="colorAt">Optional colour (linear RGB, 0–1) for a world position; called once per output vertex.</param>
    /// <exception cref="ArgumentException">The sample count does not match the grid, or the grid is malformed.</exception>
    public static TriangleMesh Extract(ReadOnlySpan<float> values, VoxelGrid grid, float isoValue, Func<Vector3, Vector3>? colorAt = null)
    {
        if (grid.SizeX < 1 || grid.SizeY < 1 || grid.SizeZ < 1)
            throw new ArgumentException($"grid sizes must be ≥ 1, got {grid.SizeX}×{grid.SizeY}×{grid.SizeZ}", nameof(grid));
        if (!(grid.VoxelSize > 0) || !float.IsFinite(grid.VoxelSize))
            throw new ArgumentException($"voxel size must be a positive finite number, got {grid.VoxelSize}", nameof(grid));
        if (grid.SampleCount != values.Length)
            throw new ArgumentException($"grid {grid.SizeX}×{grid.SizeY}×{grid.SizeZ} needs {grid.SampleCount} samples, got {values.Length}", nameof(values));
        if (float.IsNaN(isoValue)) throw new ArgumentException("iso value must not be NaN", nameof(isoValue));

        var extractor = new Extractor(grid, isoValue);
        try
        {
            extractor.Run(values);
            return extractor.ToMesh(colorAt);
        }
        finally
        {
            extractor.Dispose();
        }
    }

    private sealed class Extractor : IDisposable
    {
        private readonly int _nx, _ny, _nz;
        private readonly Vector3 _origin;
        private readonly float _voxel;
        private readonly float _iso;
        // Vertex index of each crossed grid edge, −1 when not created yet: x- and y-edges of the slab's lower and upper
        // plane, z-edges of the slab. Planes roll as the sweep moves up in z.
        private PooledBuffer<int> _xLower, _xUpper, _yLower, _yUpper, _zEdges;
        private PooledBuffer<float> _positions;
        private PooledBuffer<int> _indices;

        public Extractor(VoxelGrid grid, float iso)
        {
            (_nx, _ny, _nz, _origin, _voxel, _iso) = (grid.SizeX, grid.SizeY, grid.SizeZ, grid.Origin, grid.VoxelSize, iso);
            var plane = _nx * _ny;
            _xLower = NewCache(plane);
            _xUpper = NewCache(plane);
            _yLower = NewCache(plane);
            _yUpper = NewCache(plane);
            _zEdges = NewCache(plane);
            _positions = new PooledBuffer<float>(1 << 12);
            _indices = new PooledBuffer<int>(1 << 13);
        }

        private static PooledBuffer<int> NewCache(int size)
        {
            var b = new PooledBuffer<int>(size);
            b.Append(size).Fill(-1);
            return b;
        }

        public void Run(ReadOnlySpan<float> values)
        {
            int nx = _nx, ny = _ny, plane = nx * ny;
            var iso = _iso;
            Span<int> local = stackalloc int[12];
            for (var z = 0; z + 1 < _nz; z++)
            {
                var lower = values.Slice(z * plane, plane);
                var upper = values.Slice((z + 1) * plane, plane);
                for (var y = 0; y + 1 < ny; y++)
                {
                    int row0 = y * nx, row1 = row0 + nx;
                    var column = ColumnBits(lower, upper, row0, row1, iso);
                    for (var x = 0; x + 1 < nx; x++)
                    {
                        var nextColumn = ColumnBits(lower, upper, row0 + x + 1, row1 + x + 1, iso);
                        var cube = column | (nextColumn << 1);
                        column = nextColumn;
                        if (cube is 0 or 255) continue;
                        EmitCube(values, cube, x, y, z, local);
                    }
                }
                (_xLower, _xUpper) = (_xUpper, _xLower);
                (_yLower, _yUpper) = (_yUpper, _yLower);
                _xUpper.Span.Fill(-1);
                _yUpper.Span.Fill(-1);
                _zEdges.Span.Fill(-1);
            }
        }

        /// <summary>Inside bits of the four samples at one x, placed at corner bits 0, 2, 4, 6 (x = 0 corners).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int ColumnBits(ReadOnlySpan<float> lower, ReadOnlySpan<float> upper, int i0, int i1, float iso) =>
            (lower[i0] > iso ? 1 : 0) | (lower[i1] > iso ? 4 : 0) | (upper[i0] > iso ? 16 : 0) | (upper[i1] > iso ? 64 : 0);

        private void EmitCube(ReadOnlySpan<float> values, int cube, int x, int y, int z, Span<int> local)
        {
            int mask = MarchingCubesTable.EdgeMask[cube];
            while (mask != 0)
            {
                var e = BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                local[e] = EdgeVertex(values, e, x, y, z);
            }

            var ids = MarchingCubesTable.TriangleIds;
            int from = MarchingCubesTable.TriangleStart[cube], to = MarchingCubesTable.TriangleStart[cube + 1];
            var output = _indices.Append(to - from);
            for (var i = from; i < to; i++) output[i - from] = local[ids[i]];
        }

        private int EdgeVertex(ReadOnlySpan<float> values, int edge, int x, int y, int z)
        {
            int plane = _nx * _ny, dx = 0, dy = 0, dz = 0, slot;
            ref int cached = ref Unsafe.NullRef<int>();
            if (edge < 4)
            {
                int by = edge & 1, bz = edge >> 1;
                slot = (y + by) * _nx + x;
                cached = ref (bz == 0 ? _xLower : _xUpper).Span[slot];
                (y, z, dx) = (y + by, z + bz, 1);
            }
            else if (edge < 8)
            {
                int bx = edge & 1, bz = (edge - 4) >> 1;
                slot = y * _nx + x + bx;
                cached = ref (bz == 0 ? _yLower : _yUpper).Span[slot];
                (x, z, dy) = (x + bx, z + bz, 1);
            }
            else
            {
                int bx = edge & 1, by = (edge - 8) >> 1;
                slot = (y + by) * _nx + x + bx;
                cached = ref _zEdges.Span[slot];
                (x, y, dz) = (x + bx, y + by, 1);
            }
            if (cached >= 0) return cached;

            var a = x + _nx * (y + _ny * z);
            var va = values[a];
            var vb = values[a + dx + _nx * dy + plane * dz];
            var t = (_iso - va) / (vb - va);
            if (float.IsNaN(t)) t = 0.5f; // a NaN or infinite sample gives no position information
            else if (t < EdgeMargin) t = EdgeMargin;
            else if (t > 1 - EdgeMargin) t = 1 - EdgeMargin;

            var index = _positions.Count / 3;
            var p = _positions.Append(3);
            p[0] = _origin.X + _voxel * (x + t * dx);
            p[1] = _origin.Y + _voxel * (y + t * dy);
            p[2] = _origin.Z + _voxel * (z + t * dz);
            cached = index;
            return index;
        }

        public TriangleMesh ToMesh(Func<Vector3, Vector3>? colorAt)
        {
            var positions = _positions.ToArray();
            float[]? colors = null;
            if (colorAt is not null)
            {
                colors = new float[positions.Length];
                for (var i = 0; i < positions.Length; i += 3)
                {
                    var c = colorAt(new Vector3(positions[i], positions[i + 1], positions[i + 2]));
                    (colors[i], colors[i + 1], colors[i + 2]) = (c.X, c.Y, c.Z);
                }
            }
            return new TriangleMesh(positions, _indices.ToArray(), colors);
        }

        public void Dispose()
        {
            _xLower.Dispose();
            _xUpper.Dispose();
            _yLower.Dispose();
            _yUpper.Dispose();
            _zEdges.Dispose();
            _positions.Dispose();
            _indices.Dispose();
        }
    }
}
