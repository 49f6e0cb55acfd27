using Neuron3D.Generation.Parts;
using static Neuron3D.Generation.Objects.PartBuilder;
using static Neuron3D.Generation.Objects.Templates;

namespace Neuron3D.Generation.Objects;

internal static partial class Kinds
{
    private static IEnumerable<ObjectKind> Tools()
    {
        yield return new("hammer", ObjectCategory.Tools, ["hammer", "claw hammer", "mallet", "sledgehammer"], b =>
        {
            b.Limb("handle", b.Slot("handle", Materials.Wood), V(0, 0, 0), V(0, 1.0f, 0), 0.04f, 0.035f);
            var steel = b.Slot("head", b.Main(Materials.Steel));
            b.Box("head", steel, V(0.05f, 1.0f, 0), V(0.3f, 0.12f, 0.12f), 0.02f);
            b.Cylinder("face", steel, V(0.2f, 1.0f, 0), 0.07f, 0.08f, -1, RotZ(-90));
            foreach (var z in new[] { -0.03f, 0.03f }) b.Extrude("claw", steel, V(-0.1f, 1.0f, z), [0, -0.05f, 0, 0.05f, -0.22f, -0.05f, -0.28f, -0.14f], 0.03f);
        });
        yield return new("toolbox", ObjectCategory.Tools, ["toolbox", "tool box", "tool chest", "tool kit", "briefcase", "suitcase"], b =>
        {
            var paint = b.Main(Materials.Paint, 0xc8202a);
            b.Box("body", paint, V(0, 0.25f, 0), V(1.0f, 0.45f, 0.45f), 0.03f);
            b.Box("lid", paint, V(0, 0.5f, 0), V(1.02f, 0.08f, 0.47f), 0.02f);
            foreach (var x in new[] { -0.3f, 0.3f }) b.Rod("handle", b.Slot("handle", Materials.Plastic, 0x202020), V(x, 0.54f, 0), V(x, 0.68f, 0), 0.025f);
            b.Rod("handle", b.Slot("handle", Materials.Plastic, 0x202020), V(-0.3f, 0.68f, 0), V(0.3f, 0.68f, 0), 0.03f);
            foreach (var x in new[] { -0.38f, 0.38f }) b.Box("latch", b.Slot("latch", Materials.Steel), V(x, 0.45f, 0.235f), V(0.1f, 0.12f, 0.03f), 0.01f);
        });
        yield return new("wrench", ObjectCategory.Tools, ["wrench", "spanner", "adjustable wrench", "monkey wrench"], b =>
        {
            var steel = b.Main(Materials.Steel);
            b.Box("handle", steel, V(0, 0.5f, 0), V(0.1f, 0.95f, 0.04f), 0.02f);
            b.Extrude("jaw", steel, V(0, 1.05f, 0), [-0.14f, -0.1f, 0.14f, -0.1f, 0.16f, 0.12f, 0.06f, 0.2f, 0.05f, 0.05f, -0.05f, 0.05f, -0.06f, 0.2f, -0.16f, 0.12f], 0.05f);
            b.Cylinder("screw", steel, V(-0.06f, 0.93f, 0), 0.03f, 0.12f, -1, RotZ(-90));
            b.Torus("hole", steel, V(0, 0.1f, 0), 0.06f, 0.025f, V(0, 0, 1));
        });
        yield return new("saw", ObjectCategory.Tools, ["saw", "hand saw", "handsaw", "hacksaw"], b =>
        {
            var steel = b.Main(Materials.Steel);
            var teeth = new List<float> { 0.5f, 0.0f };
            for (var i = 0; i < 14; i++)
            {
                var x = 0.5f - (i + 0.5f) * 1.1f / 14;
                teeth.AddRange([x + 0.035f, -0.04f, x, 0.0f]);
            }
            teeth.AddRange([-0.6f, 0.0f, -0.6f, 0.25f, 0.5f, 0.12f]);
            b.Extrude("blade", steel, V(0, 0.3f, 0), teeth.ToArray(), 0.012f);
            var grip = b.Slot("grip", Materials.Wood, 0xc08a4a);
            b.Extrude("grip", grip, V(-0.75f, 0.35f, 0), [-0.18f, -0.2f, 0.15f, -0.12f, 0.15f, 0.2f, -0.18f, 0.25f, -0.22f, 0.05f], 0.06f);
        });
        yield return new("power drill", ObjectCategory.Tools, ["power drill", "drill", "cordless drill", "electric drill"], b =>
        {
            var body = b.Main(Materials.Plastic, 0xf2c01d);
            b.Box("body", body, V(0, 0.7f, 0), V(0.16f, 0.2f, 0.55f), 0.06f);
            b.Box("grip", b.Slot("grip", Materials.Rubber, 0x202020), V(0, 0.42f, -0.12f), V(0.12f, 0.4f, 0.14f), 0.05f, RotX(-12));
            b.Box("battery", b.Slot("battery", Materials.Plastic, 0x202020), V(0, 0.2f, -0.1f), V(0.18f, 0.12f, 0.28f), 0.03f);
            b.Cylinder("chuck", Materials.Steel, V(0, 0.72f, 0.27f), 0.05f, 0.12f, 0.04f, RotX(90));
            b.Rod("bit", Materials.Steel, V(0, 0.72f, 0.38f), V(0, 0.72f, 0.62f), 0.012f);
            b.Box("trigger", Materials.Plastic.WithColor(Rgb.FromHex(0x202020)), V(0, 0.56f, 0.0f), V(0.04f, 0.08f, 0.04f));
        });
        yield return new("workbench", ObjectCategory.Tools, ["workbench", "work bench", "carpenter bench", "anvil"], b =>
        {
            var wood = b.Main(Materials.Wood);
            b.Box("top", wood, V(0, 0.86f, 0), V(1.6f, 0.08f, 0.7f), 0.01f);
            foreach (var (x, z) in new[] { (-0.7f, -0.28f), (0.7f, -0.28f), (-0.7f, 0.28f), (0.7f, 0.28f) }) b.Box("leg", wood, V(x, 0.41f, z), V(0.09f, 0.82f, 0.09f));
            b.Box("shelf", wood, V(0, 0.18f, 0), V(1.45f, 0.04f, 0.6f));
            var vise = b.Slot("vise", Materials.Iron, 0x3a4a6a);
            b.Box("vise", vise, V(0.55f, 0.97f, 0.3f), V(0.3f, 0.14f, 0.16f), 0.02f);
            b.Box("vise", vise, V(0.55f, 0.97f, 0.42f), V(0.3f, 0.14f, 0.05f), 0.01f);
            b.Rod("vise", Materials.Steel, V(0.55f, 0.95f, 0.45f), V(0.55f, 0.95f, 0.6f), 0.015f);
        });
        yield return new("screwdriver", ObjectCategory.Tools, ["screwdriver", "screw driver"], b =>
        {
            var handle = b.Slot("handle", Materials.Plastic, 0xd02a2a);
            Vessel(b, "handle", handle, V(0, 0, 0), 0, 0, 0.07f, 0, 0.08f, 0.1f, 0.075f, 0.32f, 0.05f, 0.4f, 0, 0.42f);
            b.Rod("shaft", b.Main(Materials.Steel), V(0, 0.4f, 0), V(0, 1.1f, 0), 0.018f);
            b.Box("tip", b.Main(Materials.Steel), V(0, 1.13f, 0), V(0.045f, 0.07f, 0.012f));
        });
        yield return new("pickaxe", ObjectCategory.Tools, ["pickaxe", "pick axe", "pick", "mattock"], b =>
        {
            b.Limb("handle", b.Slot("handle", Materials.Wood), V(0, 0, 0), V(0, 1.2f, 0), 0.035f);
            var iron = b.Slot("head", b.Main(Materials.Iron));
            var pts = new[] { V(-0.55f, 1.05f, 0), V(-0.3f, 1.18f, 0), V(0, 1.24f, 0), V(0.3f, 1.18f, 0), V(0.55f, 1.05f, 0) };
            for (var i = 0; i < pts.Length - 1; i++)
                b.Limb("head", iron, pts[i], pts[i + 1], i == 0 ? 0.012f : 0.05f, i == pts.Length - 2 ? 0.012f : 0.05f);
            b.Box("collar", iron, V(0, 1.22f, 0), V(0.12f, 0.12f, 0.1f), 0.02f);
        });
        yield return new("paint brush", ObjectCategory.Tools, ["paint brush", "paintbrush", "brush", "broom"], b =>
        {
            b.Limb("handle", b.Main(Materials.Wood, 0xc8402a), V(0, 0, 0), V(0, 0.85f, 0), 0.03f, 0.045f);
            b.Cylinder("ferrule", Materials.Steel, V(0, 0.85f, 0), 0.05f, 0.15f, 0.055f);
            b.Lathe("bristle", b.Slot("bristle", Materials.Fabric, 0xd8c8a0), V(0, 1.0f, 0), [0, 0, 0.055f, 0, 0.06f, 0.12f, 0, 0.24f]);
            if (b.Mentions("paint")) b.Lathe("paint", b.Slot("paint", Materials.Paint, 0x2458c8), V(0, 1.1f, 0), [0, 0, 0.062f, 0, 0.05f, 0.1f, 0, 0.15f]);
        });
        yield return new("wheelbarrow", ObjectCategory.Tools, ["wheelbarrow", "barrow", "cart", "wagon"], b =>
        {
            var tray = b.Main(Materials.Paint, 0x2a6a3a);
            b.Lathe("tray", tray, V(0, 0.35f, 0), [0, 0, 0.35f, 0, 0.5f, 0.35f, 0, 0.35f], null);
            Wheel(b, b.Slot("wheel", Materials.Rubber), Materials.Steel, V(0, 0.18f, 0.6f), 0.18f, 0.1f);
            foreach (var x in new[] { -0.22f, 0.22f })
            {
                b.Rod("handle", b.Slot("handle", Materials.Wood), V(x * 0.4f, 0.2f, 0.6f), V(x * 1.6f, 0.5f, -0.8f), 0.025f);
                b.Rod("leg", Materials.Iron, V(x * 1.2f, 0.35f, -0.3f), V(x * 1.2f, 0, -0.35f), 0.02f);
            }
            if (b.Mentions("brick"))
                for (var i = 0; i < 6; i++)
                    b.Box("brick", b.Slot("brick", Materials.Terracotta, 0xa8482a), V(b.R(-0.2f, 0.2f), 0.7f + (i / 3) * 0.1f, (i % 3 - 1) * 0.18f), V(0.25f, 0.09f, 0.12f), 0.01f, RotY(b.R(-30, 30)));
        });
    }

