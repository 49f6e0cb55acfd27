using System.Numerics;
using Neuron3D.Generation.Parts;
using static Neuron3D.Generation.Objects.PartBuilder;

namespace Neuron3D.Generation.Objects;

/// <summary>Proportions of a four-legged animal (units: body lengths ≈ 1).</summary>
internal sealed record QuadrupedShape(
    float BodyLength = 1, float BodyRadius = 0.22f, float LegLength = 0.45f, float LegRadius = 0.06f, float NeckLength = 0.25f,
    float NeckAngle = 45, float HeadRadius = 0.15f, float SnoutLength = 0.12f, float EarLength = 0.1f, float TailLength = 0.3f,
    bool PointyEars = true, float TailAngle = -30);

/// <summary>Proportions of an upright two-legged figure (units: total height ≈ 1.8).</summary>
internal sealed record HumanoidShape(
    float Height = 1.8f, float TorsoWidth = 0.36f, float HeadRadius = 0.12f, float LimbRadius = 0.055f, float LegFraction = 0.47f,
    float ArmSpread = 12, bool Boxy = false, float Bulk = 1);

/// <summary>Anchors a template reports back so recipes can attach extra parts.</summary>
internal readonly record struct Anchors(Vector3 Head, float HeadRadius, Vector3 RightHand, Vector3 LeftHand, Vector3 Back, float Top);

/// <summary>Reusable recipe fragments (bodies, limbs, vessels, trees, blades) shared by many kinds.</summary>
internal static class Templates
{
    /// <summary>A four-legged animal standing on y = 0 and facing +Z.</summary>
    public static Anchors Quadruped(PartBuilder b, QuadrupedShape s, MaterialSpec skin, MaterialSpec? accent = null)
    {
        accent ??= skin;
        var legs = s.LegLength;
        var bodyY = legs + s.BodyRadius * 0.7f;
        var halfLength = s.BodyLength / 2;
        b.Ellipsoid("body", skin, V(0, bodyY, 0), V(s.BodyRadius * 0.95f, s.BodyRadius, halfLength + s.BodyRadius * 0.3f));
        foreach (var (x, z) in new[] { (-1f, 1f), (1f, 1f), (-1f, -1f), (1f, -1f) })
        {
            var top = V(x * s.BodyRadius * 0.55f, bodyY - s.BodyRadius * 0.3f, z * (halfLength - s.LegRadius * 1.2f));
            b.Limb("leg", skin, top, V(top.X, s.LegRadius * 0.9f, top.Z + z * 0.02f), s.LegRadius * 1.15f, s.LegRadius * 0.85f);
            b.Ellipsoid("hoof", accent, V(top.X, s.LegRadius * 0.6f, top.Z + 0.02f), V(s.LegRadius, s.LegRadius * 0.6f, s.LegRadius * 1.2f));
        }
        var angle = s.NeckAngle * MathF.PI / 180;
        var neckBase = V(0, bodyY + s.BodyRadius * 0.3f, halfLength + s.BodyRadius * 0.1f);
        var head = neckBase + V(0, MathF.Sin(angle), MathF.Cos(angle)) * s.NeckLength;
        if (s.NeckLength > 0.01f) b.Limb("neck", skin, neckBase, head, s.BodyRadius * 0.55f, s.HeadRadius * 0.7f);
        b.Ellipsoid("head", skin, head, V(s.HeadRadius * 0.85f, s.HeadRadius * 0.9f, s.HeadRadius));
        if (s.SnoutLength > 0) b.Limb("snout", skin, head, head + V(0, -s.HeadRadius * 0.25f, s.HeadRadius + s.SnoutLength * 0.6f), s.HeadRadius * 0.6f, s.HeadRadius * 0.45f);
        Eyes(b, head + V(0, s.HeadRadius * 0.25f, s.HeadRadius * 0.75f), s.HeadRadius * 0.5f, s.HeadRadius * 0.16f, 0x111111);
        foreach (var x in new[] { -1f, 1f })
        {
            var earBase = head + V(x * s.HeadRadius * 0.5f, s.HeadRadius * 0.7f, -s.HeadRadius * 0.2f);
            if (s.PointyEars) b.Cone("ear", skin, earBase, s.HeadRadius * 0.3f, s.EarLength, V(x * 0.3f, 1, -0.1f));
            else b.Limb("ear", skin, earBase, earBase + V(x * s.EarLength * 0.6f, s.EarLength * 0.5f, -s.EarLength * 0.3f), s.HeadRadius * 0.22f, s.HeadRadius * 0.15f);
        }
        if (s.TailLength > 0)
        {
            var tailBase = V(0, bodyY + s.BodyRadius * 0.3f, -halfLength - s.BodyRadius * 0.1f);
            var ta = s.TailAngle * MathF.PI / 180;
            b.Limb("tail", b.Slot("tail", skin), tailBase, tailBase + V(0, MathF.Sin(ta), -MathF.Cos(ta)) * s.TailLength, s.LegRadius * 0.55f, s.LegRadius * 0.25f);
        }
        return new Anchors(head, s.HeadRadius, head, head, V(0, bodyY + s.BodyRadius, 0), head.Y + s.HeadRadius);
    }

