using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace Neuron3D.Subnet17.Validator.Scoring;

/// <summary>
/// CLIP's text tokenizer (OpenAI CLIP / open_clip <c>SimpleTokenizer</c>), written from the algorithm: clean the text
/// (<see cref="Normalize"/>), split it with CLIP's pre-tokenizer (the special tokens, the contractions 's 't 're 've 'm
/// 'll 'd, runs of letters, single digits, runs of other non-space characters), map each piece's UTF-8 bytes to GPT-2's
/// printable byte alphabet, and merge pairs by rank (byte-level BPE; a word's last symbol carries the <c>&lt;/w&gt;</c>
/// end-of-word suffix). <see cref="Tokenize(string, Span{long})"/> wraps the ids in <see cref="StartOfText"/>/<see cref="EndOfText"/>,
/// zero-pads to the context length (77) and truncates like open_clip (the last kept id becomes <see cref="EndOfText"/>).
/// The vocabulary comes from OpenAI's merges file <c>bpe_simple_vocab_16e6.txt</c> (plain or gzip): 256 byte symbols,
/// the same 256 with <c>&lt;/w&gt;</c>, the first 48,894 merges in rank order, then the two special tokens (49,408 ids).
/// Thread-safe after construction.
/// </summary>
public sealed class ClipTokenizer
{
    /// <summary>Id of <c>&lt;|startoftext|&gt;</c>.</summary>
    public const int StartOfText = 49406;

    /// <summary>Id of <c>&lt;|endoftext|&gt;</c>.</summary>
    public const int EndOfText = 49407;

    /// <summary>Number of ids in CLIP's vocabulary.</summary>
    public const int VocabularySize = 49408;

    /// <summary>Token ids per prompt in every CLIP text encoder.</summary>
    public const int DefaultContextLength = 77;

    /// <summary>Merges CLIP uses: 49152 − 256 − 2 (the file holds more; the rest are ignored, as in CLIP).</summary>
    public const int MergeCount = 49152 - 256 - 2;

    private const string StartToken = "<|startoftext|>", EndToken = "<|endoftext|>", WordEnd = "</w>";
    private const int CacheLimit = 50_000;

    private static readonly char[] ByteToChar = BuildByteAlphabet();
    private static readonly Dictionary<char, byte> CharToByte = BuildCharToByte();

