using Neuron3D.Generation.Parts;
using static Neuron3D.Generation.Objects.PartBuilder;
using static Neuron3D.Generation.Objects.Templates;

namespace Neuron3D.Generation.Objects;

internal static partial class Kinds
{
    private static IEnumerable<ObjectKind> Furniture()
    {
        yield return new("chair", ObjectCategory.Furniture, ["chair", "dining chair", "throne", "kitchen chair"], b =>
        {
            var wood = b.Main(Materials.Wood);
            b.Box("seat", b.Slot("seat", wood), V(0, 0.48f, 0), V(0.5f, 0.06f, 0.5f), 0.015f);
            foreach (var (x, z) in new[] { (-0.22f, -0.22f), (0.22f, -0.22f), (-0.22f, 0.22f), (0.22f, 0.22f) })
                b.Box("leg", b.Slot("leg", wood), V(x, 0.23f, z), V(0.05f, 0.46f, 0.05f), 0.01f);
            b.Box("backrest", wood, V(0, 0.85f, -0.23f), V(0.5f, 0.7f, 0.05f), 0.015f);
        });
        yield return new("rocking chair", ObjectCategory.Furniture, ["rocking chair", "rocker"], b =>
        {
            var wood = b.Main(Materials.Wood);
            b.Box("seat", b.Slot("seat", wood), V(0, 0.5f, 0), V(0.55f, 0.05f, 0.5f), 0.015f);
            foreach (var x in new[] { -0.25f, 0.25f })
            {
                foreach (var z in new[] { -0.2f, 0.2f }) b.Rod("leg", wood, V(x, 0.08f + MathF.Abs(z) * 0.05f, z), V(x, 0.5f, z), 0.025f);
                for (var i = 0; i < 5; i++)
                {
                    var a0 = -0.6f + i * 0.24f;
                    var a1 = a0 + 0.24f;
                    b.Limb("rocker", wood, V(x, 0.95f - MathF.Cos(a0) * 0.9f, MathF.Sin(a0) * 0.9f), V(x, 0.95f - MathF.Cos(a1) * 0.9f, MathF.Sin(a1) * 0.9f), 0.025f);
                }
                b.Box("armrest", wood, V(x, 0.72f, 0), V(0.06f, 0.04f, 0.5f), 0.01f);
                b.Rod("post", wood, V(x, 0.5f, 0.2f), V(x, 0.72f, 0.2f), 0.02f);
            }
            b.Box("backrest", wood, V(0, 0.95f, -0.27f), V(0.5f, 0.85f, 0.04f), 0.015f, RotX(-12));
        });
        yield return new("table", ObjectCategory.Furniture, ["table", "dining table", "coffee table", "desk", "round table", "kitchen table"], b =>
        {
            var wood = b.Main(Materials.Wood);
            var round = b.Analysis.Main.Size.Roundness > 1;
            if (round)
            {
                b.Cylinder("top", wood, V(0, 0.72f, 0), 0.6f, 0.05f);
                b.Rod("leg", wood, V(0, 0.05f, 0), V(0, 0.72f, 0), 0.07f);
                b.Cylinder("foot", wood, V(0, 0, 0), 0.3f, 0.06f, 0.2f);
                return;
            }
            b.Box("top", wood, V(0, 0.745f, 0), V(1.4f, 0.05f, 0.8f), 0.01f);
            foreach (var (x, z) in new[] { (-0.63f, -0.33f), (0.63f, -0.33f), (-0.63f, 0.33f), (0.63f, 0.33f) })
                b.Box("leg", b.Slot("leg", wood), V(x, 0.36f, z), V(0.07f, 0.72f, 0.07f), 0.01f);
        });
        yield return new("armchair", ObjectCategory.Furniture, ["armchair", "sofa", "couch", "loveseat", "recliner"], b =>
        {
            var fabric = b.Main(Materials.Velvet);
            var wide = b.Analysis.MatchedWords is "sofa" or "couch" ? 1.8f : 0.9f;
            b.Box("base", fabric, V(0, 0.25f, 0), V(wide, 0.3f, 0.8f), 0.06f);
            b.Box("seat", b.Slot("seat", fabric), V(0, 0.45f, 0.05f), V(wide - 0.3f, 0.12f, 0.65f), 0.05f);
            b.Box("backrest", fabric, V(0, 0.75f, -0.32f), V(wide, 0.75f, 0.18f), 0.07f);
            foreach (var x in new[] { -1f, 1f }) b.Box("armrest", fabric, V(x * (wide / 2 - 0.08f), 0.55f, 0), V(0.18f, 0.35f, 0.8f), 0.07f);
            foreach (var x in new[] { -1f, 1f }) foreach (var z in new[] { -0.3f, 0.3f }) b.Cylinder("leg", b.Slot("leg", Materials.DarkWood), V(x * (wide / 2 - 0.08f), 0, z), 0.03f, 0.1f);
        });
        yield return new("bookshelf", ObjectCategory.Furniture, ["bookshelf", "bookcase", "shelf", "shelving unit", "cabinet"], b =>
        {
            var wood = b.Main(Materials.Wood);
            var h = 1.9f;
            foreach (var x in new[] { -0.45f, 0.45f }) b.Box("side", wood, V(x, h / 2, 0), V(0.04f, h, 0.35f));
            b.Box("back", wood, V(0, h / 2, -0.165f), V(0.94f, h, 0.02f));
            var shelves = 5;
            for (var i = 0; i < shelves; i++)
            {
                var y = 0.03f + i * (h - 0.06f) / (shelves - 1);
                b.Box("shelf", wood, V(0, y, 0), V(0.9f, 0.04f, 0.35f));
                if (i == shelves - 1 || !(b.Mentions("book") || b.R(0, 1) > 0.2f)) continue;
                var x = -0.42f;
                var k = 0;
                while (x < 0.38f && k < 12)
                {
                    var w = b.R(0.04f, 0.08f);
                    var bh = b.R(0.26f, 0.38f);
                    var colour = new[] { 0x8a1a1a, 0x1a3a7a, 0x2a6a2a, 0xc8a020, 0x5a2a6a, 0x3a3a3a }[b.RI(0, 5)];
                    b.Box("book", b.Slot("book", Materials.Paper, colour), V(x + w / 2, y + 0.02f + bh / 2, 0.02f), V(w * 0.95f, bh, 0.26f));
                    x += w;
                    k++;
                }
            }
        });
        yield return new("nightstand", ObjectCategory.Furniture, ["nightstand", "bedside table", "night table", "dresser", "chest of drawers", "drawer unit"], b =>
        {
            var wood = b.Main(Materials.Wood);
            b.Box("body", wood, V(0, 0.38f, 0), V(0.55f, 0.6f, 0.45f), 0.02f);
            b.Box("top", wood, V(0, 0.7f, 0), V(0.6f, 0.04f, 0.5f), 0.01f);
            var drawers = b.CountOf("drawer", 2);
            for (var i = 0; i < drawers; i++)
            {
                var dh = 0.5f / drawers;
                var y = 0.13f + dh * (i + 0.5f);
                b.Box("drawer", b.Slot("drawer", wood), V(0, y, 0.23f), V(0.48f, dh * 0.85f, 0.02f), 0.005f);
                b.Ball("knob", b.Slot("knob", Materials.Brass), V(0, y, 0.25f), 0.025f);
            }
            foreach (var (x, z) in new[] { (-0.24f, -0.19f), (0.24f, -0.19f), (-0.24f, 0.19f), (0.24f, 0.19f) }) b.Box("leg", wood, V(x, 0.04f, z), V(0.05f, 0.08f, 0.05f));
        });
        yield return new("bench", ObjectCategory.Furniture, ["bench", "park bench", "garden bench", "pew"], b =>
        {
            var wood = b.Main(Materials.Wood);
            var iron = b.Slot("leg", Materials.Iron);
            for (var i = 0; i < 3; i++) b.Box("seat", wood, V(0, 0.45f, -0.15f + i * 0.14f), V(1.6f, 0.04f, 0.12f), 0.01f);
            for (var i = 0; i < 2; i++) b.Box("backrest", wood, V(0, 0.65f + i * 0.16f, -0.28f - i * 0.03f), V(1.6f, 0.12f, 0.04f), 0.01f, RotX(-10));
            foreach (var x in new[] { -0.65f, 0.65f })
            {
                b.Box("leg", iron, V(x, 0.22f, 0.12f), V(0.05f, 0.45f, 0.05f));
                b.Box("leg", iron, V(x, 0.45f, -0.25f), V(0.05f, 0.9f, 0.05f), 0, RotX(-8));
                b.Box("leg", iron, V(x, 0.62f, -0.05f), V(0.05f, 0.04f, 0.42f));
            }
        });
        yield return new("wardrobe", ObjectCategory.Furniture, ["wardrobe", "armoire", "closet", "cupboard"], b =>
        {
            var wood = b.Main(Materials.DarkWood);
            b.Box("body", wood, V(0, 1.0f, 0), V(1.1f, 1.8f, 0.55f), 0.02f);
            b.Box("crown", wood, V(0, 1.95f, 0), V(1.2f, 0.1f, 0.62f), 0.02f);
            b.Box("base", wood, V(0, 0.05f, 0), V(1.15f, 0.1f, 0.6f));
            var door = b.Slot("door", wood);
            foreach (var x in new[] { -0.27f, 0.27f })
            {
                b.Box("door", door, V(x, 1.0f, 0.285f), V(0.5f, 1.6f, 0.03f), 0.01f);
                b.Box("carving", door, V(x, 1.3f, 0.305f), V(0.34f, 0.5f, 0.02f), 0.04f);
                b.Box("carving", door, V(x, 0.65f, 0.305f), V(0.34f, 0.5f, 0.02f), 0.04f);
                b.Ball("knob", b.Slot("knob", Materials.Brass), V(x * 0.15f, 1.0f, 0.32f), 0.025f);
            }
        });
        yield return new("office chair", ObjectCategory.Furniture, ["office chair", "desk chair", "swivel chair", "gaming chair"], b =>
        {
            var fabric = b.Main(Materials.Fabric, 0x2a2a2e);
            var metal = b.Accent(Materials.Steel, 0x3a3a3a);
            b.Box("seat", fabric, V(0, 0.5f, 0), V(0.52f, 0.08f, 0.5f), 0.04f);
            b.Box("backrest", fabric, V(0, 0.9f, -0.24f), V(0.48f, 0.65f, 0.07f), 0.05f);
            b.Rod("column", metal, V(0, 0.12f, 0), V(0, 0.48f, 0), 0.03f);
            var n = b.CountOf("wheel", 5);
            for (var i = 0; i < n; i++)
            {
                var a = i * MathF.Tau / n;
                var tip = V(MathF.Cos(a) * 0.32f, 0.1f, MathF.Sin(a) * 0.32f);
                b.Rod("leg", metal, V(0, 0.12f, 0), tip, 0.025f);
                b.Ball("wheel", b.Slot("wheel", Materials.Plastic, 0x1a1a1a), tip - V(0, 0.05f, 0), 0.045f);
            }
            foreach (var x in new[] { -0.3f, 0.3f })
            {
                b.Rod("armrest", metal, V(x, 0.5f, -0.05f), V(x, 0.68f, -0.05f), 0.02f);
                b.Box("armrest", fabric, V(x, 0.69f, 0), V(0.07f, 0.04f, 0.28f), 0.02f);
            }
        });
        yield return new("stool", ObjectCategory.Furniture, ["stool", "bar stool", "footstool", "milking stool"], b =>
        {
            var wood = b.Main(Materials.Wood);
            b.Cylinder("seat", b.Slot("seat", wood), V(0, 0.55f, 0), 0.22f, 0.05f);
            var n = b.CountOf("leg", 3);
            for (var i = 0; i < n; i++)
            {
                var a = i * MathF.Tau / n;
                b.Rod("leg", b.Slot("leg", wood), V(MathF.Cos(a) * 0.14f, 0.56f, MathF.Sin(a) * 0.14f), V(MathF.Cos(a) * 0.24f, 0, MathF.Sin(a) * 0.24f), 0.025f);
            }
        });
        yield return new("bed", ObjectCategory.Furniture, ["bed", "king size bed", "double bed", "bunk bed", "cot"], b =>
        {
            var wood = b.Main(Materials.Wood);
            var kingWidth = b.Analysis.Main.Size.Width;
            var w = 1.5f * kingWidth;
            b.Box("frame", wood, V(0, 0.2f, 0), V(w, 0.2f, 2.0f), 0.02f);
            b.Box("mattress", b.Slot("mattress", Materials.Fabric, 0xf0f0f0), V(0, 0.4f, 0.02f), V(w - 0.06f, 0.2f, 1.94f), 0.06f);
            b.Box("blanket", b.Slot("blanket", Materials.Fabric, 0x6080b0), V(0, 0.46f, 0.25f), V(w - 0.02f, 0.12f, 1.4f), 0.05f);
            foreach (var x in new[] { -w / 4, w / 4 }) b.Ellipsoid("pillow", b.Slot("pillow", Materials.Fabric, 0xf8f8f8), V(x, 0.56f, -0.75f), V(w / 4 - 0.04f, 0.07f, 0.16f));
            b.Box("headboard", b.Slot("headboard", wood), V(0, 0.55f, -1.0f), V(w + 0.06f, 1.1f, 0.08f), 0.03f);
            foreach (var x in new[] { -w / 2 + 0.05f, w / 2 - 0.05f }) foreach (var z in new[] { -0.95f, 0.95f }) b.Box("leg", wood, V(x, 0.05f, z), V(0.08f, 0.1f, 0.08f));
        });
    }