    /// <summary>An upright figure standing on y = 0 facing +Z; arms hang slightly outwards.</summary>
    public static Anchors Humanoid(PartBuilder b, HumanoidShape s, MaterialSpec body, MaterialSpec? limbs = null, MaterialSpec? headMaterial = null, bool eyes = true)
    {
        limbs ??= body;
        headMaterial ??= body;
        var h = s.Height;
        var hip = h * s.LegFraction;
        var shoulder = h * 0.8f;
        var w = s.TorsoWidth * s.Bulk;
        var lr = s.LimbRadius * s.Bulk;
        foreach (var x in new[] { -1f, 1f })
        {
            b.Limb("leg", limbs, V(x * w * 0.28f, hip, 0), V(x * w * 0.3f, lr * 1.2f, 0), lr * 1.25f, lr);
            b.Ellipsoid("foot", limbs, V(x * w * 0.3f, lr * 0.8f, lr * 1.2f), V(lr * 1.2f, lr * 0.8f, lr * 2.2f));
        }
        if (s.Boxy)
        {
            b.Box("body", body, V(0, (hip + shoulder) / 2 + h * 0.02f, 0), V(w, shoulder - hip + h * 0.06f, w * 0.6f), w * 0.08f);
            b.Box("head", headMaterial, V(0, shoulder + h * 0.06f + s.HeadRadius, 0), V(s.HeadRadius * 2.1f, s.HeadRadius * 1.8f, s.HeadRadius * 1.9f), s.HeadRadius * 0.25f);
        }
        else
        {
            b.Ellipsoid("body", body, V(0, (hip + shoulder) / 2 + h * 0.02f, 0), V(w / 2, (shoulder - hip) / 2 + h * 0.05f, w * 0.3f));
            b.Limb("neck", headMaterial, V(0, shoulder, 0), V(0, shoulder + h * 0.06f, 0), s.HeadRadius * 0.45f);
            b.Ellipsoid("head", headMaterial, V(0, shoulder + h * 0.05f + s.HeadRadius, 0), V(s.HeadRadius * 0.9f, s.HeadRadius, s.HeadRadius * 0.95f));
        }
        var headCenter = V(0, shoulder + h * 0.05f + s.HeadRadius, 0);
        var spread = s.ArmSpread * MathF.PI / 180;
        var armLength = h * 0.36f;
        var hands = new Vector3[2];
        for (var k = 0; k < 2; k++)
        {
            var x = k == 0 ? 1f : -1f;
            var top = V(x * (w / 2 + lr * 0.6f), shoulder - lr, 0);
            var hand = top + V(x * MathF.Sin(spread), -MathF.Cos(spread), 0.15f) * armLength;
            b.Limb("arm", limbs, top, hand, lr * 1.1f, lr * 0.9f);
            b.Ball("hand", limbs, hand, lr * 1.2f);
            hands[k] = hand;
        }
        if (eyes) Eyes(b, headCenter + V(0, s.HeadRadius * 0.15f, s.HeadRadius * (s.Boxy ? 0.95f : 0.82f)), s.HeadRadius * 0.38f, s.HeadRadius * 0.16f, 0x151515);
        return new Anchors(headCenter, s.HeadRadius, hands[0], hands[1], V(0, (hip + shoulder) / 2, -w * 0.3f), headCenter.Y + s.HeadRadius);
    }

