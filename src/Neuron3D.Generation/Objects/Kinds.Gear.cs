using Neuron3D.Generation.Parts;
using static Neuron3D.Generation.Objects.PartBuilder;
using static Neuron3D.Generation.Objects.Templates;

namespace Neuron3D.Generation.Objects;

internal static partial class Kinds
{
    private static IEnumerable<ObjectKind> Sports()
    {
        yield return new("soccer ball", ObjectCategory.Sports, ["soccer ball", "football", "ball", "volleyball", "beach ball"], b =>
        {
            var white = b.Main(Materials.Plastic, 0xf4f4f4);
            var black = b.Accent(Materials.Plastic, 0x151515);
            b.Ball("ball", white, V(0, 0.5f, 0), 0.5f);
            // Twelve pentagon patches on the icosahedron's vertex directions.
            var t = (1 + MathF.Sqrt(5)) / 2;
            foreach (var v in new[] { V(-1, t, 0), V(1, t, 0), V(-1, -t, 0), V(1, -t, 0), V(0, -1, t), V(0, 1, t), V(0, -1, -t), V(0, 1, -t), V(t, 0, -1), V(t, 0, 1), V(-t, 0, -1), V(-t, 0, 1) })
            {
                var d = System.Numerics.Vector3.Normalize(v);
                b.Cylinder("patch", black, V(0, 0.5f, 0) + d * 0.47f, 0.13f, 0.05f, -1, AlignY(d));
            }
        });
        yield return new("baseball bat", ObjectCategory.Sports, ["baseball bat", "bat", "cricket bat"], b =>
        {
            var wood = b.Main(Materials.LightWood);
            Vessel(b, "bat", wood, V(0, 0, 0), 0, 0, 0.05f, 0, 0.035f, 0.04f, 0.03f, 0.5f, 0.07f, 1.1f, 0.07f, 1.4f, 0, 1.43f);
            b.Limb("grip", b.Slot("grip", Materials.Leather, 0x202020), V(0, 0.05f, 0), V(0, 0.35f, 0), 0.036f);
        });
        yield return new("racket", ObjectCategory.Sports, ["racket", "tennis racket", "racquet", "badminton racket"], b =>
        {
            var frame = b.Main(Materials.Paint, 0x2a2a3a);
            b.Torus("frame", frame, V(0, 0.95f, 0), 0.26f, 0.025f, V(0, 0, 1));
            b.Cylinder("strings", b.Slot("string", Materials.Fabric, 0xe8e8e0), V(0, 0.95f, -0.005f), 0.25f, 0.01f, -1, RotX(90));
            b.Limb("handle", frame, V(0, 0.7f, 0), V(0, 0.1f, 0), 0.03f);
            b.Limb("grip", b.Slot("grip", Materials.Leather, 0xf0f0f0), V(0, 0.32f, 0), V(0, 0.05f, 0), 0.036f);
            if (b.Mentions("ball")) b.Ball("ball", b.Slot("ball", Materials.Fabric, 0xd8f020), V(0.4f, 0.1f, 0.1f), 0.1f);
        });
        yield return new("basketball", ObjectCategory.Sports, ["basketball", "bowling ball", "tennis ball", "baseball"], b =>
        {
            b.Ball("ball", b.Main(Materials.Rubber, 0xe07020), V(0, 0.5f, 0), 0.5f);
            var line = b.Slot("line", Materials.Rubber, 0x151515);
            b.Torus("line", line, V(0, 0.5f, 0), 0.495f, 0.012f, V(1, 0, 0));
            b.Torus("line", line, V(0, 0.5f, 0), 0.495f, 0.012f, V(0, 0, 1));
            b.Torus("line", line, V(0, 0.5f, 0), 0.495f, 0.012f);
        });
        yield return new("boxing glove", ObjectCategory.Sports, ["boxing glove", "glove", "mitten", "baseball glove"], b =>
        {
            var leather = b.Main(Materials.Leather, 0xc01a1a);
            b.CountHandled = true;
            var pairs = b.Analysis.Count >= 2 ? new[] { -0.3f, 0.3f } : [0f];
            foreach (var x in pairs)
            {
                b.Ellipsoid("glove", leather, V(x, 0.55f, 0.05f), V(0.22f, 0.25f, 0.26f));
                b.Ellipsoid("thumb", leather, V(x + (x <= 0 ? 0.17f : -0.17f), 0.48f, 0.12f), V(0.08f, 0.12f, 0.09f));
                b.Cylinder("cuff", b.Slot("cuff", Materials.Fabric, 0xf0f0f0), V(x, 0.05f, -0.05f), 0.15f, 0.3f);
            }
        });
        yield return new("skateboard", ObjectCategory.Sports, ["skateboard", "longboard", "snowboard", "surfboard"], b =>
        {
            b.Box("deck", b.Main(Materials.Wood), V(0, 0.2f, 0), V(0.45f, 0.04f, 1.6f), 0.02f);
            foreach (var z in new[] { -0.8f, 0.8f }) b.Ellipsoid("deck", b.Main(Materials.Wood), V(0, 0.23f, z), V(0.225f, 0.02f, 0.12f));
            foreach (var z in new[] { -0.5f, 0.5f })
            {
                b.Box("truck", Materials.Steel, V(0, 0.14f, z), V(0.35f, 0.05f, 0.06f));
                foreach (var x in new[] { -0.2f, 0.2f }) Wheel(b, b.Slot("wheel", Materials.Plastic, 0xf0f0f0), Materials.Steel, V(x, 0.07f, z), 0.07f, 0.06f);
            }
        });
        yield return new("golf club", ObjectCategory.Sports, ["golf club", "putter", "driver"], b =>
        {
            b.Rod("shaft", b.Main(Materials.Steel), V(0, 0.1f, 0), V(0, 1.6f, 0), 0.016f);
            b.Limb("grip", b.Slot("grip", Materials.Rubber), V(0, 1.25f, 0), V(0, 1.6f, 0), 0.025f);
            b.Box("head", b.Slot("head", Materials.Steel), V(0, 0.06f, 0.08f), V(0.08f, 0.1f, 0.22f), 0.03f);
        });
        yield return new("bowling pin", ObjectCategory.Sports, ["bowling pin", "skittle", "pin"], b =>
        {
            var white = b.Main(Materials.Plastic, 0xf6f6f4);
            Vessel(b, "body", white, V(0, 0, 0), 0, 0, 0.11f, 0, 0.2f, 0.3f, 0.12f, 0.6f, 0.07f, 0.75f, 0.11f, 0.92f, 0.06f, 1.05f, 0, 1.07f);
            foreach (var y in new[] { 0.66f, 0.71f }) b.Torus("stripe", b.Slot("stripe", Materials.Plastic, 0xc81a1a), V(0, y, 0), 0.085f, 0.015f);
        });
        yield return new("hockey stick", ObjectCategory.Sports, ["hockey stick", "stick", "lacrosse stick"], b =>
        {
            var wood = b.Main(Materials.Wood, 0xc89b62);
            b.Box("shaft", wood, V(0, 0.85f, 0), V(0.05f, 1.5f, 0.08f), 0.015f);
            b.Box("blade", wood, V(0, 0.07f, 0.18f), V(0.05f, 0.14f, 0.42f), 0.02f);
            b.Box("tape", b.Slot("tape", Materials.Fabric, 0x151515), V(0, 0.07f, 0.2f), V(0.055f, 0.12f, 0.3f), 0.02f);
            b.Box("tape", b.Slot("tape", Materials.Fabric, 0x151515), V(0, 1.5f, 0), V(0.06f, 0.2f, 0.09f), 0.02f);
        });
        yield return new("dumbbell", ObjectCategory.Sports, ["dumbbell", "barbell", "kettlebell", "weight"], b =>
        {
            var iron = b.Slot("weight", b.Main(Materials.Iron));
            b.Rod("handle", b.Slot("handle", Materials.Steel), V(-0.5f, 0.2f, 0), V(0.5f, 0.2f, 0), 0.04f);
            foreach (var x in new[] { -1f, 1f })
            {
                if (b.Analysis.Main.Size.Roundness > 1 || b.Mentions("weight")) b.Ball("weight", iron, V(x * 0.45f, 0.2f, 0), 0.2f);
                else b.Cylinder("weight", iron, V(x * 0.35f, 0.2f, 0), 0.2f, 0.18f, -1, RotZ(-90 * x));
            }
        });
        yield return new("trophy", ObjectCategory.Sports, ["trophy", "cup trophy", "medal"], b =>
        {
            var gold = b.Main(Materials.Gold);
            b.Box("base", b.Slot("base", Materials.DarkWood), V(0, 0.12f, 0), V(0.4f, 0.24f, 0.4f), 0.02f);
            Vessel(b, "cup", gold, V(0, 0.24f, 0), 0, 0, 0.12f, 0, 0.04f, 0.1f, 0.04f, 0.3f, 0.3f, 0.55f, 0.32f, 0.8f, 0, 0.8f);
            foreach (var x in new[] { -1f, 1f }) b.Torus("handle", gold, V(x * 0.32f, 0.85f, 0), 0.1f, 0.02f, V(0, 0, 1));
        });
    }

