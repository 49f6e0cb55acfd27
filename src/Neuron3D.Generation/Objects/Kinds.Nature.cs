using Neuron3D.Generation.Parts;
using static Neuron3D.Generation.Objects.PartBuilder;
using static Neuron3D.Generation.Objects.Templates;

namespace Neuron3D.Generation.Objects;

internal static partial class Kinds
{
    private static IEnumerable<ObjectKind> Plants()
    {
        yield return new("tree", ObjectCategory.Plants, ["tree", "oak", "oak tree", "maple", "maple tree", "apple tree", "birch", "willow"], b =>
        {
            var bark = b.Slot("trunk", Materials.Wood, 0x6a4a2a);
            var leaves = b.Slot("crown", b.Main(Materials.Foliage, 0x3f8f3a));
            Tree(b, b.R(1.3f, 1.6f), 0.12f * b.Analysis.Parts.Where(p => p.Noun == "trunk").Select(p => p.Modifiers.Size.Width).DefaultIfEmpty(1).First(), b.R(0.55f, 0.7f), b.RI(5, 8), bark, leaves);
        });
        yield return new("pine tree", ObjectCategory.Plants, ["pine tree", "pine", "fir", "fir tree", "spruce", "conifer", "christmas tree", "evergreen"], b =>
        {
            var bark = b.Slot("trunk", Materials.Wood, 0x5a3a20);
            var needles = b.Main(Materials.Foliage, 0x1f5a2a);
            var thick = b.Analysis.Parts.Where(p => p.Noun == "trunk").Select(p => p.Modifiers.Size.Width).DefaultIfEmpty(1).First();
            b.Cylinder("trunk", bark, V(0, 0, 0), 0.09f * thick, 0.5f, 0.07f * thick);
            var tiers = b.RI(3, 5);
            for (var i = 0; i < tiers; i++)
            {
                var t = i / (float)tiers;
                b.Cone("foliage", needles, V(0, 0.35f + t * 1.1f, 0), 0.55f * (1 - t * 0.7f), 0.6f - t * 0.15f);
            }
        });
        yield return new("palm tree", ObjectCategory.Plants, ["palm tree", "palm", "coconut tree"], b =>
        {
            var bark = b.Slot("trunk", Materials.Wood, 0x8a6a40);
            var leaf = b.Main(Materials.Foliage, 0x3a9a3a);
            var lean = b.R(0.1f, 0.25f);
            for (var i = 0; i < 5; i++) b.Limb("trunk", bark, V(lean * i * i / 16f, i * 0.36f, 0), V(lean * (i + 1) * (i + 1) / 16f, (i + 1) * 0.36f, 0), 0.08f - i * 0.008f, 0.075f - i * 0.008f);
            var top = V(lean * 25 / 16f, 1.8f, 0);
            for (var i = 0; i < 7; i++)
            {
                var a = i * MathF.Tau / 7;
                var dir = V(MathF.Cos(a), 0, MathF.Sin(a));
                b.Limb("leaf", leaf, top, top + dir * 0.45f + V(0, 0.05f, 0), 0.06f, 0.05f);
                b.Limb("leaf", leaf, top + dir * 0.45f + V(0, 0.05f, 0), top + dir * 0.8f - V(0, 0.25f, 0), 0.05f, 0.015f);
            }
            if (b.Mentions("coconut") || b.R(0, 1) > 0.3f)
                for (var i = 0; i < 3; i++) b.Ball("coconut", b.Slot("coconut", Materials.Wood, 0x5a3a1a), top + V(MathF.Cos(i * 2.1f) * 0.1f, -0.1f, MathF.Sin(i * 2.1f) * 0.1f), 0.07f);
        });
        yield return new("dead tree", ObjectCategory.Plants, ["dead tree", "bare tree", "twisted tree", "leafless tree"], b =>
        {
            var bark = b.Main(Materials.Wood, 0x4a3a2e);
            var twist = b.R(0.1f, 0.2f);
            var p0 = V(0, 0, 0);
            var p1 = V(twist, 0.6f, 0);
            var p2 = V(-twist, 1.1f, 0.05f);
            b.Limb("trunk", bark, p0, p1, 0.14f, 0.1f);
            b.Limb("trunk", bark, p1, p2, 0.1f, 0.07f);
            b.Cylinder("root", bark, V(0, 0, 0), 0.2f, 0.1f, 0.12f);
            for (var i = 0; i < 6; i++)
            {
                var from = i < 3 ? p1 : p2;
                var a = i * 2.3f + b.R(-0.3f, 0.3f);
                var to = from + V(MathF.Cos(a) * 0.4f, b.R(0.2f, 0.45f), MathF.Sin(a) * 0.4f);
                b.Limb("branch", bark, from, to, 0.05f, 0.015f);
                b.Limb("branch", bark, to, to + V(MathF.Cos(a + 0.8f) * 0.15f, 0.15f, MathF.Sin(a + 0.8f) * 0.15f), 0.015f, 0.008f);
            }
        });
        yield return new("bonsai", ObjectCategory.Plants, ["bonsai", "bonsai tree"], b =>
        {
            var pot = b.Slot("pot", Materials.Ceramic, 0x3a5a8a);
            b.Box("pot", pot, V(0, 0.1f, 0), V(0.7f, 0.2f, 0.45f), 0.04f);
            var bark = b.Slot("trunk", Materials.Wood, 0x5a3a24);
            b.Limb("trunk", bark, V(0, 0.18f, 0), V(0.12f, 0.45f, 0), 0.07f, 0.05f);
            b.Limb("trunk", bark, V(0.12f, 0.45f, 0), V(-0.1f, 0.65f, 0), 0.05f, 0.035f);
            var leaves = b.Main(Materials.Foliage, 0x3a7a2a);
            foreach (var (x, y) in new[] { (-0.15f, 0.72f), (0.15f, 0.55f), (0.05f, 0.82f), (-0.3f, 0.6f) })
                b.Ellipsoid("crown", leaves, V(x, y, 0), V(0.2f, 0.09f, 0.17f));
        });
        yield return new("mushroom", ObjectCategory.Plants, ["mushroom", "toadstool", "fungus", "forest mushroom"], b =>
        {
            var cap = b.Main(Materials.Plain, 0xc02020);
            var stem = b.Slot("stem", Materials.Plain, 0xf0e8d8);
            var n = b.Analysis.Arrangement == "cluster" ? 5 : 1;
            b.CountHandled = true;
            for (var i = 0; i < n; i++)
            {
                var s = i == 0 ? 1f : b.R(0.45f, 0.75f);
                var a = i * 1.9f;
                var c = i == 0 ? V(0, 0, 0) : V(MathF.Cos(a) * 0.45f, 0, MathF.Sin(a) * 0.45f);
                using (b.Frame(c, s))
                {
                    b.Cylinder("stem", stem, V(0, 0, 0), 0.14f, 0.5f, 0.11f);
                    Vessel(b, "cap", cap, V(0, 0.42f, 0), 0, 0, 0.45f, 0.02f, 0.4f, 0.14f, 0.25f, 0.26f, 0, 0.3f);
                    if (b.Mentions("spot") || (i == 0 && cap.Color.R > 0.6f && cap.Color.G < 0.4f))
                        for (var k = 0; k < 7; k++)
                        {
                            var ang = k * MathF.Tau / 7;
                            b.Ball("spot", b.Slot("spot", Materials.Plain, 0xf6f6f0), V(MathF.Cos(ang) * 0.3f, 0.58f, MathF.Sin(ang) * 0.3f), 0.05f);
                        }
                }
            }
        });
        yield return new("cactus", ObjectCategory.Plants, ["cactus", "saguaro", "succulent"], b =>
        {
            var green = b.Main(Materials.Foliage, 0x3f8a3a);
            var potted = b.Has("potted") || b.Mentions("pot");
            var y0 = 0f;
            if (potted)
            {
                Vessel(b, "pot", b.Slot("pot", Materials.Terracotta), V(0, 0, 0), 0, 0, 0.25f, 0, 0.32f, 0.35f, 0, 0.36f);
                y0 = 0.3f;
            }
            b.Limb("body", green, V(0, y0 + 0.1f, 0), V(0, y0 + 0.95f, 0), 0.17f, 0.15f);
            foreach (var x in new[] { -1f, 1f })
            {
                var h = y0 + b.R(0.4f, 0.6f);
                b.Limb("arm", green, V(0, h, 0), V(x * 0.3f, h + 0.05f, 0), 0.08f);
                b.Limb("arm", green, V(x * 0.3f, h + 0.05f, 0), V(x * 0.3f, h + 0.35f, 0), 0.08f, 0.07f);
            }
            if (b.Mentions("flower"))
            {
                var petal = b.Slot("flower", Materials.Plain, 0xf07aa8);
                b.Ball("flower", petal, V(0, y0 + 1.12f, 0), 0.07f);
                b.Ball("flower", petal, V(0.3f, y0 + 0.98f, 0), 0.05f);
                b.Ball("flower", petal, V(-0.3f, y0 + 0.98f, 0), 0.05f);
            }
        });
        yield return new("sunflower", ObjectCategory.Plants, ["sunflower"], b =>
        {
            var stem = b.Slot("stem", Materials.Foliage, 0x3a8a2a);
            var height = 1.4f * b.Analysis.Parts.Where(p => p.Noun == "stem").Select(p => p.Modifiers.Size.Height).DefaultIfEmpty(1).First();
            b.Rod("stem", stem, V(0, 0, 0), V(0, height, 0), 0.035f);
            foreach (var x in new[] { -1f, 1f }) b.Ellipsoid("leaf", stem, V(x * 0.15f, height * 0.4f, 0), V(0.15f, 0.02f, 0.08f), RotZ(x * 20));
            Blossom(b, V(0, height + 0.1f, 0.02f), 0.32f, 14, b.Main(Materials.Plain, 0xf2c81d), b.Slot("center", Materials.Plain, 0x5a3418));
        });
        yield return new("flower", ObjectCategory.Plants, ["flower", "tulip", "rose", "daisy", "lily", "orchid", "potted flower"], b =>
        {
            var petals = b.Main(Materials.Plain, 0xe0304a);
            var pot = b.Mentions("pot") || b.Analysis.Parts.Any(p => p.Relation == Prompts.PartRelation.In);
            var y0 = 0f;
            if (pot)
            {
                Vessel(b, "pot", b.Slot("pot", Materials.Terracotta), V(0, 0, 0), 0, 0, 0.2f, 0, 0.26f, 0.35f, 0.28f, 0.36f, 0.28f, 0.42f, 0, 0.42f);
                y0 = 0.4f;
            }
            b.Rod("stem", b.Slot("stem", Materials.Foliage, 0x3a8a2a), V(0, y0, 0), V(0, y0 + 0.7f, 0), 0.025f);
            b.Ellipsoid("leaf", b.Slot("leaf", Materials.Foliage, 0x3a8a2a), V(0.08f, y0 + 0.25f, 0), V(0.04f, 0.2f, 0.05f), RotZ(-25));
            Vessel(b, "bloom", petals, V(0, y0 + 0.66f, 0), 0, 0, 0.1f, 0.04f, 0.14f, 0.14f, 0.12f, 0.26f, 0.08f, 0.3f, 0, 0.27f);
        });
        yield return new("flower pot", ObjectCategory.Plants, ["flower pot", "plant pot", "potted plant", "planter", "houseplant", "pot plant"], b =>
        {
            Vessel(b, "pot", b.Main(Materials.Terracotta), V(0, 0, 0), 0, 0, 0.25f, 0, 0.33f, 0.45f, 0.36f, 0.46f, 0.36f, 0.54f, 0, 0.54f);
            var leaves = b.Slot("leaf", Materials.Foliage, 0x3a8a2a);
            for (var i = 0; i < 6; i++)
            {
                var a = i * MathF.Tau / 6;
                b.Ellipsoid("leaf", leaves, V(MathF.Cos(a) * 0.2f, 0.8f, MathF.Sin(a) * 0.2f), V(0.08f, 0.3f, 0.04f), Quat(a));
            }
            static System.Numerics.Quaternion Quat(float a) => RotY(-a * 180 / MathF.PI) * RotZ(-25);
        });
        yield return new("bush", ObjectCategory.Plants, ["bush", "shrub", "hedge", "fern", "grass"], b =>
        {
            var leaves = b.Main(Materials.Foliage, 0x3a8a3a);
            for (var i = 0; i < 7; i++) b.Ball("leaves", leaves, V(b.R(-0.4f, 0.4f), b.R(0.2f, 0.45f), b.R(-0.3f, 0.3f)), b.R(0.2f, 0.3f));
        });
    }