    /// <summary>A pair of eyes (the "eye" slot, so "blue glowing eyes" recolours them).</summary>
    public static void Eyes(PartBuilder b, Vector3 center, float spacing, float radius, int defaultColor, int count = 2)
    {
        var eye = b.Slot("eye", Materials.Plain, defaultColor);
        count = b.CountOf("eye", count);
        for (var i = 0; i < count; i++)
        {
            var t = count == 1 ? 0 : (i / (float)(count - 1) - 0.5f) * 2;
            b.Ball("eye", eye, center + V(t * spacing, count > 2 ? (1 - MathF.Abs(t)) * radius * 1.5f : 0, 0), radius);
        }
    }

    /// <summary>A lathe-turned vessel from (radius, height) pairs; thin walls are not needed: vessels are solid.</summary>
    public static void Vessel(PartBuilder b, string slot, MaterialSpec m, Vector3 baseCenter, params float[] radiusHeightPairs) =>
        b.Lathe(slot, m, baseCenter, radiusHeightPairs);

    /// <summary>A tree: tapered trunk plus a crown of overlapping blobs, standing on y = 0.</summary>
    public static void Tree(PartBuilder b, float height, float trunkRadius, float crownRadius, int blobs, MaterialSpec bark, MaterialSpec leaves)
    {
        b.Limb("trunk", bark, V(0, 0, 0), V(0, height * 0.6f, 0), trunkRadius, trunkRadius * 0.6f);
        b.Cylinder("trunk", bark, V(0, 0, 0), trunkRadius * 1.3f, trunkRadius * 0.6f, trunkRadius);
        var crownY = height * 0.6f + crownRadius * 0.6f;
        b.Ellipsoid("crown", leaves, V(0, crownY, 0), V(crownRadius, crownRadius * 0.85f, crownRadius));
        for (var i = 0; i < blobs; i++)
        {
            var a = i * MathF.Tau / blobs + b.R(-0.3f, 0.3f);
            var r = crownRadius * b.R(0.45f, 0.65f);
            b.Ball("crown", leaves, V(MathF.Cos(a) * crownRadius * 0.7f, crownY + b.R(-0.2f, 0.35f) * crownRadius, MathF.Sin(a) * crownRadius * 0.7f), r);
        }
    }

    /// <summary>A flat blade outline along +Y from <paramref name="baseCenter"/>: straight edges to a point.</summary>
    public static void Blade(PartBuilder b, MaterialSpec m, Vector3 baseCenter, float length, float width, float thickness, float curve = 0, Quaternion? rotation = null)
    {
        var hw = width / 2;
        b.Extrude("blade", m, baseCenter, [
            -hw, 0, hw, 0, hw + curve * 0.5f, length * 0.75f, curve, length, -hw + curve * 0.8f, length * 0.8f,
        ], thickness, rotation);
    }

    /// <summary>A square or round base slab on y = 0 (plinths, stands, pots' saucers).</summary>
    public static float Plinth(PartBuilder b, MaterialSpec m, float width, float height, bool round = false)
    {
        if (round) b.Cylinder("base", m, V(0, 0, 0), width / 2, height);
        else b.Box("base", m, V(0, height / 2, 0), V(width, height, width), height * 0.1f);
        return height;
    }

    /// <summary>A wheel facing ±X (axle along X) centred at <paramref name="center"/>, with hub.</summary>
    public static void Wheel(PartBuilder b, MaterialSpec tyre, MaterialSpec hub, Vector3 center, float radius, float width)
    {
        b.Cylinder("wheel", tyre, center - V(width / 2, 0, 0), radius, width, -1, RotZ(-90));
        b.Cylinder("hub", hub, center - V(width * 0.6f, 0, 0), radius * 0.5f, width * 1.2f, -1, RotZ(-90));
    }

    /// <summary>A flower head: centre disc and ring of petals facing +Z, at <paramref name="center"/>.</summary>
    public static void Blossom(PartBuilder b, Vector3 center, float radius, int petals, MaterialSpec petal, MaterialSpec middle)
    {
        for (var i = 0; i < petals; i++)
        {
            var a = i * MathF.Tau / petals;
            b.Ellipsoid("petal", petal, center + V(MathF.Cos(a), MathF.Sin(a), 0) * radius * 0.62f, V(radius * 0.42f, radius * 0.42f, radius * 0.12f) * V(1.3f, 0.7f, 1),
                RotZ(a * 180 / MathF.PI));
        }
        b.Ellipsoid("center", middle, center + V(0, 0, radius * 0.05f), V(radius * 0.4f, radius * 0.4f, radius * 0.15f));
    }
}
