using System.Runtime.InteropServices;
using CxBot.Knowledge.Text;

namespace CxBot.Knowledge.Retrieval;

/// <summary>
/// Turns a short text into weighted sparse features: stems of its content words (inflection), character
/// 3- and 4-grams of those words (typos, compounds, inflection the stemmer misses) and stem bigrams
/// (phrases such as "zwrot pieniedzy"). Optionally (<see cref="RetrievalAblation"/>; off, as it measured no gain) Polish
/// words the lexicon knows stand for their lemmas ("zwrocilam" → "zwrocic"), with the store synonyms of those lemmas at a
/// lower weight ("pakunek" → "paczka").
/// </summary>
public static class TextFeatures
{
    public const float StemWeight = 1.0f;
    public const float BigramWeight = 0.6f;
    public const float CharGramsPerWordWeight = 1.2f;
    public const float SynonymWeight = 0.5f;

    public static void Extract(string text, string language, Dictionary<string, float> into)
    {
        var words = TextNormalizer.Words(text);
        string? previous = null;
        foreach (var word in words)
        {
            if (word.Length < 2 && !char.IsDigit(word[0]) || StopWords.Contains(word))
            {
                previous = null;
                continue;
            }

            var lemmas = language == "pl" && RetrievalAblation.Lemmas ? PolishLexicon.Lemmas(word) : [];
            var stem = lemmas.Length > 0 ? lemmas[0] : Stemmer.Stem(word, language);
            if (lemmas.Length == 0) Add(into, string.Concat("w|", stem), StemWeight);
            foreach (var lemma in lemmas)
            {
                Add(into, string.Concat("w|", lemma), StemWeight / lemmas.Length);
                if (!RetrievalAblation.Synonyms) continue;
                foreach (var synonym in PolishLexicon.Synonyms(lemma)) Add(into, string.Concat("w|", synonym), SynonymWeight / lemmas.Length);
            }

            if (previous is not null) Add(into, string.Concat("b|", previous, "_", stem), BigramWeight);
            previous = stem;

            var padded = "^" + word + "$";
            var grams = 0;
            for (var n = 3; n <= 4; n++) grams += Math.Max(0, padded.Length - n + 1);
            if (grams == 0) continue;
            var weight = CharGramsPerWordWeight / grams;
            for (var n = 3; n <= 4; n++)
                for (var i = 0; i + n <= padded.Length; i++)
                    Add(into, string.Concat("c|", padded.AsSpan(i, n)), weight);
        }
    }

    private static void Add(Dictionary<string, float> features, string key, float weight) =>
        CollectionsMarshal.GetValueRefOrAddDefault(features, key, out _) += weight;
}
