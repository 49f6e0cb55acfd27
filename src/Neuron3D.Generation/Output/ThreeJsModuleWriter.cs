using System.Globalization;
using System.Numerics;
using System.Text;
using Neuron3D.Generation.Parts;

namespace Neuron3D.Generation.Output;

/// <summary>
/// Writes a part assembly as an ES module in the SN17 2026 competition format (spec §5): one
/// <c>export default function generate(THREE)</c>, synchronous, no imports, deterministic, building a <c>Group</c> with
/// one <c>Mesh</c> per part from allow-listed geometries (Box, Sphere, Cylinder, Torus, Lathe, Extrude) and
/// <c>MeshStandardMaterial</c>s. THREE is only touched inside functions that take a parameter named exactly THREE.
/// The numbers live in one compact table, which keeps the literal bytes far below the 50 KB budget.
/// </summary>
public static class ThreeJsModuleWriter
{
    /// <summary>Radial segments of spheres, cylinders, cones, lathes and capsules.</summary>
    public const int RadialSegments = 20;

    /// <summary>Height segments of spheres (ellipsoids).</summary>
    public const int SphereHeightSegments = 14;

    /// <summary>Tube and ring segments of tori.</summary>
    public const int TorusTubeSegments = 10, TorusRingSegments = 24;

    /// <summary>Arc segments per hemisphere of a capsule's lathe profile.</summary>
    public const int CapsuleArcSegments = 6;

    /// <summary>SN17 limits (spec §5).</summary>
    public const int MaxVertices = 250_000, MaxDrawCalls = 200, MaxSourceBytes = 1_000_000, MaxLiteralBytes = 50_000;

    private const int BoxCode = 0, EllipsoidCode = 1, CylinderCode = 2, CapsuleCode = 3, TorusCode = 4, LatheCode = 5, ExtrudeCode = 6;

    /// <summary>The module's source text.</summary>
    /// <exception cref="InvalidOperationException">The assembly would break a competition limit (parts, vertices).</exception>
    public static string Write(PartAssembly assembly, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (assembly.Parts.Count > MaxDrawCalls)
            throw new InvalidOperationException($"{assembly.Parts.Count} parts exceed the {MaxDrawCalls} draw-call limit");
        var vertices = VertexCount(assembly);
        if (vertices > MaxVertices) throw new InvalidOperationException($"{vertices} vertices exceed the {MaxVertices} limit");

        var materials = new List<MaterialSpec>();
        var materialIndex = new Dictionary<(int, int, int, bool), int>();
        var table = new StringBuilder();
        foreach (var part in assembly.Parts)
        {
            var m = part.Material;
            var key = (m.Color.ToHex(), (int)MathF.Round(m.Metalness * 100), (int)MathF.Round(m.Roughness * 100), m.Pattern == SurfacePattern.Glow);
            if (!materialIndex.TryGetValue(key, out var mi))
            {
                mi = materials.Count;
                materialIndex[key] = mi;
                materials.Add(m);
            }
            table.Append('[').Append(Code(part.Shape)).Append(',').Append(mi);
            Append(table, part.Position.X, part.Position.Y, part.Position.Z, part.Rotation.X, part.Rotation.Y, part.Rotation.Z, part.Rotation.W);
            AppendShape(table, part.Shape);
            table.Append("],\n");
        }

        var js = new StringBuilder();
        js.Append("// Neuron3D procedural asset (SN17 2026 format): +Y up, facing +Z, inside [-0.5, 0.5]^3.\n");
        if (comment is not null) js.Append("// ").Append(comment.Replace('\n', ' ').Replace('\r', ' ')).Append('\n');
        js.Append("const PARTS = [\n").Append(table).Append("];\n");
        js.Append("const MATERIALS = [\n");
        foreach (var m in materials)
        {
            js.Append("[0x").Append(m.Color.ToHex().ToString("x6", CultureInfo.InvariantCulture));
            Append(js, m.Metalness, m.Roughness);
            js.Append(',').Append(m.Pattern == SurfacePattern.Glow ? 1 : 0).Append("],\n");
        }
        js.Append("];\n\n");
        js.Append(Runtime);
        return js.ToString();
    }

    /// <summary>
    /// The number of vertices Three.js r183 creates for the module (sum of <c>position.count</c>), computed from the
    /// geometry constructors' formulas: a C# mirror the tests compare with node.
    /// </summary>
    public static long VertexCount(PartAssembly assembly)
    {
        long total = 0;
        foreach (var part in assembly.Parts) total += VertexCount(part.Shape);
        return total;
    }

