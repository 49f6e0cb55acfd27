using System.Text;
using Neuron3D.Generation.Parts;

namespace Neuron3D.Generation.Prompts;

/// <summary>
/// Turns a short game-asset prompt into a <see cref="PromptAnalysis"/>: the main object kind, its modifiers and its
/// attached parts. The first noun phrase holds the main object (its rightmost known object name is the head, so
/// "stone angel statue" is a statue and "emerald brooch" a brooch); phrases opened by "with", "holding", "on", "in",
/// "of", "made of", "shaped like" attach parts or add modifiers. Collective heads ("slice of", "stack of") pass the
/// head on to the phrase after "of"; depicting kinds (statue, idol) keep the depicted kind as <see cref="PromptAnalysis.Subject"/>.
/// </summary>
public sealed class PromptAnalyzer
{
    private static readonly HashSet<string> GlowWords = ["glowing", "glow", "neon", "luminous", "shining", "radiant", "lit"];

    private readonly Dictionary<string, string> _objectNames;
    private readonly HashSet<string> _depictingKinds;
    private readonly int _longestName;
    private readonly Lemmatizer _lemmatizer;

    /// <param name="objectNames">Every object name (one or more lower-case lemmas separated by spaces) → kind id.</param>
    /// <param name="depictingKinds">Kind ids that depict another object (statue): the other object becomes the subject.</param>
    public PromptAnalyzer(IReadOnlyDictionary<string, string> objectNames, IEnumerable<string> depictingKinds)
    {
        _objectNames = new Dictionary<string, string>(objectNames, StringComparer.Ordinal);
        _depictingKinds = [.. depictingKinds];
        _longestName = _objectNames.Keys.Max(k => k.Split(' ').Length);
        var objectWords = _objectNames.Keys.SelectMany(k => k.Split(' ')).ToHashSet(StringComparer.Ordinal);
        _lemmatizer = new Lemmatizer(w => objectWords.Contains(w) || IsModifierOrFunctionWord(w) || PartNouns.All.Contains(w));
    }