    private static IEnumerable<ObjectKind> GemsAndRocks()
    {
        yield return new("crystal cluster", ObjectCategory.GemsAndRocks, ["crystal cluster", "geode", "crystal formation", "amethyst cluster"], b =>
        {
            var crystal = b.Main(Materials.Crystal, 0x9a5cd0);
            b.Ellipsoid("rock", b.Slot("base", Materials.Stone, 0x5a5458), V(0, 0.05f, 0), V(0.5f, 0.15f, 0.45f));
            var n = b.RI(6, 9);
            for (var i = 0; i < n; i++)
            {
                var a = i * MathF.Tau / n + b.R(-0.3f, 0.3f);
                var tilt = i == 0 ? V(0, 1, 0) : V(MathF.Cos(a) * 0.5f, 1, MathF.Sin(a) * 0.5f);
                var len = i == 0 ? 0.9f : b.R(0.35f, 0.65f);
                var r = i == 0 ? 0.12f : b.R(0.06f, 0.09f);
                var baseAt = i == 0 ? V(0, 0.05f, 0) : V(MathF.Cos(a) * 0.22f, 0.05f, MathF.Sin(a) * 0.22f);
                b.Rod("crystal", crystal, baseAt, baseAt + System.Numerics.Vector3.Normalize(tilt) * len * 0.75f, r);
                b.Cone("crystal", crystal, baseAt + System.Numerics.Vector3.Normalize(tilt) * len * 0.75f, r, len * 0.25f, tilt);
            }
        });
        yield return new("stone", ObjectCategory.GemsAndRocks, ["stone", "pebble", "river stone", "river rock", "cairn", "stone stack"], b =>
        {
            var rock = b.Main(Materials.Stone, 0x8a8a88);
            if (b.Analysis.Arrangement == "stack" || b.Analysis.MatchedWords is "cairn" or "stone stack")
            {
                b.CountHandled = true;
                var y = 0f;
                var n = b.RI(4, 6);
                for (var i = 0; i < n; i++)
                {
                    var r = 0.45f * (1 - i * 0.13f);
                    var h = r * 0.35f;
                    b.Ellipsoid("stone", rock.WithColor(rock.Color.Scale(b.R(0.85f, 1.15f))), V(b.R(-0.03f, 0.03f), y + h, b.R(-0.03f, 0.03f)), V(r, h, r * 0.85f));
                    y += h * 1.8f;
                }
                return;
            }
            b.Ellipsoid("stone", rock, V(0, 0.2f, 0), V(0.5f * b.R(0.9f, 1.1f), 0.2f, 0.36f * b.R(0.9f, 1.1f)));
        });
        yield return new("gem", ObjectCategory.GemsAndRocks, ["gem", "gemstone", "jewel", "ruby", "sapphire", "emerald", "diamond", "topaz", "amethyst"], b =>
        {
            var gem = b.Main(Materials.Gem, 0xc0182e);
            var onRock = b.Analysis.Parts.Any(p => p.Relation == Prompts.PartRelation.On);
            var y = 0f;
            if (onRock)
            {
                b.Ellipsoid("base", b.Slot("base", Materials.Stone, 0x7a7672), V(0, 0.15f, 0), V(0.55f, 0.2f, 0.45f));
                y = 0.3f;
            }
            if (b.Analysis.ShapeHint is "teardrop" or "drop" or "pear")
                Vessel(b, "gem", gem, V(0, y, 0), 0, 0, 0.2f, 0.08f, 0.3f, 0.3f, 0.2f, 0.55f, 0, 0.8f);
            else
            {
                b.Lathe("gem", gem, V(0, y, 0), [0, 0, 0.45f, 0.4f, 0.3f, 0.55f, 0, 0.55f]);
            }
        });
        yield return new("rock", ObjectCategory.GemsAndRocks, ["rock", "boulder", "stone block", "meteorite", "asteroid"], b =>
        {
            var rock = b.Main(Materials.Stone, 0x7a7874);
            b.Ellipsoid("rock", rock, V(0, 0.4f, 0), V(0.55f, 0.4f, 0.48f));
            for (var i = 0; i < 5; i++) b.Ellipsoid("rock", rock, V(b.R(-0.35f, 0.35f), b.R(0.3f, 0.6f), b.R(-0.3f, 0.3f)), V(b.R(0.2f, 0.35f), b.R(0.2f, 0.3f), b.R(0.2f, 0.35f)));
            if (b.Mentions("crack"))
                for (var i = 0; i < 3; i++) b.Box("crack", b.Slot("crack", Materials.Plain, 0x2a2a28), V(b.R(-0.2f, 0.2f), 0.5f, 0.45f), V(0.02f, 0.35f, 0.1f), 0, RotZ(b.R(-40, 40)));
        });
        yield return new("nugget", ObjectCategory.GemsAndRocks, ["nugget", "gold nugget", "ore", "lump"], b =>
        {
            var gold = b.Main(Materials.Gold);
            b.Ellipsoid("nugget", gold, V(0, 0.25f, 0), V(0.4f, 0.25f, 0.32f), RotY(20));
            for (var i = 0; i < 6; i++) b.Ball("nugget", gold, V(b.R(-0.35f, 0.35f), b.R(0.15f, 0.4f), b.R(-0.25f, 0.25f)), b.R(0.1f, 0.18f));
        });
        yield return new("crystal", ObjectCategory.GemsAndRocks, ["crystal", "quartz", "quartz crystal", "crystal shard", "prism"], b =>
        {
            var crystal = b.Main(Materials.Crystal, 0xe8e8f0);
            b.Lathe("crystal", crystal, V(0, 0, 0), [0, 0, 0.2f, 0.1f, 0.22f, 0.8f, 0, 1.15f]);
            for (var i = 0; i < 3; i++)
            {
                var a = i * 2.1f + b.R(0, 0.5f);
                var dir = V(MathF.Cos(a) * 0.5f, 1, MathF.Sin(a) * 0.5f);
                b.Cone("crystal", crystal, V(MathF.Cos(a) * 0.18f, 0, MathF.Sin(a) * 0.18f), 0.09f, b.R(0.4f, 0.6f), dir);
            }
        });
        yield return new("shard", ObjectCategory.GemsAndRocks, ["shard", "obsidian shard", "fragment", "splinter"], b =>
        {
            var glass = b.Main(Materials.Obsidian);
            b.Extrude("shard", glass, V(0, 0, 0), [-0.25f, 0, 0.2f, 0, 0.12f, 0.6f, 0.02f, 1.1f, -0.12f, 0.55f], 0.16f, RotY(20));
            b.Extrude("shard", glass, V(0.18f, 0, 0.05f), [-0.1f, 0, 0.12f, 0, 0.03f, 0.5f], 0.1f, RotY(-30));
        });
    }
}
