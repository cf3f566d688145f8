using System.IO.Compression;

namespace CxBot.Knowledge.Text;

/// <summary>
/// Polish lemmas and store synonyms, from the hunspell-pl dictionary and the mythes-pl thesaurus pruned by
/// <c>build-lexicon</c> to the knowledge base's vocabulary (shipped inside the assembly; see Lexicon/README.md for the
/// licences). Keys are folded (no diacritics), as customers often type: "zwrocilam" and "zwróciłam" both give "zwrocic".
/// </summary>
public static class PolishLexicon
{
    public const string LemmasFile = "pl-lemmas.tsv.gz";
    public const string SynonymsFile = "pl-synonyms.tsv.gz";

    private static readonly Lazy<(Dictionary<string, string[]> Lemmas, Dictionary<string, string[]> Synonyms)> Data = new(Load);

    /// <summary>The lemmas of a folded word form; empty when the lexicon does not know it.</summary>
    public static string[] Lemmas(string folded) => Data.Value.Lemmas.GetValueOrDefault(folded) ?? [];

    /// <summary>Lemmas of the articles that the thesaurus gives as synonyms of <paramref name="lemma"/> ("pakunek" → "paczka").</summary>
    public static string[] Synonyms(string lemma) => Data.Value.Synonyms.GetValueOrDefault(lemma) ?? [];

    /// <summary>Loads the lexicon now rather than at the first Polish question.</summary>
    public static int Warm() => Data.Value.Lemmas.Count;

    private static (Dictionary<string, string[]>, Dictionary<string, string[]>) Load() => (Read(LemmasFile), Read(SynonymsFile));

    private static Dictionary<string, string[]> Read(string file)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        using var resource = typeof(PolishLexicon).Assembly.GetManifestResourceStream("CxBot.Knowledge.Text.Lexicon." + file);
        if (resource is null) return result;
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab > 0) result[line[..tab]] = line[(tab + 1)..].Split(' ');
        }

        return result;
    }
}
