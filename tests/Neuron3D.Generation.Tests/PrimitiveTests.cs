using System.Numerics;
using CsCheck;
using Neuron3D.Generation.Parts;

namespace Neuron3D.Generation.Tests;

public sealed class PrimitiveTests
{
    public static TheoryData<string> Shapes => new() { "box", "rounded box", "ellipsoid", "cylinder", "cone", "capsule", "tapered capsule", "torus", "lathe", "extrusion" };

    private static Primitive Make(string name) => name switch
    {
        "box" => new BoxPrimitive(new Vector3(0.3f, 0.2f, 0.1f)),
        "rounded box" => new BoxPrimitive(new Vector3(0.3f, 0.2f, 0.1f), 0.05f),
        "ellipsoid" => new EllipsoidPrimitive(new Vector3(0.3f, 0.2f, 0.1f)),
        "cylinder" => new CylinderPrimitive(0.2f, 0.2f, 0.3f),
        "cone" => new CylinderPrimitive(0.25f, 0, 0.3f),
        "capsule" => new CapsulePrimitive(0.1f, 0.1f, 0.4f),
        "tapered capsule" => new CapsulePrimitive(0.15f, 0.05f, 0.4f),
        "torus" => new TorusPrimitive(0.3f, 0.08f),
        "lathe" => new LathePrimitive([new(0, 0), new(0.3f, 0), new(0.2f, 0.4f), new(0, 0.5f)]),
        "extrusion" => new ExtrusionPrimitive([new(-0.3f, -0.2f), new(0.3f, -0.2f), new(0, 0.3f)], 0.05f),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static readonly Gen<Vector3> Points = Gen.Float[-1, 1].Select(Gen.Float[-1, 1], Gen.Float[-1, 1], (x, y, z) => new Vector3(x, y, z));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void PointsOutsideTheBoundingBoxAreOutside(string name)
    {
        var shape = Make(name);
        var h = shape.HalfExtents;
        Points.Where(p => MathF.Abs(p.X) > h.X + 1e-3f || MathF.Abs(p.Y) > h.Y + 1e-3f || MathF.Abs(p.Z) > h.Z + 1e-3f)
            .Sample(p => shape.Distance(p) > 0, iter: 2000);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SomeInteriorPointIsInside(string name)
    {
        var shape = Make(name);
        var probe = name == "torus" ? new Vector3(0.3f, 0, 0) : name == "lathe" ? new Vector3(0, 0.2f, 0) : Vector3.Zero;
        Assert.True(shape.Distance(probe) < 0, $"{name} at {probe}: {shape.Distance(probe)}");
    }

    public static TheoryData<string> ExactShapes => new() { "box", "rounded box", "cylinder", "cone", "capsule", "tapered capsule", "torus", "lathe", "extrusion" };

    [Theory]
    [MemberData(nameof(ExactShapes))]
    public void DistanceNeverGrowsFasterThanTheStep(string name)
    {
        // Exact signed distances are 1-Lipschitz (the ellipsoid's is iq's approximation, exact only in sign), so the
        // values between grid samples interpolate to the right surface.
        var shape = Make(name);
        Gen.Select(Points, Points).Sample((p, q) => MathF.Abs(shape.Distance(p) - shape.Distance(q)) <= Vector3.Distance(p, q) * 1.02f + 1e-4f, iter: 2000);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ScalingScalesTheDistance(string name)
    {
        var shape = Make(name);
        var doubled = shape.Scaled(2);
        Points.Sample(p => MathF.Abs(doubled.Distance(p * 2) - 2 * shape.Distance(p)) < 1e-3f, iter: 500);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ThickeningReachesTheMinimumHalfThickness(string name)
    {
        var thick = Make(name).Thickened(0.2f);
        var h = thick.HalfExtents;
        Assert.True(MathF.Min(h.X, MathF.Min(h.Y, h.Z)) >= 0.2f - 1e-5f || name == "torus", $"{name}: {h}");
    }

    [Fact]
    public void ShapesNeedEnoughPoints()
    {
        Assert.Throws<ArgumentException>(() => new LathePrimitive([new(0, 0), new(1, 1)]));
        Assert.Throws<ArgumentException>(() => new ExtrusionPrimitive([new(0, 0), new(1, 1)], 0.1f));
        Assert.Throws<ArgumentException>(() => new PartAssembly([]));
    }
}
