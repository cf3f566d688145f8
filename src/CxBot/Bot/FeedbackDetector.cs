using System.Text.RegularExpressions;
using CxBot.Knowledge.Text;

namespace CxBot.Bot;

/// <summary>Reads the customer's answer to "Did this help?": the buttons, or the same said in words.</summary>
public static partial class FeedbackDetector
{
    /// <summary>True for "no, that didn't help", false for "yes, thanks", null for anything else.</summary>
    public static bool? NotHelpful(string text)
    {
        var folded = TextNormalizer.Normalize(text);
        if (NotHelped().IsMatch(folded)) return true;
        if (Helped().IsMatch(folded)) return false;
        return null;
    }

    [GeneratedRegex(@"^(nie|no|nope)$|\b(nie pomoglo|nie pomaga|nie o to (mi )?chodzi|to nie to|nadal nie wiem|didn t help|did not help|doesn t help|not helpful|not what i (asked|meant|need\w*)|that s not it|thats not it|no that)\b")]
    private static partial Regex NotHelped();

    [GeneratedRegex(@"^(tak|yes|yep|yeah)\b|\b(pomoglo|to pomoglo|helped|that helps|it helps|very helpful)\b")]
    private static partial Regex Helped();
}
