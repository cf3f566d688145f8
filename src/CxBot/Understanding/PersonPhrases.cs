using System.Text.RegularExpressions;

namespace CxBot.Understanding;

/// <summary>
/// Asking to be passed on to someone in so many words ("could you please pass me on to whoever handles B2B accounts?",
/// "przekierujcie mnie do działu reklamacji"): the message-act model reads these politely phrased transfers as a request
/// for a person only weakly (0.14–0.31), above all inside a longer story. A verb of passing on, "me", and to whom.
/// </summary>
public static partial class PersonPhrases
{
    /// <summary>Whether <paramref name="text"/> asks to be passed on to a person or a team.</summary>
    public static bool Ask(string text) => English().IsMatch(text) || Polish().IsMatch(text);

    [GeneratedRegex(@"\b(pass|put|transfer|connect|forward|redirect|refer|route|hand|send)\s+me\s+(on\s+|over\s+|back\s+)?(through\s+)?(to|with)\s+(someone|somebody|whoever|anyone|a\s+(real\s+|live\s+)?(person|human|colleague|manager|supervisor|consultant|agent)|an\s+(agent|advisor|adviser|operator)|the\s+(right\s+|responsible\s+)?(person|people|team|department|manager|supervisor)|your\s+(team|colleague|manager|supervisor|department|b2b|sales|complaints|support)|customer\s+(service|support|care)|(the\s+)?(b2b|sales|wholesale|complaints|returns|billing|support)\s+(team|department|people))|\b(speak|talk|chat)\s+(to|with)\s+whoever\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex English();

    [GeneratedRegex(@"\b(przekieruj|przekierujcie|przekierowa[cć]|przekierujesz|po[lł][aą]cz|po[lł][aą]czcie|po[lł][aą]czy[cć]|po[lł][aą]czysz|prze[lł][aą]cz|prze[lł][aą]czcie|prze[lł][aą]czy[cć]|przeka[zż]|przeka[zż]cie|przekaza[cć]|przeka[zż]esz)\s+mnie\s+(pro[sś]z[eę]\s+)?(do\s+(kogo[sś]|osoby|konsultant|cz[lł]owieka|dzia[lł]|opiekuna|kierownika|pracownika)|z\s+(kim[sś]|konsultant|cz[lł]owiekiem|osob[aą]|dzia[lł]em|pracownikiem|kierownikiem)|kom[uó][sś])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Polish();
}
