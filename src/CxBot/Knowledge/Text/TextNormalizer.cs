using System.Globalization;
using System.Text;

namespace CxBot.Knowledge.Text;

/// <summary>
/// Folds text to what matching needs: lower case, Polish letters without diacritics (customers often type
/// "zwrot pieniedzy" for "zwrot pieniędzy"), letters and digits only.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Lower-cased words with diacritics removed; punctuation, emoji and terminal escape sequences dropped.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = Fold(text[i]);
            if (text[i] == '\u001b') i = SkipEscapeSequence(text, i);
            else if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }

            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    /// <summary>
    /// From an ESC at <paramref name="start"/>, the index of the last character of a pasted ANSI sequence
    /// such as "ESC[31m" (ESC, '[', parameters, one final letter), so "31m" does not become a word.
    /// </summary>
    private static int SkipEscapeSequence(string text, int start)
    {
        var i = start + 1;
        if (i >= text.Length || text[i] != '[') return start;
        while (i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == ';')) i++;
        return i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]) ? i + 1 : start;
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
