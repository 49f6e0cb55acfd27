using System.Runtime.InteropServices;
using Neuron3D.Assets.Meshes;
using SharpGLTF.Memory;
using SharpGLTF.Schema2;

namespace Neuron3D.Assets.Formats.Glb;

/// <summary>
/// Writes a <see cref="TriangleMesh"/> as a binary glTF 2.0 (GLB) through SharpGLTF: one scene, one node, one mesh
/// with one primitive (POSITION, NORMAL, COLOR_0 as float RGB, 32-bit indices). Coordinates are written as they are:
/// glTF is +Y up, right-handed, metres, the convention meshes use throughout Neuron3D. A mesh without triangles is
/// written as a POINTS primitive; a mesh without vertices as an empty scene.
/// </summary>
public static class GlbMeshWriter
{
    /// <summary>Encodes <paramref name="mesh"/> as GLB bytes.</summary>
    public static byte[] Write(TriangleMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        var model = ModelRoot.CreateModel();
        var scene = model.UseScene("scene");
        if (mesh.VertexCount > 0)
        {
            var primitive = model.CreateMesh("mesh").CreatePrimitive();
            primitive.DrawPrimitiveType = mesh.TriangleCount > 0 ? PrimitiveType.TRIANGLES : PrimitiveType.POINTS;
            primitive.SetVertexAccessor("POSITION", Vec3Accessor(model, mesh.Positions, "positions"));
            if (mesh.Normals is { } normals) primitive.SetVertexAccessor("NORMAL", Vec3Accessor(model, normals, "normals"));
            if (mesh.Colors is { } colors) primitive.SetVertexAccessor("COLOR_0", Vec3Accessor(model, colors, "colors"));
            if (mesh.TriangleCount > 0)
            {
                var bytes = MemoryMarshal.AsBytes(mesh.Indices.AsSpan()).ToArray();
                var view = model.UseBufferView(bytes, 0, bytes.Length, 0, BufferMode.ELEMENT_ARRAY_BUFFER);
                var accessor = model.CreateAccessor("indices");
                accessor.SetIndexData(view, 0, mesh.Indices.Length, IndexEncodingType.UNSIGNED_INT);
                primitive.SetIndexAccessor(accessor);
            }
            scene.CreateNode("mesh").Mesh = primitive.LogicalParent;
        }
        return model.WriteGLB().ToArray();
    }

    private static Accessor Vec3Accessor(ModelRoot model, float[] values, string name)
    {
        var bytes = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        var view = model.UseBufferView(bytes, 0, bytes.Length, 0, BufferMode.ARRAY_BUFFER);
        var accessor = model.CreateAccessor(name);
        accessor.SetVertexData(view, 0, values.Length / 3, new AttributeFormat(DimensionType.VEC3, EncodingType.FLOAT, false));
        return accessor;
    }
}