    private static IEnumerable<ObjectKind> Jewelry()
    {
        yield return new("ring", ObjectCategory.Jewelry, ["ring", "wedding ring", "engagement ring", "signet ring"], b =>
        {
            var metal = b.Main(Materials.Gold);
            b.Torus("band", metal, V(0, 0.4f, 0), 0.35f, 0.06f, V(0, 0, 1));
            b.Cylinder("setting", metal, V(0, 0.74f, 0), 0.1f, 0.08f, 0.13f);
            var gem = b.Slot("gem", Materials.Crystal.WithColor(Rgb.FromHex(0xe8f6ff)));
            var size = b.Analysis.Parts.Where(p => p.Noun is not null && PartNouns(p.Noun) == "gem").Select(p => p.Modifiers.Size.Scale).DefaultIfEmpty(1).First();
            b.Lathe("gem", gem, V(0, 0.8f, 0), [0, 0, 0.14f * size, 0.1f * size, 0.1f * size, 0.16f * size, 0, 0.16f * size]);
        });
        yield return new("necklace", ObjectCategory.Jewelry, ["necklace", "chain necklace", "locket", "choker", "pendant necklace"], b =>
        {
            var metal = b.Main(Materials.Silver);
            for (var i = 0; i < 24; i++)
            {
                var a = i * MathF.Tau / 24;
                b.Torus("chain", metal, V(MathF.Sin(a) * 0.4f, 0.6f + MathF.Cos(a) * 0.45f, 0), 0.035f, 0.01f, V(MathF.Cos(a), -MathF.Sin(a), i % 2 == 0 ? 0 : 0.8f));
            }
            var pendant = b.Slot("pendant", metal);
            if (b.Analysis.Parts.Any(p => p.Noun == "pendant") && b.Analysis.Tokens.Any(t => t.Lemma == "heart") || b.Analysis.ShapeHint == "heart")
                b.Extrude("pendant", pendant, V(0, 0.08f, 0), [0, -0.14f, 0.13f, 0.02f, 0.12f, 0.1f, 0.06f, 0.13f, 0, 0.08f, -0.06f, 0.13f, -0.12f, 0.1f, -0.13f, 0.02f], 0.04f);
            else b.Lathe("pendant", b.Slot("gem", Materials.Gem, 0x2458c8), V(0, 0, 0), [0, 0, 0.1f, 0.1f, 0.08f, 0.16f, 0, 0.16f]);
        });
        yield return new("earring", ObjectCategory.Jewelry, ["earring", "earrings", "stud", "ear ring"], b =>
        {
            b.CountHandled = true;
            var pearl = b.Main(Materials.Pearl);
            foreach (var x in new[] { -0.3f, 0.3f })
            {
                b.Torus("hook", b.Slot("hook", Materials.Gold), V(x, 0.75f, 0), 0.1f, 0.012f, V(0, 0, 1));
                b.Rod("hook", b.Slot("hook", Materials.Gold), V(x + 0.1f, 0.72f, 0), V(x + 0.1f, 0.52f, 0), 0.012f);
                b.Ball("pearl", pearl, V(x + 0.1f, 0.42f, 0), 0.12f);
            }
        });
        yield return new("crown", ObjectCategory.Jewelry, ["crown", "royal crown", "diadem", "coronet"], b =>
        {
            var gold = b.Main(Materials.Gold);
            Vessel(b, "band", gold, V(0, 0, 0), 0, 0, 0.42f, 0, 0.45f, 0.3f, 0, 0.3f);
            var gem = b.Slot("gem", Materials.Gem, 0xc0182e);
            for (var i = 0; i < 8; i++)
            {
                var a = i * MathF.Tau / 8;
                b.Cone("point", gold, V(MathF.Cos(a) * 0.4f, 0.28f, MathF.Sin(a) * 0.4f), 0.1f, 0.3f);
                b.Ball("gem", gem, V(MathF.Cos(a) * 0.44f, 0.15f, MathF.Sin(a) * 0.44f), 0.05f);
                b.Ball("point", gold, V(MathF.Cos(a) * 0.4f, 0.6f, MathF.Sin(a) * 0.4f), 0.035f);
            }
            b.Ellipsoid("cap", b.Slot("cap", Materials.Velvet, 0x8a1a2a), V(0, 0.3f, 0), V(0.38f, 0.25f, 0.38f));
        });
        yield return new("bracelet", ObjectCategory.Jewelry, ["bracelet", "bangle", "wristband", "bead bracelet"], b =>
        {
            var beads = b.Slot("bead", b.Main(Materials.Gem, 0x2458c8));
            if (b.Mentions("bead") || b.Analysis.ShapeHint == "bead")
                for (var i = 0; i < 16; i++)
                {
                    var a = i * MathF.Tau / 16;
                    b.Ball("bead", beads, V(MathF.Cos(a) * 0.4f, 0.1f, MathF.Sin(a) * 0.4f), 0.085f);
                }
            else b.Torus("band", beads, V(0, 0.1f, 0), 0.4f, 0.07f);
        });
        yield return new("pocket watch", ObjectCategory.Jewelry, ["pocket watch", "watch", "wristwatch", "stopwatch"], b =>
        {
            var gold = b.Main(Materials.Gold);
            b.Cylinder("case", gold, V(0, 0.45f, -0.06f), 0.36f, 0.12f, -1, RotX(90));
            b.Cylinder("face", b.Slot("face", Materials.Ceramic, 0xf8f4e8), V(0, 0.45f, 0.06f), 0.31f, 0.02f, -1, RotX(90));
            b.Box("hand", Materials.Plain.WithColor(Rgb.FromHex(0x151515)), V(0, 0.53f, 0.085f), V(0.02f, 0.16f, 0.01f));
            b.Box("hand", Materials.Plain.WithColor(Rgb.FromHex(0x151515)), V(0.05f, 0.45f, 0.085f), V(0.1f, 0.02f, 0.01f));
            b.Cylinder("crown", gold, V(0, 0.81f, 0), 0.05f, 0.08f);
            b.Torus("bow", gold, V(0, 0.94f, 0), 0.06f, 0.015f, V(0, 0, 1));
            var chain = b.Slot("chain", gold);
            for (var i = 0; i < 10; i++) b.Torus("chain", chain, V(0.05f + i * 0.06f, 1.0f - MathF.Sin(i * 0.3f) * 0.2f, 0), 0.03f, 0.008f, i % 2 == 0 ? V(0, 0, 1) : V(0, 1, 0));
        });
        yield return new("brooch", ObjectCategory.Jewelry, ["brooch", "pin badge", "badge", "cameo"], b =>
        {
            var gem = b.Main(Materials.Gem, 0x1f9d55);
            var setting = b.Slot("setting", Materials.Gold);
            if (b.Analysis.ShapeHint == "leaf")
            {
                b.Extrude("body", gem, V(0, 0.5f, 0), [0, -0.45f, 0.2f, -0.2f, 0.25f, 0.1f, 0, 0.45f, -0.25f, 0.1f, -0.2f, -0.2f], 0.08f);
                b.Rod("vein", setting, V(0, 0.1f, 0.045f), V(0, 0.9f, 0.045f), 0.015f);
            }
            else
            {
                b.Ellipsoid("body", gem, V(0, 0.5f, 0.02f), V(0.3f, 0.38f, 0.08f));
                b.Torus("setting", setting, V(0, 0.5f, 0), 0.32f, 0.035f, V(0, 0, 1));
            }
        });
        yield return new("tiara", ObjectCategory.Jewelry, ["tiara", "circlet", "headband"], b =>
        {
            var silver = b.Main(Materials.Silver);
            var gem = b.Slot("gem", Materials.Crystal);
            for (var i = 0; i <= 8; i++)
            {
                var a = (i / 8f - 0.5f) * 2.6f;
                var p = V(MathF.Sin(a) * 0.5f, 0.05f, MathF.Cos(a) * 0.4f);
                var height = 0.1f + 0.3f * MathF.Pow(MathF.Cos(a * 0.6f), 4);
                b.Ball("band", silver, p, 0.03f);
                b.Cone("point", silver, p, 0.05f, height);
                b.Ball("gem", gem, p + V(0, height * 0.5f, 0.02f), 0.025f + height * 0.06f);
                if (i < 8)
                {
                    var a1 = ((i + 1) / 8f - 0.5f) * 2.6f;
                    b.Rod("band", silver, p, V(MathF.Sin(a1) * 0.5f, 0.05f, MathF.Cos(a1) * 0.4f), 0.025f);
                }
            }
        });
        yield return new("amulet", ObjectCategory.Jewelry, ["amulet", "talisman", "pendant", "medallion", "charm"], b =>
        {
            var metal = b.Main(Materials.Bronze);
            b.Cylinder("disc", metal, V(0, 0.4f, -0.04f), 0.32f, 0.08f, -1, RotX(90));
            b.Torus("rim", metal, V(0, 0.4f, 0.04f), 0.3f, 0.03f, V(0, 0, 1));
            b.Lathe("gem", b.Slot("gem", Materials.Gem, 0x9a30d0), V(0, 0.4f, 0.04f), [0, 0, 0.14f, 0.04f, 0.1f, 0.1f, 0, 0.11f], RotX(90));
            b.Torus("loop", metal, V(0, 0.78f, 0), 0.06f, 0.02f, V(0, 0, 1));
            for (var i = 0; i < 8; i++) b.Torus("chain", metal, V(MathF.Sin(0.3f + i * 0.12f) * 0.1f * (i % 2 == 0 ? 1 : -1), 0.86f + i * 0.04f, 0), 0.025f, 0.007f, V(0, i % 2, 1 - i % 2));
        });
    }

    private static string PartNouns(string noun) => Prompts.PartNouns.Slot(noun);
}
