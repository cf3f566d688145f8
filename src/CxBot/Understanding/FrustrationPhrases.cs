using CxBot.Knowledge.Text;

namespace CxBot.Understanding;

/// <summary>
/// A customer saying in so many words that they are frustrated ("I'm really annoyed", "jestem naprawdę zirytowana", "mam
/// tego dość", "this is ridiculous"). The sentiment model scores many of these only mildly negative, above all in Polish
/// ("Jestem naprawdę zirytowana. Trzeci sklep, w którym pytam…" scores −0.52), so the flow takes the customer's own words
/// for it. "I" + an optional intensifier + a word for the feeling, not negated ("I'm not angry", "nie jestem zła").
/// </summary>
public static class FrustrationPhrases
{
    private static readonly HashSet<string> Feelings =
    [
        "annoyed", "frustrated", "irritated", "angry", "furious", "livid", "fuming", "fed up", "pissed", "pissed off",
        "sick of this", "sick and tired", "exasperated", "fed up with this",
        "zirytowany", "zirytowana", "wkurzony", "wkurzona", "wsciekly", "wsciekla", "zdenerwowany", "zdenerwowana",
        "sfrustrowany", "sfrustrowana", "zly", "zla", "wkurwiony", "wkurwiona", "podirytowany", "podirytowana",
    ];

    private static readonly HashSet<string> Intensifiers =
    [
        "really", "so", "very", "getting", "quite", "extremely", "absolutely", "totally", "seriously", "just", "honestly", "now",
        "bit", "a", "little", "beyond", "naprawde", "bardzo", "strasznie", "totalnie", "juz", "serio", "troche", "mega", "potwornie",
        "okropnie", "niesamowicie", "po prostu",
    ];

    /// <summary>Phrases that say it without "I am", anywhere in a clause.</summary>
    private static readonly string[] Sayings =
    [
        "this is ridiculous", "this is absurd", "this is unacceptable", "this is a joke", "this is a nightmare", "this is outrageous",
        "this is insane", "this is beyond a joke", "i ve had enough", "i have had enough", "what a joke", "mam tego dosc",
        "mam juz tego dosc", "szlag mnie trafia", "rece opadaja", "nerwy mi puszczaja", "wkurza mnie", "denerwuje mnie to",
        "irytuje mnie to", "this is useless", "this is hopeless", "this is pointless", "you re useless", "you are useless",
        "third time asking", "second time asking", "how many times do i have to ask", "how many times do i need to ask",
        "i keep asking", "i ve asked three times", "i ve asked twice", "asked this already", "ile razy mam pytac", "ile razy mam pisac",
        "ile razy mam to pisac", "pytam juz trzeci raz", "pytam drugi raz", "pytam po raz trzeci", "po raz kolejny pytam",
        "to jest beznadziejne", "to beznadziejne", "jestes beznadziejny", "to jest bez sensu", "to jest skandal", "to jest zenujace", "to jest zalosne", "to jest kpina", "to jest absurd",
        "this is annoying", "this is frustrating", "this is getting annoying", "this is getting frustrating", "starting to annoy me",
        "starting to get annoyed", "starting to get frustrated", "are you even reading", "do you even read", "are you even listening",
        "you re not listening", "you are not listening", "zaczyna mnie to irytowac", "zaczyna mnie to wkurzac", "zaczyna mnie to denerwowac",
        "zaczyna mnie irytowac", "zaczyna mnie wkurzac", "zaczyna mnie denerwowac", "zaczynam sie denerwowac", "zaczynam sie irytowac",
        "zaczynam sie wkurzac", "to mnie irytuje", "to mnie wkurza", "to mnie denerwuje", "czy ty w ogole czytasz", "czytasz w ogole",
        "czy ty mnie w ogole sluchasz",
        "losing my patience", "lost my patience", "running out of patience", "my patience is running out", "fed up", "wasted an hour",
        "wasting my time", "waste of my time", "getting nowhere", "no help at all", "zero help", "trace cierpliwosc", "konczy mi sie cierpliwosc", "stracilem cierpliwosc", "stracilam cierpliwosc",
        "mam dosc tego", "zero pomocy", "zadnej pomocy", "strata czasu", "szkoda mojego czasu", "marnuje czas",
    ];

    /// <summary>Exclamations that say it when they are a whole clause ("mam dość!", but not "mam dość dużą paczkę").</summary>
    private static readonly string[] Exclamations =
        ["unbelievable", "ridiculous", "unacceptable", "mam dosc", "mam juz dosc", "skandal", "zenujace", "zalosne", "kpina", "absurd", "porazka", "beznadzieja", "useless", "hopeless", "ugh", "argh", "aargh", "grr",
         "so irritating", "so annoying", "so frustrating", "how annoying", "how irritating"];

    // Intensifiers are left out on both sides, so "this is getting *really* annoying" and "zaczyna mnie to *naprawdę*
    // irytować" match their sayings; "this is ridiculous" is also said as "that's ridiculous", "that is…", "it's…".
    private static readonly string[][] SayingWords = [.. Sayings.SelectMany(Variants).Select(s => TextNormalizer.Words(s).Where(w => !Intensifiers.Contains(w)).ToArray())];

    private static IEnumerable<string> Variants(string saying) => saying.StartsWith("this is ", StringComparison.Ordinal)
        ? new[] { "this is", "that is", "that s", "thats", "it is", "it s", "its" }.Select(start => start + saying["this is".Length..])
        : [saying];

    private static readonly HashSet<string> ExclamationWords = [.. Exclamations.Select(TextNormalizer.Normalize)];
    private static readonly char[] ClauseBreaks = [',', '.', '!', '?', ';', ':', '\n', '(', ')', '–', '—', '…'];

    /// <summary>Whether <paramref name="text"/> says the customer is frustrated.</summary>
    public static bool Say(string text)
    {
        foreach (var clause in text.Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries))
        {
            var words = TextNormalizer.Words(clause);
            var plain = words.Where(w => !Intensifiers.Contains(w)).ToList();
            if (ExclamationWords.Contains(string.Join(' ', words)) || SayingWords.Any(s => Contains(plain, s))) return true;
            for (var i = 0; i < words.Count; i++)
            {
                var subject = words[i] == "jestem" ? 1 : words[i] == "im" ? 1 : words[i] == "i" && i + 1 < words.Count && words[i + 1] is "m" or "am" ? 2 : 0;
                if (subject == 0 || i > 0 && words[i - 1] == "nie") continue;
                var j = i + subject;
                while (j < words.Count && Intensifiers.Contains(words[j])) j++;
                if (j < words.Count && (Feelings.Contains(words[j]) || j + 1 < words.Count && Feelings.Contains(words[j] + " " + words[j + 1])))
                    return true;
            }
        }

        return false;
    }

    private static bool Contains(List<string> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
            if (words.Skip(i).Take(phrase.Length).SequenceEqual(phrase)) return true;
        return false;
    }
}