    private static IEnumerable<ObjectKind> Clothing()
    {
        yield return new("beanie", ObjectCategory.Clothing, ["beanie", "winter hat", "knitted hat", "knit hat", "wool hat", "bobble hat", "toque"], b =>
        {
            var wool = b.Main(Materials.Wool, 0xc8202a);
            Vessel(b, "body", wool, V(0, 0.15f, 0), 0, 0, 0.4f, 0, 0.41f, 0.25f, 0.3f, 0.5f, 0, 0.58f);
            b.Torus("band", b.Slot("band", wool), V(0, 0.15f, 0), 0.4f, 0.08f);
            b.Cylinder("band", b.Slot("band", wool), V(0, 0.07f, 0), 0.44f, 0.16f);
            b.Ball("pom-pom", b.Slot("pom-pom", wool), V(0, 0.78f, 0), 0.16f);
        });
        yield return new("boot", ObjectCategory.Clothing, ["boot", "cowboy boot", "rain boot", "hiking boot", "combat boot", "wellington"], b =>
        {
            var leather = b.Main(Materials.Leather, 0x6b4226);
            b.Box("shaft", leather, V(0, 0.55f, -0.1f), V(0.3f, 0.75f, 0.32f), 0.08f);
            b.Ellipsoid("foot", leather, V(0, 0.14f, 0.15f), V(0.16f, 0.14f, 0.38f));
            b.Box("sole", b.Slot("sole", Materials.Rubber, 0x2a1a10), V(0, 0.02f, 0.1f), V(0.32f, 0.04f, 0.8f), 0.015f);
            b.Box("heel", b.Slot("heel", Materials.Wood, 0x2a1a10), V(0, 0.06f, -0.18f), V(0.26f, 0.12f, 0.18f), 0.02f);
            if (b.Analysis.MatchedWords?.Contains("cowboy") == true) b.Cone("toe", leather, V(0, 0.1f, 0.45f), 0.1f, 0.12f, V(0, 0, 1));
        });
        yield return new("jacket", ObjectCategory.Clothing, ["jacket", "denim jacket", "leather jacket", "hoodie", "sweater", "shirt", "t-shirt", "vest", "blazer"], b =>
        {
            var cloth = b.Main(Materials.Denim);
            b.Box("body", cloth, V(0, 0.55f, 0), V(0.7f, 0.8f, 0.25f), 0.08f);
            foreach (var x in new[] { -1f, 1f }) b.Limb("sleeve", cloth, V(x * 0.35f, 0.85f, 0), V(x * 0.62f, 0.25f, 0), 0.1f, 0.085f);
            b.Box("collar", b.Slot("collar", cloth), V(0, 0.98f, 0.05f), V(0.4f, 0.1f, 0.24f), 0.04f);
            b.Box("placket", b.Accent(cloth, null), V(0, 0.55f, 0.13f), V(0.03f, 0.78f, 0.02f));
            var buttons = b.Slot("button", Materials.Brass);
            for (var i = 0; i < 5; i++) b.Cylinder("button", buttons, V(0.06f, 0.25f + i * 0.15f, 0.125f), 0.025f, 0.02f, -1, RotX(90));
            foreach (var x in new[] { -0.18f, 0.18f }) b.Box("pocket", cloth, V(x, 0.75f, 0.13f), V(0.16f, 0.14f, 0.02f), 0.01f);
        });
        yield return new("sun hat", ObjectCategory.Clothing, ["sun hat", "straw hat", "hat", "sombrero", "fedora", "bucket hat", "wide hat"], b =>
        {
            var straw = b.Main(Materials.Straw);
            var wide = b.Analysis.Main.Size.Width;
            b.Cylinder("brim", straw, V(0, 0, 0), 0.55f * wide, 0.04f, 0.5f * wide);
            Vessel(b, "crown", straw, V(0, 0.03f, 0), 0, 0, 0.27f, 0, 0.26f, 0.2f, 0.2f, 0.3f, 0, 0.32f);
            b.Cylinder("band", b.Slot("band", Materials.Fabric, 0xc82a2a), V(0, 0.05f, 0), 0.275f, 0.07f, 0.27f);
        });
        yield return new("sneaker", ObjectCategory.Clothing, ["sneaker", "shoe", "trainer", "running shoe", "sandal", "slipper"], b =>
        {
            var upper = b.Main(Materials.Fabric, 0xf4f4f4);
            b.CountHandled = true;
            var pair = b.Analysis.Count >= 2 || b.Analysis.Arrangement == "pair";
            foreach (var x in pair ? new[] { -0.22f, 0.22f } : [0f])
            {
                b.Box("sole", b.Slot("sole", Materials.Rubber, 0xf0f0f0), V(x, 0.04f, 0), V(0.3f, 0.08f, 0.8f), 0.04f);
                b.Ellipsoid("upper", upper, V(x, 0.14f, 0.12f), V(0.14f, 0.1f, 0.3f));
                b.Box("upper", upper, V(x, 0.2f, -0.2f), V(0.26f, 0.24f, 0.34f), 0.1f);
                b.Box("lace", b.Slot("lace", Materials.Fabric, 0xe8e8e8), V(x, 0.24f, 0.08f), V(0.12f, 0.04f, 0.22f), 0.015f, RotX(-20));
            }
        });
        yield return new("top hat", ObjectCategory.Clothing, ["top hat", "stovepipe hat", "magician hat"], b =>
        {
            var felt = b.Main(Materials.Fabric, 0x151515);
            b.Cylinder("brim", felt, V(0, 0, 0), 0.48f, 0.04f);
            b.Cylinder("crown", felt, V(0, 0.04f, 0), 0.3f, 0.7f, 0.32f);
            b.Cylinder("band", b.Slot("band", Materials.Fabric, 0x8a1a2a), V(0, 0.06f, 0), 0.31f, 0.12f);
        });
        yield return new("coat", ObjectCategory.Clothing, ["coat", "rain coat", "raincoat", "trench coat", "cloak", "robe", "parka", "poncho"], b =>
        {
            var cloth = b.Main(Materials.Plastic, 0xf2cc1d);
            Vessel(b, "body", cloth, V(0, 0, 0), 0, 0, 0.4f, 0, 0.32f, 0.9f, 0.3f, 1.2f, 0, 1.22f);
            foreach (var x in new[] { -1f, 1f }) b.Limb("sleeve", cloth, V(x * 0.3f, 1.1f, 0), V(x * 0.48f, 0.5f, 0.05f), 0.1f, 0.09f);
            if (b.Mentions("hood")) b.Ellipsoid("hood", b.Slot("hood", cloth), V(0, 1.33f, -0.06f), V(0.22f, 0.22f, 0.22f));
            for (var i = 0; i < 4; i++) b.Ball("button", b.Slot("button", Materials.Plastic, 0x202020), V(0, 0.35f + i * 0.22f, 0.33f - i * 0.005f), 0.03f);
        });
        yield return new("helmet", ObjectCategory.Clothing, ["helmet", "knight helmet", "armet", "bike helmet", "space helmet", "viking helmet"], b =>
        {
            var steel = b.Main(Materials.Steel);
            Vessel(b, "helmet", steel, V(0, 0, 0), 0, 0, 0.36f, 0, 0.38f, 0.45f, 0.3f, 0.68f, 0, 0.78f);
            var visor = b.Slot("visor", Materials.Iron);
            b.Box("visor", visor, V(0, 0.4f, 0.3f), V(0.5f, 0.18f, 0.12f), 0.05f);
            for (var i = 0; i < 3; i++) b.Box("slit", Materials.Plain.WithColor(Rgb.FromHex(0x101010)), V(0, 0.36f + i * 0.05f, 0.36f), V(0.36f, 0.015f, 0.03f));
            b.Box("crest", b.Slot("crest", steel), V(0, 0.7f, -0.02f), V(0.05f, 0.14f, 0.5f), 0.02f);
        });
        yield return new("scarf", ObjectCategory.Clothing, ["scarf", "shawl", "muffler"], b =>
        {
            var wool = b.Main(Materials.Wool, 0xe8e0d0);
            var stripe = b.Slot("stripe", Materials.Wool, 0x2f9e3a);
            b.Torus("loop", wool, V(0, 0.85f, 0), 0.22f, 0.08f);
            for (var i = 0; i < 6; i++)
                b.Box(i % 2 == 0 ? "body" : "stripe", i % 2 == 0 ? wool : stripe, V(0.12f, 0.7f - i * 0.11f, 0.22f), V(0.2f, 0.11f, 0.05f), 0.02f);
            for (var i = 0; i < 5; i++) b.Box(i % 2 == 0 ? "body" : "stripe", i % 2 == 0 ? wool : stripe, V(-0.1f, 0.7f - i * 0.11f, 0.18f), V(0.2f, 0.11f, 0.05f), 0.02f, RotZ(8));
        });
        yield return new("belt", ObjectCategory.Clothing, ["belt", "strap", "waist belt"], b =>
        {
            var leather = b.Main(Materials.Leather, 0x4a2c18);
            b.Torus("strap", leather, V(0, 0.5f, 0), 0.45f, 0.035f, V(0, 0, 1));
            b.Box("strap", leather, V(0, 0.5f, 0), V(0.06f, 0.08f, 0.12f), 0.01f);
            b.Torus("buckle", b.Slot("buckle", Materials.Silver), V(0.45f, 0.5f, 0), 0.07f, 0.018f, V(1, 0, 0));
            b.Box("strap", leather, V(0.45f, 0.5f, 0.12f), V(0.02f, 0.06f, 0.3f), 0.01f);
        });
        yield return new("dress", ObjectCategory.Clothing, ["dress", "gown", "skirt"], b =>
        {
            var cloth = b.Main(Materials.Fabric, 0xc03060);
            Vessel(b, "body", cloth, V(0, 0, 0), 0, 0, 0.5f, 0, 0.2f, 0.75f, 0.18f, 1.0f, 0.2f, 1.25f, 0, 1.3f);
        });
    }
}