    /// <summary>Analyses one prompt. Never throws for unknown words; only a null prompt is an error.</summary>
    public PromptAnalysis Analyze(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var words = Tokenize(prompt);
        var lemmas = words.Select(_lemmatizer.Lemmatize).ToArray();
        var roles = new TokenRole[words.Count];
        var kindAt = new string?[words.Count];
        var spanAt = new int[words.Count];
        MatchObjectNames(words, lemmas, kindAt, spanAt);

        for (var i = 0; i < words.Count; i++)
            roles[i] = kindAt[i] is not null || (i > 0 && IsInsideSpan(spanAt, i)) ? TokenRole.Object : Classify(words[i], lemmas[i]);

        // Split into phrases at relation words; "and" between two modifiers ("black and white") does not split.
        var phrases = new List<Phrase> { new(null) };
        for (var i = 0; i < words.Count; i++)
        {
            if (roles[i] != TokenRole.Relation) { phrases[^1].Indices.Add(i); continue; }
            var relation = Lexicon.Relations[lemmas[i]];
            if (lemmas[i] == "and" && i > 0 && i + 1 < words.Count && IsModifierRole(roles[i - 1]) && IsModifierRole(roles[i + 1]))
            { roles[i] = TokenRole.Stop; continue; }
            // "made of", "shaped like", "full of", "filled with": the first word already set the relation.
            if (phrases[^1].Indices.Count == 0 && phrases[^1].Relation is PartRelation.MadeOf or PartRelation.ShapedLike or PartRelation.With)
                continue;
            phrases.Add(new Phrase(relation));
        }

        // "with a straw", "with moss": a material word that ends a part phrase and names a part is that part.
        foreach (var phrase in phrases.Skip(1).Where(p => p.Relation is not (PartRelation.MadeOf or PartRelation.In)))
        {
            var last = LastIndex(phrase, i => roles[i] != TokenRole.Stop);
            if (last >= 0 && roles[last] is TokenRole.Material or TokenRole.Overlay or TokenRole.Color && PartNouns.All.Contains(lemmas[last]))
                roles[last] = TokenRole.Part;
        }

        var main = phrases[0];
        string? kind = null, matched = null, subject = null, arrangement = null, shapeHint = null;
        var count = 1;
        var mainModifierPhrases = new List<Phrase> { main };
        var partPhrases = new List<Phrase>();

        var head = HeadObject(main, kindAt);
        var headCollective = main.Indices.LastOrDefault(i => roles[i] is TokenRole.Unknown or TokenRole.Part or TokenRole.Count && Lexicon.Collectives.Contains(lemmas[i]), -1);
        if (headCollective < 0) headCollective = main.Indices.LastOrDefault(i => Lexicon.Collectives.Contains(lemmas[i]), -1);
        var phraseIndex = 1;
        if (head < 0 && headCollective >= 0 && phrases.Count > 1 && phrases[1].Relation == PartRelation.Of)
        {
            arrangement = lemmas[headCollective];
            count = arrangement switch { "pair" or "couple" => 2, "slice" => 1, "stack" => 4, _ => 5 };
            head = HeadObject(phrases[1], kindAt);
            mainModifierPhrases.Add(phrases[1]);
            phraseIndex = 2;
        }
        if (head >= 0)
        {
            kind = kindAt[head];
            matched = string.Join(' ', words.Skip(head).Take(spanAt[head]));
        }

        for (; phraseIndex < phrases.Count; phraseIndex++)
        {
            var phrase = phrases[phraseIndex];
            var phraseHead = HeadObject(phrase, kindAt);
            var partNoun = LastIndex(phrase, i => roles[i] == TokenRole.Part);
            if (phrase.Relation == PartRelation.ShapedLike)
            {
                var noun = phraseHead >= 0 ? phraseHead : partNoun >= 0 ? partNoun : LastIndex(phrase, i => roles[i] == TokenRole.Unknown);
                if (noun >= 0) { shapeHint = lemmas[noun]; roles[noun] = TokenRole.Part; }
                mainModifierPhrases.Add(phrase.WithoutIndex(noun));
                continue;
            }
            if (phrase.Relation == PartRelation.MadeOf)
            {
                // "made of blue shards", "carved from rock": the material and colour are the main object's.
                mainModifierPhrases.Add(phrase);
                var noun = partNoun >= 0 ? partNoun : phraseHead;
                if (noun >= 0 && Classify(words[noun], lemmas[noun]) != TokenRole.Material) shapeHint ??= lemmas[noun];
                continue;
            }
            if (phraseHead < 0 && partNoun < 0)
            {
                // "in dark green", "in white marble", "carved from rock": modifiers of the main object.
                mainModifierPhrases.Add(phrase);
                continue;
            }
            partPhrases.Add(phrase);
        }

        // Depicting kinds ("bronze lion statue", "statue of a greek warrior"): the other object is the subject.
        var depicting = phrases.SelectMany(p => p.Relation is PartRelation.Holding ? [] : p.Indices)
            .FirstOrDefault(i => kindAt[i] is { } k && _depictingKinds.Contains(k), -1);
        if (depicting >= 0 && kind is not null)
        {
            var depictingKind = kindAt[depicting]!;
            // The depicted object: the last object before the depicting word that is not just a material ("stone angel
            // statue" depicts an angel), else the object after "of" ("statue of a greek warrior").
            var before = phrases.Where(p => p.Relation is null || p.Indices.Contains(depicting)).SelectMany(p => p.Indices)
                .Where(i => i < depicting && kindAt[i] is { } k && k != depictingKind && Classify(words[i], lemmas[i]) != TokenRole.Material)
                .DefaultIfEmpty(-1).Last();
            var after = phrases.Where(p => p.Relation is PartRelation.Of).SelectMany(p => p.Indices)
                .FirstOrDefault(i => kindAt[i] is { } k && k != depictingKind, -1);
            if (before >= 0) subject = kindAt[before];
            else if (after >= 0) subject = kindAt[after];
            kind = depictingKind;
            matched = string.Join(' ', words.Skip(depicting).Take(spanAt[depicting]));
            partPhrases.RemoveAll(p => p.Relation is PartRelation.Of || p.Indices.Contains(depicting));
        }
        else if (kind is null)
        {
            // No object in the main phrase: take the first object named anywhere outside "with"/"holding" parts.
            var any = phrases.Where(p => p.Relation is not (PartRelation.With or PartRelation.Holding)).SelectMany(p => p.Indices)
                .FirstOrDefault(i => kindAt[i] is not null, -1);
            if (any >= 0)
            {
                kind = kindAt[any];
                matched = string.Join(' ', words.Skip(any).Take(spanAt[any]));
                var owner = phrases.First(p => p.Indices.Contains(any));
                partPhrases.Remove(owner);
                mainModifierPhrases.Add(owner);
            }
        }

        var headIndex = matched is null ? -1 : FindMatchedIndex(words, matched);
        var mainModifiers = CollectModifiers(mainModifierPhrases.SelectMany(p => p.Indices).Where(i => !IsInsideMatch(i, headIndex, spanAt)), words, lemmas, roles, kindAt);
        if (headIndex >= 0 && spanAt[headIndex] > 1 && !IsLexicalised(lemmas[headIndex + spanAt[headIndex] - 1]))
        {
            // Modifier words inside a compound name ("wooden chair", "wide hat", "hover bike") still modify.
            var inside = CollectModifiers(Enumerable.Range(headIndex, spanAt[headIndex] - 1), words, lemmas, roles, kindAt);
            mainModifiers = mainModifiers with
            {
                Material = mainModifiers.Material ?? inside.Material,
                Style = mainModifiers.Style != Style.None ? mainModifiers.Style : inside.Style,
                Size = mainModifiers.Size.Combine(inside.Size),
                Overlay = mainModifiers.Overlay ?? inside.Overlay,
            };
        }
        if (mainModifiers.Material is null && matched is not null)
        {
            // "blue sapphire", "emerald": a head that is itself a material word sets the material.
            var headMaterial = Materials.ByWord.GetValueOrDefault(matched[(matched.LastIndexOf(' ') + 1)..]);
            if (headMaterial is not null) mainModifiers = mainModifiers with { Material = headMaterial };
        }
        // A number directly before the head (only adjectives in between) counts the main object: "two chairs".
        for (var i = headIndex - 1; i >= 0 && arrangement is null; i--)
        {
            if (roles[i] == TokenRole.Count) { count = Lexicon.Counts[lemmas[i]]; break; }
            if (roles[i] is not (TokenRole.Color or TokenRole.Shade or TokenRole.Material or TokenRole.Style or TokenRole.Size or TokenRole.Stop)) break;
        }

        var parts = new List<AttachedPart>();
        // Part nouns inside the main phrase ("double-bladed axe", "tentacled creature", "pepperoni pizza").
        foreach (var phrase in mainModifierPhrases.Where(p => p.Relation is null or PartRelation.Of))
        {
            foreach (var i in phrase.Indices)
            {
                if (roles[i] != TokenRole.Part || IsInsideMatch(i, headIndex, spanAt) || Lexicon.Collectives.Contains(lemmas[i])) continue;
                int? partCount = i > 0 && roles[i - 1] == TokenRole.Count ? Lexicon.Counts[lemmas[i - 1]] : null;
                parts.Add(new AttachedPart(PartRelation.With, lemmas[i], null, partCount, Modifiers.None));
            }
        }
        foreach (var phrase in partPhrases)
        {
            var phraseHead = HeadObject(phrase, kindAt);
            var nounIndex = LastIndex(phrase, i => roles[i] == TokenRole.Part || kindAt[i] is not null);
            if (phraseHead > nounIndex) nounIndex = phraseHead;
            string? noun = null, partKind = null;
            if (nounIndex >= 0)
            {
                partKind = kindAt[nounIndex];
                noun = partKind is not null && spanAt[nounIndex] > 1
                    ? string.Join(' ', lemmas.Skip(nounIndex).Take(spanAt[nounIndex]))
                    : lemmas[nounIndex];
            }
            var partModifiers = CollectModifiers(phrase.Indices.Where(i => !IsInsideMatch(i, nounIndex, spanAt)), words, lemmas, roles, kindAt);
            var partCount = phrase.Indices.Where(i => roles[i] == TokenRole.Count).Select(i => (int?)Lexicon.Counts[lemmas[i]]).LastOrDefault();
            if (noun is not null && PartNouns.MainBody.Contains(noun) && phrase.Relation == PartRelation.With)
            {
                mainModifiers = Merge(mainModifiers, partModifiers);
                continue;
            }
            if (noun is not null && Lexicon.Overlays.TryGetValue(noun, out var overlay) && phrase.Relation == PartRelation.With)
            {
                mainModifiers = mainModifiers with { Overlay = overlay };
                continue;
            }
            parts.Add(new AttachedPart(phrase.Relation ?? PartRelation.With, noun, partKind, partCount, partModifiers));
        }

        var poses = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (roles[i] == TokenRole.Pose) poses.Add(lemmas[i]);
            if (roles[i] == TokenRole.Unknown && !(shapeHint is not null && lemmas[i] == shapeHint)) unknown.Add(words[i]);
        }

