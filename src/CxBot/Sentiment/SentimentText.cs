using System.Text;

namespace CxBot.Sentiment;

/// <summary>
/// Prepares a message for the model. The featurizer lower-cases and drops punctuation, which would throw
/// away the loudest frustration signals in chat, so those are first written out as marker words:
/// SHOUTING in capitals, repeated "!!!" or "???", and common emoji and emoticons.
/// </summary>
public static class SentimentText
{
    private static readonly (string Symbol, string Marker)[] Emoji =
    [
        ("😡", "xemoangry"), ("🤬", "xemoangry"), ("😠", "xemoangry"), ("🙄", "xemoeyeroll"), ("😤", "xemoangry"),
        ("😢", "xemosad"), ("😭", "xemosad"), ("😞", "xemosad"), ("☹", "xemosad"), ("👎", "xemothumbdown"), ("💩", "xemoangry"),
        ("🙂", "xemosmile"), ("😊", "xemosmile"), ("😀", "xemosmile"), ("😃", "xemosmile"), ("😁", "xemosmile"), ("😍", "xemolove"),
        ("❤", "xemolove"), ("♥", "xemolove"), ("👍", "xemothumbup"), ("👌", "xemothumbup"), ("🙏", "xemothanks"), ("🎉", "xemoparty"),
        ("🤔", "xemothink"), ("😅", "xemosweat"), ("😂", "xemolaugh"), ("🤣", "xemolaugh"),
        (":)", "xemosmile"), (":-)", "xemosmile"), (":D", "xemolaugh"), (";)", "xemosmile"), (":(", "xemosad"), (":-(", "xemosad"), (":/", "xemomeh"),
    ];

    public static string Prepare(string text)
    {
        var markers = new StringBuilder();
        var letters = text.Count(char.IsLetter);
        var upper = text.Count(char.IsUpper);
        if (letters >= 6 && upper >= 0.7 * letters) markers.Append(" xshouting");
        if (text.Contains("!!", StringComparison.Ordinal)) markers.Append(" xexclaim");
        if (text.Contains("??", StringComparison.Ordinal)) markers.Append(" xquestions");
        if (text.Contains("...", StringComparison.Ordinal) || text.Contains('…')) markers.Append(" xellipsis");
        foreach (var (symbol, marker) in Emoji)
            if (text.Contains(symbol, StringComparison.Ordinal)) markers.Append(' ').Append(marker);
        return markers.Length == 0 ? text : text + markers;
    }
}
