using System.Collections.Concurrent;

namespace Neuron3D.Generation.Tests;

/// <summary>Generates every public prompt once (seed 0) for the acceptance tests that share them.</summary>
public sealed class PublicPromptFixture
{
    public PublicPromptFixture()
    {
        var results = new ConcurrentDictionary<string, GenerationResult>();
        Parallel.ForEach(PublicPrompts.All, new ParallelOptions { MaxDegreeOfParallelism = 2 }, p => results[p] = ProceduralGenerator.Default.Generate(p, 0));
        Results = results;
    }

    public IReadOnlyDictionary<string, GenerationResult> Results { get; }
}

/// <summary>Shares one <see cref="PublicPromptFixture"/> between the test classes that need the 160 assets.</summary>
[CollectionDefinition(Name)]
public sealed class PublicPromptCollection : ICollectionFixture<PublicPromptFixture>
{
    public const string Name = "public prompts";
}
