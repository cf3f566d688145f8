using CxBot.Knowledge.Text;

namespace CxBot.Understanding;

/// <summary>
/// The exact ways customers open a correction of the bot's last answer ("that's not what I meant", "nie o to mi
/// chodziło", "you don't understand"), recognised beside the message-act model, which misses them when the customer goes
/// on to explain ("that's not what I meant. I have the tracking number, it just doesn't work on the DPD site"). A message
/// is a correction when its first clause is such a phrase, optionally after "no", "sorry", "hmm", "nie", "ale"… Only the
/// first clause counts, so "I paid but you don't understand how annoying this is" is not matched, nor is a phrase
/// quoted later in a story. Measured on the act corpus (data/acts): no message without a not-understood label is matched.
/// </summary>
public static class CorrectionPhrases
{
    private static readonly string[] Phrases =
    [
        // English
        "that s not what i meant", "that is not what i meant", "not what i meant", "that s not what i asked", "that is not what i asked",
        "not what i asked", "that s not what i asked for", "that s not what i was asking", "that s not what i m asking",
        "that s not what i was asking about", "that s not my question", "that s not my problem", "that s not the problem",
        "that s not the answer", "that doesn t answer my question", "that didn t answer my question",
        "you didn t answer my question", "you didn t understand", "you don t understand", "you do not understand",
        "you re not understanding", "you re not understanding me", "you misunderstood", "you misunderstood me",
        "you got it wrong", "wrong answer", "i didn t ask that", "i didn t ask about that", "i wasn t asking about that",
        "i meant something else", "i mean something else", "that s not what i need", "that doesn t help", "that didn t help",
        "still not it", "still not what i asked", "still not what i meant", "still wrong", "still not helpful", "still no answer",
        "that s still not it", "still the wrong answer", "again not what i asked", "you don t get it", "you still don t get it",
        "you re not getting it", "you still don t understand", "you re still not understanding",
        // Polish, folded (no diacritics, ł → l)
        "nie o to mi chodzi", "nie o to mi chodzilo", "nie o to chodzi", "nie o to chodzilo", "nie o to pytam", "nie o to pytalem",
        "nie o to pytalam", "nie o to pytalem sie", "nie to mialem na mysli", "nie to mialam na mysli", "chodzilo mi o cos innego",
        "chodzi mi o cos innego", "pytalem o cos innego", "pytalam o cos innego", "zle mnie zrozumiales", "zle mnie zrozumialas",
        "nie zrozumiales", "nie zrozumialas", "nie zrozumiales mnie", "nie zrozumiales pytania", "nie rozumiesz", "nie rozumiesz mnie",
        "to nie jest odpowiedz na moje pytanie", "to nie odpowiedz na moje pytanie", "nie odpowiedziales na moje pytanie",
        "nie odpowiedzialas na moje pytanie", "zla odpowiedz", "to nie to", "to nie pomaga", "to nie pomoglo", "nie pomogles",
        "nie pomoglas", "nadal nie to", "dalej nie to", "wciaz nie to", "znowu nie to", "nadal nie o to chodzi", "dalej nie o to chodzi",
        "nadal zla odpowiedz", "znowu zla odpowiedz", "nadal nie odpowiedziales", "nadal nie rozumiesz", "dalej nie rozumiesz",
        "wciaz nie rozumiesz",
    ];

    /// <summary>Words that may come before the phrase in the first clause ("no, that's not what I meant", "ale nie o to pytam").</summary>
    private static readonly string[] Openers = ["no", "nope", "nah", "hmm", "hm", "um", "sorry", "but", "no no", "nie", "ale", "ech", "niestety", "no nie", "przepraszam ale"];

    private static readonly HashSet<string> Normalized = [.. Phrases.Select(TextNormalizer.Normalize)];
    private static readonly string[][] NormalizedOpeners = [.. Openers.Select(o => TextNormalizer.Words(o).ToArray())];
    private static readonly char[] ClauseBreaks = [',', '.', '!', '?', ';', ':', '\n', '(', ')', '-', '–', '—', '…'];

    /// <summary>Whether <paramref name="text"/> opens by telling the bot it missed.</summary>
    public static bool Opens(string text) => Opens(text, out _);

    /// <summary>Whether <paramref name="text"/> opens by telling the bot it missed; <paramref name="rest"/> is what follows the opening clause.</summary>
    public static bool Opens(string text, out string rest)
    {
        rest = "";
        var clauses = text.Split(ClauseBreaks, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < clauses.Length && i < 2; i++)
        {
            var words = TextNormalizer.Words(clauses[i]);
            if (words.Count == 0) continue;
            if (IsPhrase(words))
            {
                rest = string.Join(". ", clauses.Skip(i + 1));
                return true;
            }

            // Only a lone opener ("No, that's not what I asked") may stand before the phrase's own clause.
            if (!NormalizedOpeners.Any(o => words.SequenceEqual(o))) return false;
        }

        return false;
    }

    private static bool IsPhrase(List<string> words)
    {
        if (Normalized.Contains(string.Join(' ', words))) return true;
        foreach (var opener in NormalizedOpeners)
            if (words.Count > opener.Length && words.Take(opener.Length).SequenceEqual(opener) && Normalized.Contains(string.Join(' ', words.Skip(opener.Length))))
                return true;
        return false;
    }
}
