using Neuron3D.Generation.Objects;

namespace Neuron3D.Generation.Tests;

public sealed class KindMatchingTests
{
    [Fact]
    public void ExpectedTableCoversEveryPublicPrompt()
    {
        Assert.Equal(160, PublicPrompts.All.Count);
        Assert.DoesNotContain(PublicPrompts.All, p => !PublicPrompts.ExpectedKind.ContainsKey(p));
        Assert.DoesNotContain(PublicPrompts.ExpectedKind.Values, k => ObjectLibrary.Default.Find(k) is null);
    }

    [Fact]
    public void MatchedKindIsThePersonsPickForAtLeastNinetyPercentOfPublicPrompts()
    {
        var misses = new List<string>();
        foreach (var prompt in PublicPrompts.All)
        {
            var analysis = ObjectLibrary.Default.Analyzer.Analyze(prompt);
            var expected = PublicPrompts.ExpectedKind[prompt];
            if (analysis.Kind != expected) misses.Add($"'{prompt}': expected {expected}, got {analysis.Kind ?? "(none)"}");
        }
        var rate = 1 - misses.Count / (double)PublicPrompts.All.Count;
        Assert.True(rate >= 0.9, $"match rate {rate:P1}; misses:\n" + string.Join('\n', misses));
    }

    [Fact]
    public void LibraryHasAtLeast120KindsCoveringAll16Categories()
    {
        Assert.True(ObjectLibrary.Default.Kinds.Count >= 120, $"only {ObjectLibrary.Default.Kinds.Count} kinds");
        foreach (var category in Enum.GetValues<ObjectCategory>())
            Assert.Contains(ObjectLibrary.Default.Kinds, k => k.Category == category);
    }
}
