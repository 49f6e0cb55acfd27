using System.Numerics;
using Neuron3D.Assets.Meshes;
using Neuron3D.Assets.Rendering;
using Neuron3D.Generation.Objects;
using Neuron3D.Generation.Output;

namespace Neuron3D.Generation.Tests;

/// <summary>Prompt modifiers change the result visibly: colours, materials, proportions, attached parts.</summary>
public sealed class ModifierTests
{
    private static Vector3 DominantPreviewColor(string prompt)
    {
        var image = Preview.Render(ProceduralGenerator.Default.Generate(prompt, 0).Splats, 96);
        var mask = ImageMetrics.Silhouette(image, Vector3.One);
        return ImageMetrics.MeanColor(image, mask);
    }

    public static TheoryData<string, string, int> ColourCases => new()
    {
        // prompt, other prompt, channel (0 R, 1 G, 2 B) that must be clearly stronger in the first
        { "a red car", "a blue car", 0 },
        { "a blue car", "a red car", 2 },
        { "a green chair", "a red chair", 1 },
        { "a yellow mug", "a blue mug", 1 },
        { "a red vase", "a green vase", 0 },
    };

    [Theory]
    [MemberData(nameof(ColourCases))]
    public void ColourWordsChangeTheDominantPreviewColour(string prompt, string other, int channel)
    {
        var a = DominantPreviewColor(prompt);
        var b = DominantPreviewColor(other);
        float Channel(Vector3 v, int c) => c == 0 ? v.X : c == 1 ? v.Y : v.Z;
        float Share(Vector3 v, int c) => Channel(v, c) / (v.X + v.Y + v.Z + 1e-6f);
        Assert.True(Share(a, channel) > Share(b, channel) + 0.08f, $"{prompt} {a} vs {other} {b}");
    }

    [Theory]
    [InlineData("a wooden chair", "a metal chair", "wood", "metal")]
    [InlineData("a stone statue", "a golden statue", "stone", "gold")]
    [InlineData("a glass bottle", "a ceramic bottle", "glass", "ceramic")]
    public void MaterialWordsChangeTheMaterialOfTheMainParts(string prompt, string other, string material, string otherMaterial)
    {
        var a = AssetComposer.Default.Compose(prompt, 0).Assembly.Parts;
        var b = AssetComposer.Default.Compose(other, 0).Assembly.Parts;
        Assert.Contains(a, p => p.Material.Name == material);
        Assert.DoesNotContain(a, p => p.Material.Name == otherMaterial);
        Assert.Contains(b, p => p.Material.Name == otherMaterial);
        var colorsA = ProceduralGenerator.Default.Generate(prompt, 0).Mesh.Colors!;
        var colorsB = ProceduralGenerator.Default.Generate(other, 0).Mesh.Colors!;
        Assert.NotEqual(colorsA.Average(), colorsB.Average(), 2);
    }

    private static float Aspect(string prompt)
    {
        var (min, max) = MeshMeasures.Bounds(ProceduralGenerator.Default.Generate(prompt, 0).Mesh);
        var size = max - min;
        return size.Y / MathF.Max(size.X, size.Z);
    }

    [Theory]
    [InlineData("a tall lamp", "a lamp")]
    [InlineData("a tall bookshelf", "a bookshelf")]
    [InlineData("a vase", "a short vase")]
    [InlineData("a chair", "a wide chair")]
    [InlineData("a rock", "a flat rock")]
    public void SizeWordsChangeProportions(string taller, string lower) =>
        Assert.True(Aspect(taller) > Aspect(lower) * 1.15f, $"{taller} {Aspect(taller)} vs {lower} {Aspect(lower)}");

    [Fact]
    public void BigWheelsAreBiggerThanDefaultWheels()
    {
        static float WheelRadius(string prompt)
        {
            var parts = AssetComposer.Default.Compose(prompt, 0).Assembly.Parts;
            var wheels = parts.Where(p => p.Slot == "wheel").Select(p => p.Shape.HalfExtents.Y).ToArray();
            var body = parts.Where(p => p.Slot == "body").Max(p => p.Shape.HalfExtents.Z);
            return wheels.Max() / body;
        }
        Assert.True(WheelRadius("a car with big wheels") > WheelRadius("a car") * 1.2f);
        Assert.True(WheelRadius("a car with small wheels") < WheelRadius("a car") * 0.85f);
    }

    [Fact]
    public void AttachedPartTakesItsOwnColour()
    {
        var parts = AssetComposer.Default.Compose("a red sports car with black wheels", 0).Assembly.Parts;
        Assert.All(parts.Where(p => p.Slot == "wheel"), p => Assert.True(p.Material.Color.Luma < 0.2f));
        Assert.All(parts.Where(p => p.Slot == "body"), p => Assert.True(p.Material.Color.R > 0.6f && p.Material.Color.B < 0.3f));
    }

    [Fact]
    public void HeldObjectIsAddedToTheAssembly()
    {
        var plain = AssetComposer.Default.Compose("a goblin", 0).Assembly.Parts.Count;
        var armed = AssetComposer.Default.Compose("a goblin holding a sword", 0).Assembly.Parts;
        Assert.True(armed.Count > plain);
        Assert.Contains(armed, p => p.Slot == "blade");
    }

    [Fact]
    public void CountsRepeatTheObject()
    {
        var one = AssetComposer.Default.Compose("a chair", 0).Assembly.Parts.Count;
        Assert.Equal(3 * one, AssetComposer.Default.Compose("three chairs", 0).Assembly.Parts.Count);
    }

    [Fact]
    public void MossAddsPatchesToTheBakedColours()
    {
        var plain = ProceduralGenerator.Default.Generate("a stone bridge", 0).Mesh.Colors!;
        var mossy = ProceduralGenerator.Default.Generate("a mossy stone bridge", 0).Mesh.Colors!;
        static double GreenShare(float[] c)
        {
            var green = 0;
            for (var i = 0; i < c.Length; i += 3) if (c[i + 1] > c[i] * 1.2f && c[i + 1] > c[i + 2] * 1.2f) green++;
            return green / (c.Length / 3.0);
        }
        Assert.True(GreenShare(mossy) > GreenShare(plain) + 0.05, $"{GreenShare(mossy)} vs {GreenShare(plain)}");
    }
}
