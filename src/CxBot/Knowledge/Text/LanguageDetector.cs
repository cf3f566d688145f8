namespace CxBot.Knowledge.Text;

/// <summary>
/// Tells Polish from English in a short message: Polish letters decide at once; otherwise the count of
/// common words of each language; a tie keeps the conversation's language.
/// </summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> Polish = new(StringComparer.Ordinal)
    {
        "jak", "czy", "gdzie", "jest", "nie", "sie", "moja", "moje", "moj", "mam", "mozna", "kiedy", "ile", "dla", "ze", "co", "na", "mi",
        "zamowienie", "zamowienia", "paczka", "paczki", "dostawa", "zwrot", "prosze", "dziekuje", "dzieki", "czesc", "witam",
        "dzien", "dobry", "juz", "tak", "przez", "od", "po", "za", "jeszcze", "chce", "moge", "kurier", "faktura", "konto", "haslo",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "how", "what", "where", "when", "is", "are", "my", "the", "to", "do", "does", "can", "i", "you", "it", "of", "for",
        "order", "delivery", "return", "refund", "please", "thanks", "thank", "hello", "hi", "yes", "no", "with", "have", "want",
        "account", "password", "invoice", "parcel", "package", "shipping", "your", "and", "not", "still",
    };

    public static string Detect(string text, string fallback)
    {
        if (text.Any(c => "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".Contains(c))) return "pl";
        var words = TextNormalizer.Words(text);
        var pl = words.Count(Polish.Contains);
        var en = words.Count(English.Contains);
        return pl > en ? "pl" : en > pl ? "en" : fallback;
    }
}
