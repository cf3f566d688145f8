using System.Text.RegularExpressions;
using CxBot.Knowledge.Text;

namespace CxBot.Handoff;

/// <summary>Reads the customer's answers during a handoff: the buttons, or the same said in words.</summary>
public static partial class HandoffReplies
{
    public static bool IsYes(string text) => Yes().IsMatch(TextNormalizer.Normalize(text));
    public static bool IsNo(string text) => No().IsMatch(TextNormalizer.Normalize(text));
    public static bool IsCancel(string text) => Cancel().IsMatch(TextNormalizer.Normalize(text));
    public static bool IsContinueWithBot(string text) => ContinueWithBot().IsMatch(TextNormalizer.Normalize(text));

    [GeneratedRegex(@"^(tak|yes|yep|yeah|sure|ok|okay|okej|prosze|poprosze|jasne|dawaj)\b|\b(polacz|connect me)\b")]
    private static partial Regex Yes();

    [GeneratedRegex(@"^(nie|no|nope|nah)\b|\bno thanks\b|\bnie dziekuje\b")]
    private static partial Regex No();

    [GeneratedRegex(@"\b(anuluj\w*|rezygnuj\w*|nie chce czekac|stop waiting|cancel\w*|never ?mind|nevermind|dont want to wait|don t want to wait)\b")]
    private static partial Regex Cancel();

    [GeneratedRegex(@"\b(rozmawiaj dalej|dalej z botem|kontynuuj\w*|continue|with the bot|z botem)\b")]
    private static partial Regex ContinueWithBot();
}
