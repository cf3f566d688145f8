using System.Globalization;
using System.Text;

namespace CxBot.Knowledge.Text;

/// <summary>
/// Folds text to what matching needs: lower case, Polish letters without diacritics (customers often type
/// "zwrot pieniedzy" for "zwrot pieniędzy"), letters and digits only.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Lower-cased words with diacritics removed; punctuation and emoji dropped.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text)
        {
            var c = Fold(raw);
            if (char.IsLetterOrDigit(c)) current.Append(c);
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    /// <summary>One character, lower-cased and without its diacritic.</summary>
    public static char Fold(char c)
    {
        c = char.ToLowerInvariant(c);
        switch (c)
        {
            case 'ą': return 'a';
            case 'ć': return 'c';
            case 'ę': return 'e';
            case 'ł': return 'l';
            case 'ń': return 'n';
            case 'ó': return 'o';
            case 'ś': return 's';
            case 'ź':
            case 'ż': return 'z';
        }

        // Surrogates (emoji and other astral characters) are not letters: nothing to fold, and a lone
        // half of a pair cannot be normalised.
        if (c < 128 || char.IsSurrogate(c)) return c;
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark) return d;
        return c;
    }

    /// <summary>The whole text folded into one string of words separated by single spaces.</summary>
    public static string Normalize(string text) => string.Join(' ', Words(text));
}
