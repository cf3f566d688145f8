namespace CxBot.Knowledge.Text;

/// <summary>
/// Tells Polish from English in a short message by counting each language's common words, a word with Polish letters
/// counting for Polish (so "Is there parking at your Łódź store?" is English, and "gdzie jest paczka" is Polish without
/// diacritics); a tie keeps the conversation's language.
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
        "dzieki", "dziekuje", "hejka", "siema", "pozdrawiam", "dobra", "spoko", "fajnie", "wszystko", "nic", "nikt", "tylko",
        "takze", "bardzo", "dzis", "dzisiaj", "wczoraj", "jutro", "tydzien", "tygodnia", "dni", "dnia", "kupilam", "kupilem", "kupic",
        "dostalam", "dostalem", "przyszla", "przyszlo", "przyszedl", "wyslana", "wyslane", "zamowilismy", "musze", "mozesz", "masz",
        "potrzebuje", "chcialabym", "chcialbym", "sa", "byl", "byla", "beda", "twoj", "twoja", "nasz", "wasz", "wasze", "tego", "tej",
        "tym", "przy", "pod", "nad", "bez", "cos", "ktos", "jakis", "jakies", "mnie", "mi", "ciebie", "was", "nam", "wam", "sie",
        "rozmiaru", "zwrotu", "pieniedzy", "zamowieniu", "paczke", "paczkomat", "paczkomatu", "kurier", "kuriera", "faktury", "konta",
        "hasla", "sklepu", "zalogowac", "odebrac", "odeslac", "oddac", "zaplacilam", "zaplacilem", "platnosci", "ile", "kiedy",
        "hej", "hejo", "elo", "wieczor", "pytanie", "pytanko", "pytania", "pomoc", "pomocy", "pomoz", "pomozcie", "prosba", "sprawa",
        "sprawie", "numer", "numerem", "dziala", "zepsute", "zepsuty", "uszkodzone", "uszkodzona", "brakuje", "anulowac", "zmienic",
        "wymiane", "znizka", "znizke", "bon", "prezent", "podarunkowa", "rzeczy", "gdzies", "teraz", "troche", "czlowiek",
        "czlowiekiem", "konsultant", "konsultanta", "konsultantem", "rozmawiac", "porozmawiac", "pogadac", "wielkie",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        // Not "a", "do", "i", "no", "to": they are common Polish words as well.
        "how", "what", "where", "when", "is", "are", "my", "the", "does", "can", "you", "it", "of", "for", "an", "be", "will", "on", "orders", "at", "in",
        "order", "delivery", "return", "refund", "please", "thanks", "thank", "hello", "hi", "yes", "with", "have", "want", "which",
        "account", "password", "invoice", "parcel", "package", "shipping", "your", "and", "not", "still", "did", "was", "get", "me",
        "there", "this", "that", "many", "much", "long", "ship", "pay", "buy", "store", "shop", "size", "code", "card", "open", "hours",
        "would", "could", "should", "don", "doesn", "didn", "can", "cant", "won", "im", "ive", "its", "whats", "here", "about", "from",
        "has", "had", "been", "were", "they", "their", "them", "our", "us", "we", "if", "or", "but", "so", "just", "already", "also",
        "only", "any", "some", "all", "every", "who", "why", "more", "most", "very", "really", "got", "bought", "ordered", "received",
        "sent", "send", "arrived", "week", "days", "today", "yesterday", "tomorrow", "help", "need", "like", "know", "tell", "find",
        "still", "yet", "again", "new", "old", "cost", "price", "free", "delivered", "items", "item", "money", "back", "hey", "bye",
        "goodbye", "cheers", "sure", "great", "person", "human", "someone", "anyone", "talk", "speak",
        "good", "morning", "evening", "afternoon", "night", "yo", "hiya", "howdy", "sup", "quick", "question", "questions", "issue",
        "wrong", "sorry", "thx", "ty", "pls", "plz", "asap", "tracking", "number", "cancel", "change", "exchange", "discount",
        "voucher", "gift", "broken", "damaged", "missing", "late", "stuff", "things", "something", "nothing", "anything", "everything",
        "agent", "representative", "support", "service", "customer", "hmm", "okay", "thankyou",
    };

    public static string Detect(string text, string fallback)
    {
        var pl = 0;
        var en = 0;
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var polishLetters = raw.Any(c => "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".Contains(c));
            foreach (var word in TextNormalizer.Words(raw))
            {
                if (polishLetters || Polish.Contains(word)) pl++;
                else if (English.Contains(word)) en++;
            }
        }

        return pl > en ? "pl" : en > pl ? "en" : fallback;
    }
}
