using Neuron3D.Generation.Parts;
using static Neuron3D.Generation.Objects.PartBuilder;
using static Neuron3D.Generation.Objects.Templates;

namespace Neuron3D.Generation.Objects;

internal static partial class Kinds
{
    private static IEnumerable<ObjectKind> Creatures()
    {
        yield return new("dragon", ObjectCategory.Creatures, ["dragon", "wyvern", "drake"], b =>
        {
            var scales = b.Main(Materials.Skin, 0x3a8a3a);
            var a = Quadruped(b, new QuadrupedShape(BodyLength: 1.1f, BodyRadius: 0.26f, LegLength: 0.35f, LegRadius: 0.08f, NeckLength: 0.55f, NeckAngle: 60, HeadRadius: 0.14f, SnoutLength: 0.22f, EarLength: 0, TailLength: 0.9f, TailAngle: 10), scales);
            var wing = b.Slot("wing", scales);
            var spread = !b.Has("fold");
            foreach (var x in new[] { -1f, 1f })
            {
                if (spread) b.Extrude("wing", wing, V(x * 0.15f, 0.8f, 0), [0, -0.05f, x * 0.9f, 0.55f, x * 0.75f, 0.15f, x * 0.55f, 0.05f, x * 0.35f, -0.1f, 0, -0.2f], 0.03f, RotX(90) * RotY(0));
                else b.Ellipsoid("wing", wing, V(x * 0.25f, 0.8f, -0.05f), V(0.05f, 0.25f, 0.45f), RotX(-15));
                b.Cone("horn", b.Slot("horn", Materials.Ceramic, 0xe0d8c0), a.Head + V(x * 0.07f, 0.08f, -0.06f), 0.035f, 0.18f, V(x * 0.2f, 0.6f, -1));
            }
            for (var i = 0; i < 5; i++) b.Cone("spike", scales, V(0, 0.78f - i * 0.02f, 0.35f - i * 0.2f), 0.04f, 0.1f);
        });
        yield return new("goblin", ObjectCategory.Creatures, ["goblin", "orc", "troll", "imp", "gnome", "elf"], b =>
        {
            var skin = b.Main(Materials.Skin, 0x6aa040);
            var a = Humanoid(b, new HumanoidShape(Height: 1.3f, TorsoWidth: 0.4f, HeadRadius: 0.17f, LimbRadius: 0.055f, LegFraction: 0.4f, ArmSpread: 25), b.Accent(Materials.Leather, 0x6a4a2a), skin, skin);
            foreach (var x in new[] { -1f, 1f }) b.Cone("ear", skin, a.Head + V(x * 0.14f, 0.03f, 0), 0.05f, 0.2f, V(x, 0.3f, -0.2f));
            b.Limb("nose", skin, a.Head + V(0, 0, 0.14f), a.Head + V(0, -0.04f, 0.26f), 0.04f, 0.02f);
        });
        yield return new("golem", ObjectCategory.Creatures, ["golem", "elemental", "rock monster", "stone giant"], b =>
        {
            var rock = b.Main(Materials.Stone, 0x7a7a78);
            var shard = b.Analysis.Main.Material?.Pattern == SurfacePattern.Facets || b.Analysis.ShapeHint == "shard";
            var a = Humanoid(b, new HumanoidShape(Height: 1.8f, TorsoWidth: 0.7f, HeadRadius: 0.13f, LimbRadius: 0.11f, LegFraction: 0.4f, ArmSpread: 20, Boxy: true), rock, rock, rock, eyes: false);
            Eyes(b, a.Head + V(0, 0, 0.13f), 0.1f, 0.03f, 0x60d0ff);
            for (var i = 0; i < 6; i++)
            {
                var pos = V(b.R(-0.35f, 0.35f), b.R(0.9f, 1.5f), b.R(-0.2f, 0.1f));
                if (shard) b.Cone("shard", rock, pos, 0.06f, b.R(0.2f, 0.35f), V(b.R(-1, 1), 1, b.R(-0.5f, 0.5f)));
                else b.Ball("boulder", rock, pos, b.R(0.08f, 0.14f));
            }
        });
        yield return new("cyclops", ObjectCategory.Creatures, ["cyclops", "ogre", "giant"], b =>
        {
            var skin = b.Main(Materials.Skin, 0xc8906a);
            var a = Humanoid(b, new HumanoidShape(Height: 1.9f, TorsoWidth: 0.55f, HeadRadius: 0.16f, LimbRadius: 0.08f, LegFraction: 0.42f, ArmSpread: 18, Bulk: 1.1f), skin, skin, skin, eyes: false);
            b.Ball("eye", b.Slot("eye", Materials.Plain, 0xf4f4f0), a.Head + V(0, 0.03f, 0.13f), 0.06f);
            b.Ball("pupil", Materials.Plain.WithColor(Rgb.FromHex(0x202020)), a.Head + V(0, 0.03f, 0.185f), 0.025f);
            b.Cylinder("loincloth", b.Slot("loincloth", Materials.Leather, 0x6a4424), V(0, 0.7f, 0), 0.3f, 0.22f, 0.27f);
        });
        yield return new("ghost", ObjectCategory.Creatures, ["ghost", "spirit", "phantom", "specter", "spectre", "wraith"], b =>
        {
            var sheet = b.Main(Materials.Fabric, 0xf4f4f6);
            Vessel(b, "body", sheet, V(0, 0, 0), 0, 0.05f, 0.42f, 0, 0.4f, 0.3f, 0.36f, 0.7f, 0.3f, 0.95f, 0.18f, 1.12f, 0, 1.16f);
            foreach (var a in new[] { 0f, 72, 144, 216, 288 })
            {
                var r = a * MathF.PI / 180;
                b.Ball("body", sheet, V(MathF.Cos(r) * 0.36f, 0.04f, MathF.Sin(r) * 0.36f), 0.09f);
            }
            foreach (var x in new[] { -1f, 1f }) b.Limb("arm", sheet, V(x * 0.3f, 0.7f, 0), V(x * 0.5f, 0.75f, 0.18f), 0.08f, 0.05f);
            Eyes(b, V(0, 0.9f, 0.25f), 0.16f, 0.05f, 0x151515);
            b.Ellipsoid("mouth", Materials.Plain.WithColor(Rgb.FromHex(0x151515)), V(0, 0.74f, 0.3f), V(0.05f, 0.07f, 0.03f));
        });
        yield return new("alien", ObjectCategory.Creatures, ["alien", "martian", "extraterrestrial"], b =>
        {
            var skin = b.Main(Materials.Skin, 0x8ad06a);
            b.Limb("body", skin, V(0, 0.45f, 0), V(0, 0.85f, 0), 0.17f, 0.12f);
            foreach (var x in new[] { -1f, 1f })
            {
                b.Limb("leg", skin, V(x * 0.08f, 0.45f, 0), V(x * 0.1f, 0.03f, 0.02f), 0.05f, 0.04f);
                b.Limb("arm", skin, V(x * 0.15f, 0.9f, 0), V(x * 0.3f, 0.5f, 0.1f), 0.035f, 0.03f);
            }
            b.Ellipsoid("head", skin, V(0, 1.2f, 0), V(0.23f, 0.27f, 0.22f));
            Eyes(b, V(0, 1.2f, 0.2f), 0.16f, 0.055f, 0x101010);
            foreach (var x in new[] { -1f, 1f }) b.Limb("antenna", skin, V(x * 0.08f, 1.42f, 0), V(x * 0.16f, 1.6f, 0), 0.015f, 0.03f);
        });
        yield return new("slime monster", ObjectCategory.Creatures, ["slime monster", "slime", "blob", "blob monster", "jelly monster", "ooze"], b =>
        {
            var goo = b.Main(Materials.Slime, 0x8a4fd0);
            Vessel(b, "body", goo, V(0, 0, 0), 0, 0, 0.55f, 0, 0.6f, 0.15f, 0.5f, 0.45f, 0.3f, 0.72f, 0, 0.8f);
            for (var i = 0; i < 5; i++) b.Ball("drip", goo, V(b.R(-0.5f, 0.5f), 0.05f, b.R(-0.5f, 0.5f)), b.R(0.08f, 0.14f));
            Eyes(b, V(0, 0.55f, 0.42f), 0.28f, 0.08f, 0xf8f8f8);
            var grin = b.Slot("mouth", Materials.Plain, 0x2a1030);
            var grinScale = b.Analysis.Parts.Where(p => p.Noun == "grin").Select(p => p.Modifiers.Size.Scale).DefaultIfEmpty(1).First();
            b.Extrude("mouth", grin, V(0, 0.32f, 0.5f), [-0.25f * grinScale, 0.05f, 0.25f * grinScale, 0.05f, 0.15f, -0.08f * grinScale, 0, -0.12f * grinScale, -0.15f, -0.08f * grinScale], 0.08f, RotX(-15));
        });
        yield return new("unicorn", ObjectCategory.Creatures, ["unicorn", "pegasus"], b =>
        {
            var coat = b.Main(Materials.Fur, 0xf6f2f4);
            var a = Quadruped(b, new QuadrupedShape(BodyLength: 1.05f, BodyRadius: 0.24f, LegLength: 0.72f, LegRadius: 0.055f, NeckLength: 0.48f, NeckAngle: 58, HeadRadius: 0.12f, SnoutLength: 0.25f, EarLength: 0.09f, TailLength: 0.5f, TailAngle: -55), coat, b.Slot("hoof", Materials.Gold));
            b.Cone("horn", b.Slot("horn", Materials.Gold), a.Head + V(0, 0.09f, 0.06f), 0.035f, 0.32f, V(0, 1, 0.55f));
            b.Limb("mane", b.Slot("mane", Materials.Fur, 0xd890e0), a.Head + V(0, 0.05f, -0.1f), V(0, 1.28f, 0.5f), 0.05f, 0.04f);
        });
        yield return new("gargoyle", ObjectCategory.Creatures, ["gargoyle", "demon", "devil", "imp statue"], b =>
        {
            var stone = b.Main(Materials.Stone, 0x7a7a7a);
            b.Box("base", b.Slot("base", Materials.Stone, 0x6a6a68), V(0, 0.1f, 0), V(0.8f, 0.2f, 0.7f), 0.02f);
            b.Ellipsoid("body", stone, V(0, 0.55f, 0), V(0.22f, 0.3f, 0.2f), RotX(20));
            b.Ball("head", stone, V(0, 0.92f, 0.12f), 0.14f);
            foreach (var x in new[] { -1f, 1f })
            {
                b.Ellipsoid("leg", stone, V(x * 0.18f, 0.35f, 0.08f), V(0.09f, 0.15f, 0.18f));
                b.Limb("arm", stone, V(x * 0.18f, 0.7f, 0.08f), V(x * 0.15f, 0.25f, 0.25f), 0.045f);
                b.Extrude("wing", b.Slot("wing", stone), V(x * 0.15f, 0.75f, -0.15f), [0, 0, x * 0.45f, 0.4f, x * 0.4f, 0.05f, x * 0.2f, -0.2f], 0.03f, RotY(x * 30));
                b.Cone("horn", stone, V(x * 0.07f, 1.02f, 0.1f), 0.03f, 0.14f, V(x * 0.4f, 1, -0.3f));
            }
            Eyes(b, V(0, 0.95f, 0.24f), 0.09f, 0.025f, 0x303030);
        });
        yield return new("tentacle creature", ObjectCategory.Creatures, ["tentacle creature", "space creature", "tentacle monster", "octopus", "kraken", "squid", "creature", "monster", "beast"], b =>
        {
            var skin = b.Main(Materials.Skin, 0x7a3aa0);
            b.Ellipsoid("body", skin, V(0, 0.65f, 0), V(0.34f, 0.38f, 0.32f));
            var n = 8;
            for (var i = 0; i < n; i++)
            {
                var a = i * MathF.Tau / n;
                var root = V(MathF.Cos(a) * 0.2f, 0.4f, MathF.Sin(a) * 0.2f);
                var mid = V(MathF.Cos(a) * 0.45f, 0.12f, MathF.Sin(a) * 0.45f);
                b.Limb("tentacle", skin, root, mid, 0.08f, 0.05f);
                b.Limb("tentacle", skin, mid, mid + V(MathF.Cos(a + 0.6f) * 0.2f, 0.08f, MathF.Sin(a + 0.6f) * 0.2f), 0.05f, 0.02f);
            }
            var spots = b.Slot("spot", Materials.Glow, 0x60ffd0);
            if (b.Mentions("spot") || b.Analysis.Main.Style == Prompts.Style.Futuristic)
                for (var i = 0; i < 9; i++)
                {
                    var a = b.R(-1.2f, 1.2f);
                    var y = b.R(0.45f, 0.9f);
                    b.Ball("spot", spots, V(MathF.Sin(a) * 0.32f, y, MathF.Cos(a) * 0.3f), 0.035f);
                }
            Eyes(b, V(0, 0.75f, 0.3f), 0.16f, 0.06f, 0xf0f060, b.CountOf("eye", 2));
        });
        yield return new("angel", ObjectCategory.Creatures, ["angel", "fairy", "cherub"], b =>
        {
            var robe = b.Main(Materials.Fabric, 0xf0f0f0);
            var a = Humanoid(b, new HumanoidShape(Height: 1.7f, TorsoWidth: 0.34f, HeadRadius: 0.11f, LimbRadius: 0.045f), robe);
            Vessel(b, "robe", robe, V(0, 0, 0), 0, 0, 0.32f, 0, 0.2f, 0.8f, 0, 0.95f);
            var wing = b.Slot("wing", robe);
            var folded = b.Has("fold");
            foreach (var x in new[] { -1f, 1f })
                b.Extrude("wing", wing, a.Back + V(x * 0.08f, 0.3f, -0.05f), folded ? [0, 0.1f, x * 0.2f, 0.25f, x * 0.25f, -0.55f, x * 0.05f, -0.3f] : [0, 0, x * 0.7f, 0.45f, x * 0.6f, 0, x * 0.3f, -0.35f], 0.04f, RotY(x * (folded ? -10 : 20)));
            b.Torus("halo", b.Slot("halo", Materials.Gold), a.Head + V(0, a.HeadRadius + 0.08f, 0), 0.1f, 0.015f);
        });
    }

