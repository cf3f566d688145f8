using System.Text.RegularExpressions;
using CxBot.Knowledge.Text;

namespace CxBot.Knowledge;

/// <summary>
/// Recognises greetings, thanks, goodbyes, "are you a bot?" and requests for a person, in Polish and
/// English, with or without diacritics (patterns run on folded text). A greeting or thanks followed by a
/// real question is not smalltalk: the question gets answered.
/// </summary>
public static partial class SmalltalkDetector
{
    public static SmalltalkKind Detect(string text)
    {
        var folded = TextNormalizer.Normalize(text);
        if (folded.Length == 0) return SmalltalkKind.None;
        if (BotQuestion().IsMatch(folded)) return SmalltalkKind.BotQuestion;
        if (IsHumanRequest(folded)) return SmalltalkKind.HumanRequest;

        // Pleasantries only when nothing is left once they are taken out; "hi, where is my parcel" is a question.
        var rest = Filler().Replace(Greeting().Replace(Thanks().Replace(Goodbye().Replace(folded, " "), " "), " "), " ");
        if (rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => !StopWords.Contains(w) && w.Length > 2)) return SmalltalkKind.None;
        if (Goodbye().IsMatch(folded)) return SmalltalkKind.Goodbye;
        if (Thanks().IsMatch(folded)) return SmalltalkKind.Thanks;
        return Greeting().IsMatch(folded) ? SmalltalkKind.Greeting : SmalltalkKind.None;
    }

    private static bool IsHumanRequest(string folded)
    {
        folded = InPerson().Replace(folded, " ");
        if (!PersonWord().IsMatch(folded) || Jobs().IsMatch(folded)) return false;
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => !StopWords.Contains(w));
        return words <= 3 || ContactVerb().IsMatch(folded);
    }

    [GeneratedRegex(@"\b(konsultant\w*|czlowiek\w*|zyw\w* (osob\w*|czlowiek\w*|konsultant\w*)|pracownik\w*|operator\w*|doradc\w*|prawdziw\w* osob\w*|osob\w* z obslugi|kims z obslugi"
        + @"|human|humans|person|real person|someone real|some(one|body) from (support|customer service)|agent|agents|live agent|representative|rep|operator|consultant|staff|employee)\b")]
    private static partial Regex PersonWord();

    [GeneratedRegex(@"\b(porozmawiac|rozmawiac|rozmowa|rozmowe|polacz\w*|przelacz\w*|przekaz\w*|chce|chcialbym|chcialabym|potrzebuje|poprosze|prosze|daj\w*|mowic|pogadac|napisac"
        + @"|talk|speak|chat|connect|transfer|reach|get me|want|need|give me|put me|let me)\b")]
    private static partial Regex ContactVerb();

    [GeneratedRegex(@"\b(czy (ty )?jestes (botem|robotem|czlowiekiem|prawdziw\w*|ai|sztuczn\w*)|jestes (botem|robotem|czlowiekiem)|czy (to|rozmawiam z) (bot|botem|robot\w*|czlowiek\w*|automat\w*)|czy to automat"
        + @"|are (you|u) (a )?(bot|robot|human|real|person|an? ai|ai|machine)|r u (a )?(bot|human|real)|is this (a )?(bot|robot|human|real person|an? ai|automated)|am i (talking|chatting|speaking) (to|with) (a )?(bot|robot|human|real person|person|machine|an? ai))\b")]
    private static partial Regex BotQuestion();

    /// <summary>"Czy szukacie pracowników?", "are you hiring staff": a question about jobs, not a request for a person.</summary>
    [GeneratedRegex(@"\b(szukacie pracownik\w*|zatrudnia\w*|rekrutac\w*|rekrutuj\w*|ofert\w* pracy|prac\w* u was|hiring|jobs|job offers?|job openings?|vacanc\w*|careers?|recruit\w*|work for you)\b")]
    private static partial Regex Jobs();

    [GeneratedRegex(@"\b(in person|osobiscie)\b")]
    private static partial Regex InPerson();

    [GeneratedRegex(@"\b(czesc|hej|hejka|siema|elo|witam|witaj|dzien dobry|dobry wieczor|dobry|hi|hello|hey|hiya|good (morning|afternoon|evening)|yo|howdy|greetings)\b")]
    private static partial Regex Greeting();

    [GeneratedRegex(@"\b(dziekuje|dziekuj\w*|dzieki|dzieks|dzięki|thx|thanks|thank you|thank u|ty|cheers|much appreciated|appreciate it|wielkie dzieki|serdecznie dziekuje|super|swietnie|great|perfect|ok|okay|okej|spoko|git)\b")]
    private static partial Regex Thanks();

    [GeneratedRegex(@"\b(do widzenia|do zobaczenia|pa pa|pa|narazie|na razie|zegnam|milego dnia|bye|goodbye|bye bye|see (you|ya)|have a (nice|good) day|to wszystko|that s all|thats all|that is all|nothing else|nic wiecej|koniec)\b")]
    private static partial Regex Goodbye();

    [GeneratedRegex(@"\b(bardzo|serio|naprawde|really|so|very|much|a lot|lot|again|jeszcze raz|raz|wam|ci|panu|pani|you|for|za|pomoc|help|the|your|twoja|wasza)\b")]
    private static partial Regex Filler();
}
