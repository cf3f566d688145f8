using System.Globalization;
using CxBot.Knowledge.Text;

namespace CxBot.Understanding.Embeddings;

/// <summary>
/// BERT's uncased WordPiece tokenizer, as all-MiniLM-L6-v2 was trained with: lower case without diacritics
/// (through <see cref="TextNormalizer.Fold"/>, so "paczkę" and "paczke" read alike), punctuation as tokens of its
/// own, then the longest vocabulary pieces of each word with <c>##</c> continuations. Immutable and thread-safe.
/// </summary>
public sealed class WordPieceTokenizer
{
    public const int ClsId = 101;
    public const int SepId = 102;
    private const int UnknownId = 100;
    private const int MaxWordLength = 100;

    private readonly Dictionary<string, int> _vocabulary;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordPieceTokenizer(IEnumerable<string> vocabularyLines)
    {
        _vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in vocabularyLines)
        {
            var token = line.TrimEnd('\r');
            if (token.Length > 0) _vocabulary.TryAdd(token, _vocabulary.Count);
        }

        _lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Token ids of <paramref name="text"/> between [CLS] and [SEP], at most <paramref name="maxTokens"/> in all. A longer
    /// text keeps its beginning and its end: customers often tell the story first and ask at the end.
    /// </summary>
    public List<int> Encode(string text, int maxTokens)
    {
        var pieces = new List<int>();
        foreach (var word in BasicTokens(text)) AddPieces(word, pieces);
        var room = maxTokens - 2;
        if (pieces.Count > room)
        {
            var head = room / 2;
            pieces.RemoveRange(head, pieces.Count - room);
        }

        pieces.Insert(0, ClsId);
        pieces.Add(SepId);
        return pieces;
    }

    /// <summary>Folded words and single punctuation marks, as BERT's basic tokenizer splits text.</summary>
    private static IEnumerable<string> BasicTokens(string text)
    {
        var current = new System.Text.StringBuilder();
        foreach (var raw in text)
        {
            var c = TextNormalizer.Fold(raw);
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD')
            {
                if (current.Length > 0) { yield return current.ToString(); current.Clear(); }
                continue;
            }

            if (IsPunctuation(c))
            {
                if (current.Length > 0) { yield return current.ToString(); current.Clear(); }
                yield return c.ToString();
                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0) yield return current.ToString();
    }

    private void AddPieces(string word, List<int> into)
    {
        if (word.Length > MaxWordLength)
        {
            into.Add(UnknownId);
            return;
        }

        var start = into.Count;
        Span<char> buffer = stackalloc char[MaxWordLength + 2];
        var position = 0;
        while (position < word.Length)
        {
            var found = -1;
            var end = word.Length;
            for (; end > position; end--)
            {
                var length = 0;
                if (position > 0) { buffer[0] = '#'; buffer[1] = '#'; length = 2; }
                word.AsSpan(position, end - position).CopyTo(buffer[length..]);
                length += end - position;
                if (_lookup.TryGetValue(buffer[..length], out found)) break;
            }

            if (end == position)
            {
                // No piece fits: the whole word is unknown, as in BERT.
                into.RemoveRange(start, into.Count - start);
                into.Add(UnknownId);
                return;
            }

            into.Add(found);
            position = end;
        }
    }

    private static bool IsPunctuation(char c) =>
        c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~'
        || char.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
}
