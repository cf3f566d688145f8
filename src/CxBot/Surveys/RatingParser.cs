using System.Text.RegularExpressions;
using CxBot.Knowledge.Text;

namespace CxBot.Surveys;

/// <summary>Understands a 1–5 rating typed or clicked: "5", "4/5", "⭐⭐⭐", "bardzo dobrze", "terrible".</summary>
public static partial class RatingParser
{
    private static readonly (Regex Pattern, int Rating)[] Words =
    [
        (new(@"\b(bardzo (zle|slabo)|fatalnie|tragicznie|okropnie|beznadziejnie|terrible|awful|horrible|very (bad|poor)|worst)\b"), 1),
        (new(@"\b(zle|slabo|kiepsko|marnie|bad|poor|not good)\b"), 2),
        (new(@"\b(srednio|tak sobie|przecietnie|ok|okay|okej|meh|so so|average|neutral|fine)\b"), 3),
        (new(@"\b(bardzo dobrze|swietnie|super|doskonale|rewelacyjnie|znakomicie|excellent|great|amazing|perfect|very good|fantastic|awesome)\b"), 5),
        (new(@"\b(dobrze|niezle|good|nice|pretty good)\b"), 4),
    ];

    public static int? Parse(string text)
    {
        var stars = text.Count(c => c == '⭐' || c == '★');
        if (stars is >= 1 and <= 5) return stars;
        var digit = Digit().Match(text);
        if (digit.Success) return digit.Groups[1].Value[0] - '0';
        var folded = TextNormalizer.Normalize(text);
        foreach (var (pattern, rating) in Words)
            if (pattern.IsMatch(folded)) return rating;
        return null;
    }

    [GeneratedRegex(@"^\s*([1-5])\s*(/\s*5|na 5|of 5|out of 5)?\s*[.!]*\s*$")]
    private static partial Regex Digit();
}
