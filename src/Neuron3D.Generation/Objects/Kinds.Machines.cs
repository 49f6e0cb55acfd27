using Neuron3D.Generation.Parts;
using static Neuron3D.Generation.Objects.PartBuilder;
using static Neuron3D.Generation.Objects.Templates;

namespace Neuron3D.Generation.Objects;

internal static partial class Kinds
{
    private static IEnumerable<ObjectKind> Vehicles()
    {
        yield return new("car", ObjectCategory.Vehicles, ["car", "sports car", "automobile", "race car", "racing car", "sedan", "coupe", "taxi"], b =>
        {
            var paint = b.Main(Materials.Paint, 0xc8202a);
            var tyre = b.Slot("wheel", Materials.Rubber);
            var glass = b.Slot("window", Materials.Glass, 0x2a3a4a);
            var sporty = b.Analysis.MatchedWords?.Contains("sport") == true || b.Analysis.MatchedWords?.Contains("rac") == true;
            var h = sporty ? 0.28f : 0.36f;
            b.Box("body", paint, V(0, 0.18f + h / 2, 0), V(0.85f, h, 2f), 0.1f);
            b.Box("cabin", paint, V(0, 0.18f + h + 0.13f, -0.1f), V(0.75f, 0.28f, sporty ? 0.85f : 1.1f), 0.1f);
            b.Box("window", glass, V(0, 0.18f + h + 0.15f, -0.1f), V(0.77f, 0.18f, sporty ? 0.75f : 1.0f), 0.05f);
            foreach (var z in new[] { -0.65f, 0.65f }) foreach (var x in new[] { -0.42f, 0.42f }) Wheel(b, tyre, b.Slot("hub", Materials.Steel), V(x, 0.2f, z), 0.2f, 0.14f);
            foreach (var x in new[] { -0.28f, 0.28f }) b.Box("headlight", b.Glow("headlight", 0xfff4c0), V(x, 0.18f + h * 0.6f, 1f), V(0.16f, 0.06f, 0.02f));
            if (sporty) b.Box("spoiler", paint, V(0, 0.18f + h + 0.1f, -0.95f), V(0.8f, 0.03f, 0.14f));
        });
        yield return new("bus", ObjectCategory.Vehicles, ["bus", "school bus", "coach", "tram"], b =>
        {
            var paint = b.Main(Materials.Paint, 0xf2c01d);
            b.Box("body", paint, V(0, 0.7f, 0), V(0.9f, 0.95f, 2.6f), 0.08f);
            var glass = b.Slot("window", Materials.Glass, 0x2a3440);
            var n = 6;
            for (var i = 0; i < n; i++)
                foreach (var x in new[] { -0.455f, 0.455f }) b.Box("window", glass, V(x, 0.92f, -1.0f + i * 0.34f), V(0.02f, 0.26f, 0.26f));
            b.Box("window", glass, V(0, 0.92f, 1.3f), V(0.76f, 0.32f, 0.02f));
            b.Box("stripe", b.Accent(Materials.Paint, 0x1a1a1a), V(0, 0.6f, 0), V(0.92f, 0.05f, 2.62f));
            foreach (var z in new[] { -0.85f, 0.85f }) foreach (var x in new[] { -0.4f, 0.4f }) Wheel(b, b.Slot("wheel", Materials.Rubber), b.Slot("hub", Materials.Steel), V(x, 0.2f, z), 0.2f, 0.14f);
        });
        yield return new("truck", ObjectCategory.Vehicles, ["truck", "pickup truck", "pickup", "lorry", "van", "jeep"], b =>
        {
            var paint = b.Main(Materials.Paint, 0x2458c8);
            b.Box("cabin", paint, V(0, 0.65f, 0.45f), V(0.9f, 0.5f, 0.8f), 0.08f);
            b.Box("hood", paint, V(0, 0.48f, 1.0f), V(0.9f, 0.3f, 0.45f), 0.06f);
            b.Box("bed", b.Slot("bed", paint), V(0, 0.45f, -0.55f), V(0.9f, 0.28f, 1.1f), 0.04f);
            b.Box("window", b.Slot("window", Materials.Glass, 0x2a3440), V(0, 0.75f, 0.86f), V(0.8f, 0.22f, 0.02f));
            foreach (var z in new[] { -0.65f, 0.8f }) foreach (var x in new[] { -0.44f, 0.44f }) Wheel(b, b.Slot("wheel", Materials.Rubber), b.Slot("hub", Materials.Steel), V(x, 0.22f, z), 0.22f, 0.16f);
        });
        yield return new("boat", ObjectCategory.Vehicles, ["boat", "rowing boat", "rowboat", "row boat", "canoe", "dinghy", "kayak", "sailboat", "ship", "sailing ship"], b =>
        {
            var wood = b.Main(Materials.Wood, 0x8a5a30);
            b.Extrude("hull", wood, V(0, 0, 0), [-0.35f, 0.28f, -0.25f, 0.05f, 0, 0, 0.25f, 0.05f, 0.35f, 0.28f], 1.4f);
            b.Ellipsoid("bow", wood, V(0, 0.17f, 0.68f), V(0.3f, 0.13f, 0.25f));
            b.Ellipsoid("bow", wood, V(0, 0.17f, -0.68f), V(0.3f, 0.13f, 0.2f));
            foreach (var z in new[] { -0.3f, 0.25f }) b.Box("seat", b.Slot("seat", Materials.LightWood), V(0, 0.27f, z), V(0.66f, 0.04f, 0.14f));
            if (b.Analysis.MatchedWords?.Contains("sail") == true || b.Mentions("sail"))
            {
                b.Rod("mast", wood, V(0, 0.28f, 0.1f), V(0, 1.6f, 0.1f), 0.03f);
                b.Extrude("sail", b.Slot("sail", Materials.Fabric, 0xf0ece0), V(0.02f, 0.4f, 0.1f), [0, 0, 0, 1.1f, -0.8f, 0], 0.02f, RotY(90));
            }
            else
                foreach (var x in new[] { -1f, 1f }) b.Rod("oar", b.Slot("oar", Materials.LightWood), V(x * 0.3f, 0.32f, 0), V(x * 0.75f, 0.05f, 0.2f), 0.02f);
        });
        yield return new("locomotive", ObjectCategory.Vehicles, ["locomotive", "steam locomotive", "train", "steam engine", "steam train"], b =>
        {
            var paint = b.Main(Materials.Paint, 0x1f4a2a);
            var black = b.Accent(Materials.Iron, 0x1c1c1c);
            b.Cylinder("boiler", paint, V(0, 0.6f, -0.1f), 0.3f, 1.4f, -1, RotX(90));
            b.Box("cab", paint, V(0, 0.85f, -0.55f), V(0.8f, 0.8f, 0.55f), 0.04f);
            b.Box("roof", black, V(0, 1.28f, -0.55f), V(0.9f, 0.06f, 0.65f));
            b.Box("frame", black, V(0, 0.3f, 0.1f), V(0.7f, 0.14f, 2.0f));
            b.Cylinder("chimney", black, V(0, 0.85f, 0.95f), 0.09f, 0.35f, 0.14f);
            b.Cylinder("dome", paint, V(0, 0.85f, 0.4f), 0.1f, 0.12f, 0.08f);
            foreach (var z in new[] { -0.6f, -0.05f, 0.5f }) foreach (var x in new[] { -0.36f, 0.36f }) Wheel(b, b.Slot("wheel", Materials.Iron, 0x2a2a2a), b.Slot("hub", Materials.Paint, 0xb02020), V(x, 0.24f, z), 0.24f, 0.08f);
            b.Cone("cowcatcher", black, V(0, 0.05f, 1.05f), 0.3f, 0.25f, V(0, 0.3f, 1));
        });
        yield return new("airplane", ObjectCategory.Vehicles, ["airplane", "plane", "aeroplane", "jet", "airliner", "aircraft", "passenger airplane", "jet plane"], b =>
        {
            var paint = b.Main(Materials.Paint, 0xf2f2f2);
            b.Limb("fuselage", paint, V(0, 0.5f, -1.1f), V(0, 0.5f, 1.1f), 0.2f, 0.2f);
            b.Extrude("wing", b.Slot("wing", paint), V(0, 0.45f, 0), [-1.3f, -0.2f, 1.3f, -0.2f, 0.2f, 0.45f, -0.2f, 0.45f], 0.05f, RotX(90));
            b.Extrude("tail", paint, V(0, 0.6f, -1.15f), [-0.5f, -0.15f, 0.5f, -0.15f, 0.1f, 0.2f, -0.1f, 0.2f], 0.04f, RotX(90));
            b.Extrude("fin", b.Accent(paint, null), V(0, 0.65f, -1.1f), [0, 0, 0.35f, 0, 0.05f, 0.45f, -0.1f, 0.45f], 0.04f, RotY(-90));
            var engines = b.CountOf("engine", 2);
            for (var i = 0; i < engines; i++)
            {
                var x = (i / (float)Math.Max(1, engines - 1) - 0.5f) * (engines == 1 ? 0 : 1.3f);
                b.Cylinder("engine", b.Slot("engine", Materials.Steel), V(x, 0.32f, 0.15f), 0.1f, 0.4f, -1, RotX(90));
            }
            b.Box("window", b.Slot("window", Materials.Glass, 0x2a3440), V(0, 0.6f, 1.05f), V(0.22f, 0.08f, 0.12f), 0.03f);
        });
        yield return new("hover bike", ObjectCategory.Vehicles, ["hover bike", "hoverbike", "speeder", "hover car", "hovercraft", "speeder bike"], b =>
        {
            var shell = b.Main(Materials.Plastic, 0xe8ecf0);
            b.Ellipsoid("body", shell, V(0, 0.5f, 0), V(0.24f, 0.18f, 0.9f));
            b.Box("seat", b.Slot("seat", Materials.Leather, 0x202020), V(0, 0.7f, -0.2f), V(0.22f, 0.08f, 0.45f), 0.04f);
            b.Limb("handlebar", b.Accent(Materials.Metal, 0x50565c), V(-0.3f, 0.85f, 0.4f), V(0.3f, 0.85f, 0.4f), 0.025f);
            b.Box("screen", b.Slot("window", Materials.Glass, 0x60a0d0), V(0, 0.82f, 0.55f), V(0.3f, 0.2f, 0.03f), 0.02f, RotX(-30));
            var glow = b.Glow("thruster", 0x30c0ff);
            foreach (var x in new[] { -0.25f, 0.25f })
            {
                b.Cylinder("engine", shell, V(x, 0.35f, -0.9f), 0.12f, 0.5f, 0.1f, RotX(90));
                b.Cylinder("thruster", glow, V(x, 0.35f, -0.95f), 0.09f, 0.06f, -1, RotX(90));
            }
            b.Ellipsoid("thruster", glow, V(0, 0.3f, 0), V(0.2f, 0.03f, 0.6f));
        });
        yield return new("tractor", ObjectCategory.Vehicles, ["tractor", "bulldozer", "excavator"], b =>
        {
            var paint = b.Main(Materials.Paint, 0xf07a12);
            b.Box("body", paint, V(0, 0.55f, 0.3f), V(0.55f, 0.4f, 1.1f), 0.05f);
            b.Box("cabin", b.Slot("cabin", paint), V(0, 1.05f, -0.35f), V(0.7f, 0.65f, 0.6f), 0.04f);
            b.Box("window", b.Slot("window", Materials.Glass, 0x2a3440), V(0, 1.12f, -0.05f), V(0.6f, 0.4f, 0.02f));
            b.Cylinder("exhaust", Materials.Iron, V(0.15f, 0.75f, 0.6f), 0.04f, 0.55f);
            var rear = b.Analysis.Parts.Where(p => p.Noun == "wheel").Select(p => p.Modifiers.Size.Scale).DefaultIfEmpty(1.25f).First() * 0.42f;
            var tyre = b.Slot("wheel", Materials.Rubber);
            var hub = b.Slot("hub", Materials.Paint, 0xf0c020);
            foreach (var x in new[] { -1f, 1f })
            {
                Wheel(b, tyre, hub, V(x * 0.48f, rear, -0.35f), rear, 0.26f);
                Wheel(b, tyre, hub, V(x * 0.4f, 0.24f, 0.7f), 0.24f, 0.16f);
            }
        });
        yield return new("rocket", ObjectCategory.Vehicles, ["rocket", "rocket ship", "spaceship", "space ship", "spacecraft", "space rocket", "missile"], b =>
        {
            var hull = b.Main(Materials.Metal, 0xd3d6da);
            Vessel(b, "body", hull, V(0, 0.3f, 0), 0, 0, 0.26f, 0, 0.3f, 0.6f, 0.28f, 1.1f, 0.18f, 1.45f, 0, 1.75f);
            b.Cylinder("nozzle", b.Accent(Materials.Iron, 0x3a3a3a), V(0, 0.12f, 0), 0.2f, 0.2f, 0.14f);
            var fins = b.CountOf("fin", 3);
            var finMaterial = b.Slot("fin", Materials.Paint, 0xc02020);
            for (var i = 0; i < fins; i++)
            {
                var a = i * 360f / fins;
                b.Extrude("fin", finMaterial, V(MathF.Sin(a * MathF.PI / 180) * 0.3f, 0.3f, MathF.Cos(a * MathF.PI / 180) * 0.3f), [0, 0, 0.3f, -0.15f, 0.3f, 0.05f, 0, 0.45f], 0.04f, RotY(a - 90));
            }
            b.Cylinder("window", b.Slot("window", Materials.Glass, 0x60a0d0), V(0, 1.05f, 0.26f), 0.08f, 0.06f, -1, RotX(90));
        });
        yield return new("bicycle", ObjectCategory.Vehicles, ["bicycle", "bike", "cycle", "tricycle"], b =>
        {
            var frame = b.Main(Materials.Paint, 0x2a6a4a);
            var tyre = b.Slot("wheel", Materials.Rubber);
            foreach (var z in new[] { -0.55f, 0.55f })
            {
                b.Torus("wheel", tyre, V(0, 0.35f, z), 0.32f, 0.03f, V(1, 0, 0));
                b.Cylinder("hub", b.Slot("hub", Materials.Steel), V(-0.04f, 0.35f, z), 0.04f, 0.08f, -1, RotZ(-90));
            }
            b.Rod("frame", frame, V(0, 0.35f, -0.55f), V(0, 0.75f, -0.15f), 0.025f);
            b.Rod("frame", frame, V(0, 0.75f, -0.15f), V(0, 0.78f, 0.4f), 0.025f);
            b.Rod("frame", frame, V(0, 0.35f, -0.05f), V(0, 0.78f, 0.4f), 0.025f);
            b.Rod("frame", frame, V(0, 0.35f, -0.05f), V(0, 0.75f, -0.15f), 0.025f);
            b.Rod("frame", frame, V(0, 0.35f, -0.55f), V(0, 0.35f, -0.05f), 0.02f);
            b.Rod("fork", frame, V(0, 0.35f, 0.55f), V(0, 0.92f, 0.42f), 0.022f);
            b.Rod("handlebar", b.Accent(Materials.Steel, 0x404040), V(-0.25f, 0.95f, 0.4f), V(0.25f, 0.95f, 0.4f), 0.02f);
            b.Ellipsoid("seat", b.Slot("seat", Materials.Leather, 0x3a2a1a), V(0, 0.85f, -0.18f), V(0.07f, 0.04f, 0.13f));
            b.Rod("seatpost", frame, V(0, 0.75f, -0.15f), V(0, 0.82f, -0.18f), 0.02f);
            b.Cylinder("pedal", Materials.Iron, V(-0.1f, 0.35f, -0.05f), 0.07f, 0.2f, -1, RotZ(-90));
            if (b.Mentions("basket"))
                Vessel(b, "basket", b.Slot("basket", Materials.Wicker), V(0, 0.9f, 0.6f), 0, 0, 0.14f, 0, 0.17f, 0.2f, 0, 0.2f);
        });
        yield return new("motorcycle", ObjectCategory.Vehicles, ["motorcycle", "motorbike", "scooter", "moped", "dirt bike"], b =>
        {
            var paint = b.Main(Materials.Paint, 0x1a1a1a);
            foreach (var z in new[] { -0.6f, 0.6f }) Wheel(b, b.Slot("wheel", Materials.Rubber), b.Slot("hub", Materials.Steel), V(0, 0.3f, z), 0.3f, 0.12f);
            b.Ellipsoid("tank", paint, V(0, 0.72f, 0.1f), V(0.16f, 0.12f, 0.3f));
            b.Box("engine", Materials.Steel, V(0, 0.45f, 0), V(0.26f, 0.25f, 0.4f), 0.05f);
            b.Box("seat", b.Slot("seat", Materials.Leather), V(0, 0.76f, -0.3f), V(0.22f, 0.08f, 0.45f), 0.04f);
            b.Rod("fork", Materials.Steel, V(0, 0.3f, 0.6f), V(0, 0.95f, 0.42f), 0.03f);
            b.Rod("handlebar", Materials.Steel, V(-0.3f, 0.95f, 0.42f), V(0.3f, 0.95f, 0.42f), 0.025f);
        });
        yield return new("helicopter", ObjectCategory.Vehicles, ["helicopter", "chopper"], b =>
        {
            var paint = b.Main(Materials.Paint, 0x3a5a3a);
            b.Ellipsoid("body", paint, V(0, 0.55f, 0.2f), V(0.4f, 0.38f, 0.65f));
            b.Limb("tail", paint, V(0, 0.6f, -0.3f), V(0, 0.75f, -1.4f), 0.12f, 0.05f);
            b.Box("rotor", Materials.Iron, V(0, 1.0f, 0.2f), V(2.2f, 0.03f, 0.12f));
            b.Box("rotor", Materials.Iron, V(0, 1.0f, 0.2f), V(0.12f, 0.03f, 2.2f));
            b.Ellipsoid("window", b.Slot("window", Materials.Glass, 0x60a0d0), V(0, 0.65f, 0.6f), V(0.3f, 0.22f, 0.25f));
            foreach (var x in new[] { -0.3f, 0.3f }) b.Box("skid", Materials.Iron, V(x, 0.08f, 0.2f), V(0.04f, 0.04f, 1.1f));
        });
        yield return new("submarine", ObjectCategory.Vehicles, ["submarine", "sub"], b =>
        {
            var paint = b.Main(Materials.Paint, 0xe0c020);
            b.Ellipsoid("hull", paint, V(0, 0.35f, 0), V(0.35f, 0.35f, 1.1f));
            b.Box("tower", paint, V(0, 0.8f, 0.15f), V(0.2f, 0.35f, 0.45f), 0.08f);
            b.Rod("periscope", Materials.Steel, V(0, 0.95f, 0.25f), V(0, 1.2f, 0.25f), 0.03f);
            b.Cylinder("window", b.Slot("window", Materials.Glass, 0x60a0d0), V(0.33f, 0.4f, 0.2f), 0.09f, 0.05f, -1, RotZ(-90));
        });
        yield return new("tank", ObjectCategory.Vehicles, ["tank", "armored vehicle", "army tank"], b =>
        {
            var paint = b.Main(Materials.Paint, 0x5a6a3a);
            b.Box("hull", paint, V(0, 0.38f, 0), V(1.0f, 0.3f, 1.6f), 0.06f);
            foreach (var x in new[] { -0.52f, 0.52f }) b.Box("track", b.Slot("track", Materials.Rubber), V(x, 0.2f, 0), V(0.25f, 0.35f, 1.7f), 0.14f);
            b.Cylinder("turret", paint, V(0, 0.53f, -0.1f), 0.38f, 0.25f, 0.32f);
            b.Rod("cannon", b.Slot("cannon", paint), V(0, 0.66f, 0.2f), V(0, 0.7f, 1.3f), 0.05f);
        });
    }

