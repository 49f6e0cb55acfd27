using Neuron3D.Generation.Parts;
using static Neuron3D.Generation.Objects.PartBuilder;
using static Neuron3D.Generation.Objects.Templates;

namespace Neuron3D.Generation.Objects;

internal static partial class Kinds
{
    private static IEnumerable<ObjectKind> Robots()
    {
        yield return new("robot", ObjectCategory.Robots, ["robot", "android", "humanoid robot", "bot", "cyborg", "automaton", "humanoid"], b =>
        {
            var round = b.Analysis.Main.Size.Roundness > 1;
            var body = b.Main(Materials.Metal, 0x9aa4ae);
            var joints = b.Accent(Materials.Iron, 0x50555c);
            if (round)
            {
                b.Ball("body", body, V(0, 0.55f, 0), 0.42f);
                b.Ball("head", body, V(0, 1.08f, 0), 0.26f);
                foreach (var x in new[] { -1f, 1f })
                {
                    b.Limb("arm", joints, V(x * 0.4f, 0.65f, 0), V(x * 0.62f, 0.35f, 0.1f), 0.07f);
                    b.Limb("leg", joints, V(x * 0.2f, 0.2f, 0), V(x * 0.22f, 0.05f, 0.05f), 0.09f);
                }
                Eyes(b, V(0, 1.12f, 0.22f), 0.2f, 0.06f, 0x40a0ff);
            }
            else
            {
                var a = Humanoid(b, new HumanoidShape(Height: b.R(1.6f, 1.9f), TorsoWidth: b.R(0.42f, 0.5f), HeadRadius: b.R(0.13f, 0.16f), LimbRadius: 0.06f, Boxy: true), body, joints, body, eyes: false);
                Eyes(b, a.Head + V(0, 0.02f, a.HeadRadius * 0.95f), a.HeadRadius * 0.7f, a.HeadRadius * 0.2f, 0x40a0ff);
                b.Box("chest", b.Slot("chest", Materials.Plastic, 0x30343a), V(0, 1.15f, 0.16f), V(0.22f, 0.16f, 0.04f));
            }
            if (b.Style == Prompts.Style.Retro || b.Mentions("antenna") || b.Style == Prompts.Style.Toy)
            {
                var top = round ? 1.32f : 1.75f;
                b.Rod("antenna", b.Slot("antenna", Materials.Metal), V(0, top - 0.05f, 0), V(0, top + 0.2f, 0), 0.015f);
                b.Ball("antenna", b.Slot("antenna", Materials.Paint, 0xd03030), V(0, top + 0.22f, 0), 0.04f);
            }
        });
        yield return new("robot arm", ObjectCategory.Robots, ["robot arm", "robotic arm", "industrial robot", "industrial arm"], b =>
        {
            var paint = b.Main(Materials.Paint, 0xf0b020);
            var dark = b.Slot("base", Materials.Iron, 0x333333);
            b.Box("base", dark, V(0, 0.08f, 0), V(0.6f, 0.16f, 0.6f), 0.02f);
            b.Cylinder("turret", paint, V(0, 0.16f, 0), 0.2f, 0.18f);
            var shoulder = V(0, 0.42f, 0);
            var elbow = V(0, 0.42f + b.R(0.45f, 0.6f), 0.25f);
            var wrist = elbow + V(0, -0.1f, b.R(0.4f, 0.55f));
            b.Ball("joint", dark, shoulder, 0.11f);
            b.Limb("arm", paint, shoulder, elbow, 0.09f, 0.07f);
            b.Ball("joint", dark, elbow, 0.085f);
            b.Limb("arm", paint, elbow, wrist, 0.065f, 0.05f);
            b.Ball("joint", dark, wrist, 0.06f);
            foreach (var x in new[] { -1f, 1f }) b.Box("gripper", dark, wrist + V(x * 0.05f, -0.09f, 0.03f), V(0.025f, 0.14f, 0.05f));
        });
        yield return new("spider robot", ObjectCategory.Robots, ["spider robot", "robot spider", "mechanical spider", "spider bot"], b =>
        {
            var body = b.Main(Materials.Metal, 0x7d858c);
            var legs = b.Slot("leg", Materials.Iron, 0x3a3e44);
            b.Ellipsoid("body", body, V(0, 0.35f, 0), V(0.28f, 0.16f, 0.32f));
            b.Ball("head", body, V(0, 0.36f, 0.32f), 0.14f);
            Eyes(b, V(0, 0.4f, 0.44f), 0.1f, 0.035f, 0xff3030);
            var n = b.CountOf("leg", 6);
            var thin = b.Analysis.Parts.Any(p => p.Noun == "leg" && p.Modifiers.Size.Width < 1) ? 0.7f : 1f;
            for (var i = 0; i < n; i++)
            {
                var side = i % 2 == 0 ? 1f : -1f;
                var z = ((i / 2) / (float)Math.Max(1, (n + 1) / 2 - 1) - 0.5f) * 0.45f;
                var hip = V(side * 0.22f, 0.36f, z);
                var knee = V(side * 0.5f, 0.55f, z * 1.5f);
                var foot = V(side * 0.72f, 0.02f, z * 2);
                b.Limb("leg", legs, hip, knee, 0.03f * thin);
                b.Limb("leg", legs, knee, foot, 0.028f * thin, 0.015f);
            }
        });
        yield return new("robot dog", ObjectCategory.Robots, ["robot dog", "robotic dog", "robo dog", "mechanical dog"], b =>
        {
            var body = b.Main(Materials.Plastic, 0xe8e8e8);
            var joints = b.Accent(Materials.Iron, 0x404448);
            var a = Quadruped(b, new QuadrupedShape(BodyLength: 0.8f, BodyRadius: 0.2f, LegLength: 0.42f, LegRadius: 0.06f, NeckLength: 0.18f, NeckAngle: 40, HeadRadius: 0.14f, SnoutLength: 0.12f, EarLength: 0.1f, TailLength: 0.2f, TailAngle: 40), body, joints);
            b.Torus("collar", b.Slot("collar", Materials.Leather, 0xc02020), a.Head + V(0, -0.12f, -0.1f), 0.085f, 0.025f, V(0, 0.5f, 1));
        });
        yield return new("mech", ObjectCategory.Robots, ["mech", "mecha", "combat mech", "battle mech", "combat robot", "war robot", "exosuit"], b =>
        {
            var armor = b.Main(Materials.Metal, 0x6b7560);
            var dark = b.Accent(Materials.Iron, 0x33363a);
            var a = Humanoid(b, new HumanoidShape(Height: 1.9f, TorsoWidth: 0.7f, HeadRadius: 0.12f, LimbRadius: 0.1f, LegFraction: 0.45f, ArmSpread: 18, Boxy: true), armor, dark, armor, eyes: false);
            b.Box("visor", b.Glow("visor", 0xff4020), a.Head + V(0, 0.02f, 0.12f), V(0.18f, 0.04f, 0.03f));
            var cannon = b.Slot("cannon", Materials.Iron, 0x2a2c30);
            foreach (var x in new[] { -1f, 1f })
            {
                b.Box("shoulder", armor, V(x * 0.45f, 1.48f, 0), V(0.24f, 0.16f, 0.3f), 0.03f);
                if (b.Mentions("cannon") || b.R(0, 1) > 0.3f) b.Rod("cannon", cannon, V(x * 0.45f, 1.62f, -0.1f), V(x * 0.45f, 1.66f, 0.45f), 0.06f);
            }
        });
        yield return new("robot vacuum", ObjectCategory.Robots, ["robot vacuum", "cleaning robot", "vacuum robot", "roomba", "robot cleaner"], b =>
        {
            var shell = b.Main(Materials.Plastic, 0x2a2d33);
            b.Cylinder("body", shell, V(0, 0.02f, 0), 0.5f, 0.14f, 0.48f);
            b.Cylinder("top", b.Accent(Materials.Plastic, 0x55595f), V(0, 0.16f, 0), 0.4f, 0.02f);
            b.Cylinder("sensor", b.Glow("light", 0x30d0ff), V(0, 0.18f, 0.25f), 0.05f, 0.02f);
            b.Box("bumper", b.Slot("bumper", Materials.Rubber), V(0, 0.08f, 0.42f), V(0.6f, 0.08f, 0.1f), 0.03f);
        });
        yield return new("robot head", ObjectCategory.Robots, ["robot head", "android head", "mech head"], b =>
        {
            var shell = b.Main(Materials.Metal, 0x9aa0a8);
            b.Box("head", shell, V(0, 0.45f, 0), V(0.7f, 0.6f, 0.62f), 0.08f);
            b.Cylinder("neck", b.Accent(Materials.Iron, 0x45484d), V(0, 0, 0), 0.18f, 0.16f);
            b.Box("visor", b.Glow("visor", 0x30ff60), V(0, 0.52f, 0.31f), V(0.56f, 0.14f, 0.06f), 0.03f);
            foreach (var x in new[] { -1f, 1f }) b.Cylinder("ear", shell, V(x * 0.35f, 0.45f, 0), 0.1f, 0.08f, -1, RotZ(-90 * x));
            b.Box("mouth", b.Slot("mouth", Materials.Iron, 0x30343a), V(0, 0.3f, 0.31f), V(0.3f, 0.06f, 0.03f));
        });
    }