    private static IEnumerable<ObjectKind> Statues()
    {
        yield return new("statue", ObjectCategory.Statues, ["statue", "sculpture", "figurine", "idol", "monument", "figure", "effigy"], b =>
        {
            var stone = b.Main(Materials.Marble);
            var plinthMaterial = b.Slot("base", Materials.Stone, 0x9a968e);
            var plinth = Plinth(b, plinthMaterial, 1, 0.35f);
            var subject = b.Analysis.Subject is { } s ? ObjectLibrary.Default.Find(s) : null;
            using (b.Frame(V(0, plinth, 0), 1))
            {
                var statue = new PartBuilder(b.Analysis with { Main = b.Analysis.Main with { Material = stone, Colors = [] }, Parts = [] }, b.Random.Fork());
                (subject ?? ObjectLibrary.Default.Find("soldier")!).Build(statue);
                var (min, max) = new PartAssembly(statue.Parts).Bounds();
                var scale = 1.0f / MathF.Max(max.X - min.X, MathF.Max(max.Z - min.Z, (max.Y - min.Y) / 1.6f));
                using (b.Frame(V(-(min.X + max.X) / 2 * scale, -min.Y * scale, -(min.Z + max.Z) / 2 * scale), scale))
                    foreach (var p in statue.Parts) b.Add(p.Slot, p.Shape, p.Position, stone, p.Rotation);
            }
        }, Depicts: true);
        yield return new("soldier", ObjectCategory.Statues, ["soldier", "warrior", "knight", "man", "woman", "person", "king", "queen", "hero", "rider", "terracotta warrior"], b =>
        {
            var body = b.Main(Materials.Terracotta, 0xb07050);
            var a = Humanoid(b, new HumanoidShape(Height: 1.8f, TorsoWidth: 0.38f, HeadRadius: 0.11f, LimbRadius: 0.05f, ArmSpread: b.Has("attention") ? 4 : 10), body);
            Vessel(b, "armor", b.Accent(body, null), V(0, 0.78f, 0), 0, 0, 0.22f, 0, 0.24f, 0.3f, 0.2f, 0.62f, 0, 0.66f);
            b.Cylinder("helmet", body, a.Head + V(0, 0.04f, 0), a.HeadRadius * 1.05f, 0.08f, a.HeadRadius * 0.6f);
        });
        yield return new("buddha", ObjectCategory.Statues, ["buddha", "monk", "meditating figure"], b =>
        {
            var jade = b.Main(Materials.Jade);
            b.Ellipsoid("legs", jade, V(0, 0.12f, 0.05f), V(0.42f, 0.13f, 0.3f));
            b.Ellipsoid("body", jade, V(0, 0.45f, 0), V(0.3f, 0.32f, 0.24f));
            b.Ball("head", jade, V(0, 0.9f, 0.02f), 0.16f);
            b.Ball("topknot", jade, V(0, 1.08f, 0), 0.06f);
            foreach (var x in new[] { -1f, 1f })
            {
                b.Limb("arm", jade, V(x * 0.28f, 0.62f, 0), V(x * 0.16f, 0.25f, 0.2f), 0.07f, 0.06f);
                b.Ellipsoid("ear", jade, V(x * 0.15f, 0.88f, 0), V(0.03f, 0.08f, 0.04f));
            }
            Plinth(b, b.Slot("base", jade), 0.9f, 0.04f, round: true);
        });
        yield return new("bust", ObjectCategory.Statues, ["bust", "head statue", "portrait bust"], b =>
        {
            var marble = b.Main(Materials.Marble);
            b.Cylinder("base", b.Slot("base", marble), V(0, 0, 0), 0.22f, 0.2f, 0.16f);
            b.Ellipsoid("chest", marble, V(0, 0.42f, 0), V(0.42f, 0.24f, 0.22f));
            b.Limb("neck", marble, V(0, 0.55f, 0), V(0, 0.72f, 0.02f), 0.09f);
            b.Ellipsoid("head", marble, V(0, 0.88f, 0.03f), V(0.14f, 0.18f, 0.16f));
            b.Limb("nose", marble, V(0, 0.9f, 0.17f), V(0, 0.85f, 0.2f), 0.02f, 0.025f);
            if (b.Has("bearded") || b.R(0, 1) > 0.5f) b.Ellipsoid("beard", marble, V(0, 0.77f, 0.1f), V(0.12f, 0.12f, 0.1f));
            b.Ellipsoid("hair", marble, V(0, 0.96f, -0.02f), V(0.15f, 0.12f, 0.15f));
        });
        yield return new("moai", ObjectCategory.Statues, ["moai", "moai head", "easter island head"], b =>
        {
            var rock = b.Main(Materials.Stone, 0x6a625a);
            b.Box("body", rock, V(0, 0.3f, 0), V(0.5f, 0.6f, 0.4f), 0.1f);
            b.Box("head", rock, V(0, 0.95f, 0.02f), V(0.42f, 0.8f, 0.4f), 0.08f);
            b.Box("brow", rock, V(0, 1.12f, 0.2f), V(0.4f, 0.08f, 0.12f), 0.03f);
            b.Extrude("nose", rock, V(0, 0.95f, 0.22f), [-0.06f, -0.14f, 0.06f, -0.14f, 0.02f, 0.14f, -0.02f, 0.14f], 0.14f);
            b.Box("chin", rock, V(0, 0.66f, 0.16f), V(0.3f, 0.14f, 0.14f), 0.04f);
            foreach (var x in new[] { -1f, 1f }) b.Box("ear", rock, V(x * 0.22f, 0.98f, 0), V(0.05f, 0.3f, 0.12f), 0.02f);
        });
        yield return new("totem pole", ObjectCategory.Statues, ["totem pole", "totem"], b =>
        {
            var wood = b.Main(Materials.Wood);
            var paint = b.Slot("face", Materials.Paint, 0xc03020);
            b.Cylinder("pole", wood, V(0, 0, 0), 0.22f, 2.2f);
            for (var i = 0; i < 4; i++)
            {
                var y = 0.35f + i * 0.5f;
                b.Box("face", i % 2 == 0 ? paint : b.Slot("face", Materials.Paint, 0x2060a0), V(0, y, 0.16f), V(0.3f, 0.08f, 0.12f), 0.02f);
                Eyes(b, V(0, y + 0.1f, 0.2f), 0.14f, 0.04f, 0xf0f0f0);
                b.Cone("nose", wood, V(0, y - 0.06f, 0.2f), 0.04f, 0.1f, V(0, 0, 1));
            }
            b.Extrude("wing", paint, V(0, 2.05f, 0), [-0.6f, 0, 0.6f, 0, 0.3f, 0.18f, -0.3f, 0.18f], 0.08f);
        });
    }
}