    private static IEnumerable<ObjectKind> Weapons()
    {
        yield return new("sword", ObjectCategory.Weapons, ["sword", "longsword", "broadsword", "blade", "sabre", "saber", "rapier", "claymore"], b =>
        {
            var steel = b.Main(Materials.Steel);
            var hilt = b.Slot("hilt", b.Style == Prompts.Style.Medieval ? Materials.Iron : Materials.Brass);
            var length = b.R(1.2f, 1.45f);
            Blade(b, steel, V(0, 0.45f, 0), length, 0.12f, 0.025f);
            b.Box("guard", b.Slot("guard", hilt), V(0, 0.45f, 0), V(0.42f, 0.05f, 0.07f), 0.02f);
            b.Limb("grip", b.Slot("grip", Materials.Leather, 0x3a2414), V(0, 0.42f, 0), V(0, 0.15f, 0), 0.03f);
            b.Ball("pommel", b.Slot("pommel", hilt), V(0, 0.12f, 0), 0.05f);
        });
        yield return new("katana", ObjectCategory.Weapons, ["katana", "samurai sword", "samurai katana", "scimitar", "sheathed sword"], b =>
        {
            var steel = b.Main(Materials.Steel);
            var sheathed = b.Mentions("sheath");
            var m = sheathed ? b.Slot("sheath", Materials.Paint, 0x151515) : steel;
            b.Extrude(sheathed ? "sheath" : "blade", m, V(0, 0.4f, 0), [-0.035f, 0, 0.035f, 0, 0.09f, 0.7f, 0.16f, 1.25f, 0.1f, 1.2f, 0.03f, 0.7f], sheathed ? 0.05f : 0.02f);
            b.Cylinder("guard", b.Slot("guard", Materials.Gold), V(0, 0.38f, 0), 0.08f, 0.03f);
            b.Limb("grip", b.Slot("grip", Materials.Fabric, 0x1a1a2a), V(0, 0.37f, 0), V(0, 0.05f, 0), 0.032f);
        });
        yield return new("axe", ObjectCategory.Weapons, ["axe", "battle axe", "battleaxe", "hatchet", "tomahawk"], b =>
        {
            var handle = b.Slot("handle", Materials.Wood);
            b.Limb("handle", handle, V(0, 0, 0), V(0, 1.4f, 0), 0.035f);
            b.Limb("grip", b.Slot("grip", Materials.Leather, 0x4a2c18), V(0, 0.1f, 0), V(0, 0.45f, 0), 0.042f);
            var steel = b.Main(Materials.Steel);
            var doubled = b.Analysis.Parts.Any(p => p.Noun == "blade" && p.Count >= 2) || b.Analysis.Tokens.Any(t => t.Lemma == "double");
            foreach (var x in doubled ? new[] { -1f, 1f } : [1f])
                b.Extrude("blade", steel, V(0, 1.2f, 0), [0, -0.1f, x * 0.18f, -0.12f, x * 0.42f, -0.3f, x * 0.45f, 0.3f, x * 0.18f, 0.12f, 0, 0.1f], 0.035f);
        });
        yield return new("shield", ObjectCategory.Weapons, ["shield", "buckler", "round shield"], b =>
        {
            var face = b.Main(Materials.Wood);
            var rim = b.Slot("rim", Materials.Iron);
            if (b.Analysis.Main.Size.Roundness > 1 || b.R(0, 1) > 0.3f)
            {
                b.Cylinder("face", face, V(0, 0.5f, -0.03f), 0.5f, 0.06f, -1, RotX(90));
                b.Torus("rim", rim, V(0, 0.5f, 0), 0.5f, 0.035f, V(0, 0, 1));
            }
            else
            {
                b.Extrude("face", face, V(0, 0.5f, 0), [-0.4f, 0.5f, 0.4f, 0.5f, 0.38f, -0.1f, 0, -0.55f, -0.38f, -0.1f], 0.06f);
            }
            b.Ball("boss", b.Slot("boss", rim), V(0, 0.5f, 0.03f), 0.09f);
        });
        yield return new("bow", ObjectCategory.Weapons, ["bow", "longbow", "recurve bow"], b =>
        {
            var wood = b.Main(Materials.Wood);
            for (var i = 0; i < 6; i++)
            {
                var a0 = -1.0f + i / 6f * 2.0f;
                var a1 = -1.0f + (i + 1) / 6f * 2.0f;
                b.Limb("limb", wood, V(0, MathF.Sin(a0) * 0.75f + 0.8f, MathF.Cos(a0) * 0.3f - 0.2f), V(0, MathF.Sin(a1) * 0.75f + 0.8f, MathF.Cos(a1) * 0.3f - 0.2f), 0.025f);
            }
            b.Rod("string", b.Slot("string", Materials.Fabric, 0xe8e0d0), V(0, 0.8f - MathF.Sin(1) * 0.75f, MathF.Cos(1) * 0.3f - 0.2f), V(0, 0.8f + MathF.Sin(1) * 0.75f, MathF.Cos(1) * 0.3f - 0.2f), 0.006f);
            if (b.Mentions("quiver") || b.Mentions("arrow"))
            {
                b.Cylinder("quiver", b.Slot("quiver", Materials.Leather), V(0.35f, 0.2f, -0.1f), 0.09f, 0.7f, 0.1f, RotZ(10));
                for (var i = 0; i < 4; i++) b.Rod("arrow", b.Slot("arrow", Materials.LightWood), V(0.28f + i * 0.03f, 0.8f, -0.1f), V(0.24f + i * 0.03f, 1.15f, -0.1f + (i % 2) * 0.03f), 0.008f);
            }
        });
        yield return new("spear", ObjectCategory.Weapons, ["spear", "lance", "javelin", "pike", "trident", "halberd"], b =>
        {
            var length = 2f * b.Analysis.Main.Size.Length;
            b.Limb("shaft", b.Main(Materials.Wood), V(0, 0, 0), V(0, length, 0), 0.028f);
            Blade(b, b.Slot("tip", Materials.Steel), V(0, length - 0.02f, 0), 0.3f, 0.1f, 0.02f);
            b.Cylinder("collar", b.Slot("collar", Materials.Iron), V(0, length - 0.06f, 0), 0.035f, 0.07f);
        });
        yield return new("pistol", ObjectCategory.Weapons, ["pistol", "laser pistol", "gun", "blaster", "ray gun", "revolver", "handgun", "laser gun"], b =>
        {
            var body = b.Main(b.Style == Prompts.Style.Futuristic ? Materials.Plastic.WithColor(Rgb.FromHex(0xf0f0f0)) : Materials.Iron);
            var accent = b.Accent(Materials.Paint, 0x2458c8);
            b.Box("body", body, V(0, 0.55f, 0.1f), V(0.14f, 0.22f, 0.75f), 0.05f);
            b.Box("grip", accent, V(0, 0.28f, -0.15f), V(0.12f, 0.4f, 0.18f), 0.04f, RotX(-15));
            b.Cylinder("barrel", accent, V(0, 0.58f, 0.45f), 0.05f, 0.2f, 0.04f, RotX(90));
            if (b.Style == Prompts.Style.Futuristic)
            {
                foreach (var z in new[] { 0f, 0.15f, 0.3f }) b.Torus("coil", b.Glow("coil", 0x40c0ff), V(0, 0.55f, z), 0.085f, 0.02f, V(0, 0, 1));
            }
            b.Torus("trigger", accent, V(0, 0.38f, 0.02f), 0.05f, 0.012f, V(1, 0, 0));
        });
        yield return new("mace", ObjectCategory.Weapons, ["mace", "morning star", "flail", "club", "cudgel"], b =>
        {
            var iron = b.Main(Materials.Iron);
            b.Limb("handle", b.Slot("handle", Materials.Wood), V(0, 0, 0), V(0, 1.0f, 0), 0.035f);
            b.Ball("head", iron, V(0, 1.12f, 0), 0.17f);
            for (var i = 0; i < 14; i++)
            {
                var y = 1 - 2 * (i + 0.5f) / 14;
                var r = MathF.Sqrt(1 - y * y);
                var a = i * 2.39996f;
                var dir = V(MathF.Cos(a) * r, y, MathF.Sin(a) * r);
                b.Cone("spike", iron, V(0, 1.12f, 0) + dir * 0.14f, 0.045f, 0.14f, dir);
            }
        });
        yield return new("crossbow", ObjectCategory.Weapons, ["crossbow", "arbalest"], b =>
        {
            var wood = b.Main(Materials.DarkWood);
            b.Box("stock", wood, V(0, 0.3f, -0.1f), V(0.1f, 0.1f, 1.0f), 0.03f);
            b.Box("stock", wood, V(0, 0.2f, -0.5f), V(0.09f, 0.2f, 0.25f), 0.03f);
            var limb = b.Slot("limb", Materials.Steel);
            foreach (var x in new[] { -1f, 1f }) b.Limb("limb", limb, V(0, 0.32f, 0.35f), V(x * 0.45f, 0.32f, 0.2f), 0.025f, 0.015f);
            b.Rod("string", b.Slot("string", Materials.Fabric, 0xe0d8c0), V(-0.45f, 0.32f, 0.2f), V(0.45f, 0.32f, 0.2f), 0.006f);
            b.Rod("bolt", b.Slot("arrow", Materials.LightWood), V(0, 0.37f, -0.1f), V(0, 0.37f, 0.45f), 0.012f);
        });
        yield return new("war hammer", ObjectCategory.Weapons, ["war hammer", "warhammer", "maul", "battle hammer"], b =>
        {
            b.Limb("handle", b.Slot("handle", Materials.Wood), V(0, 0, 0), V(0, 1.3f, 0), 0.035f);
            var head = b.Slot("head", b.Main(Materials.Iron));
            b.Box("head", head, V(0, 1.3f, 0), V(0.5f, 0.24f, 0.24f), 0.03f);
            b.Cone("spike", head, V(0, 1.42f, 0), 0.06f, 0.18f);
        });
        yield return new("dagger", ObjectCategory.Weapons, ["dagger", "knife", "dirk"], b =>
        {
            Blade(b, b.Main(Materials.Steel), V(0, 0.35f, 0), 0.6f, 0.1f, 0.02f);
            b.Box("guard", b.Slot("guard", Materials.Brass), V(0, 0.35f, 0), V(0.22f, 0.04f, 0.05f), 0.015f);
            b.Limb("grip", b.Slot("grip", Materials.Leather), V(0, 0.33f, 0), V(0, 0.1f, 0), 0.025f);
        });
        yield return new("staff", ObjectCategory.Weapons, ["staff", "wand", "scepter", "sceptre", "magic staff", "rod"], b =>
        {
            b.Limb("shaft", b.Main(Materials.Wood), V(0, 0, 0), V(0, 1.8f, 0), 0.03f, 0.04f);
            b.Ball("orb", b.Glow("orb", 0x60a0ff), V(0, 1.92f, 0), 0.1f);
            foreach (var a in new[] { 0f, 120, 240 }) b.Limb("claw", b.Slot("claw", Materials.Gold), V(0, 1.8f, 0), V(MathF.Cos(a * MathF.PI / 180) * 0.1f, 2.0f, MathF.Sin(a * MathF.PI / 180) * 0.1f), 0.015f);
        });
    }
}
