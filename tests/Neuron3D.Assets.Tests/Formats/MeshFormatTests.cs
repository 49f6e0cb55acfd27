using System.Text;
using Neuron3D.Assets.Formats.Glb;
using Neuron3D.Assets.Formats.Obj;
using Neuron3D.Assets.Formats.Ply;
using SharpGLTF.Schema2;
using SharpGLTF.Validation;

namespace Neuron3D.Assets.Tests.Formats;

/// <summary>Format-specific behaviour of the mesh readers/writers: OBJ statement forms, mesh PLY, GLB validity.</summary>
public class MeshFormatTests
{
    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Obj_reads_every_corner_form_negative_indices_and_fans_polygons()
    {
        var mesh = ObjMeshReader.Read(Text("""
            # a quad and a triangle
            mtllib scene.mtl
            o quad
            v 0 0 0
            v 1 0 0
            v 1 1 0
            v 0 1 0
            vt 0 0
            vt 1 1
            g part
            usemtl red
            s off
            f 1/1 2/2 3/1 4/2
            f -4 -2 -1
            """));
        Assert.Equal(12, mesh.Positions.Length);
        Assert.Equal([0, 1, 2, 0, 2, 3, 0, 2, 3], mesh.Indices);
        Assert.Null(mesh.Normals);
        Assert.Null(mesh.Colors);
    }

    [Fact]
    public void Obj_vertex_colours_are_read_and_missing_ones_are_white()
    {
        var mesh = ObjMeshReader.Read(Text("v 0 0 0\nv 1 0 0 0.5 0.25 1\nv 0 1 0 1 0 0\nf 1 2 3\n"));
        Assert.Equal([1f, 1, 1, 0.5f, 0.25f, 1, 1, 0, 0], mesh.Colors!);
    }

    [Fact]
    public void Obj_positions_used_with_different_normals_are_split()
    {
        var mesh = ObjMeshReader.Read(Text("v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nvn 0 0 1\nvn 0 1 0\nf 1//1 2//1 3//1\nf 1//2 4//2 2//2\n"));
        Assert.Equal(6, mesh.VertexCount); // (1,n1) (2,n1) (3,n1) (1,n2) (4,n2) (2,n2)
        Assert.Equal([0, 1, 2, 3, 4, 5], mesh.Indices);
        Assert.Equal([0f, 1, 0], mesh.Normals![9..12]);
    }

    [Fact]
    public void Obj_normals_with_a_consistent_pairing_keep_vertex_order()
    {
        var mesh = ObjMeshReader.Read(Text("v 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvn 0 0 1\nvn 0 0 -1\nf 1/1/2 2//2 3//2\n"));
        Assert.Equal(3, mesh.VertexCount);
        Assert.Equal([0f, 0, -1, 0, 0, -1, 0, 0, -1], mesh.Normals!);
    }

    public static TheoryData<string, string> BadObj => new()
    {
        { "v 0 0\n", "line 1" },
        { "v 0 0 x\n", "`x` is not a number" },
        { "v 0 0 0\nv 1 0 0\nf 1 2\n", "at least 3" },
        { "v 0 0 0\nf 1 2 3\n", "vertex index 2 is outside" },
        { "v 0 0 0\nv 0 0 0\nv 0 0 0\nf 0 1 2\n", "`0` is not a vertex index" },
        { "v 0 0 0\nv 0 0 0\nv 0 0 0\nf -4 1 2\n", "vertex index -4" },
        { "v 0 0 0\nv 0 0 0\nv 0 0 0\nf 1//1 2//1 3//1\n", "normal index 1" },
        { "v 0 0 0\nv 0 0 0\nv 0 0 0\nf 1/5 2 3\n", "texture coordinate index 5" },
        { "vn 0 0\n", "`vn` needs 3" },
        { "vt\n", "`vt` needs 1 to 3" },
    };

    [Theory]
    [MemberData(nameof(BadObj))]
    public void Obj_errors_are_typed_and_say_the_line(string text, string message)
    {
        var e = Assert.Throws<ObjFormatException>(() => ObjMeshReader.Read(Text(text)));
        Assert.Contains(message, e.Message);
        Assert.NotNull(e.Line);
    }

    [Fact]
    public void Obj_caps_are_enforced()
    {
        var text = Text(string.Concat(Enumerable.Repeat("v 0 0 0\n", 10)) + "f 1 2 3 4 5 6 7 8 9 10\n");
        Assert.Contains("more than 9 vertices", Assert.Throws<ObjFormatException>(() => ObjMeshReader.Read(text, new ObjReadOptions { MaxVertexCount = 9 })).Message);
        Assert.Contains("more than 5 triangles", Assert.Throws<ObjFormatException>(() => ObjMeshReader.Read(text, new ObjReadOptions { MaxTriangleCount = 5 })).Message);
        Assert.Contains("more than 8 corners", Assert.Throws<ObjFormatException>(() => ObjMeshReader.Read(text, new ObjReadOptions { MaxFaceCorners = 8 })).Message);
        Assert.Throws<ObjFormatException>(() => ObjMeshReader.Read(new MemoryStream(text), new ObjReadOptions { MaxInputBytes = 10 }));
    }

