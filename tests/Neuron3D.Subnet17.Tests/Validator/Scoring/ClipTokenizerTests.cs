using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Neuron3D.Subnet17.Validator.Scoring;
using Neuron3D.Testing;

namespace Neuron3D.Subnet17.Tests.Validator.Scoring;

public class ClipTokenizerTests
{
    private static readonly Lazy<ClipTokenizer> Shared = new(() => ClipTokenizer.Load(ClipTestModels.VocabularyPath));
    private static ClipTokenizer Tokenizer => Shared.Value;

    /// <summary>Published CLIP token ids (OpenAI's tokenizer; the same rows appear in CLIP ports' tests).</summary>
    public static TheoryData<string, int[]> PublishedVectors => new()
    {
        { "a photo of a cat", [49406, 320, 1125, 539, 320, 2368, 49407] },
        { "", [49406, 49407] },
    };

    [Theory]
    [MemberData(nameof(PublishedVectors))]
    public void Published_vectors(string text, int[] expected)
    {
        var row = Tokenizer.Tokenize(text);
        Assert.Equal(77, row.Length);
        Assert.Equal(expected.Select(i => (long)i), row.Take(expected.Length));
        Assert.All(row.Skip(expected.Length), id => Assert.Equal(0, id));
    }

    /// <summary>
    /// Texts that exercise every branch of the pre-tokenizer and normaliser that tokenizers.js also implements: case,
    /// whitespace kinds, contractions, digits one by one, punctuation runs, accents, CJK,
    /// emoji, letters outside the BMP, Greek final sigma, dotted İ, special tokens in the text, and truncation.
    /// </summary>
    public static TheoryData<string> DifferentialTexts => new()
    {
        "a photo of a cat",
        "robocop with hammer in one hand",
        "A red CHAIR!!  with   legs",
        "don't stop, we're here; it's 5 o'clock — they'll've I'M",
        "!!!'s''s 'S x'd",
        "3D-printed vase, 12345 cm, ٣ and ½",
        "café naïve résumé Ünïcödé",
        "東京タワー 日本語のテキスト",
        "emoji 🚀🔥 party 🎉👍🏽",
        "𝐀𝐁𝐂 bold math 𝟏𝟐",
        "ΟΔΟΣ ΣΑΣ Σ",
        "İstanbul ẞ straße ǅ",
        "<|endoftext|> special <|startoftext|>tokens",
        "tab\tand\nnewline\r\nand\u00a0nbsp\u2003em",
        "   leading and trailing   ",
        "hyphen-ated/slashed_words and under_scores (parens) [brackets] {braces}",
        string.Concat(Enumerable.Repeat("a very detailed ornate medieval ", 20)),
        "supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopic",
    };

    [Theory]
    [MemberData(nameof(DifferentialTexts))]
    public void Matches_huggingface_tokenizers_js(string text)
    {
        var peer = NodePeer.Run("clip-tokenizer-peer.mjs", new { bpePath = ClipTestModels.VocabularyPath, texts = new[] { text }, contextLength = 77 });
        var expected = ((JsonArray)peer["ids"]![0]!).Select(n => (long)n!).ToArray();
        Assert.Equal(expected, Tokenizer.Tokenize(text));
    }

