namespace Neuron3D.Assets.Formats.Ply;

/// <summary>
/// Hard caps a PLY reader enforces before it allocates, so that an absurd or hostile header (a validator reads
/// untrusted miner output) is refused with a <see cref="PlyFormatException"/> instead of exhausting memory or time.
/// Independently of these caps, an element's row count times its smallest possible row size must fit in the bytes
/// the file actually has.
/// </summary>
public sealed record PlyReadOptions
{
    /// <summary>The SN17 compressor's vertex cap (pyspz refuses more), used as the default <see cref="MaxVertexCount"/>.</summary>
    public const int Sn17MaxVertexCount = 10_485_760;

    /// <summary>Defaults: 10,485,760 vertices (splats), 10,485,760 faces, 20,971,520 triangles, 1 GiB of input, 64 KiB of header, 256 corners per polygon.</summary>
    public static PlyReadOptions Default { get; } = new();

    /// <summary>Most rows of the vertex element (splats, for a 3DGS file). Default <see cref="Sn17MaxVertexCount"/>.</summary>
    public int MaxVertexCount { get; init; } = Sn17MaxVertexCount;

    /// <summary>Most rows of the face element (polygons, before triangulation). Default 10,485,760.</summary>
    public int MaxFaceCount { get; init; } = Sn17MaxVertexCount;

    /// <summary>Most triangles a mesh may have after fan-triangulating its faces. Default 20,971,520.</summary>
    public int MaxTriangleCount { get; init; } = 2 * Sn17MaxVertexCount;

    /// <summary>Largest file accepted, in bytes. Default 1 GiB.</summary>
    public long MaxInputBytes { get; init; } = 1L << 30;

    /// <summary>Largest header accepted, in bytes (up to and including the `end_header` line). Default 64 KiB.</summary>
    public int MaxHeaderBytes { get; init; } = 64 * 1024;

    /// <summary>Most entries one list property (a polygon's corner list) may declare. Default 256.</summary>
    public int MaxListLength { get; init; } = 256;
}
