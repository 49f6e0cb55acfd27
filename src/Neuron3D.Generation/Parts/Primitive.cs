using System.Numerics;

namespace Neuron3D.Generation.Parts;

/// <summary>
/// A closed solid in its own local frame (centred on the origin, +Y up) with an exact or conservative signed distance:
/// negative inside, positive outside, in scene units. Every shape also maps onto one Three.js geometry, so the mesh,
/// the splats and the Three.js export all come from the same description.
/// </summary>
public abstract record Primitive
{
    /// <summary>Signed distance from a local point to the surface (negative inside).</summary>
    public abstract float Distance(Vector3 p);

    /// <summary>Half extents of the local axis-aligned bounding box.</summary>
    public abstract Vector3 HalfExtents { get; }

    /// <summary>The same shape uniformly scaled by <paramref name="factor"/>.</summary>
    public abstract Primitive Scaled(float factor);

    /// <summary>
    /// The shape stretched by per-axis factors in its local frame. Round cross-sections (cylinders, lathes, tori) keep
    /// their roundness and take the mean of the x and z factors.
    /// </summary>
    public abstract Primitive Stretched(Vector3 factors);

    /// <summary>
    /// The shape with every thin dimension raised to at least <paramref name="minHalf"/> (half-thickness, scene units),
    /// so blades, strings and rims thinner than a grid cell still show up in the iso-surface.
    /// </summary>
    public abstract Primitive Thickened(float minHalf);

    /// <summary>iq's polygon distance: exact signed distance to a closed simple polygon (negative inside).</summary>
    internal static float PolygonDistance(ReadOnlySpan<Vector2> v, Vector2 p)
    {
        var d = Vector2.DistanceSquared(p, v[0]);
        var s = 1f;
        for (int i = 0, j = v.Length - 1; i < v.Length; j = i, i++)
        {
            var e = v[j] - v[i];
            var w = p - v[i];
            var ee = Vector2.Dot(e, e);
            var b = ee > 0 ? w - e * Math.Clamp(Vector2.Dot(w, e) / ee, 0f, 1f) : w;
            d = MathF.Min(d, Vector2.Dot(b, b));
            var c0 = p.Y >= v[i].Y;
            var c1 = p.Y < v[j].Y;
            var c2 = e.X * w.Y > e.Y * w.X;
            if ((c0 && c1 && c2) || (!c0 && !c1 && !c2)) s = -s;
        }
        return s * MathF.Sqrt(d);
    }
}

/// <summary>A box with optionally rounded edges.</summary>
/// <param name="Half">Half extents (x, y, z).</param>
/// <param name="Rounding">Edge radius (≤ the smallest half extent).</param>
public sealed record BoxPrimitive(Vector3 Half, float Rounding = 0) : Primitive
{
    public override float Distance(Vector3 p)
    {
        var q = Vector3.Abs(p) - Half + new Vector3(Rounding);
        return Vector3.Max(q, Vector3.Zero).Length() + MathF.Min(MathF.Max(q.X, MathF.Max(q.Y, q.Z)), 0) - Rounding;
    }

    public override Vector3 HalfExtents => Half;

    public override Primitive Scaled(float factor) => new BoxPrimitive(Half * factor, Rounding * factor);

    public override Primitive Stretched(Vector3 factors) =>
        new BoxPrimitive(Half * factors, Rounding * MathF.Min(factors.X, MathF.Min(factors.Y, factors.Z)));

    public override Primitive Thickened(float minHalf) => new BoxPrimitive(Vector3.Max(Half, new Vector3(minHalf)), Rounding);
}

/// <summary>An ellipsoid (a sphere when the radii are equal); the distance is iq's first-order bound.</summary>
public sealed record EllipsoidPrimitive(Vector3 Radii) : Primitive
{
    public override float Distance(Vector3 p)
    {
        var k0 = (p / Radii).Length();
        var k1 = (p / (Radii * Radii)).Length();
        if (k1 < 1e-12f) return -MathF.Min(Radii.X, MathF.Min(Radii.Y, Radii.Z));
        return k0 * (k0 - 1) / k1;
    }

    public override Vector3 HalfExtents => Radii;

    public override Primitive Scaled(float factor) => new EllipsoidPrimitive(Radii * factor);

    public override Primitive Stretched(Vector3 factors) => new EllipsoidPrimitive(Radii * factors);

    public override Primitive Thickened(float minHalf) => new EllipsoidPrimitive(Vector3.Max(Radii, new Vector3(minHalf)));
}