    /// <summary>
    /// 200 random texts over letters, digits, punctuation, apostrophes, whitespace kinds, accents, CJK and emoji, in one
    /// peer call. Characters that ftfy or HTML unescaping would change ('&amp;', curly quotes, ligatures, full-width
    /// forms, controls) are left out: tokenizers.js does not apply those fixes.
    /// </summary>
    [Fact]
    public void Random_texts_match_huggingface_tokenizers_js()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ''''\t\n.,;:!?-_/()[]{}#@$%*+=<>|~^\"éÉüßøñçÅ日本語🚀";
        var runes = alphabet.EnumerateRunes().ToArray();
        var random = new Random(20261125);
        var texts = Enumerable.Range(0, 200).Select(_ =>
            string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => runes[random.Next(runes.Length)].ToString()))).ToArray();
        var peer = NodePeer.Run("clip-tokenizer-peer.mjs", new { bpePath = ClipTestModels.VocabularyPath, texts, contextLength = 77 });
        for (var i = 0; i < texts.Length; i++)
        {
            var expected = ((JsonArray)peer["ids"]![i]!).Select(n => (long)n!).ToArray();
            Assert.True(expected.SequenceEqual(Tokenizer.Tokenize(texts[i])), $"text {i}: \"{texts[i]}\"");
        }
    }

    [Fact]
    public void Long_prompts_are_cut_to_the_context_and_end_with_the_end_token()
    {
        var text = string.Concat(Enumerable.Repeat("chair ", 100));
        var row = Tokenizer.Tokenize(text);
        Assert.Equal(ClipTokenizer.StartOfText, row[0]);
        Assert.Equal(ClipTokenizer.EndOfText, row[76]);
        Assert.All(row[1..76], id => Assert.Equal(Tokenizer.Encode("chair")[0], id));
        Assert.Equal(77, Tokenizer.Tokenize(text, row.AsSpan()));
    }

    /// <summary>ftfy's fixes and the HTML unescaping CLIP applies before tokenising: each left text tokenises as the right one.</summary>
    public static TheoryData<string, string> CleanedLikeClip => new()
    {
        { "\u201Cquoted\u201D \u2018single\u2019 it\u2019s", "\"quoted\" 'single' it's" },
        { "\uFB01sh \uFB02ower e\uFB00ort", "fish flower effort" },
        { "\uFF21\uFF22\uFF23\uFF11\uFF12\u3000wide", "abc12 wide" },
        { "fish &amp; chips &lt;3 &amp;amp; &quot;x&quot;", "fish & chips <3 & \"x\"" },
        { "nul\u0000l bell\u0007 \uFEFFbom del\u007F", "null bell bom del" },
    };

    [Theory]
    [MemberData(nameof(CleanedLikeClip))]
    public void Text_is_cleaned_like_clip(string raw, string equivalent) =>
        Assert.Equal(Tokenizer.Tokenize(equivalent), Tokenizer.Tokenize(raw));

    [Theory]
    [InlineData("  A  Red\tChair ", "a red chair")]
    [InlineData("ΟΔΟΣ Σ", "οδος σ")]
    [InlineData("İ", "i\u0307")]
    public void Normalize_collapses_whitespace_and_lowercases_like_python(string raw, string expected) =>
        Assert.Equal(expected, ClipTokenizer.Normalize(raw));

    [Fact]
    public void Decoding_lowercase_words_gives_them_back_with_a_space_after_each()
    {
        var word = Gen.String[Gen.Char['a', 'z'], 1, 12];
        word.Array[1, 8].Sample(words =>
        {
            var text = string.Join(' ', words);
            var decoded = Tokenizer.Decode(Tokenizer.Encode(text));
            Assert.Equal(text + " ", decoded);
        }, iter: 300);
    }

    [Fact]
    public void Every_id_is_in_the_vocabulary_and_rows_are_padded_with_zeros()
    {
        Gen.String[Gen.Char[' ', '~'], 0, 120].Sample(text =>
        {
            var row = Tokenizer.Tokenize(text);
            var used = Array.IndexOf(row, (long)ClipTokenizer.EndOfText, 1) + 1;
            Assert.True(used >= 2);
            Assert.All(row, id => Assert.InRange(id, 0, ClipTokenizer.VocabularySize - 1));
            Assert.All(row[used..], id => Assert.Equal(0, id));
        }, iter: 300);
    }

    [Fact]
    public void The_vocabulary_has_clips_layout()
    {
        Assert.Equal("!", Tokenizer.Token(0));
        Assert.Equal("!</w>", Tokenizer.Token(256));
        Assert.Equal("in", Tokenizer.Token(512)); // first merge: "i n"
        Assert.Equal("<|startoftext|>", Tokenizer.Token(ClipTokenizer.StartOfText));
        Assert.Equal(ClipTokenizer.EndOfText, Tokenizer.Id("<|endoftext|>"));
        Assert.Equal("a photo of a cat ", Tokenizer.Decode([320, 1125, 539, 320, 2368]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokenizer.Token(ClipTokenizer.VocabularySize));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokenizer.Decode([-1]));
    }

    [Fact]
    public void The_plain_text_merges_file_loads_like_the_gzip_one()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clip-vocab-{Guid.NewGuid():N}.txt");
        try
        {
            using (var gz = new GZipStream(File.OpenRead(ClipTestModels.VocabularyPath), CompressionMode.Decompress))
            using (var plain = File.Create(path))
                gz.CopyTo(plain);
            var tokenizer = ClipTokenizer.Load(path);
            Assert.Equal(Tokenizer.Tokenize("robocop with hammer"), tokenizer.Tokenize("robocop with hammer"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_a_typed_error_naming_it()
    {
        var e = Assert.Throws<ClipModelException>(() => ClipTokenizer.Load("/nonexistent/bpe_simple_vocab_16e6.txt.gz"));
        Assert.Equal("/nonexistent/bpe_simple_vocab_16e6.txt.gz", e.Path);
        Assert.Contains("does not exist", e.Message);
    }

    [Theory]
    [InlineData("#version: 0.2\ni n\nt h\n", "ends after 2 merges")]
    [InlineData("#version: 0.2\ni n\nthree symbols here\n", "line 3 is not two symbols")]
    [InlineData("#version: 0.2\nin x\n", "uses a symbol no earlier line produces")]
    public void A_malformed_merges_file_is_a_typed_error(string content, string message)
    {
        var e = Assert.Throws<ClipModelException>(() => ClipTokenizer.FromMerges(new StringReader(content), "test.txt"));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_corrupt_gzip_is_a_typed_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clip-vocab-{Guid.NewGuid():N}.txt.gz");
        try
        {
            File.WriteAllBytes(path, Encoding.ASCII.GetBytes("this is not gzip data at all"));
            var e = Assert.Throws<ClipModelException>(() => ClipTokenizer.Load(path));
            Assert.Contains("could not be read", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