    /// <summary>Vertices Three.js creates for one primitive.</summary>
    public static int VertexCount(Primitive shape) => shape switch
    {
        BoxPrimitive => 24,
        EllipsoidPrimitive => (RadialSegments + 1) * (SphereHeightSegments + 1),
        CylinderPrimitive c => (RadialSegments + 1) * 2 + (c.RadiusTop > 0 ? 2 * RadialSegments + 1 : 0) + (c.RadiusBottom > 0 ? 2 * RadialSegments + 1 : 0),
        CapsulePrimitive => (RadialSegments + 1) * 2 * (CapsuleArcSegments + 1),
        TorusPrimitive => (TorusTubeSegments + 1) * (TorusRingSegments + 1),
        LathePrimitive l => (RadialSegments + 1) * l.Profile.Count,
        // Side walls: 6 per outline edge; caps: 2 × (n − 2) triangles of 3 vertices (non-indexed geometry).
        ExtrusionPrimitive e => 6 * e.Outline.Count + 6 * (e.Outline.Count - 2),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape.GetType().Name, "no Three.js geometry for this primitive"),
    };

    private static int Code(Primitive shape) => shape switch
    {
        BoxPrimitive => BoxCode,
        EllipsoidPrimitive => EllipsoidCode,
        CylinderPrimitive => CylinderCode,
        CapsulePrimitive => CapsuleCode,
        TorusPrimitive => TorusCode,
        LathePrimitive => LatheCode,
        ExtrusionPrimitive => ExtrudeCode,
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape.GetType().Name, "no Three.js geometry for this primitive"),
    };

    private static void AppendShape(StringBuilder sb, Primitive shape)
    {
        switch (shape)
        {
            case BoxPrimitive b: Append(sb, 2 * b.Half.X, 2 * b.Half.Y, 2 * b.Half.Z); break;
            case EllipsoidPrimitive e: Append(sb, e.Radii.X, e.Radii.Y, e.Radii.Z); break;
            case CylinderPrimitive c: Append(sb, c.RadiusTop, c.RadiusBottom, 2 * c.HalfHeight); break;
            case CapsulePrimitive c: Append(sb, c.RadiusBottom, c.RadiusTop, c.Length); break;
            case TorusPrimitive t: Append(sb, t.MajorRadius, t.MinorRadius); break;
            case LathePrimitive l:
                foreach (var p in l.Profile) Append(sb, p.X, p.Y);
                break;
            case ExtrusionPrimitive x:
                Append(sb, 2 * x.HalfDepth);
                foreach (var p in x.Outline) Append(sb, p.X, p.Y);
                break;
        }
    }

    private static void Append(StringBuilder sb, params ReadOnlySpan<float> values)
    {
        foreach (var v in values) sb.Append(',').Append(Format(v));
    }

    private static string Format(float v)
    {
        var rounded = MathF.Round(v, 4);
        if (rounded == 0) return "0";
        return rounded.ToString("0.####", CultureInfo.InvariantCulture);
    }

    /// <summary>The fixed part of the module: the default export and its helpers (each takes THREE as a parameter).</summary>
    private static readonly string Runtime = $$"""
export default function generate(THREE) {
  const group = new THREE.Group();
  const materials = MATERIALS.map((m) => material(THREE, m));
  for (const p of PARTS) group.add(part(THREE, p, materials));
  return group;
}

function material(THREE, m) {
  return new THREE.MeshStandardMaterial({
    color: m[0], metalness: m[1], roughness: m[2],
    emissive: m[3] ? m[0] : 0x000000, emissiveIntensity: m[3] ? 0.6 : 0,
  });
}

function vectors(THREE, p, from) {
  const points = [];
  for (let i = from; i + 1 < p.length; i += 2) points.push(new THREE.Vector2(p[i], p[i + 1]));
  return points;
}

function capsule(THREE, r1, r2, length) {
  const points = [];
  const arcs = {{CapsuleArcSegments}};
  for (let i = 0; i <= arcs; i++) {
    const a = -Math.PI / 2 + (i / arcs) * (Math.PI / 2);
    points.push(new THREE.Vector2(r1 * Math.cos(a), -length / 2 + r1 * Math.sin(a)));
  }
  for (let i = 0; i <= arcs; i++) {
    const a = (i / arcs) * (Math.PI / 2);
    points.push(new THREE.Vector2(r2 * Math.cos(a), length / 2 + r2 * Math.sin(a)));
  }
  return new THREE.LatheGeometry(points, {{RadialSegments}});
}

function part(THREE, p, materials) {
  const kind = p[0];
  let geometry;
  if (kind === 0) geometry = new THREE.BoxGeometry(p[9], p[10], p[11]);
  else if (kind === 1) geometry = new THREE.SphereGeometry(1, {{RadialSegments}}, {{SphereHeightSegments}});
  else if (kind === 2) geometry = new THREE.CylinderGeometry(p[9], p[10], p[11], {{RadialSegments}});
  else if (kind === 3) geometry = capsule(THREE, p[9], p[10], p[11]);
  else if (kind === 4) geometry = new THREE.TorusGeometry(p[9], p[10], {{TorusTubeSegments}}, {{TorusRingSegments}}).rotateX(Math.PI / 2);
  else if (kind === 5) geometry = new THREE.LatheGeometry(vectors(THREE, p, 9), {{RadialSegments}});
  else {
    const shape = new THREE.Shape(vectors(THREE, p, 10));
    geometry = new THREE.ExtrudeGeometry(shape, { depth: p[9], bevelEnabled: false }).translate(0, 0, -p[9] / 2);
  }
  const mesh = new THREE.Mesh(geometry, materials[p[1]]);
  mesh.position.set(p[2], p[3], p[4]);
  mesh.quaternion.set(p[5], p[6], p[7], p[8]);
  if (kind === 1) mesh.scale.set(p[9], p[10], p[11]);
  return mesh;
}

""";
}
