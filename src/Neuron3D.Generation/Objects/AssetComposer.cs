using System.Numerics;
using Neuron3D.Generation.Parts;
using Neuron3D.Generation.Prompts;

namespace Neuron3D.Generation.Objects;

/// <summary>What the composer built for a prompt: the normalised parts and how they were chosen.</summary>
/// <param name="Analysis">The prompt analysis.</param>
/// <param name="Assembly">Parts, centred and scaled into the unit box (SN17 orientation).</param>
/// <param name="Kind">The kind id used (for a fallback, "fallback" or "fallback:category").</param>
/// <param name="Category">The kind's category, or the guessed one for a fallback (null when unknown).</param>
/// <param name="IsFallback">True when no kind matched and the generic shape was used.</param>
public sealed record ComposedAsset(PromptAnalysis Analysis, PartAssembly Assembly, string Kind, ObjectCategory? Category, bool IsFallback);

/// <summary>
/// Turns a prompt into a part list: runs the matched kind's recipe (or the fallback), attaches objects the prompt
/// holds or carries, applies size words to the whole object and to named parts, repeats the object for counts, and
/// normalises the result into the SN17 unit box.
/// </summary>
public sealed class AssetComposer(ObjectLibrary library)
{
    /// <summary>Most copies a count word produces ("five chairs" gives at most this many).</summary>
    public const int MaxCopies = 4;

    /// <summary>Largest relative change of each axis the seed applies to the whole object (±6 %).</summary>
    public const float SeedJitter = 0.06f;

    /// <summary>A composer over the built-in library.</summary>
    public static AssetComposer Default { get; } = new(ObjectLibrary.Default);

    /// <summary>Composes the parts for <paramref name="prompt"/> with <paramref name="seed"/>.</summary>
    public ComposedAsset Compose(string prompt, long seed)
    {
        var analysis = library.Analyzer.Analyze(prompt);
        var random = SeededRandom.For(prompt.Trim().ToLowerInvariant(), seed);
        var builder = new PartBuilder(analysis, random);
        var kind = analysis.Kind is { } id ? library.Find(id) : null;
        ObjectCategory? category;
        string kindName;
        if (kind is not null)
        {
            kind.Build(builder);
            category = kind.Category;
            kindName = kind.Id;
        }
        else
        {
            category = ObjectLibrary.GuessCategory(analysis);
            ObjectLibrary.BuildFallback(builder, category);
            kindName = category is { } c ? "fallback:" + c : "fallback";
        }
        if (builder.Parts.Count == 0) ObjectLibrary.BuildFallback(builder, category);

        var parts = builder.Parts.ToList();
        parts = ApplyPartSizes(parts, analysis);
        parts = AttachObjects(parts, analysis, builder, kind?.Id, random);
        // Size words stretch the whole object; the seed adds a small proportion jitter so every seed is a variation.
        var size = analysis.Main.Size;
        var jitter = new Vector3(random.Range(1 - SeedJitter, 1 + SeedJitter), random.Range(1 - SeedJitter, 1 + SeedJitter), random.Range(1 - SeedJitter, 1 + SeedJitter));
        var factors = new Vector3(size.Width, size.Height, size.Length) * jitter;
        parts = parts.Select(p => p.StretchedBy(factors)).ToList();
        if (analysis.Count > 1 && !builder.CountHandled) parts = Repeat(parts, Math.Min(analysis.Count, MaxCopies));
        if (parts.Count > PartBuilder.MaxParts) parts = parts.Take(PartBuilder.MaxParts).ToList();
        return new ComposedAsset(analysis, new PartAssembly(parts).Normalized(), kindName, category, kind is null);
    }

    /// <summary>"big wheels", "thin legs", "long tusks": scales every part in the named slot about its own centre.</summary>
    private static List<PartDescription> ApplyPartSizes(List<PartDescription> parts, PromptAnalysis analysis)
    {
        foreach (var attached in analysis.Parts)
        {
            if (attached.Noun is null || attached.Modifiers.Size == SizeModifier.Identity) continue;
            var slot = PartNouns.Slot(attached.Noun);
            var s = attached.Modifiers.Size;
            var factor = s.Scale * MathF.Cbrt(s.Height * s.Width * s.Length);
            if (MathF.Abs(factor - 1) < 1e-3f) continue;
            for (var i = 0; i < parts.Count; i++)
                if (parts[i].Slot == slot) parts[i] = parts[i] with { Shape = parts[i].Shape.Scaled(factor) };
        }
        return parts;
    }

    /// <summary>
    /// Objects the prompt attaches that the recipe did not draw itself ("holding a wrench", "with a sword") are built
    /// small from their own kind and placed at the side of the main object (held items at hand height).
    /// </summary>
    private List<PartDescription> AttachObjects(List<PartDescription> parts, PromptAnalysis analysis, PartBuilder builder, string? mainKind, SeededRandom random)
    {
        var result = parts;
        foreach (var attached in analysis.Parts)
        {
            if (attached.Kind is not { } kindId || kindId == mainKind) continue;
            if (attached.Relation is not (PartRelation.With or PartRelation.Holding)) continue;
            var noun = attached.Noun ?? kindId;
            if (builder.UsedSlots.Contains(PartNouns.Slot(noun)) || builder.UsedSlots.Contains(noun[(noun.LastIndexOf(' ') + 1)..])) continue;
            if (library.Find(kindId) is not { } kind) continue;
            var subAnalysis = analysis with { Main = attached.Modifiers, Parts = [], Count = 1, Arrangement = null, Subject = null };
            var sub = new PartBuilder(subAnalysis, random.Fork());
            kind.Build(sub);
            if (sub.Parts.Count == 0) continue;
            var (min, max) = new PartAssembly(result).Bounds();
            var (subMin, subMax) = new PartAssembly(sub.Parts).Bounds();
            var mainHeight = max.Y - min.Y;
            var subLongest = MathF.Max(subMax.X - subMin.X, MathF.Max(subMax.Y - subMin.Y, subMax.Z - subMin.Z));
            var scale = mainHeight * (attached.Relation == PartRelation.Holding ? 0.45f : 0.35f) / subLongest;
            var subCenter = (subMin + subMax) / 2;
            var anchor = new Vector3(max.X + (subMax.X - subMin.X) * scale * 0.35f, attached.Relation == PartRelation.Holding ? min.Y + mainHeight * 0.45f : min.Y - subMin.Y * scale + (subCenter.Y - subMin.Y) * scale, (min.Z + max.Z) / 2 + (max.Z - min.Z) * 0.15f);
            var offset = anchor - subCenter * scale;
            result = [.. result, .. sub.Parts.Select(p => p.Transformed(scale, offset))];
        }
        return result;
    }

    private static List<PartDescription> Repeat(List<PartDescription> parts, int copies)
    {
        var (min, max) = new PartAssembly(parts).Bounds();
        var step = (max.X - min.X) * 1.1f;
        var result = new List<PartDescription>(parts.Count * copies);
        for (var c = 0; c < copies; c++)
        {
            var offset = new Vector3((c - (copies - 1) / 2f) * step, 0, 0);
            result.AddRange(parts.Select(p => p.Transformed(1, offset)));
        }
        return result;
    }
}
