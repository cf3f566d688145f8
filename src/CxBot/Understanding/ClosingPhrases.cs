using CxBot.Knowledge.Text;

namespace CxBot.Understanding;

/// <summary>
/// The exact ways customers close a chat ("bye", "that's all", "do widzenia", "to wszystko"), recognised beside the
/// message-act model, whose recall of goodbyes is its weakest (a missed goodbye loses the CSAT question). A message
/// closes when one of its clauses ends with such a phrase (optionally followed by "for now", "na dziś"…), it asks
/// nothing ("?") and it is short, or its last sentence is. Clause ends keep it exact: "to wszystko jasne" and "I'll see
/// you in court" are not goodbyes. Measured on the act corpus (data/acts): no message without a goodbye label is matched.
/// </summary>
public static class ClosingPhrases
{
    private const int MaxWords = 14;
    private const int MaxLastSentenceWords = 6;
    private static readonly char[] SentenceBreaks = ['.', '!', '\n', '…'];

    private static readonly string[] Phrases =
    [
        // English
        "bye", "goodbye", "good bye", "bye bye", "byebye", "ciao", "cya", "see ya", "see you", "see you later", "catch you later",
        "talk to you later", "talk later", "farewell", "good night", "take care", "signing off", "i ll be off", "i have to go",
        "have a nice day", "have a good day", "have a great day", "have a lovely day", "have a good one", "have a nice evening",
        "have a good evening", "have a great evening", "have a good night", "have a nice weekend", "have a good weekend",
        "have a lovely weekend", "have a great weekend", "enjoy your day", "that s all", "thats all", "that is all",
        "that s all i needed", "that s everything", "that s it from me", "that will be all", "that ll be all", "need nothing else", "nothing else for now",
        "no more questions", "i m done", "we re done", "all done", "i m finished", "i m all set", "end chat", "close the chat",
        "i ll leave it there", "ttyl", "talk soon", "gotta go", "got to go", "i m off", "i m off now", "i m sorted", "that s me sorted",
        "all sorted",
        // Polish, folded (no diacritics, ł → l)
        "pa", "papa", "pa pa", "narka", "nara", "do widzenia", "do zobaczenia", "do uslyszenia", "do nastepnego razu", "dobranoc",
        "zegnam", "trzymaj sie", "trzymajcie sie", "milego dnia", "milego wieczoru", "milego weekendu", "to wszystko",
        "to juz wszystko", "to tyle", "to by bylo na tyle", "nic wiecej nie trzeba", "nic wiecej nie potrzebuje",
        "wiecej pytan nie mam", "nie mam wiecej pytan", "nie mam juz pytan", "koniec pytan", "to koniec moich pytan",
        "to juz koniec", "na tym koniec", "na dzis wystarczy", "zamykam czat", "konczymy", "konczymy rozmowe", "to koncze",
        "zmykam", "spadam", "zbieram sie", "no to czesc", "to na razie", "juz wszystko wiem", "lece", "uciekam", "znikam",
    ];

    // Left out as too loose at a clause's end: "nic więcej" ("na stronie nie ma nic więcej"), "na razie" ("nie działa na
    // razie"), "nothing else" ("the box had nothing else").

    /// <summary>Words that may follow a closing phrase in the same clause ("that's all for now", "to wszystko na dziś").</summary>
    private static readonly string[] Trailers =
        ["for now", "for today", "then", "now", "here", "from me", "from my side", "thanks", "thank you", "na dzis", "z mojej strony", "dziekuje", "dzieki"];

    private static readonly HashSet<string> Normalized = [.. Phrases.Select(TextNormalizer.Normalize)];
    private static readonly string[][] NormalizedTrailers = [.. Trailers.Select(t => TextNormalizer.Words(t).ToArray())];
    private static readonly char[] ClauseBreaks = [',', '.', '!', ';', ':', '\n', '(', ')', '-', '–', '—', '…'];

    /// <summary>Whether <paramref name="text"/> closes the chat in so many words.</summary>
    public static bool Close(string text)
    {
        if (text.Contains('?')) return false;
        // A longer message closes only in its last sentence, when that sentence is short: "… quicker than calling, thanks!
        // That's everything."
        if (TextNormalizer.Words(text).Count > MaxWords)
        {
            var sentences = text.Split(SentenceBreaks, StringSplitOptions.RemoveEmptyEntries).Where(s => s.Any(char.IsLetter)).ToList();
            if (sentences.Count < 2 || TextNormalizer.Words(sentences[^1]).Count > MaxLastSentenceWords) return false;
            text = sentences[^1];
        }

        foreach (var clause in text.Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries))
        {
            var words = TextNormalizer.Words(clause);
            if (EndsWithPhrase(words)) return true;
            foreach (var trailer in NormalizedTrailers)
                if (words.Count > trailer.Length && words.TakeLast(trailer.Length).SequenceEqual(trailer) && EndsWithPhrase(words.GetRange(0, words.Count - trailer.Length)))
                    return true;
        }

        return false;
    }

    private static bool EndsWithPhrase(List<string> words)
    {
        for (var start = Math.Max(0, words.Count - 6); start < words.Count; start++)
            if (Normalized.Contains(string.Join(' ', words.Skip(start))))
                return true;
        return false;
    }
}
