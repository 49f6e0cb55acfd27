using Neuron3D.Generation.Parts;
using static Neuron3D.Generation.Objects.PartBuilder;
using static Neuron3D.Generation.Objects.Templates;

namespace Neuron3D.Generation.Objects;

internal static partial class Kinds
{
    private static IEnumerable<ObjectKind> Food()
    {
        yield return new("burger", ObjectCategory.FoodAndDrinks, ["burger", "cheeseburger", "hamburger", "sandwich"], b =>
        {
            var bun = b.Main(Materials.Food, 0xd08a3a);
            b.Lathe("bun", bun, V(0, 0, 0), [0, 0, 0.5f, 0, 0.52f, 0.1f, 0, 0.16f]);
            b.Cylinder("patty", b.Slot("patty", Materials.Food, 0x5a3018), V(0, 0.14f, 0), 0.52f, 0.14f);
            b.Box("cheese", b.Slot("cheese", Materials.Food, 0xf0c020), V(0, 0.3f, 0), V(0.85f, 0.03f, 0.85f), 0, RotY(45));
            b.Cylinder("lettuce", b.Slot("lettuce", Materials.Foliage, 0x60b030), V(0, 0.31f, 0), 0.56f, 0.04f);
            b.Cylinder("tomato", b.Slot("tomato", Materials.Food, 0xd02a20), V(0, 0.35f, 0), 0.46f, 0.05f);
            b.Lathe("bun", bun, V(0, 0.4f, 0), [0, 0, 0.52f, 0, 0.48f, 0.15f, 0.3f, 0.3f, 0, 0.34f]);
            for (var i = 0; i < 8; i++)
            {
                var a = i * 0.8f;
                b.Ellipsoid("seed", Materials.Food.WithColor(Rgb.FromHex(0xf4ead0)), V(MathF.Cos(a) * 0.25f, 0.68f, MathF.Sin(a) * 0.25f), V(0.025f, 0.012f, 0.015f));
            }
        });
        yield return new("pizza", ObjectCategory.FoodAndDrinks, ["pizza", "pizza slice", "pepperoni pizza"], b =>
        {
            var crust = b.Slot("crust", Materials.Food, 0xd8a050);
            var cheese = b.Main(Materials.Food, 0xf0c850);
            var pepperoni = b.Slot("pepperoni", Materials.Food, 0xb02a1a);
            if (b.Analysis.Arrangement == "slice")
            {
                b.Extrude("crust", crust, V(0, 0.04f, 0), [0, -0.6f, 0.35f, 0.4f, -0.35f, 0.4f], 0.08f, RotX(-90));
                b.Extrude("cheese", cheese, V(0, 0.09f, 0), [0, -0.55f, 0.31f, 0.33f, -0.31f, 0.33f], 0.03f, RotX(-90));
                b.Limb("crust", crust, V(-0.36f, 0.07f, -0.4f), V(0.36f, 0.07f, -0.4f), 0.06f);
                foreach (var (x, z) in new[] { (0f, 0.2f), (0.12f, -0.1f), (-0.12f, -0.15f) }) b.Cylinder("pepperoni", pepperoni, V(x, 0.1f, z), 0.07f, 0.02f);
                return;
            }
            b.Cylinder("crust", crust, V(0, 0, 0), 0.6f, 0.08f);
            b.Torus("crust", crust, V(0, 0.08f, 0), 0.57f, 0.05f);
            b.Cylinder("cheese", cheese, V(0, 0.08f, 0), 0.55f, 0.03f);
            for (var i = 0; i < 9; i++) b.Cylinder("pepperoni", pepperoni, V(b.R(-0.38f, 0.38f), 0.1f, b.R(-0.38f, 0.38f)), 0.07f, 0.02f);
        });
        yield return new("cake", ObjectCategory.FoodAndDrinks, ["cake", "birthday cake", "cheesecake", "cupcake", "wedding cake"], b =>
        {
            var sponge = b.Main(Materials.Food, 0x5a3018);
            var frosting = b.Slot("frosting", Materials.Food, 0xf4e8e0);
            b.Cylinder("plate", b.Slot("plate", Materials.Ceramic), V(0, 0, 0), 0.6f, 0.04f);
            b.Cylinder("body", sponge, V(0, 0.04f, 0), 0.48f, 0.5f);
            b.Cylinder("frosting", sponge.Pattern == SurfacePattern.Plain ? frosting : frosting.WithColor(sponge.Color.Scale(1.2f)), V(0, 0.54f, 0), 0.5f, 0.05f);
            for (var i = 0; i < 10; i++)
            {
                var a = i * MathF.Tau / 10;
                b.Ball("frosting", frosting, V(MathF.Cos(a) * 0.42f, 0.6f, MathF.Sin(a) * 0.42f), 0.05f);
            }
            b.Ball("cherry", b.Slot("cherry", Materials.Food, 0xc0101a), V(0, 0.65f, 0), 0.08f);
            b.Limb("stem", b.Slot("stem", Materials.Foliage, 0x3a6a20), V(0, 0.7f, 0), V(0.05f, 0.85f, 0), 0.01f);
        });
        yield return new("apple", ObjectCategory.FoodAndDrinks, ["apple", "pear", "peach", "orange", "plum", "tomato", "lemon", "fruit"], b =>
        {
            var skin = b.Main(Materials.Food, 0xc01a1a);
            Vessel(b, "body", skin, V(0, 0, 0), 0, 0.04f, 0.3f, 0.02f, 0.45f, 0.25f, 0.42f, 0.55f, 0.2f, 0.7f, 0, 0.64f);
            b.Limb("stem", b.Slot("stem", Materials.Wood, 0x4a3018), V(0, 0.62f, 0), V(0.03f, 0.82f, 0), 0.02f);
            b.Ellipsoid("leaf", b.Slot("leaf", Materials.Foliage, 0x3a9a2a), V(0.12f, 0.78f, 0), V(0.12f, 0.02f, 0.06f), RotZ(20));
        });
        yield return new("drinking glass", ObjectCategory.FoodAndDrinks, ["glass", "drinking glass", "tumbler", "juice glass", "wine glass", "goblet", "glass of juice", "milkshake"], b =>
        {
            var glass = b.Main(Materials.Glass);
            var juice = b.Slot("juice", Materials.Food, 0xf08a10);
            Vessel(b, "glass", glass, V(0, 0, 0), 0, 0, 0.28f, 0, 0.34f, 0.9f, 0, 0.9f);
            b.Cylinder("juice", juice, V(0, 0.02f, 0), 0.29f, 0.75f, 0.33f);
            if (b.Mentions("straw")) b.Rod("straw", b.Slot("straw", Materials.Plastic, 0xe02a60), V(0.05f, 0.3f, 0), V(0.18f, 1.25f, 0.05f), 0.025f);
            if (b.R(0, 1) > 0.4f || b.Mentions("slice")) b.Cylinder("slice", Materials.Food.WithColor(Rgb.FromHex(0xf0d020)), V(0.32f, 0.82f, 0), 0.14f, 0.03f, -1, RotX(90));
        });
        yield return new("cup", ObjectCategory.FoodAndDrinks, ["cup", "teacup", "coffee cup", "espresso cup", "cup of coffee", "cup of tea"], b =>
        {
            var ceramic = b.Main(Materials.Ceramic);
            b.Cylinder("saucer", b.Slot("saucer", ceramic), V(0, 0, 0), 0.5f, 0.05f, 0.42f);
            Vessel(b, "cup", ceramic, V(0, 0.05f, 0), 0, 0, 0.2f, 0, 0.32f, 0.35f, 0, 0.35f);
            b.Cylinder("coffee", b.Slot("coffee", Materials.Food, 0x3a2010), V(0, 0.36f, 0), 0.3f, 0.02f);
            b.Torus("handle", ceramic, V(0.34f, 0.24f, 0), 0.09f, 0.025f, V(0, 0, 1));
            if (b.Has("steam")) for (var i = 0; i < 3; i++) b.Ball("steam", Materials.Plain.WithColor(Rgb.FromHex(0xf0f0f0)), V(b.R(-0.1f, 0.1f), 0.55f + i * 0.15f, 0), 0.06f - i * 0.01f);
        });
        yield return new("pancake", ObjectCategory.FoodAndDrinks, ["pancake", "pancake stack", "waffle", "crepe"], b =>
        {
            b.CountHandled = true;
            var batter = b.Main(Materials.Food, 0xd8a050);
            b.Cylinder("plate", b.Slot("plate", Materials.Ceramic), V(0, 0, 0), 0.65f, 0.04f);
            var n = b.Analysis.Arrangement == "stack" ? b.RI(5, 7) : 3;
            for (var i = 0; i < n; i++) b.Lathe("pancake", batter, V(b.R(-0.02f, 0.02f), 0.04f + i * 0.085f, 0), [0, 0, 0.44f, 0, 0.47f, 0.04f, 0.44f, 0.085f, 0, 0.085f]);
            var top = 0.04f + n * 0.085f;
            if (b.Mentions("syrup")) b.Lathe("syrup", b.Slot("syrup", Materials.Glass, 0x8a4a10), V(0, top - 0.02f, 0), [0, 0, 0.4f, 0, 0.38f, 0.03f, 0, 0.04f]);
            b.Box("butter", Materials.Food.WithColor(Rgb.FromHex(0xf8e080)), V(0, top + 0.04f, 0), V(0.12f, 0.06f, 0.12f), 0.01f);
        });
        yield return new("banana", ObjectCategory.FoodAndDrinks, ["banana", "plantain"], b =>
        {
            var peel = b.Main(Materials.Food, 0xf0d030);
            var points = new[] { V(-0.5f, 0.35f, 0), V(-0.25f, 0.14f, 0), V(0.05f, 0.1f, 0), V(0.32f, 0.18f, 0), V(0.52f, 0.4f, 0) };
            for (var i = 0; i < points.Length - 1; i++) b.Limb("body", peel, points[i], points[i + 1], i is 0 ? 0.06f : 0.1f, i == points.Length - 2 ? 0.07f : 0.1f);
            b.Limb("stem", b.Slot("stem", Materials.Wood, 0x4a3a20), V(0.52f, 0.4f, 0), V(0.58f, 0.5f, 0), 0.03f);
            if (b.Mentions("spot")) for (var i = 0; i < 7; i++) b.Ball("spot", b.Slot("spot", Materials.Food, 0x4a3018), V(b.R(-0.3f, 0.3f), 0.2f, b.R(-0.05f, 0.05f)) + V(0, 0, 0.08f), 0.025f);
        });
        yield return new("donut", ObjectCategory.FoodAndDrinks, ["donut", "doughnut", "bagel"], b =>
        {
            b.Torus("dough", b.Slot("dough", Materials.Food, 0xd09a50), V(0, 0.15f, 0), 0.32f, 0.15f);
            var frosting = b.Main(Materials.Food, 0xf07aa8);
            b.Torus("frosting", frosting, V(0, 0.2f, 0), 0.32f, 0.13f);
            if (b.Mentions("sprinkle") || b.R(0, 1) > 0.5f)
            {
                for (var i = 0; i < 24; i++)
                {
                    var a = i * MathF.Tau / 24 + b.R(-0.1f, 0.1f);
                    var r = 0.32f + b.R(-0.08f, 0.08f);
                    var color = new[] { 0xf0f0f0, 0x40a0f0, 0xf0e040, 0x60d060, 0xe04040 }[i % 5];
                    b.Box("sprinkle", b.Slot("sprinkle", Materials.Plastic, color), V(MathF.Cos(a) * r, 0.33f, MathF.Sin(a) * r), V(0.05f, 0.015f, 0.015f), 0.005f, RotY(b.R(0, 180)));
                }
            }
        });
        yield return new("watermelon", ObjectCategory.FoodAndDrinks, ["watermelon", "watermelon slice", "melon"], b =>
        {
            var flesh = b.Main(Materials.Food, 0xe8404a);
            var rind = b.Slot("rind", Materials.Food, 0x2a7a2a);
            var seeds = b.Slot("seed", Materials.Food, 0x151515);
            b.Extrude("rind", rind, V(0, 0, 0), [-0.62f, 0.04f, 0.62f, 0.04f, 0.55f, 0.3f, 0.3f, 0.55f, 0, 0.63f, -0.3f, 0.55f, -0.55f, 0.3f], 0.2f, RotX(180) * RotZ(180));
            b.Extrude("flesh", flesh, V(0, 0, 0), [-0.55f, 0.08f, 0.55f, 0.08f, 0.47f, 0.3f, 0.26f, 0.48f, 0, 0.55f, -0.26f, 0.48f, -0.47f, 0.3f], 0.22f, RotX(180) * RotZ(180));
            for (var i = 0; i < 9; i++) b.Ellipsoid("seed", seeds, V(b.R(-0.35f, 0.35f), -0.2f - b.R(0, 0.2f), 0.11f), V(0.02f, 0.035f, 0.01f));
        });
        yield return new("bread", ObjectCategory.FoodAndDrinks, ["bread", "loaf", "baguette", "croissant", "muffin"], b =>
            b.Ellipsoid("loaf", b.Main(Materials.Food, 0xc8893a), V(0, 0.22f, 0), V(0.3f, 0.22f, 0.5f)));
        yield return new("ice cream", ObjectCategory.FoodAndDrinks, ["ice cream", "ice cream cone", "sundae", "gelato"], b =>
        {
            b.Cone("cone", b.Slot("cone", Materials.Food, 0xd8a060), V(0, 0.7f, 0), 0.2f, 0.7f, V(0, -1, 0));
            b.Ball("scoop", b.Main(Materials.Food, 0xf4c0d0), V(0, 0.8f, 0), 0.24f);
        });
        yield return new("cheese", ObjectCategory.FoodAndDrinks, ["cheese", "cheese wedge", "wheel of cheese"], b =>
            b.Extrude("cheese", b.Main(Materials.Food, 0xf0c840), V(0, 0.2f, 0), [-0.5f, -0.3f, 0.5f, 0, -0.5f, 0.3f], 0.4f, RotX(-90)));
    }

