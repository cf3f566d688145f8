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
        "w", "z", "we", "bo", "ale", "albo", "lub", "oraz", "tez", "ten", "ta", "jaki", "jaka", "jakie", "ktory", "ktora", "ktore",
        "ktorej", "ktorym", "czemu", "dlaczego", "moze", "mozecie", "macie", "jestem", "bylo", "bedzie", "zamowic", "zamowilem", "zamowilam",
        "zwrocic", "wyslac", "wysylka", "wysylke", "platnosc", "zaplacic", "rozmiar", "sklep", "sklepu", "sklepie", "towar", "kasa", "pieniadze",
        "przesylka", "przesylke", "dostawe", "dostawy", "reklamacja", "wymiana", "wymienic", "karta", "kod", "rabat", "godziny", "otwarte",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        // Not "a", "do", "i", "no", "to": they are common Polish words as well.
        "how", "what", "where", "when", "is", "are", "my", "the", "does", "can", "you", "it", "of", "for", "an", "be", "will", "on", "orders", "at", "in",
        "order", "delivery", "return", "refund", "please", "thanks", "thank", "hello", "hi", "yes", "with", "have", "want", "which",
        "account", "password", "invoice", "parcel", "package", "shipping", "your", "and", "not", "still", "did", "was", "get", "me",
        "there", "this", "that", "many", "much", "long", "ship", "pay", "buy", "store", "shop", "size", "code", "card", "open", "hours",
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
