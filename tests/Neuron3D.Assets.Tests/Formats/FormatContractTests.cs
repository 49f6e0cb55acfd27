using CsCheck;
using Neuron3D.Assets.Formats;
using Neuron3D.Assets.Meshes;
using Neuron3D.Assets.Splats;

namespace Neuron3D.Assets.Tests.Formats;

/// <summary>
/// One contract for every format: write → read gives the same asset (exactly for lossless formats, within the
/// quantisation bounds of <see cref="SplatAssert"/> for SPZ), including empty and single-element assets and every SH degree.
/// </summary>
public class FormatContractTests
{
    public static TheoryData<SplatCodec> SplatCodecs => new(SplatCodec.All);
    public static TheoryData<MeshCodec> MeshCodecs => new(MeshCodec.All);

    public static TheoryData<SplatCodec, int, int> SplatCodecsCountsDegrees()
    {
        var data = new TheoryData<SplatCodec, int, int>();
        foreach (var codec in SplatCodec.All)
            foreach (var count in new[] { 0, 1, 257 })
                for (var degree = 0; degree <= 3; degree++)
                    data.Add(codec, count, degree);
        return data;
    }

    private static void AssertRoundTrip(SplatCodec codec, SplatCloud cloud)
    {
        var back = codec.Read(codec.Write(cloud));
        if (codec.Lossless) SplatAssert.Equal(cloud, back);
        else SplatAssert.WithinSpzBounds(cloud, back, fractionalBits: 12, codec.SmallestThree);
    }

    [Theory]
    [MemberData(nameof(SplatCodecsCountsDegrees))]
    public void Splats_round_trip(SplatCodec codec, int count, int degree) =>
        AssertRoundTrip(codec, SplatSamples.Random(count, degree, seed: 100 * count + degree));

    [Theory]
    [MemberData(nameof(SplatCodecs))]
    public void Random_splat_clouds_round_trip(SplatCodec codec) =>
        SplatSamples.Gen.Sample(cloud => AssertRoundTrip(codec, cloud), iter: 40);

    [Theory]
    [MemberData(nameof(SplatCodecs))]
    public void Encoding_is_deterministic(SplatCodec codec)
    {
        var cloud = SplatSamples.Random(64, 2, seed: 5);
        Assert.Equal(codec.Write(cloud), codec.Write(cloud));
    }

    [Theory]
    [MemberData(nameof(MeshCodecs))]
    public void Random_meshes_round_trip(MeshCodec codec) =>
        MeshSamples.Gen.Sample(mesh => MeshSamples.Equal(mesh, codec.Read(codec.Write(mesh)), codec.ColorTolerance), iter: 40);

    [Theory]
    [MemberData(nameof(MeshCodecs))]
    public void Empty_point_only_single_triangle_and_cube_meshes_round_trip(MeshCodec codec)
    {
        TriangleMesh[] meshes =
        [
            new([], []),
            new([1, 2, 3, 4, 5, 6], [], [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f]),
            MeshSamples.Random(3, 1, colors: true, normals: true, seed: 9),
            MeshSamples.Cube(),
        ];
        foreach (var mesh in meshes) MeshSamples.Equal(mesh, codec.Read(codec.Write(mesh)), codec.ColorTolerance);
    }

    [Theory]
    [InlineData("splats.ply")]
    [InlineData("splats.spz")]
    public async Task AssetFile_saves_and_loads_splats_by_extension(string name)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("neuron3d-formats").FullName, name);
        var cloud = SplatSamples.Random(20, 1, seed: 2);
        AssetFile.SaveSplats(path, cloud);
        var loaded = AssetFile.LoadSplats(path);
        await AssetFile.SaveSplatsAsync(path, cloud);
        var loadedAsync = await AssetFile.LoadSplatsAsync(path);
        if (name.EndsWith(".ply")) SplatAssert.Equal(cloud, loaded);
        else SplatAssert.WithinSpzBounds(cloud, loaded, 12);
        SplatAssert.Equal(loaded, loadedAsync);
    }

    [Theory]
    [InlineData("mesh.ply")]
    [InlineData("mesh.obj")]
    [InlineData("mesh.glb")]
    public async Task AssetFile_saves_and_loads_meshes_by_extension(string name)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("neuron3d-formats").FullName, name);
        var mesh = MeshSamples.Cube();
        await AssetFile.SaveMeshAsync(path, mesh);
        MeshSamples.Equal(mesh, await AssetFile.LoadMeshAsync(path), 0.5f / 255 + 1e-6f);
        AssetFile.SaveMesh(path, mesh);
        MeshSamples.Equal(mesh, AssetFile.LoadMesh(path), 0.5f / 255 + 1e-6f);
    }

    [Fact]
    public void AssetFile_detects_by_magic_before_extension()
    {
        Assert.Equal(AssetFormat.Spz, AssetFile.Detect(Fixtures.RobocopSpz, "looks-like.ply"));
        Assert.Equal(AssetFormat.Ply, AssetFile.Detect(Fixtures.HamburgerPly, "looks-like.glb"));
        Assert.Equal(AssetFormat.Glb, AssetFile.Detect(AssetFile.WriteMesh(MeshSamples.Cube(), AssetFormat.Glb)));
        Assert.Equal(AssetFormat.Obj, AssetFile.Detect("v 0 0 0\n"u8, "model.OBJ"));
        Assert.Throws<UnknownAssetFormatException>(() => AssetFile.Detect("v 0 0 0\n"u8, "model.txt"));
        Assert.Throws<NotSupportedException>(() => AssetFile.ReadMesh(Fixtures.RobocopSpz));
        Assert.Throws<NotSupportedException>(() => AssetFile.ReadSplats("v 0 0 0\n"u8, "a.obj"));
        Assert.Equal(267_776, AssetFile.ReadSplats(Fixtures.RobocopSpz).Count);
    }

    [Fact]
    public async Task AssetFile_refuses_files_over_the_format_cap_with_the_format_exception()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("neuron3d-formats").FullName, "big.ply");
        File.WriteAllBytes(path, Fixtures.HamburgerPly);
        var options = new AssetReadOptions { Ply = new() { MaxInputBytes = 1000 } };
        Assert.Throws<Neuron3D.Assets.Formats.Ply.PlyFormatException>(() => AssetFile.LoadSplats(path, options));
        await Assert.ThrowsAsync<Neuron3D.Assets.Formats.Ply.PlyFormatException>(() => AssetFile.LoadSplatsAsync(path, options));
    }
}