    private static IEnumerable<ObjectKind> Household()
    {
        yield return new("teapot", ObjectCategory.Household, ["teapot", "tea pot", "kettle"], b =>
        {
            var ceramic = b.Main(Materials.Ceramic);
            Vessel(b, "body", ceramic, V(0, 0, 0), 0, 0, 0.3f, 0.02f, 0.45f, 0.25f, 0.42f, 0.45f, 0.25f, 0.6f, 0, 0.6f);
            b.Lathe("lid", ceramic, V(0, 0.58f, 0), [0, 0, 0.24f, 0, 0.2f, 0.06f, 0.04f, 0.1f, 0.06f, 0.16f, 0, 0.18f]);
            b.Limb("spout", ceramic, V(0.35f, 0.2f, 0), V(0.65f, 0.55f, 0), 0.08f, 0.04f);
            b.Torus("handle", ceramic, V(-0.44f, 0.32f, 0), 0.16f, 0.035f, V(0, 0, 1));
            if (b.Mentions("pattern") || b.Analysis.Main.SecondaryColor is not null)
            {
                var pattern = b.Slot("pattern", Materials.Ceramic, 0x2458c8);
                b.Torus("pattern", pattern, V(0, 0.28f, 0), 0.44f, 0.025f);
                for (var i = 0; i < 6; i++)
                {
                    var a = i * MathF.Tau / 6;
                    b.Ball("pattern", pattern, V(MathF.Cos(a) * 0.41f, 0.4f, MathF.Sin(a) * 0.41f), 0.05f);
                }
            }
        });
        yield return new("lamp", ObjectCategory.Household, ["lamp", "table lamp", "desk lamp", "floor lamp", "lantern"], b =>
        {
            var metal = b.Main(Materials.Brass);
            b.Cylinder("base", metal, V(0, 0, 0), 0.3f, 0.06f, 0.26f);
            b.Rod("stem", metal, V(0, 0.06f, 0), V(0, 0.75f, 0), 0.03f);
            Vessel(b, "shade", b.Slot("shade", Materials.Fabric, 0xf0e6c8), V(0, 0.65f, 0), 0, 0, 0.42f, 0, 0.24f, 0.42f, 0, 0.42f);
            b.Ball("bulb", b.Glow("bulb", 0xfff0b0), V(0, 0.72f, 0), 0.08f);
        });
        yield return new("clock", ObjectCategory.Household, ["clock", "alarm clock", "wall clock", "timepiece"], b =>
        {
            var body = b.Main(Materials.Paint, 0xc8202a);
            b.Cylinder("body", body, V(0, 0.45f, -0.12f), 0.4f, 0.24f, -1, RotX(90));
            b.Cylinder("face", b.Slot("face", Materials.Ceramic, 0xf8f8f4), V(0, 0.45f, 0.12f), 0.34f, 0.02f, -1, RotX(90));
            var hands = b.Slot("hand", Materials.Plain, 0x151515);
            b.Box("hand", hands, V(0, 0.55f, 0.15f), V(0.025f, 0.2f, 0.01f));
            b.Box("hand", hands, V(0.07f, 0.45f, 0.15f), V(0.14f, 0.025f, 0.01f));
            var bells = b.CountOf("bell", 2);
            for (var i = 0; i < bells; i++)
            {
                var x = bells == 1 ? 0 : (i / (float)(bells - 1) - 0.5f) * 0.5f;
                b.Lathe("bell", b.Slot("bell", Materials.Brass), V(x, 0.78f, 0), [0, 0, 0.15f, 0, 0.1f, 0.12f, 0, 0.14f]);
            }
            foreach (var x in new[] { -0.25f, 0.25f }) b.Limb("leg", body, V(x, 0.12f, 0), V(x * 1.2f, 0.0f, 0), 0.035f);
        });
        yield return new("bucket", ObjectCategory.Household, ["bucket", "pail"], b =>
        {
            var wood = b.Main(Materials.Wood);
            Vessel(b, "body", wood, V(0, 0, 0), 0, 0, 0.3f, 0, 0.38f, 0.6f, 0, 0.6f);
            foreach (var y in new[] { 0.12f, 0.48f }) b.Torus("band", b.Slot("band", Materials.Iron), V(0, y, 0), 0.31f + y * 0.13f, 0.018f);
            var handle = b.Slot("handle", b.Mentions("rope") ? Materials.Straw : Materials.Iron);
            for (var i = 0; i < 6; i++)
            {
                var a0 = MathF.PI * i / 6;
                var a1 = MathF.PI * (i + 1) / 6;
                b.Limb("handle", handle, V(MathF.Cos(a0) * 0.38f, 0.6f + MathF.Sin(a0) * 0.35f, 0), V(MathF.Cos(a1) * 0.38f, 0.6f + MathF.Sin(a1) * 0.35f, 0), 0.02f);
            }
        });
        yield return new("bottle", ObjectCategory.Household, ["bottle", "wine bottle", "flask", "potion", "potion bottle", "jar", "vial"], b =>
        {
            var glass = b.Main(Materials.Glass, 0x4a8a5a);
            Vessel(b, "body", glass, V(0, 0, 0), 0, 0, 0.22f, 0, 0.22f, 0.6f, 0.09f, 0.78f, 0.07f, 1.0f, 0, 1.0f);
            b.Cylinder("stopper", b.Slot("stopper", Materials.Wood, 0xb08a5a), V(0, 0.95f, 0), 0.07f, 0.14f, 0.08f);
            b.Cylinder("label", b.Slot("label", Materials.Paper), V(0, 0.25f, 0), 0.225f, 0.2f);
        });
        yield return new("mug", ObjectCategory.Household, ["mug", "coffee mug", "tankard", "beer mug", "stein"], b =>
        {
            var ceramic = b.Main(Materials.Ceramic);
            Vessel(b, "body", ceramic, V(0, 0, 0), 0, 0, 0.3f, 0, 0.3f, 0.7f, 0, 0.7f);
            b.Torus("rim", b.Slot("rim", ceramic), V(0, 0.7f, 0), 0.28f, 0.025f);
            b.Torus("handle", ceramic, V(0.33f, 0.36f, 0), 0.15f, 0.04f, V(0, 0, 1));
            if (b.Has("chip")) b.Ball("chip", Materials.Clay, V(0.2f, 0.7f, 0.2f), 0.04f);
        });
        yield return new("telephone", ObjectCategory.Household, ["telephone", "phone", "rotary telephone", "rotary phone", "landline"], b =>
        {
            var body = b.Main(Materials.Plastic, 0x1a1a1a);
            b.Lathe("body", body, V(0, 0, 0), [0, 0, 0.42f, 0, 0.38f, 0.22f, 0.2f, 0.34f, 0, 0.36f]);
            b.Cylinder("dial", b.Slot("dial", Materials.Steel), V(0, 0.3f, 0.22f), 0.16f, 0.03f, -1, RotX(60));
            b.Limb("handset", body, V(-0.35f, 0.48f, 0), V(0.35f, 0.48f, 0), 0.06f);
            foreach (var x in new[] { -0.38f, 0.38f }) b.Ellipsoid("handset", body, V(x, 0.44f, 0), V(0.1f, 0.07f, 0.12f));
        });
        yield return new("basket", ObjectCategory.Household, ["basket", "laundry basket", "wicker basket", "picnic basket", "hamper"], b =>
        {
            var wicker = b.Main(Materials.Wicker);
            Vessel(b, "body", wicker, V(0, 0, 0), 0, 0, 0.4f, 0, 0.48f, 0.6f, 0, 0.6f);
            for (var i = 0; i < 4; i++) b.Torus("weave", wicker, V(0, 0.1f + i * 0.15f, 0), 0.41f + i * 0.02f, 0.025f);
            foreach (var x in new[] { -1f, 1f }) b.Torus("handle", wicker, V(x * 0.48f, 0.58f, 0), 0.07f, 0.02f, V(0, 0, 1));
        });
        yield return new("cooking pot", ObjectCategory.Household, ["cooking pot", "pot", "cauldron", "saucepan", "stockpot", "pan"], b =>
        {
            var metal = b.Main(Materials.Copper);
            Vessel(b, "body", metal, V(0, 0, 0), 0, 0, 0.45f, 0, 0.48f, 0.5f, 0, 0.5f);
            b.Lathe("lid", b.Slot("lid", metal), V(0, 0.5f, 0), [0, 0, 0.5f, 0, 0.3f, 0.1f, 0, 0.12f]);
            b.Ball("knob", b.Slot("knob", Materials.Iron), V(0, 0.64f, 0), 0.05f);
            foreach (var x in new[] { -1f, 1f }) b.Torus("handle", b.Slot("handle", metal), V(x * 0.52f, 0.4f, 0), 0.08f, 0.025f, V(0, 1, 0));
        });
        yield return new("candle", ObjectCategory.Household, ["candle", "candlestick", "candle holder", "candelabra"], b =>
        {
            var holder = b.Slot("holder", Materials.Iron);
            b.Cylinder("holder", holder, V(0, 0, 0), 0.3f, 0.06f, 0.25f);
            b.Rod("holder", holder, V(0, 0.06f, 0), V(0, 0.2f, 0), 0.05f);
            b.Cylinder("holder", holder, V(0, 0.2f, 0), 0.18f, 0.05f);
            b.Torus("handle", holder, V(0.3f, 0.12f, 0), 0.08f, 0.02f, V(0, 0, 1));
            b.Cylinder("wax", b.Main(Materials.Wax, 0xf4ecd8), V(0, 0.25f, 0), 0.11f, 0.55f);
            b.Rod("wick", Materials.Plain.WithColor(Rgb.FromHex(0x202020)), V(0, 0.8f, 0), V(0, 0.84f, 0), 0.008f);
            b.Limb("flame", b.Glow("flame", 0xffb030), V(0, 0.86f, 0), V(0, 0.98f, 0), 0.035f, 0.005f);
        });
        yield return new("vase", ObjectCategory.Household, ["vase", "urn", "amphora", "pitcher", "jug"], b =>
            Vessel(b, "body", b.Main(Materials.Ceramic, 0x3a6ab0), V(0, 0, 0), 0, 0, 0.2f, 0, 0.38f, 0.35f, 0.14f, 0.75f, 0.2f, 0.95f, 0, 0.95f));
        yield return new("barrel", ObjectCategory.Household, ["barrel", "keg", "cask"], b =>
        {
            Vessel(b, "body", b.Main(Materials.Wood), V(0, 0, 0), 0, 0, 0.35f, 0, 0.44f, 0.45f, 0.35f, 0.9f, 0, 0.9f);
            foreach (var y in new[] { 0.12f, 0.78f }) b.Torus("band", b.Slot("band", Materials.Iron), V(0, y, 0), 0.38f, 0.025f);
        });
        yield return new("bridge", ObjectCategory.Household, ["bridge", "footbridge", "wooden bridge", "stone bridge", "arch bridge"], b =>
        {
            var deck = b.Main(Materials.Wood);
            var span = 2.2f;
            var planks = 11;
            for (var i = 0; i < planks; i++)
            {
                var t = (i + 0.5f) / planks - 0.5f;
                var y = 0.45f + 0.25f * MathF.Cos(t * MathF.PI);
                b.Box("deck", deck, V(t * span, y, 0), V(span / planks * 0.9f, 0.06f, 0.8f), 0.01f, RotZ(-MathF.Sin(t * MathF.PI) * 14));
            }
            var post = b.Slot("post", deck);
            foreach (var z in new[] { -0.42f, 0.42f })
            {
                for (var i = 0; i <= 4; i++)
                {
                    var t = i / 4f - 0.5f;
                    var y = 0.45f + 0.25f * MathF.Cos(t * MathF.PI);
                    b.Box("post", post, V(t * (span - 0.1f), y + 0.2f, z), V(0.07f, 0.45f, 0.07f));
                }
                for (var i = 0; i < 4; i++)
                {
                    float t0 = i / 4f - 0.5f, t1 = (i + 1) / 4f - 0.5f;
                    b.Rod("rail", post, V(t0 * (span - 0.1f), 0.9f + 0.25f * MathF.Cos(t0 * MathF.PI), z), V(t1 * (span - 0.1f), 0.9f + 0.25f * MathF.Cos(t1 * MathF.PI), z), 0.03f);
                }
            }
            var stone = b.Slot("pillar", Materials.Stone);
            foreach (var x in new[] { -1f, 1f }) b.Box("pillar", stone, V(x * span / 2, 0.25f, 0), V(0.3f, 0.5f, 0.9f), 0.03f);
        });
        yield return new("treasure chest", ObjectCategory.Household, ["treasure chest", "chest", "trunk box", "coffer"], b =>
        {
            var wood = b.Main(Materials.Wood);
            var iron = b.Slot("band", Materials.Iron);
            b.Box("body", wood, V(0, 0.25f, 0), V(1, 0.5f, 0.6f), 0.02f);
            b.Cylinder("lid", wood, V(-0.5f, 0.5f, 0), 0.3f, 1f, -1, RotZ(-90));
            foreach (var x in new[] { -0.35f, 0.35f }) b.Box("band", iron, V(x, 0.45f, 0), V(0.06f, 0.95f, 0.64f), 0.02f);
            b.Box("lock", b.Slot("lock", Materials.Gold), V(0, 0.5f, 0.31f), V(0.12f, 0.16f, 0.04f), 0.01f);
        });
    }
}