/// <summary>A capped cone frustum along Y (a cylinder when the radii are equal, a cone when the top radius is 0).</summary>
public sealed record CylinderPrimitive(float RadiusBottom, float RadiusTop, float HalfHeight) : Primitive
{
    public override float Distance(Vector3 p)
    {
        // iq's sdCappedCone.
        var q = new Vector2(new Vector2(p.X, p.Z).Length(), p.Y);
        var k1 = new Vector2(RadiusTop, HalfHeight);
        var k2 = new Vector2(RadiusTop - RadiusBottom, 2 * HalfHeight);
        var ca = new Vector2(q.X - MathF.Min(q.X, q.Y < 0 ? RadiusBottom : RadiusTop), MathF.Abs(q.Y) - HalfHeight);
        var cb = q - k1 + k2 * Math.Clamp(Vector2.Dot(k1 - q, k2) / Vector2.Dot(k2, k2), 0f, 1f);
        var s = cb.X < 0 && ca.Y < 0 ? -1f : 1f;
        return s * MathF.Sqrt(MathF.Min(Vector2.Dot(ca, ca), Vector2.Dot(cb, cb)));
    }

    public override Vector3 HalfExtents
    {
        get
        {
            var r = MathF.Max(RadiusBottom, RadiusTop);
            return new Vector3(r, HalfHeight, r);
        }
    }

    public override Primitive Scaled(float factor) => new CylinderPrimitive(RadiusBottom * factor, RadiusTop * factor, HalfHeight * factor);

    public override Primitive Stretched(Vector3 factors)
    {
        var radial = (factors.X + factors.Z) / 2;
        return new CylinderPrimitive(RadiusBottom * radial, RadiusTop * radial, HalfHeight * factors.Y);
    }

    public override Primitive Thickened(float minHalf) => new CylinderPrimitive(
        MathF.Max(RadiusBottom, minHalf), RadiusTop > 0 ? MathF.Max(RadiusTop, minHalf) : 0, MathF.Max(HalfHeight, minHalf));
}

/// <summary>A capsule with possibly different end radii (a "round cone") along Y, centred on its segment's midpoint.</summary>
/// <param name="RadiusBottom">Radius of the sphere at y = −Length/2.</param>
/// <param name="RadiusTop">Radius of the sphere at y = +Length/2.</param>
/// <param name="Length">Distance between the two sphere centres.</param>
public sealed record CapsulePrimitive(float RadiusBottom, float RadiusTop, float Length) : Primitive
{
    public override float Distance(Vector3 p)
    {
        // iq's sdRoundCone with the bottom sphere at the origin.
        p.Y += Length / 2;
        var q = new Vector2(new Vector2(p.X, p.Z).Length(), p.Y);
        var b = (RadiusBottom - RadiusTop) / Length;
        var a = MathF.Sqrt(MathF.Max(0, 1 - b * b));
        var k = Vector2.Dot(q, new Vector2(-b, a));
        if (k < 0) return q.Length() - RadiusBottom;
        if (k > a * Length) return (q - new Vector2(0, Length)).Length() - RadiusTop;
        return Vector2.Dot(q, new Vector2(a, b)) - RadiusBottom;
    }

    public override Vector3 HalfExtents
    {
        get
        {
            var r = MathF.Max(RadiusBottom, RadiusTop);
            var top = Length / 2 + RadiusTop;
            var bottom = Length / 2 + RadiusBottom;
            return new Vector3(r, MathF.Max(top, bottom), r);
        }
    }

    public override Primitive Scaled(float factor) => new CapsulePrimitive(RadiusBottom * factor, RadiusTop * factor, Length * factor);

    public override Primitive Stretched(Vector3 factors)
    {
        var radial = (factors.X + factors.Z) / 2;
        var r1 = RadiusBottom * radial;
        var r2 = RadiusTop * radial;
        return new CapsulePrimitive(r1, r2, MathF.Max(Length * factors.Y, MathF.Abs(r1 - r2) * 1.01f + 1e-5f));
    }

    public override Primitive Thickened(float minHalf)
    {
        var r1 = MathF.Max(RadiusBottom, minHalf);
        var r2 = MathF.Max(RadiusTop, minHalf);
        return new CapsulePrimitive(r1, r2, MathF.Max(Length, MathF.Abs(r1 - r2) * 1.01f + 1e-5f));
    }
}

/// <summary>A torus in the XZ plane (axis Y).</summary>
/// <param name="MajorRadius">Distance from the centre to the tube's centre line.</param>
/// <param name="MinorRadius">Tube radius.</param>
public sealed record TorusPrimitive(float MajorRadius, float MinorRadius) : Primitive
{
    public override float Distance(Vector3 p)
    {
        var q = new Vector2(new Vector2(p.X, p.Z).Length() - MajorRadius, p.Y);
        return q.Length() - MinorRadius;
    }