    [Fact]
    public void Ply_mesh_reads_ascii_quads_uchar_colours_and_other_index_property_names()
    {
        var mesh = PlyMeshReader.Read(Text("""
            ply
            format ascii 1.0
            element vertex 4
            property float x
            property float y
            property float z
            property uchar red
            property uchar green
            property uchar blue
            element face 1
            property uchar flags
            property list uchar uint vertex_index
            end_header
            0 0 0 255 0 0
            1 0 0 0 255 0
            1 1 0 0 0 255
            0 1 0 51 51 51
            7 4 0 1 2 3

            """));
        Assert.Equal([0, 1, 2, 0, 2, 3], mesh.Indices);
        Assert.Equal([1f, 0, 0, 0, 1, 0, 0, 0, 1, 0.2f, 0.2f, 0.2f], mesh.Colors!);
    }

    [Fact]
    public void Ply_mesh_face_index_out_of_range_names_the_face()
    {
        var e = Assert.Throws<PlyFormatException>(() => PlyMeshReader.Read(Text("ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\nelement face 2\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n3 0 1 3\n")));
        Assert.Equal(("face", 1L, "vertex_indices"), (e.Element, e.Row, e.Property));
    }

    [Fact]
    public void Ply_mesh_triangle_cap_is_enforced()
    {
        var bytes = PlyMeshWriter.Write(MeshSamples.Cube());
        Assert.Contains("more than 11 triangles", Assert.Throws<PlyFormatException>(() => PlyMeshReader.Read(bytes, new PlyReadOptions { MaxTriangleCount = 11 })).Message);
    }

    [Fact]
    public void Glb_output_passes_sharpgltf_strict_validation_with_the_expected_structure()
    {
        var mesh = MeshSamples.Random(50, 80, colors: true, normals: true, seed: 3);
        var model = ModelRoot.ParseGLB(new ArraySegment<byte>(GlbMeshWriter.Write(mesh)), new ReadSettings { Validation = ValidationMode.Strict });
        var node = Assert.Single(model.DefaultScene.VisualChildren);
        var primitive = Assert.Single(node.Mesh.Primitives);
        Assert.Equal(PrimitiveType.TRIANGLES, primitive.DrawPrimitiveType);
        Assert.Equal(["COLOR_0", "NORMAL", "POSITION"], primitive.VertexAccessors.Keys.Order());
        Assert.Equal(240, primitive.IndexAccessor.Count);
        var (min, max) = (primitive.GetVertexAccessor("POSITION").AsVector3Array().Aggregate(System.Numerics.Vector3.Min), primitive.GetVertexAccessor("POSITION").AsVector3Array().Aggregate(System.Numerics.Vector3.Max));
        Assert.True(min.X >= -2 && max.X <= 2);
        // Re-serialising through SharpGLTF's own writer validates the model once more.
        Assert.NotEmpty(model.WriteGLB().ToArray());
    }

    [Fact]
    public void Glb_reader_applies_node_transforms()
    {
        var model = ModelRoot.ParseGLB(new ArraySegment<byte>(GlbMeshWriter.Write(MeshSamples.Cube())));
        model.DefaultScene.VisualChildren.Single().LocalTransform = new SharpGLTF.Transforms.AffineTransform(System.Numerics.Matrix4x4.CreateTranslation(10, 0, 0));
        var moved = GlbMeshReader.Read(model.WriteGLB().ToArray());
        Assert.Equal(10f, moved.Positions[0]);
        Assert.Equal(11f, moved.Positions[3]);
    }

    public static TheoryData<byte[], string> BadGlb => new()
    {
        { [], "shorter than a GLB header" },
        { Encoding.ASCII.GetBytes("glTX\u0002\0\0\0\u0014\0\0\0\0\0\0\0JSON"), "magic" },
        { Encoding.ASCII.GetBytes("glTF\u0001\0\0\0\u0014\0\0\0\0\0\0\0JSON"), "version 1" },
        { Encoding.ASCII.GetBytes("glTF\u0002\0\0\0\u0015\0\0\0\0\0\0\0JSON"), "header says 21 bytes" },
        { Encoding.ASCII.GetBytes("glTF\u0002\0\0\0\u0014\0\0\0\0\0\0\0BIN\0"), "first chunk is not JSON" },
        { Encoding.ASCII.GetBytes("glTF\u0002\0\0\0\u0014\0\0\0\u0010\0\0\0JSON"), "runs past the end" },
        { Encoding.ASCII.GetBytes("glTF\u0002\0\0\0\u0018\0\0\0\u0004\0\0\0JSON{{{{"), "SharpGLTF rejects" },
    };

    [Theory]
    [MemberData(nameof(BadGlb))]
    public void Glb_errors_are_typed(byte[] file, string message) =>
        Assert.Contains(message, Assert.Throws<GlbFormatException>(() => GlbMeshReader.Read(file)).Message);
}
