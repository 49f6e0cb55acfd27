using System.Text.Json.Nodes;
using Neuron3D.Generation.Output;
using Neuron3D.Testing;

namespace Neuron3D.Generation.Tests;

/// <summary>
/// The Three.js export against an independent peer: tools/js/threejs-check.mjs parses it with @babel/parser, applies
/// the competition's static rules, and runs generate(THREE) on the real three@0.183.2 package.
/// </summary>
[Collection(PublicPromptCollection.Name)]
public sealed class ThreeJsExportTests(PublicPromptFixture fixture)
{
    [Fact]
    public void EveryPublicPromptExportParsesRunsAndMatchesTheCSharpVertexCount()
    {
        var prompts = PublicPrompts.All;
        var sources = prompts.Select(p => fixture.Results[p].ToThreeJs()).ToArray();
        var output = NodePeer.Run("threejs-check.mjs", new { sources }, TimeSpan.FromMinutes(3));
        var results = output["results"]!.AsArray();
        Assert.Equal(prompts.Count, results.Count);
        var failures = new List<string>();
        for (var i = 0; i < prompts.Count; i++)
        {
            var r = results[i]!;
            var violations = r["violations"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
            if (violations.Length > 0) { failures.Add($"{prompts[i]}: {string.Join(", ", violations)}"); continue; }
            var e = r["execution"]!;
            var expected = ThreeJsModuleWriter.VertexCount(fixture.Results[prompts[i]].Parts);
            if (e["vertices"]!.GetValue<long>() != expected) failures.Add($"{prompts[i]}: node built {e["vertices"]} vertices, C# mirror says {expected}");
            if (e["vertices"]!.GetValue<long>() > ThreeJsModuleWriter.MaxVertices) failures.Add($"{prompts[i]}: too many vertices");
            if (e["drawCalls"]!.GetValue<int>() > ThreeJsModuleWriter.MaxDrawCalls) failures.Add($"{prompts[i]}: too many draw calls");
            if (e["depth"]!.GetValue<int>() > 32) failures.Add($"{prompts[i]}: too deep");
            if (!e["isGroup"]!.GetValue<bool>()) failures.Add($"{prompts[i]}: root is not a Group");
            if (!e["deterministic"]!.GetValue<bool>()) failures.Add($"{prompts[i]}: two runs differ");
            var min = e["min"]!.AsArray().Select(v => v!.GetValue<double>());
            var max = e["max"]!.AsArray().Select(v => v!.GetValue<double>());
            if (min.Any(v => v < -0.5) || max.Any(v => v > 0.5)) failures.Add($"{prompts[i]}: bounds leave the unit box");
            if (r["literalBytes"]!.GetValue<int>() > ThreeJsModuleWriter.MaxLiteralBytes) failures.Add($"{prompts[i]}: literal budget");
            if (e["millis"]!.GetValue<double>() > 5000) failures.Add($"{prompts[i]}: generate() took {e["millis"]} ms");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void ThePeerRejectsAModuleThatBreaksTheRules()
    {
        // The checker must be able to fail: a module using Math.random and THREE at top level.
        const string bad = "const T = THREE;\nexport default function generate(THREE) { return new THREE.Mesh(new THREE.BoxGeometry(Math.random(), 1, 1)); }\n";
        var output = NodePeer.Run("threejs-check.mjs", new { source = bad });
        var violations = output["violations"]!.AsArray().Select(v => v!.GetValue<string>()).ToArray();
        Assert.Contains(violations, v => v.StartsWith("THREE_AT_TOP_LEVEL", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Math.random", StringComparison.Ordinal));
    }

    [Fact]
    public void TooManyPartsAreRefused()
    {
        var part = new Parts.PartDescription("box", new Parts.BoxPrimitive(new System.Numerics.Vector3(0.01f)), System.Numerics.Vector3.Zero, System.Numerics.Quaternion.Identity, Parts.Materials.Plain);
        var assembly = new Parts.PartAssembly(Enumerable.Repeat(part, ThreeJsModuleWriter.MaxDrawCalls + 1).ToArray());
        Assert.Contains("draw-call", Assert.Throws<InvalidOperationException>(() => ThreeJsModuleWriter.Write(assembly)).Message);
    }
}