    public override Vector3 HalfExtents => new(MajorRadius + MinorRadius, MinorRadius, MajorRadius + MinorRadius);

    public override Primitive Scaled(float factor) => new TorusPrimitive(MajorRadius * factor, MinorRadius * factor);

    public override Primitive Stretched(Vector3 factors) =>
        new TorusPrimitive(MajorRadius * (factors.X + factors.Z) / 2, MinorRadius * MathF.Min(factors.Y, (factors.X + factors.Z) / 2));

    public override Primitive Thickened(float minHalf) => new TorusPrimitive(MajorRadius, MathF.Max(MinorRadius, minHalf));
}

/// <summary>
/// A solid of revolution about Y: <see cref="Profile"/> lists (radius, y) points from the axis at the bottom, outwards
/// and up, back to the axis at the top (the Three.js LatheGeometry convention).
/// </summary>
public sealed record LathePrimitive : Primitive
{
    private readonly Vector2[] _mirrored;

    public LathePrimitive(IReadOnlyList<Vector2> profile)
    {
        if (profile.Count < 3) throw new ArgumentException("a lathe profile needs at least 3 points", nameof(profile));
        Profile = [.. profile];
        // The closed polygon is the profile and its mirror image across the axis, so the axis itself is no boundary.
        // Points on the axis appear once, so the polygon has no zero-length edges.
        _mirrored = [.. Profile, .. Profile.Reverse().Where(v => v.X > 0).Select(v => new Vector2(-v.X, v.Y))];
        var maxR = Profile.Max(v => v.X);
        var minY = Profile.Min(v => v.Y);
        var maxY = Profile.Max(v => v.Y);
        HalfExtents = new Vector3(maxR, MathF.Max(MathF.Abs(minY), MathF.Abs(maxY)), maxR);
    }

    /// <summary>The (radius, y) profile, in scene units.</summary>
    public IReadOnlyList<Vector2> Profile { get; }

    public override float Distance(Vector3 p) => PolygonDistance(_mirrored, new Vector2(new Vector2(p.X, p.Z).Length(), p.Y));

    public override Vector3 HalfExtents { get; }

    public override Primitive Scaled(float factor) => new LathePrimitive(Profile.Select(v => v * factor).ToArray());

    public override Primitive Stretched(Vector3 factors)
    {
        var scale = new Vector2((factors.X + factors.Z) / 2, factors.Y);
        return new LathePrimitive(Profile.Select(v => v * scale).ToArray());
    }

    public override Primitive Thickened(float minHalf)
    {
        var widest = Profile.Max(v => v.X);
        return widest >= minHalf ? this : Stretched(new Vector3(minHalf / widest, 1, minHalf / widest));
    }
}

/// <summary>A flat outline in the XY plane extruded symmetrically along Z (blades, leaves, wings, shields).</summary>
public sealed record ExtrusionPrimitive : Primitive
{
    private readonly Vector2[] _outline;

    /// <param name="outline">A simple polygon (counter-clockwise, not closed: the last point is not the first).</param>
    /// <param name="halfDepth">Half the thickness along Z.</param>
    public ExtrusionPrimitive(IReadOnlyList<Vector2> outline, float halfDepth)
    {
        if (outline.Count < 3) throw new ArgumentException("an outline needs at least 3 points", nameof(outline));
        _outline = [.. outline];
        HalfDepth = halfDepth;
        var maxX = _outline.Max(v => MathF.Abs(v.X));
        var maxY = _outline.Max(v => MathF.Abs(v.Y));
        HalfExtents = new Vector3(maxX, maxY, halfDepth);
    }

    /// <summary>The outline, in scene units.</summary>
    public IReadOnlyList<Vector2> Outline => _outline;

    /// <summary>Half the thickness along Z.</summary>
    public float HalfDepth { get; }

    public override float Distance(Vector3 p)
    {
        var d = PolygonDistance(_outline, new Vector2(p.X, p.Y));
        var w = new Vector2(d, MathF.Abs(p.Z) - HalfDepth);
        return MathF.Min(MathF.Max(w.X, w.Y), 0) + Vector2.Max(w, Vector2.Zero).Length();
    }

    public override Vector3 HalfExtents { get; }

    public override Primitive Scaled(float factor) => new ExtrusionPrimitive(_outline.Select(v => v * factor).ToArray(), HalfDepth * factor);

    public override Primitive Stretched(Vector3 factors)
    {
        var scale = new Vector2(factors.X, factors.Y);
        return new ExtrusionPrimitive(_outline.Select(v => v * scale).ToArray(), HalfDepth * factors.Z);
    }

    public override Primitive Thickened(float minHalf) => HalfDepth >= minHalf ? this : new ExtrusionPrimitive(_outline, minHalf);
}