        var tokens = words.Select((w, i) => new PromptToken(w, lemmas[i], roles[i])).ToArray();
        return new PromptAnalysis(prompt, tokens, kind, matched, subject, mainModifiers, parts, count, arrangement, shapeHint, poses, unknown);
    }

    /// <summary>Lower-case words; hyphenated words stay whole when known ("pom-pom"), else split ("double-bladed").</summary>
    public List<string> Tokenize(string prompt)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in prompt.ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '\'') { current.Append(c); continue; }
            Flush();
        }
        return words;

        void Flush()
        {
            if (current.Length == 0) return;
            var word = current.ToString().Trim('-', '\'');
            current.Clear();
            if (word.Length == 0) return;
            if (word.Contains('-') && !IsModifierOrFunctionWord(word) && !PartNouns.All.Contains(word) && !_objectNames.ContainsKey(word))
                words.AddRange(word.Split('-', StringSplitOptions.RemoveEmptyEntries));
            else
                words.Add(word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word);
        }
    }

    private void MatchObjectNames(List<string> words, string[] lemmas, string?[] kindAt, int[] spanAt)
    {
        for (var i = 0; i < words.Count; i++)
        {
            for (var length = Math.Min(_longestName, words.Count - i); length >= 1; length--)
            {
                var byLemma = string.Join(' ', lemmas, i, length);
                var byWord = string.Join(' ', words.Skip(i).Take(length));
                var byLastLemma = length == 1 ? byLemma : string.Join(' ', words.Skip(i).Take(length - 1)) + " " + lemmas[i + length - 1];
                if (!_objectNames.TryGetValue(byLemma, out var kind) && !_objectNames.TryGetValue(byWord, out kind)
                    && !_objectNames.TryGetValue(byLastLemma, out kind)) continue;
                kindAt[i] = kind;
                spanAt[i] = length;
                i += length - 1;
                break;
            }
        }
    }

    private static bool IsInsideSpan(int[] spanAt, int index)
    {
        for (var j = index - 1; j >= 0; j--)
            if (spanAt[j] > 0) return j + spanAt[j] > index;
        return false;
    }

    private static bool IsInsideMatch(int index, int head, int[] spanAt) => head >= 0 && index >= head && index < head + Math.Max(1, spanAt[head]);

    private static int FindMatchedIndex(List<string> words, string matched)
    {
        var first = matched.Split(' ');
        for (var i = 0; i + first.Length <= words.Count; i++)
            if (words.Skip(i).Take(first.Length).SequenceEqual(first)) return i;
        return -1;
    }

    private static int HeadObject(Phrase phrase, string?[] kindAt) => LastIndex(phrase, i => kindAt[i] is not null);

    private static int LastIndex(Phrase phrase, Func<int, bool> predicate)
    {
        for (var k = phrase.Indices.Count - 1; k >= 0; k--)
            if (predicate(phrase.Indices[k])) return phrase.Indices[k];
        return -1;
    }

    /// <summary>Compounds whose first words name a kind, not a modifier ("pine tree" is not made of pine, "ice cream" not of ice).</summary>
    private static bool IsLexicalised(string lastLemma) => lastLemma is "tree" or "cream" or "cone" or "dog" or "fish";

    private static bool IsModifierRole(TokenRole role) => role is TokenRole.Color or TokenRole.Shade or TokenRole.Material;

    private static TokenRole Classify(string word, string lemma)
    {
        if (Lexicon.StopWords.Contains(word) || Lexicon.StopWords.Contains(lemma)) return TokenRole.Stop;
        if (Lexicon.Relations.ContainsKey(lemma) && !(lemma == "make" && word != "made")) return TokenRole.Relation;
        if (GlowWords.Contains(word) || GlowWords.Contains(lemma)) return TokenRole.Material;
        if (Lexicon.Shades.ContainsKey(word)) return TokenRole.Shade;
        if (Lexicon.Colors.ContainsKey(word) || Lexicon.Colors.ContainsKey(lemma)) return TokenRole.Color;
        if (Lexicon.Overlays.ContainsKey(word) && !Materials.ByWord.ContainsKey(word)) return TokenRole.Overlay;
        if (word is "mossy" or "rusty" or "snowy") return TokenRole.Overlay;
        if (Materials.ByWord.ContainsKey(word) || Materials.ByWord.ContainsKey(lemma)) return TokenRole.Material;
        if (Lexicon.Styles.ContainsKey(word)) return TokenRole.Style;
        if (Lexicon.Sizes.ContainsKey(word)) return TokenRole.Size;
        if (Lexicon.Counts.ContainsKey(word)) return TokenRole.Count;
        if (PartNouns.All.Contains(lemma)) return TokenRole.Part;
        if (Lexicon.Poses.Contains(lemma) || Lexicon.Poses.Contains(word)) return TokenRole.Pose;
        if (Lexicon.Collectives.Contains(lemma)) return TokenRole.Part;
        return TokenRole.Unknown;
    }

    private static bool IsModifierOrFunctionWord(string w) =>
        Lexicon.Colors.ContainsKey(w) || Lexicon.Shades.ContainsKey(w) || Materials.ByWord.ContainsKey(w) || Lexicon.Styles.ContainsKey(w)
        || Lexicon.Sizes.ContainsKey(w) || Lexicon.Counts.ContainsKey(w) || Lexicon.Poses.Contains(w) || Lexicon.Relations.ContainsKey(w)
        || Lexicon.StopWords.Contains(w) || Lexicon.Overlays.ContainsKey(w) || Lexicon.Collectives.Contains(w) || GlowWords.Contains(w);

    private static Modifiers CollectModifiers(IEnumerable<int> indices, List<string> words, string[] lemmas, TokenRole[] roles, string?[] kindAt)
    {
        var colors = new List<Rgb>();
        var colorWords = new List<string>();
        MaterialSpec? material = null, overlay = null;
        var style = Style.None;
        var size = SizeModifier.Identity;
        var glowing = false;
        (float Brightness, float Whiten)? shade = null;
        string? shadeWord = null;
        foreach (var i in indices.Order())
        {
            var w = words[i];
            var role = roles[i] == TokenRole.Object ? Classify(w, lemmas[i]) : roles[i];
            switch (role)
            {
                case TokenRole.Shade:
                    shade = Lexicon.Shades[w];
                    shadeWord = w;
                    continue;
                case TokenRole.Color:
                    var color = Lexicon.Colors.TryGetValue(w, out var c) ? c : Lexicon.Colors[lemmas[i]];
                    colors.Add(ApplyShade(color, shade));
                    colorWords.Add(shadeWord is null ? w : shadeWord + " " + w);
                    break;
                case TokenRole.Material when GlowWords.Contains(w) || GlowWords.Contains(lemmas[i]):
                    glowing = true;
                    break;
                case TokenRole.Material:
                    var spec = Materials.ByWord.TryGetValue(w, out var m) ? m : Materials.ByWord[lemmas[i]];
                    material = shade is null ? spec : spec.WithColor(ApplyShade(spec.Color, shade));
                    break;
                case TokenRole.Overlay:
                    overlay = Lexicon.Overlays[w];
                    break;
                case TokenRole.Style:
                    style = Lexicon.Styles[w];
                    break;
                case TokenRole.Size:
                    size = size.Combine(Lexicon.Sizes[w]);
                    break;
            }
            shade = null;
            shadeWord = null;
        }
        return new Modifiers(colors, colorWords, material, overlay, style, size, glowing);
    }

    private static Modifiers Merge(Modifiers a, Modifiers b) => new(
        [.. a.Colors, .. b.Colors], [.. a.ColorWords, .. b.ColorWords], b.Material ?? a.Material, b.Overlay ?? a.Overlay,
        b.Style != Style.None ? b.Style : a.Style, a.Size.Combine(b.Size), a.Glowing || b.Glowing);

    private static Rgb ApplyShade(Rgb color, (float Brightness, float Whiten)? shade) =>
        shade is { } s ? color.Scale(s.Brightness).Mix(new Rgb(1, 1, 1), s.Whiten) : color;

    private sealed class Phrase(PartRelation? relation)
    {
        public PartRelation? Relation { get; } = relation;
        public List<int> Indices { get; } = [];

        public Phrase WithoutIndex(int index)
        {
            var copy = new Phrase(Relation);
            copy.Indices.AddRange(Indices.Where(i => i != index));
            return copy;
        }
    }
}