    private static IEnumerable<ObjectKind> Animals()
    {
        yield return new("cat", ObjectCategory.Animals, ["cat", "kitten", "kitty", "tabby"], b =>
        {
            var fur = b.Main(Materials.Fur, 0xd07a2a);
            if (b.Has("sleep") || b.Has("curl"))
            {
                b.Torus("body", fur, V(0, 0.16f, 0), 0.26f, 0.16f);
                b.Ellipsoid("body", fur, V(0, 0.16f, 0), V(0.3f, 0.14f, 0.3f));
                b.Ellipsoid("head", fur, V(0.18f, 0.2f, 0.26f), V(0.15f, 0.12f, 0.14f));
                foreach (var x in new[] { 0.08f, 0.28f }) b.Cone("ear", fur, V(x, 0.29f, 0.26f), 0.05f, 0.09f, V((x - 0.18f) * 3, 1, 0));
                b.Limb("tail", fur, V(-0.2f, 0.1f, 0.25f), V(0.05f, 0.08f, 0.42f), 0.05f, 0.04f);
                return;
            }
            Quadruped(b, new QuadrupedShape(BodyLength: 0.75f, BodyRadius: 0.16f, LegLength: 0.3f, LegRadius: 0.045f, NeckLength: 0.12f, NeckAngle: 60, HeadRadius: 0.13f, SnoutLength: 0.02f, EarLength: 0.1f, TailLength: 0.45f, TailAngle: 50), fur);
        });
        yield return new("lion", ObjectCategory.Animals, ["lion", "tiger", "leopard", "panther", "cheetah", "jaguar"], b =>
        {
            var fur = b.Main(Materials.Fur, 0xd8a050);
            var a = Quadruped(b, new QuadrupedShape(BodyLength: 1.0f, BodyRadius: 0.22f, LegLength: 0.45f, LegRadius: 0.07f, NeckLength: 0.15f, NeckAngle: 45, HeadRadius: 0.17f, SnoutLength: 0.08f, EarLength: 0.06f, TailLength: 0.55f, PointyEars: false, TailAngle: -40), fur);
            if (b.Analysis.MatchedWords is null or "lion") b.Ellipsoid("mane", b.Slot("mane", fur), a.Head + V(0, 0, -0.06f), V(0.3f, 0.3f, 0.2f));
        });
        yield return new("dog", ObjectCategory.Animals, ["dog", "puppy", "hound", "wolf", "fox"], b =>
            Quadruped(b, new QuadrupedShape(BodyLength: 0.9f, BodyRadius: 0.2f, LegLength: 0.42f, LegRadius: 0.06f, NeckLength: 0.2f, NeckAngle: 50, HeadRadius: 0.15f, SnoutLength: 0.16f, EarLength: b.R(0.1f, 0.14f), TailLength: 0.3f, PointyEars: b.R(0, 1) > 0.5f, TailAngle: 35), b.Main(Materials.Fur, 0x9a6a3a)));
        yield return new("horse", ObjectCategory.Animals, ["horse", "pony", "stallion", "mare", "donkey"], b =>
        {
            var coat = b.Main(Materials.Fur, 0x7a4a24);
            var a = Quadruped(b, new QuadrupedShape(BodyLength: 1.1f, BodyRadius: 0.25f, LegLength: 0.75f, LegRadius: 0.06f, NeckLength: 0.5f, NeckAngle: 58, HeadRadius: 0.13f, SnoutLength: 0.28f, EarLength: 0.1f, TailLength: 0.55f, TailAngle: -60), coat, b.Slot("hoof", Materials.Plain, 0x2a2420));
            b.Limb("mane", b.Slot("mane", Materials.Fur, 0x2a1a10), a.Head + V(0, 0.05f, -0.1f), V(0, 1.35f, 0.55f), 0.05f, 0.04f);
        });
        yield return new("frog", ObjectCategory.Animals, ["frog", "toad"], b =>
        {
            var skin = b.Main(Materials.Skin, 0x4aa83a);
            var upright = b.Has("sit") || b.Has("upright");
            b.Ellipsoid("body", skin, V(0, 0.3f, 0), upright ? V(0.3f, 0.32f, 0.26f) : V(0.32f, 0.22f, 0.38f), upright ? RotX(-25) : null);
            b.Ellipsoid("head", skin, V(0, upright ? 0.6f : 0.4f, 0.25f), V(0.28f, 0.16f, 0.22f));
            foreach (var x in new[] { -1f, 1f })
            {
                b.Ball("eyebulge", skin, V(x * 0.14f, upright ? 0.72f : 0.52f, 0.3f), 0.08f);
                b.Ellipsoid("leg", skin, V(x * 0.3f, 0.12f, -0.05f), V(0.1f, 0.12f, 0.24f));
                b.Ellipsoid("foot", skin, V(x * 0.32f, 0.03f, 0.2f), V(0.1f, 0.03f, 0.12f));
                b.Limb("arm", skin, V(x * 0.18f, 0.3f, 0.22f), V(x * 0.22f, 0.03f, 0.32f), 0.045f);
            }
            Eyes(b, V(0, upright ? 0.74f : 0.54f, 0.36f), 0.28f, 0.045f, 0x141414);
            b.Ellipsoid("belly", b.Accent(Materials.Skin, 0xd8e0a0), V(0, upright ? 0.32f : 0.22f, 0.2f), V(0.2f, 0.18f, 0.1f));
        });
        yield return new("rabbit", ObjectCategory.Animals, ["rabbit", "bunny", "hare"], b =>
        {
            var fur = b.Main(Materials.Fur, 0xe8e4dc);
            b.Ellipsoid("body", fur, V(0, 0.25f, -0.05f), V(0.22f, 0.24f, 0.3f));
            b.Ball("head", fur, V(0, 0.5f, 0.2f), 0.15f);
            var floppy = b.Has("floppy");
            var earLength = 0.3f * b.Analysis.Parts.Where(p => p.Noun == "ear").Select(p => p.Modifiers.Size.Length).DefaultIfEmpty(1).First();
            foreach (var x in new[] { -1f, 1f })
            {
                var ear = b.Slot("ear", fur);
                if (floppy) b.Ellipsoid("ear", ear, V(x * 0.16f, 0.42f, 0.15f), V(0.05f, earLength / 2, 0.08f), RotZ(x * 25));
                else b.Ellipsoid("ear", ear, V(x * 0.06f, 0.62f + earLength / 2, 0.15f), V(0.045f, earLength / 2, 0.07f), RotZ(-x * 10));
                b.Ellipsoid("foot", fur, V(x * 0.12f, 0.04f, 0.1f), V(0.06f, 0.04f, 0.14f));
            }
            b.Ball("tail", fur, V(0, 0.25f, -0.36f), 0.07f);
            Eyes(b, V(0, 0.54f, 0.32f), 0.14f, 0.03f, 0x101010);
            b.Ball("nose", b.Slot("nose", Materials.Plain, 0xe090a0), V(0, 0.48f, 0.35f), 0.025f);
        });
        yield return new("bird", ObjectCategory.Animals, ["bird", "crow", "raven", "sparrow", "pigeon", "parrot", "robin", "eagle", "hawk", "duck", "chicken", "hen", "seagull"], b =>
        {
            var feathers = b.Main(Materials.Fur, 0x3a3a40);
            b.Ellipsoid("body", feathers, V(0, 0.35f, 0), V(0.17f, 0.2f, 0.28f), RotX(-15));
            b.Ball("head", feathers, V(0, 0.58f, 0.2f), 0.12f);
            b.Cone("beak", b.Slot("beak", Materials.Plain, 0x2a2a2a), V(0, 0.57f, 0.3f), 0.04f, 0.14f, V(0, -0.1f, 1));
            Eyes(b, V(0, 0.62f, 0.28f), 0.14f, 0.022f, 0x0a0a0a);
            var spread = b.Has("spread") || b.Has("fly");
            foreach (var x in new[] { -1f, 1f })
            {
                if (spread) b.Extrude("wing", b.Slot("wing", feathers), V(x * 0.15f, 0.45f, 0), [0, -0.1f, 0.55f * x, 0.05f, 0.5f * x, 0.15f, 0, 0.12f], 0.03f, RotX(90));
                else b.Ellipsoid("wing", b.Slot("wing", feathers), V(x * 0.15f, 0.38f, -0.04f), V(0.05f, 0.15f, 0.26f), RotX(-20));
                b.Rod("leg", b.Slot("leg", Materials.Plain, 0x303030), V(x * 0.07f, 0.18f, 0), V(x * 0.07f, 0.02f, 0.03f), 0.015f);
                b.Ellipsoid("foot", b.Slot("leg", Materials.Plain, 0x303030), V(x * 0.07f, 0.015f, 0.06f), V(0.03f, 0.015f, 0.06f));
            }
            b.Extrude("tail", feathers, V(0, 0.25f, -0.3f), [-0.08f, 0, 0.08f, 0, 0.12f, 0.22f, -0.12f, 0.22f], 0.03f, RotX(-110));
        });
        yield return new("owl", ObjectCategory.Animals, ["owl"], b =>
        {
            var feathers = b.Main(Materials.Fur, 0x7a5a3a);
            b.Ellipsoid("body", feathers, V(0, 0.38f, 0), V(0.26f, 0.34f, 0.24f));
            b.Ellipsoid("head", feathers, V(0, 0.78f, 0.02f), V(0.24f, 0.2f, 0.21f));
            b.Ellipsoid("belly", b.Accent(Materials.Fur, 0xd8c8a8), V(0, 0.36f, 0.14f), V(0.18f, 0.24f, 0.12f));
            var eyeSize = b.Analysis.Parts.Where(p => p.Noun == "eye").Select(p => p.Modifiers.Size.Scale).DefaultIfEmpty(1).First();
            foreach (var x in new[] { -1f, 1f })
            {
                b.Cylinder("eyering", b.Slot("face", Materials.Fur, 0xe8dcc0), V(x * 0.1f, 0.8f, 0.14f), 0.09f * eyeSize, 0.06f, -1, RotX(90));
                b.Cone("ear", feathers, V(x * 0.14f, 0.94f, 0), 0.05f, 0.12f, V(x * 0.3f, 1, 0));
                b.Ellipsoid("wing", feathers, V(x * 0.24f, 0.4f, -0.02f), V(0.07f, 0.26f, 0.18f));
                b.Ellipsoid("foot", b.Slot("foot", Materials.Plain, 0xd8a020), V(x * 0.09f, 0.04f, 0.12f), V(0.05f, 0.03f, 0.06f));
            }
            Eyes(b, V(0, 0.8f, 0.2f), 0.2f, 0.05f * eyeSize, 0xf0b020);
            b.Cone("beak", b.Slot("beak", Materials.Plain, 0x4a3a20), V(0, 0.74f, 0.2f), 0.03f, 0.07f, V(0, -0.6f, 1));
        });
        yield return new("elephant", ObjectCategory.Animals, ["elephant", "mammoth"], b =>
        {
            var skin = b.Main(Materials.Skin, 0x8a8a8a);
            var a = Quadruped(b, new QuadrupedShape(BodyLength: 1.2f, BodyRadius: 0.4f, LegLength: 0.55f, LegRadius: 0.12f, NeckLength: 0.05f, NeckAngle: 20, HeadRadius: 0.3f, SnoutLength: 0, EarLength: 0, TailLength: 0.3f, TailAngle: -70), skin);
            b.Limb("trunk", skin, a.Head + V(0, -0.05f, 0.25f), a.Head + V(0, -0.55f, 0.4f), 0.09f, 0.05f);
            var tuskLength = b.Analysis.Parts.Any(p => p.Noun == "tusk" && p.Modifiers.Size.Length > 1) ? 1.4f : 1f;
            foreach (var x in new[] { -1f, 1f })
            {
                b.Ellipsoid("ear", skin, a.Head + V(x * 0.3f, 0, -0.05f), V(0.04f, 0.26f, 0.22f), RotY(x * 20));
                var tusk = b.Slot("tusk", Materials.Ceramic, 0xf0ead8);
                var root = a.Head + V(x * 0.12f, -0.15f, 0.2f);
                var mid = root + V(x * 0.04f, -0.18f, 0.15f) * tuskLength;
                b.Limb("tusk", tusk, root, mid, 0.04f, 0.032f);
                b.Limb("tusk", tusk, mid, mid + V(0, 0.08f, 0.16f) * tuskLength, 0.032f, 0.012f);
            }
        });
        yield return new("giraffe", ObjectCategory.Animals, ["giraffe"], b =>
        {
            var coat = b.Main(Materials.Fur, 0xe0b050);
            var a = Quadruped(b, new QuadrupedShape(BodyLength: 0.9f, BodyRadius: 0.22f, LegLength: 0.9f, LegRadius: 0.045f, NeckLength: 0.95f, NeckAngle: 72, HeadRadius: 0.1f, SnoutLength: 0.14f, EarLength: 0.07f, TailLength: 0.4f, TailAngle: -70), coat);
            var spot = b.Slot("spot", Materials.Fur, 0x7a4a1a);
            for (var i = 0; i < 12; i++)
            {
                var side = i % 2 == 0 ? 1f : -1f;
                b.Ellipsoid("spot", spot, V(side * 0.2f, 1.05f + b.R(-0.12f, 0.12f), b.R(-0.45f, 0.45f)), V(0.02f, 0.06f, 0.07f));
            }
            foreach (var x in new[] { -1f, 1f }) b.Limb("horn", coat, a.Head + V(x * 0.04f, 0.06f, -0.03f), a.Head + V(x * 0.05f, 0.17f, -0.05f), 0.015f, 0.022f);
        });
        yield return new("pig", ObjectCategory.Animals, ["pig", "piglet", "hog", "boar"], b =>
        {
            var skin = b.Main(Materials.Skin, 0xf0a0b0);
            var a = Quadruped(b, new QuadrupedShape(BodyLength: 0.9f, BodyRadius: 0.3f, LegLength: 0.25f, LegRadius: 0.07f, NeckLength: 0.05f, NeckAngle: 10, HeadRadius: 0.2f, SnoutLength: 0.05f, EarLength: 0.1f, TailLength: 0, TailAngle: 0), skin);
            b.Cylinder("snout", skin, a.Head + V(0, -0.04f, 0.16f), 0.08f, 0.08f, -1, RotX(90));
            b.Torus("tail", b.Slot("tail", skin), V(0, 0.55f, -0.6f), 0.06f, 0.02f, V(1, 0, 0));
        });
        yield return new("fish", ObjectCategory.Animals, ["fish", "goldfish", "koi", "salmon", "trout", "shark", "carp"], b =>
        {
            var gold = b.Analysis.MatchedWords?.Contains("gold") == true;
            var scales = b.Main(Materials.Skin, gold ? 0xf07a12 : 0x6a8aa0);
            var fin = b.Slot("fin", scales);
            b.Ellipsoid("body", scales, V(0, 0.35f, 0), V(0.14f, 0.22f, 0.38f));
            var flowing = b.Has("flow") || gold;
            b.Extrude("tail", fin, V(0, 0.35f, -0.36f), flowing ? [0, 0, -0.3f, 0.28f, -0.42f, 0.1f, -0.45f, -0.12f, -0.3f, -0.3f] : [0, 0, -0.22f, 0.18f, -0.22f, -0.18f], 0.02f, RotY(90));
            b.Extrude("fin", fin, V(0, 0.55f, 0), [-0.15f, 0, 0.12f, 0, -0.05f, flowing ? 0.2f : 0.12f], 0.02f, RotY(90));
            foreach (var x in new[] { -1f, 1f }) b.Ellipsoid("fin", fin, V(x * 0.14f, 0.28f, 0.08f), V(0.02f, 0.06f, flowing ? 0.15f : 0.08f), RotX(30));
            Eyes(b, V(0, 0.42f, 0.26f), 0.2f, 0.035f, 0x101010);
        });
        yield return new("bear", ObjectCategory.Animals, ["bear", "teddy bear", "panda"], b =>
        {
            var a = Quadruped(b, new QuadrupedShape(BodyLength: 0.9f, BodyRadius: 0.32f, LegLength: 0.35f, LegRadius: 0.11f, NeckLength: 0.1f, NeckAngle: 20, HeadRadius: 0.2f, SnoutLength: 0.1f, EarLength: 0.08f, TailLength: 0.05f, PointyEars: false), b.Main(Materials.Fur, 0x5a3a20));
            b.Ball("nose", b.Slot("nose", Materials.Plain, 0x111111), a.Head + V(0, -0.05f, 0.33f), 0.04f);
        });
        yield return new("turtle", ObjectCategory.Animals, ["turtle", "tortoise"], b =>
        {
            var skin = b.Accent(Materials.Skin, 0x7a9a50);
            b.Ellipsoid("shell", b.Main(Materials.Stone, 0x4a6a2a), V(0, 0.25f, 0), V(0.4f, 0.22f, 0.48f));
            b.Ellipsoid("belly", skin, V(0, 0.12f, 0), V(0.38f, 0.06f, 0.45f));
            b.Ellipsoid("head", skin, V(0, 0.2f, 0.55f), V(0.11f, 0.1f, 0.14f));
            foreach (var (x, z) in new[] { (-1f, 1f), (1f, 1f), (-1f, -1f), (1f, -1f) }) b.Ellipsoid("leg", skin, V(x * 0.32f, 0.08f, z * 0.3f), V(0.09f, 0.07f, 0.11f));
            Eyes(b, V(0, 0.25f, 0.66f), 0.1f, 0.02f, 0x101010);
        });
        yield return new("snake", ObjectCategory.Animals, ["snake", "serpent", "cobra", "python"], b =>
        {
            var skin = b.Main(Materials.Skin, 0x5a8a2a);
            for (var i = 0; i < 3; i++) b.Torus("body", skin, V(0, 0.06f + i * 0.1f, 0), 0.35f - i * 0.09f, 0.07f);
            b.Limb("body", skin, V(0.08f, 0.3f, 0), V(0, 0.6f, 0.1f), 0.06f, 0.055f);
            b.Ellipsoid("head", skin, V(0, 0.64f, 0.18f), V(0.08f, 0.06f, 0.12f));
            Eyes(b, V(0, 0.68f, 0.26f), 0.08f, 0.018f, 0xf0c020);
        });
        yield return new("mouse", ObjectCategory.Animals, ["mouse", "rat", "hamster"], b =>
        {
            var fur = b.Main(Materials.Fur, 0x9a9a9a);
            b.Ellipsoid("body", fur, V(0, 0.18f, 0), V(0.16f, 0.16f, 0.26f));
            b.Ellipsoid("head", fur, V(0, 0.22f, 0.26f), V(0.1f, 0.1f, 0.14f));
            foreach (var x in new[] { -1f, 1f }) b.Cylinder("ear", b.Slot("ear", Materials.Skin, 0xe8a0a8), V(x * 0.08f, 0.32f, 0.22f), 0.07f, 0.02f, -1, RotX(80));
            b.Limb("tail", fur, V(0, 0.12f, -0.25f), V(0, 0.04f, -0.6f), 0.02f, 0.01f);
            Eyes(b, V(0, 0.26f, 0.36f), 0.1f, 0.02f, 0x101010);
        });
        yield return new("cow", ObjectCategory.Animals, ["cow", "bull", "ox", "sheep", "goat", "lamb", "deer"], b =>
        {
            var a = Quadruped(b, new QuadrupedShape(BodyLength: 1.1f, BodyRadius: 0.3f, LegLength: 0.5f, LegRadius: 0.07f, NeckLength: 0.2f, NeckAngle: 30, HeadRadius: 0.16f, SnoutLength: 0.14f, EarLength: 0.08f, TailLength: 0.4f, TailAngle: -70), b.Main(Materials.Fur, 0xe8e0d8));
            foreach (var x in new[] { -1f, 1f }) b.Limb("horn", b.Slot("horn", Materials.Ceramic, 0xe0d8c0), a.Head + V(x * 0.1f, 0.12f, 0), a.Head + V(x * 0.25f, 0.22f, 0.02f), 0.03f, 0.012f);
        });
    }
}
