using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace CxBot.Cli.Commands;

/// <summary>
/// Reads a FreeDict dictionary in dictd form (<c>NAME.index</c>: headword, base-64 offset and length; <c>NAME.dict.dz</c>:
/// gzip-compatible text). An entry is a "headword /ipa/ &lt;pos&gt;" line, then its senses: a sense is a line of translations
/// ("1. card, postcard"; the first sense may have no number) followed by Polish definition lines whose leading parentheses
/// name the domain ("(handel, handlowy) …"); a line " 3." continues the definitions of the same translations.
/// </summary>
public static partial class FreeDict
{
    /// <summary>One sense: its English translations, in the dictionary's order, and its domain labels.</summary>
    public sealed record Sense(IReadOnlyList<string> Translations, IReadOnlyList<string> Labels);

    public sealed record Entry(string Headword, string PartOfSpeech, IReadOnlyList<Sense> Senses);

    public static IEnumerable<Entry> Read(string basePath)
    {
        var index = basePath + ".index";
        var dict = basePath + ".dict.dz";
        foreach (var file in new[] { index, dict })
            if (!File.Exists(file)) throw new UsageException($"'{file}' does not exist: install the Debian package dict-freedict-pol-eng.");
        byte[] text;
        using (var gzip = new GZipStream(File.OpenRead(dict), CompressionMode.Decompress))
        using (var memory = new MemoryStream())
        {
            gzip.CopyTo(memory);
            text = memory.ToArray();
        }

        foreach (var line in File.ReadLines(index, Encoding.UTF8))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3 || parts[0].Length == 0 || parts[0].StartsWith("00", StringComparison.Ordinal)) continue;
            var body = Encoding.UTF8.GetString(text, (int)Base64(parts[1]), (int)Base64(parts[2]));
            if (Parse(parts[0], body) is { } entry) yield return entry;
        }
    }

    internal static Entry? Parse(string headword, string body)
    {
        var lines = body.Split('\n');
        if (lines.Length < 2) return null;
        var pos = PartOfSpeech().Match(lines[0]) is { Success: true } m ? m.Groups[1].Value : "";
        var senses = new List<(List<string> Translations, List<string> Labels)>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            var numbered = SenseNumber().Match(line);
            if (i == 1 || numbered.Success)
            {
                var translations = (numbered.Success ? line[numbered.Length..] : line);
                translations = TrailingNumber().Replace(translations, "");
                senses.Add(([.. translations.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0)], []));
                continue;
            }

            if (senses.Count == 0 || ContinuationNumber().IsMatch(line)) continue;
            foreach (Match label in Label().Matches(line))
                senses[^1].Labels.AddRange(label.Groups[1].Value.Split(',').Select(l => l.Trim()));
        }

        return new Entry(headword, pos, [.. senses.Select(s => new Sense(s.Translations, s.Labels))]);
    }

    private static long Base64(string digits)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        long value = 0;
        foreach (var c in digits) value = value * 64 + Alphabet.IndexOf(c, StringComparison.Ordinal);
        return value;
    }

    [GeneratedRegex(@"<([^>]+)>")]
    private static partial Regex PartOfSpeech();

    [GeneratedRegex(@"^\d+\. ")]
    private static partial Regex SenseNumber();

    [GeneratedRegex(@"\s+\d+\.$")]
    private static partial Regex TrailingNumber();

    [GeneratedRegex(@"^\s+\d+\.$")]
    private static partial Regex ContinuationNumber();

    // Leading "(a, b) (c)" groups of a definition line.
    [GeneratedRegex(@"\G\s*\(([^)]*)\)")]
    private static partial Regex Label();
}