    private static IEnumerable<ObjectKind> Instruments()
    {
        yield return new("guitar", ObjectCategory.Instruments, ["guitar", "acoustic guitar", "electric guitar", "bass guitar", "lute"], b =>
        {
            var wood = b.Main(Materials.Wood, 0xc8782a);
            b.Cylinder("body", wood, V(0, 0.32f, -0.06f), 0.3f, 0.12f, -1, RotX(90));
            b.Cylinder("body", wood, V(0, 0.68f, -0.06f), 0.23f, 0.12f, -1, RotX(90));
            b.Cylinder("soundhole", Materials.Plain.WithColor(Rgb.FromHex(0x1a1208)), V(0, 0.55f, 0.055f), 0.07f, 0.01f, -1, RotX(90));
            var neck = b.Slot("neck", Materials.DarkWood);
            b.Box("neck", neck, V(0, 1.15f, 0.0f), V(0.07f, 0.75f, 0.04f), 0.01f);
            b.Box("head", neck, V(0, 1.6f, 0), V(0.1f, 0.18f, 0.03f), 0.01f);
            b.Box("bridge", neck, V(0, 0.3f, 0.065f), V(0.16f, 0.03f, 0.02f));
            for (var i = 0; i < 6; i++) b.Rod("string", b.Slot("string", Materials.Steel), V(-0.025f + i * 0.01f, 0.3f, 0.08f), V(-0.025f + i * 0.01f, 1.5f, 0.025f), 0.002f);
        });
        yield return new("drum kit", ObjectCategory.Instruments, ["drum kit", "drum set", "drums", "drum", "snare drum", "bass drum"], b =>
        {
            var shell = b.Main(Materials.Paint, 0xc8202a);
            var skin = b.Slot("skin", Materials.Fabric, 0xf0ece4);
            var chrome = b.Slot("stand", Materials.Steel);
            b.Cylinder("bass drum", shell, V(0, 0.35f, -0.1f), 0.35f, 0.4f, -1, RotX(90));
            b.Cylinder("head", skin, V(0, 0.35f, 0.3f), 0.33f, 0.01f, -1, RotX(90));
            foreach (var (x, y, r) in new[] { (-0.2f, 0.78f, 0.13f), (0.2f, 0.78f, 0.13f) }) { b.Cylinder("tom", shell, V(x, y, 0.05f), r, 0.16f); b.Cylinder("head", skin, V(x, y + 0.16f, 0.05f), r * 0.97f, 0.01f); }
            b.Cylinder("snare", shell, V(-0.5f, 0.55f, 0.25f), 0.17f, 0.14f);
            b.Rod("stand", chrome, V(-0.5f, 0, 0.25f), V(-0.5f, 0.55f, 0.25f), 0.015f);
            if (b.Mentions("cymbal") || b.R(0, 1) > 0.3f)
                foreach (var x in new[] { -0.6f, 0.6f })
                {
                    b.Rod("stand", chrome, V(x, 0, -0.1f), V(x, 1.05f, -0.1f), 0.015f);
                    b.Lathe("cymbal", b.Slot("cymbal", Materials.Brass), V(x, 1.04f, -0.1f), [0, 0, 0.25f, 0, 0.04f, 0.04f, 0, 0.05f]);
                }
            b.Cylinder("floor tom", shell, V(0.55f, 0, 0.2f), 0.18f, 0.45f);
        });
        yield return new("trumpet", ObjectCategory.Instruments, ["trumpet", "bugle", "cornet", "horn", "trombone", "tuba"], b =>
        {
            var brass = b.Main(Materials.Brass);
            b.Rod("tube", brass, V(0, 0.5f, -0.55f), V(0, 0.5f, 0.35f), 0.025f);
            b.Lathe("bell", brass, V(0, 0.5f, 0.3f), [0, 0, 0.03f, 0, 0.05f, 0.2f, 0.2f, 0.4f, 0, 0.4f], RotX(90));
            b.Rod("tube", brass, V(0, 0.35f, -0.45f), V(0, 0.35f, 0.2f), 0.022f);
            b.Torus("tube", brass, V(0, 0.425f, 0.2f), 0.075f, 0.022f, V(1, 0, 0));
            b.Torus("tube", brass, V(0, 0.425f, -0.45f), 0.075f, 0.022f, V(1, 0, 0));
            b.Cylinder("mouthpiece", brass, V(0, 0.5f, -0.7f), 0.03f, 0.15f, 0.015f, RotX(90));
            var valves = b.CountOf("valve", 3);
            for (var i = 0; i < valves; i++)
            {
                var z = -0.12f + i * 0.1f;
                b.Cylinder("valve", b.Slot("valve", brass), V(0, 0.3f, z), 0.03f, 0.32f);
                b.Cylinder("valve", b.Slot("valve", Materials.Pearl), V(0, 0.62f, z), 0.035f, 0.03f);
            }
        });
        yield return new("piano", ObjectCategory.Instruments, ["piano", "grand piano", "upright piano", "keyboard", "organ"], b =>
        {
            var lacquer = b.Main(Materials.Paint, 0x101010);
            b.Extrude("body", lacquer, V(0, 0.8f, 0), [-0.7f, 0.7f, 0.7f, 0.7f, 0.7f, -0.2f, 0.3f, -0.9f, -0.2f, -1.0f, -0.7f, -0.6f], 0.35f, RotX(90));
            if (b.Has("open") || b.R(0, 1) > 0.5f)
                b.Extrude("lid", lacquer, V(0, 1.25f, -0.35f), [-0.7f, 0.7f, 0.7f, 0.7f, 0.7f, -0.2f, 0.3f, -0.9f, -0.2f, -1.0f, -0.7f, -0.6f], 0.03f, RotX(90) * RotX(-35));
            b.Box("keys", b.Slot("key", Materials.Ceramic, 0xf8f8f4), V(0, 0.8f, 0.8f), V(1.38f, 0.05f, 0.2f));
            for (var i = 0; i < 10; i++) b.Box("keys", Materials.Plain.WithColor(Rgb.FromHex(0x101010)), V(-0.6f + i * 0.13f, 0.83f, 0.76f), V(0.05f, 0.03f, 0.12f));
            foreach (var (x, z) in new[] { (-0.6f, 0.6f), (0.6f, 0.6f), (-0.4f, -0.7f) }) b.Limb("leg", lacquer, V(x, 0.62f, z), V(x, 0, z), 0.06f, 0.045f);
            b.Box("bench", lacquer, V(0, 0.45f, 1.25f), V(0.8f, 0.08f, 0.35f), 0.02f);
        });
        yield return new("violin", ObjectCategory.Instruments, ["violin", "fiddle", "viola", "cello", "double bass"], b =>
        {
            var wood = b.Main(Materials.Wood, 0xa8501a);
            b.Cylinder("body", wood, V(0, 0.3f, -0.04f), 0.2f, 0.08f, -1, RotX(90));
            b.Cylinder("body", wood, V(0, 0.62f, -0.04f), 0.16f, 0.08f, -1, RotX(90));
            b.Box("waist", wood, V(0, 0.46f, 0), V(0.22f, 0.2f, 0.08f), 0.03f);
            var neck = b.Slot("neck", Materials.DarkWood, 0x1a1008);
            b.Box("neck", neck, V(0, 0.98f, 0.01f), V(0.045f, 0.5f, 0.03f), 0.01f);
            b.Limb("scroll", neck, V(0, 1.22f, 0), V(0, 1.3f, -0.02f), 0.03f);
            for (var i = 0; i < 4; i++) b.Rod("string", b.Slot("string", Materials.Steel), V(-0.015f + i * 0.01f, 0.2f, 0.05f), V(-0.015f + i * 0.01f, 1.2f, 0.03f), 0.002f);
            if (b.Mentions("bow"))
            {
                b.Rod("bow", b.Slot("bow", Materials.DarkWood), V(0.35f, 0.05f, 0.1f), V(0.55f, 1.2f, 0.1f), 0.01f);
                b.Rod("bow", Materials.Fabric.WithColor(Rgb.FromHex(0xf0ece0)), V(0.38f, 0.08f, 0.12f), V(0.57f, 1.15f, 0.12f), 0.006f);
            }
        });
        yield return new("ukulele", ObjectCategory.Instruments, ["ukulele", "uke", "mandolin", "banjo"], b =>
        {
            var wood = b.Main(Materials.LightWood);
            b.Cylinder("body", wood, V(0, 0.25f, -0.05f), 0.22f, 0.1f, -1, RotX(90));
            b.Cylinder("body", wood, V(0, 0.5f, -0.05f), 0.17f, 0.1f, -1, RotX(90));
            b.Cylinder("soundhole", Materials.Plain.WithColor(Rgb.FromHex(0x1a1208)), V(0, 0.45f, 0.045f), 0.05f, 0.01f, -1, RotX(90));
            b.Box("neck", b.Slot("neck", Materials.DarkWood), V(0, 0.85f, 0), V(0.06f, 0.5f, 0.035f), 0.01f);
            b.Box("head", b.Slot("neck", Materials.DarkWood), V(0, 1.15f, 0), V(0.09f, 0.14f, 0.03f), 0.01f);
            for (var i = 0; i < 4; i++) b.Rod("string", Materials.Fabric.WithColor(Rgb.FromHex(0xf0ece0)), V(-0.015f + i * 0.01f, 0.2f, 0.06f), V(-0.015f + i * 0.01f, 1.08f, 0.025f), 0.002f);
        });
        yield return new("saxophone", ObjectCategory.Instruments, ["saxophone", "sax", "clarinet"], b =>
        {
            var brass = b.Main(Materials.Brass);
            b.Limb("body", brass, V(0, 1.2f, 0), V(0, 0.35f, 0), 0.05f, 0.08f);
            b.Torus("bow", brass, V(0.15f, 0.3f, 0), 0.15f, 0.085f, V(0, 0, 1));
            b.Lathe("bell", brass, V(0.3f, 0.3f, 0), [0, 0, 0.09f, 0, 0.1f, 0.25f, 0.18f, 0.45f, 0, 0.45f]);
            b.Limb("neck", brass, V(0, 1.2f, 0), V(-0.15f, 1.35f, 0), 0.04f, 0.02f);
            b.Limb("mouthpiece", Materials.Plain.WithColor(Rgb.FromHex(0x151515)), V(-0.15f, 1.35f, 0), V(-0.25f, 1.36f, 0), 0.02f);
            for (var i = 0; i < 6; i++) b.Cylinder("key", b.Slot("key", Materials.Pearl), V(0.0f, 1.05f - i * 0.11f, 0.05f + i * 0.005f), 0.03f, 0.03f, -1, RotX(90));
        });
        yield return new("harp", ObjectCategory.Instruments, ["harp", "lyre"], b =>
        {
            var wood = b.Main(Materials.Wood, 0x8a5a2a);
            b.Box("base", wood, V(0, 0.08f, 0), V(0.4f, 0.16f, 0.3f), 0.03f);
            b.Limb("pillar", wood, V(-0.35f, 0.1f, 0), V(-0.4f, 1.5f, 0), 0.05f, 0.04f);
            b.Limb("soundbox", wood, V(0.1f, 0.1f, 0), V(0.55f, 1.15f, 0), 0.09f, 0.04f);
            for (var i = 0; i < 4; i++)
            {
                var t0 = i / 4f;
                var t1 = (i + 1) / 4f;
                b.Limb("neck", wood, V(-0.4f + t0 * 0.95f, 1.5f - MathF.Sin(t0 * MathF.PI) * 0.1f - t0 * 0.35f, 0), V(-0.4f + t1 * 0.95f, 1.5f - MathF.Sin(t1 * MathF.PI) * 0.1f - t1 * 0.35f, 0), 0.04f);
            }
            var strings = b.Slot("string", Materials.Gold);
            for (var i = 0; i < 10; i++)
            {
                var t = (i + 1) / 11f;
                var x = -0.35f + t * 0.85f;
                var bottom = 0.1f + t * 1.0f * 0.95f;
                b.Rod("string", strings, V(x, bottom, 0), V(x, 1.48f - MathF.Sin(t * MathF.PI) * 0.1f - t * 0.35f, 0), 0.006f);
            }
        });
        yield return new("flute", ObjectCategory.Instruments, ["flute", "recorder", "piccolo", "panpipe", "ocarina"], b =>
        {
            var body = b.Main(Materials.Wood);
            b.Cylinder("body", body, V(-0.7f, 0.1f, 0), 0.035f, 1.4f, -1, RotZ(-90));
            var keys = b.Slot("key", Materials.Silver);
            for (var i = 0; i < 7; i++) b.Cylinder("key", keys, V(-0.35f + i * 0.1f, 0.13f, 0), 0.022f, 0.02f);
            foreach (var x in new[] { -0.68f, 0.68f }) b.Cylinder("ring", keys, V(x - 0.03f, 0.1f, 0), 0.04f, 0.06f, -1, RotZ(-90));
            b.Cylinder("mouth", Materials.Plain.WithColor(Rgb.FromHex(0x1a1008)), V(-0.55f, 0.13f, 0), 0.015f, 0.02f);
        });
        yield return new("tambourine", ObjectCategory.Instruments, ["tambourine", "timbrel"], b =>
        {
            var wood = b.Main(Materials.Wood, 0xc8903a);
            b.Cylinder("frame", wood, V(0, 0, 0), 0.45f, 0.12f);
            b.Cylinder("skin", b.Slot("skin", Materials.Fabric, 0xf0e4c8), V(0, 0.12f, 0), 0.44f, 0.01f);
            var metal = b.Slot("jingle", Materials.Brass);
            for (var i = 0; i < 6; i++)
            {
                var a = i * MathF.Tau / 6;
                foreach (var dy in new[] { 0.035f, 0.085f }) b.Cylinder("jingle", metal, V(MathF.Cos(a) * 0.47f, dy - 0.015f, MathF.Sin(a) * 0.47f), 0.06f, 0.015f, -1, AlignY(V(MathF.Cos(a), 0, MathF.Sin(a))));
            }
        });
    }
}
