using Neuron3D.Assets.Formats.Glb;
using Neuron3D.Assets.Formats.Obj;
using Neuron3D.Assets.Formats.Ply;
using Neuron3D.Assets.Formats.Spz;
using Neuron3D.Assets.Meshes;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Tests.Formats;

/// <summary>A splat format under the contract suite: how to write and read it, and whether it is lossless.</summary>
public sealed record SplatCodec(string Name, Func<SplatCloud, byte[]> Write, Func<byte[], SplatCloud> Read, bool Lossless, bool SmallestThree = false)
{
    public override string ToString() => Name;

    public static readonly SplatCodec[] All =
    [
        new("PLY (SN17 layout, normals)", c => PlySplatWriter.Write(c), b => PlySplatReader.Read(b), Lossless: true),
        new("PLY (no normals, via streams)", c =>
        {
            using var s = new MemoryStream();
            PlySplatWriter.Write(c, s, new PlySplatWriteOptions { IncludeNormals = false });
            return s.ToArray();
        }, b => PlySplatReader.Read(new MemoryStream(b)), Lossless: true),
        new("SPZ SN17 zstd v2", c => SpzCodec.Encode(c), b => SpzCodec.Decode(b), Lossless: false),
        new("SPZ gzip v2", c => SpzCodec.Encode(c, new SpzWriteOptions { Variant = SpzVariant.UpstreamGzipV2 }), b => SpzCodec.Decode(b), Lossless: false),
        new("SPZ gzip v3", c => SpzCodec.Encode(c, new SpzWriteOptions { Variant = SpzVariant.UpstreamGzipV3 }), b => SpzCodec.Decode(b), Lossless: false, SmallestThree: true),
        new("SPZ v4", c => SpzCodec.Encode(c, new SpzWriteOptions { Variant = SpzVariant.UpstreamV4 }), b => SpzCodec.Decode(b), Lossless: false, SmallestThree: true),
    ];
}

/// <summary>A mesh format under the contract suite; <see cref="ColorTolerance"/> is 0 for formats that store floats.</summary>
public sealed record MeshCodec(string Name, Func<TriangleMesh, byte[]> Write, Func<byte[], TriangleMesh> Read, float ColorTolerance)
{
    public override string ToString() => Name;

    public static readonly MeshCodec[] All =
    [
        new("PLY (uchar colours)", m => PlyMeshWriter.Write(m), b => PlyMeshReader.Read(b), 0.5f / 255 + 1e-6f),
        new("PLY (float colours)", m => PlyMeshWriter.Write(m, new PlyMeshWriteOptions { ColorEncoding = PlyColorEncoding.Float32 }), b => PlyMeshReader.Read(new MemoryStream(b)), 0f),
        new("OBJ", ObjMeshWriter.Write, b => ObjMeshReader.Read(b), 0f),
        new("GLB", GlbMeshWriter.Write, b => GlbMeshReader.Read(b), 0f),
    ];
}
