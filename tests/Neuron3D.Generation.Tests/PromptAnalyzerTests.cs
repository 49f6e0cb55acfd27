using Neuron3D.Generation.Objects;
using Neuron3D.Generation.Parts;
using Neuron3D.Generation.Prompts;

namespace Neuron3D.Generation.Tests;

public sealed class PromptAnalyzerTests
{
    private static PromptAnalysis Analyze(string prompt) => ObjectLibrary.Default.Analyzer.Analyze(prompt);

    public static TheoryData<string, string, string> Lemmas => new()
    {
        { "wheels", "wheel", "plural -s" },
        { "shelves", "shelf", "plural -ves" },
        { "leaves", "leaf", "irregular plural" },
        { "benches", "bench", "plural -es" },
        { "cherries", "cherry", "plural -ies" },
        { "sitting", "sit", "doubled consonant -ing" },
        { "chipped", "chip", "doubled consonant -ed" },
        { "curled", "curl", "-ed" },
        { "feet", "foot", "irregular plural" },
        { "glass", "glass", "-ss is not a plural" },
        { "cactus", "cactus", "-us is not a plural" },
    };

    [Theory]
    [MemberData(nameof(Lemmas))]
    public void LemmatiserFindsTheDictionaryForm(string word, string lemma, string rule)
    {
        var vocabulary = new HashSet<string> { "wheel", "shelf", "bench", "cherry", "sit", "chip", "curl", "glass", "cactus", "foot", "leaf" };
        Assert.True(new Lemmatizer(vocabulary.Contains).Lemmatize(word) == lemma, rule);
    }

    [Fact]
    public void CompoundColourIsDarkerThanThePlainColour()
    {
        var dark = Analyze("a dark green chair").Main.PrimaryColor!.Value;
        var plain = Analyze("a green chair").Main.PrimaryColor!.Value;
        Assert.True(dark.Luma < plain.Luma * 0.8f, $"{dark} vs {plain}");
        Assert.Equal(["dark green"], Analyze("a dark green chair").Main.ColorWords);
    }

    [Theory]
    [InlineData("a golden crown", "gold")]
    [InlineData("wooden chair", "wood")]
    [InlineData("a stone statue", "stone")]
    [InlineData("glass bottle", "glass")]
    [InlineData("leather boot", "leather")]
    [InlineData("an icy sword", "ice")]
    public void MaterialWordsSetTheMainMaterial(string prompt, string material) =>
        Assert.Equal(material, Analyze(prompt).Main.Material?.Name);

    [Fact]
    public void UnknownWordsAreReportedNotFatal()
    {
        var analysis = Analyze("a zorblax with quantum fluff");
        Assert.Null(analysis.Kind);
        Assert.Contains("zorblax", analysis.UnknownWords);
        Assert.Contains("quantum", analysis.UnknownWords);
        Assert.Contains("fluff", analysis.UnknownWords);
    }

    [Fact]
    public void EmptyPromptGivesNoKindAndNoError()
    {
        var analysis = Analyze("   ");
        Assert.Null(analysis.Kind);
        Assert.Empty(analysis.Tokens);
        Assert.Throws<ArgumentNullException>(() => Analyze(null!));
    }

    [Fact]
    public void AttachedPartGetsItsOwnColourAndTheMainObjectKeepsItsOwn()
    {
        var analysis = Analyze("a blue truck with red wheels");
        Assert.Equal("truck", analysis.Kind);
        Assert.Equal(Lexicon.Colors["blue"], analysis.Main.PrimaryColor);
        var wheel = Assert.Single(analysis.Parts);
        Assert.Equal("wheel", wheel.Noun);
        Assert.Equal(Lexicon.Colors["red"], wheel.Modifiers.PrimaryColor);
    }

    [Fact]
    public void HeldObjectIsAnAttachedKind()
    {
        var part = Assert.Single(Analyze("green goblin holding a wooden club").Parts);
        Assert.Equal(PartRelation.Holding, part.Relation);
        Assert.Equal("mace", part.Kind);
        Assert.Equal("wood", part.Modifiers.Material?.Name);
    }

    [Fact]
    public void MossIsAnOverlayNotAPart()
    {
        var analysis = Analyze("a medieval wooden bridge with moss");
        Assert.Equal("bridge", analysis.Kind);
        Assert.Equal("moss", analysis.Main.Overlay?.Name);
        Assert.Equal(Style.Medieval, analysis.Main.Style);
        Assert.Equal("wood", analysis.Main.Material?.Name);
    }

    [Theory]
    [InlineData("two chairs", 2, null)]
    [InlineData("three red apples", 3, null)]
    [InlineData("pair of white sneakers", 2, "pair")]
    [InlineData("stack of pancakes", 4, "stack")]
    [InlineData("a chair", 1, null)]
    public void CountsAndCollectives(string prompt, int count, string? arrangement)
    {
        var analysis = Analyze(prompt);
        Assert.Equal(count, analysis.Count);
        Assert.Equal(arrangement, analysis.Arrangement);
        Assert.NotNull(analysis.Kind);
    }

    [Fact]
    public void SizeWordsChangeProportions()
    {
        Assert.True(Analyze("a tall lamp").Main.Size.Height > 1);
        Assert.True(Analyze("a flat rock").Main.Size.Height < 1);
        Assert.True(Analyze("a long spear").Main.Size.Length > 1);
        Assert.True(Analyze("a wide hat").Main.Size.Width > 1);
    }

    [Fact]
    public void HeadNounWinsOverModifierNouns()
    {
        Assert.Equal("brooch", Analyze("emerald brooch").Kind);
        Assert.Equal("gem", Analyze("green emerald").Kind);
        Assert.Equal("bottle", Analyze("glass bottle").Kind);
        Assert.Equal("drinking glass", Analyze("glass of water").Kind);
    }

    [Fact]
    public void StatueKeepsWhatItDepicts()
    {
        var analysis = Analyze("stone angel statue");
        Assert.Equal("statue", analysis.Kind);
        Assert.Equal("angel", analysis.Subject);
        Assert.Equal("stone", analysis.Main.Material?.Name);
    }

    [Fact]
    public void ShapedLikeGivesAShapeHint()
    {
        var analysis = Analyze("emerald brooch shaped like a leaf");
        Assert.Equal("leaf", analysis.ShapeHint);
        Assert.Empty(analysis.Parts);
    }

    [Fact]
    public void GlowingIsAFlagThatKeepsTheMaterial()
    {
        var analysis = Analyze("glowing white quartz crystal");
        Assert.True(analysis.Main.Glowing);
        Assert.Equal(SurfacePattern.Facets, analysis.Main.Material?.Pattern);
    }
}
