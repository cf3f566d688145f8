namespace CxBot.Knowledge.Text;

/// <summary>
/// Light suffix stripping for folded (diacritic-free) Polish and English words. It does not aim at
/// linguistic stems, only at mapping inflected forms ("paczka", "paczki", "paczke", "paczkami") to one key;
/// character n-grams catch what it misses, and typos.
/// </summary>
public static class Stemmer
{
    private static readonly string[] PolishSuffixes = Longest(
    [
        "owaniami", "owaniach", "owaniem", "owania", "owanie", "aniem", "eniem", "ania", "enia", "anie", "enie",
        "alismy", "alysmy", "aliscie", "alam", "alem", "ales", "alas", "ilem", "ilam", "iles", "ilas", "ylem", "ylam",
        "ujemy", "ujesz", "uje", "owac", "ować", "ywac", "iwac", "ach", "ami", "ego", "emu", "ych", "ich", "ymi", "imi", "owi",
        "ow", "om", "iem", "iej", "ej", "ie", "ia", "iu", "ii", "ym", "im", "mi", "cie", "my", "esz", "isz",
        "ac", "ec", "ic", "yc", "al", "il", "yl", "li", "ly", "la", "lo",
        "a", "e", "i", "o", "u", "y",
    ]);

    private static readonly string[] EnglishSuffixes = Longest(
    [
        "ational", "ization", "fulness", "ousness", "iveness", "ations", "ation", "ments", "ment", "ingly", "edly",
        "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "ly", "s",
    ]);

    public static string Stem(string word, string language)
    {
        var suffixes = language == "en" ? EnglishSuffixes : PolishSuffixes;
        var minimum = language == "en" ? 3 : 4;
        if (word.Length <= minimum || word.Any(char.IsDigit)) return word;
        foreach (var suffix in suffixes)
        {
            if (word.Length - suffix.Length >= minimum && word.EndsWith(suffix, StringComparison.Ordinal))
                return word[..^suffix.Length];
        }

        return word;
    }

    private static string[] Longest(string[] suffixes) => [.. suffixes.Distinct().OrderByDescending(s => s.Length)];
}