    private readonly Dictionary<string, int> _ids;
    private readonly string[] _tokens;
    private readonly Dictionary<long, (int Rank, int Merged)> _merges;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);

    private ClipTokenizer(Dictionary<string, int> ids, string[] tokens, Dictionary<long, (int, int)> merges)
    {
        _ids = ids;
        _tokens = tokens;
        _merges = merges;
    }

    /// <summary>Loads OpenAI's merges file: <c>bpe_simple_vocab_16e6.txt</c> or its gzip <c>.txt.gz</c>.</summary>
    /// <exception cref="ClipModelException">The file is missing, unreadable or not a CLIP merges file.</exception>
    public static ClipTokenizer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new ClipModelException(path, "the CLIP tokenizer file (bpe_simple_vocab_16e6.txt or .txt.gz) does not exist");
        try
        {
            using var file = File.OpenRead(path);
            using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
            return FromMerges(reader, path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DecoderFallbackException or UnauthorizedAccessException)
        {
            throw new ClipModelException(path, "the CLIP tokenizer file could not be read: " + e.Message, e);
        }
    }

    /// <summary>Builds the tokenizer from the text of a merges file (a version line, then "first second" per line).</summary>
    /// <param name="source">Named in errors (a path).</param>
    /// <exception cref="ClipModelException">Fewer than <see cref="MergeCount"/> merges, or a malformed line.</exception>
    public static ClipTokenizer FromMerges(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadLine(); // "#version: 0.2"
        var tokens = new string[VocabularySize];
        var ids = new Dictionary<string, int>(VocabularySize, StringComparer.Ordinal);
        for (var b = 0; b < 256; b++)
        {
            var symbol = ByteToChar[ByteOrder[b]].ToString();
            Add(b, symbol);
            Add(256 + b, symbol + WordEnd);
        }
        var merges = new Dictionary<long, (int, int)>(MergeCount);
        for (var rank = 0; rank < MergeCount; rank++)
        {
            var line = reader.ReadLine() ?? throw new ClipModelException(source, $"the merges file ends after {rank} merges; CLIP needs {MergeCount}");
            var space = line.IndexOf(' ');
            if (space <= 0 || space == line.Length - 1 || line.IndexOf(' ', space + 1) >= 0)
                throw new ClipModelException(source, $"merge line {rank + 2} is not two symbols separated by one space: \"{line}\"");
            string first = line[..space], second = line[(space + 1)..];
            if (!ids.TryGetValue(first, out var a) || !ids.TryGetValue(second, out var b))
                throw new ClipModelException(source, $"merge line {rank + 2} (\"{line}\") uses a symbol no earlier line produces");
            var id = 512 + rank;
            Add(id, first + second);
            merges.TryAdd(Pair(a, b), (rank, id));
        }
        Add(StartOfText, StartToken);
        Add(EndOfText, EndToken);
        return new ClipTokenizer(ids, tokens, merges);

        void Add(int id, string token)
        {
            tokens[id] = token;
            ids[token] = id; // a repeated merge result keeps its last id, as CLIP's dict(zip(vocab, range)) does
        }
    }

    /// <summary>
    /// CLIP's text cleaning (basic_clean, whitespace_clean, lower): a subset of ftfy's fixes (Latin ligatures,
    /// full-width ASCII forms, curly quotes, control characters), HTML entities unescaped twice, whitespace runs
    /// collapsed to one space and trimmed, then lowercased with Python's full case mapping (İ → i̇, final Σ → ς).
    /// Not replicated: ftfy's mojibake repair and its NFC composition — the node runs with invariant globalization,
    /// which has no normalisation data, so an accent typed as a combining mark stays a separate mark (prompts are
    /// normally composed already).
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fixedText = FixText(text);
        var unescaped = WebUtility.HtmlDecode(WebUtility.HtmlDecode(fixedText));
        return Lowercase(CollapseWhitespace(unescaped));
    }

    /// <summary>The BPE ids of <paramref name="text"/> without start/end tokens.</summary>
    public int[] Encode(string text)
    {
        var ids = new List<int>();
        foreach (var piece in PreTokenize(Normalize(text)))
            ids.AddRange(EncodePiece(piece));
        return [.. ids];
    }

    /// <summary>
    /// Writes the model input for <paramref name="text"/> into <paramref name="destination"/> (its length is the context
    /// length, usually 77): start token, BPE ids, end token, zeros. Longer texts are cut and end with the end token.
    /// </summary>
    /// <returns>The number of non-padding ids written.</returns>
    public int Tokenize(string text, Span<long> destination)
    {
        if (destination.Length < 2) throw new ArgumentException("the context must hold at least the start and end tokens", nameof(destination));
        var ids = Encode(text);
        destination.Clear();
        destination[0] = StartOfText;
        var kept = Math.Min(ids.Length, destination.Length - 2);
        for (var i = 0; i < kept; i++) destination[1 + i] = ids[i];
        destination[1 + kept] = EndOfText;
        return kept + 2;
    }

    /// <summary>The context-length row for <paramref name="text"/> (see <see cref="Tokenize(string, Span{long})"/>).</summary>
    public long[] Tokenize(string text, int contextLength = DefaultContextLength)
    {
        var row = new long[contextLength];
        Tokenize(text, row);
        return row;
    }

    /// <summary>Text of <paramref name="ids"/>: each end-of-word becomes a space (CLIP's decode); invalid UTF-8 becomes U+FFFD.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id outside the vocabulary.</exception>
    public string Decode(ReadOnlySpan<int> ids)
    {
        var bytes = new List<byte>();
        foreach (var id in ids)
        {
            if ((uint)id >= VocabularySize) throw new ArgumentOutOfRangeException(nameof(ids), id, $"token ids are 0–{VocabularySize - 1}");
            var token = _tokens[id];
            for (var i = 0; i < token.Length; i++)
            {
                if (string.CompareOrdinal(token, i, WordEnd, 0, WordEnd.Length) == 0)
                {
                    bytes.Add((byte)' ');
                    i += WordEnd.Length - 1;
                }
                else bytes.Add(CharToByte[token[i]]);
            }
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>The vocabulary entry of <paramref name="id"/> (byte-alphabet characters, maybe ending in &lt;/w&gt;).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An id outside the vocabulary.</exception>
    public string Token(int id) =>
        (uint)id < VocabularySize ? _tokens[id] : throw new ArgumentOutOfRangeException(nameof(id), id, $"token ids are 0–{VocabularySize - 1}");

    /// <summary>The id of a vocabulary entry, or null.</summary>
    public int? Id(string token) => _ids.TryGetValue(token, out var id) ? id : null;

    private int[] EncodePiece(string piece)
    {
        if (piece == StartToken) return [StartOfText];
        if (piece == EndToken) return [EndOfText];
        if (_cache.TryGetValue(piece, out var cached)) return cached;

        var utf8 = Encoding.UTF8.GetBytes(piece);
        var symbols = new List<int>(utf8.Length);
        for (var i = 0; i < utf8.Length; i++)
            symbols.Add(ByteId[utf8[i]] + (i == utf8.Length - 1 ? 256 : 0));

        while (symbols.Count > 1)
        {
            // The lowest-ranked adjacent pair is merged everywhere, left to right without overlap, then again.
            (int Rank, int Merged) best = (int.MaxValue, -1);
            int bestA = 0, bestB = 0;
            for (var i = 0; i + 1 < symbols.Count; i++)
                if (_merges.TryGetValue(Pair(symbols[i], symbols[i + 1]), out var m) && m.Rank < best.Rank)
                    (best, bestA, bestB) = (m, symbols[i], symbols[i + 1]);
            if (best.Merged < 0) break;
            var write = 0;
            for (var read = 0; read < symbols.Count; read++)
            {
                if (read + 1 < symbols.Count && symbols[read] == bestA && symbols[read + 1] == bestB)
                {
                    symbols[write++] = best.Merged;
                    read++;
                }
                else symbols[write++] = symbols[read];
            }
            symbols.RemoveRange(write, symbols.Count - write);
        }
        var result = symbols.ToArray();
        if (_cache.Count >= CacheLimit) _cache.Clear();
        _cache.TryAdd(piece, result);
        return result;
    }

    /// <summary>CLIP's split pattern over Unicode scalar values (so letters outside the BMP count as letters).</summary>
    internal static List<string> PreTokenize(string text)
    {
        var pieces = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var rune = Rune.GetRuneAt(text, i);
            if (Rune.IsWhiteSpace(rune))
            {
                i += rune.Utf16SequenceLength;
                continue;
            }
            var length = SpecialOrContraction(text, i);
            if (length == 0)
            {
                if (Rune.IsLetter(rune)) length = RunLength(text, i, static r => Rune.IsLetter(r));
                else if (Rune.IsNumber(rune)) length = rune.Utf16SequenceLength;
                else length = RunLength(text, i, static r => !Rune.IsWhiteSpace(r) && !Rune.IsLetter(r) && !Rune.IsNumber(r));
            }
            pieces.Add(text.Substring(i, length));
            i += length;
        }
        return pieces;
    }

    private static readonly string[] SpecialsAndContractions = [StartToken, EndToken, "'s", "'t", "'re", "'ve", "'m", "'ll", "'d"];

    private static int SpecialOrContraction(string text, int at)
    {
        foreach (var candidate in SpecialsAndContractions)
            if (text.AsSpan(at).StartsWith(candidate, StringComparison.Ordinal)) return candidate.Length;
        return 0;
    }

    private static int RunLength(string text, int at, Func<Rune, bool> belongs)
    {
        var end = at;
        while (end < text.Length)
        {
            var rune = Rune.GetRuneAt(text, end);
            if (!belongs(rune)) break;
            end += rune.Utf16SequenceLength;
        }
        return end - at;
    }

    private static string FixText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            if (v is >= 0xFB00 and <= 0xFB06) builder.Append(Ligatures[v - 0xFB00]);
            else if (v is >= 0xFF01 and <= 0xFF5E) builder.Append((char)(v - 0xFEE0)); // full-width ASCII forms
            else if (v == 0x3000) builder.Append(' '); // ideographic space
            else if (v is 0x02BC or >= 0x2018 and <= 0x201B) builder.Append('\'');
            else if (v is >= 0x201C and <= 0x201F) builder.Append('"');
            else if (IsRemovedControl(v)) continue;
            else builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    // U+FB00–FB06 as NFKC spells them.
    private static readonly string[] Ligatures = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    // ftfy's remove_control_chars: C0 controls other than tab, LF, FF, CR; DEL; deprecated format characters; BOM.
    private static bool IsRemovedControl(int v) =>
        v is <= 0x08 or 0x0B or (>= 0x0E and <= 0x1F) or 0x7F or (>= 0x206A and <= 0x206F) or 0xFEFF or (>= 0xFFF9 and <= 0xFFFC);

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    private static string Lowercase(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var rune = Rune.GetRuneAt(text, i);
            if (rune.Value == 0x0130) builder.Append("i\u0307");
            else if (rune.Value == 0x03A3) builder.Append(IsFinalSigma(text, i) ? 'ς' : 'σ');
            else builder.Append(Rune.ToLowerInvariant(rune).ToString());
            i += rune.Utf16SequenceLength;
        }
        return builder.ToString();
    }

    // Unicode's Final_Sigma condition, simplified to letters: a letter before, no letter after.
    private static bool IsFinalSigma(string text, int at)
    {
        var letterBefore = Rune.DecodeLastFromUtf16(text.AsSpan(0, at), out var before, out _) == System.Buffers.OperationStatus.Done && Rune.IsLetter(before);
        var letterAfter = Rune.DecodeFromUtf16(text.AsSpan(at + 1), out var after, out _) == System.Buffers.OperationStatus.Done && Rune.IsLetter(after);
        return letterBefore && !letterAfter;
    }

    private static long Pair(int a, int b) => (long)a << 32 | (uint)b;

    // GPT-2's byte alphabet: printable Latin-1 bytes stand for themselves, the other 68 bytes become U+0100 onwards.
    private static bool IsPrintable(int b) => b is >= 0x21 and <= 0x7E or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;

    // Vocabulary order of the 256 byte symbols: the printable bytes ascending, then the others ascending.
    private static readonly byte[] ByteOrder = BuildByteOrder();
    private static readonly int[] ByteId = BuildByteId();

    private static byte[] BuildByteOrder()
    {
        var order = new List<byte>(256);
        for (var b = 0; b < 256; b++) if (IsPrintable(b)) order.Add((byte)b);
        for (var b = 0; b < 256; b++) if (!IsPrintable(b)) order.Add((byte)b);
        return [.. order];
    }

    private static int[] BuildByteId()
    {
        var ids = new int[256];
        for (var i = 0; i < 256; i++) ids[ByteOrder[i]] = i;
        return ids;
    }

    private static char[] BuildByteAlphabet()
    {
        var chars = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++) chars[b] = IsPrintable(b) ? (char)b : (char)next++;
        return chars;
    }

    private static Dictionary<char, byte> BuildCharToByte()
    {
        var map = new Dictionary<char, byte>(256);
        for (var b = 0; b < 256; b++) map[ByteToChar[b]] = (byte)b;
        return map;
    }
}
