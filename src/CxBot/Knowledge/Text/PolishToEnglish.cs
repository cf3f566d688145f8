using System.IO.Compression;
using System.Text;

namespace CxBot.Knowledge.Text;

/// <summary>
/// A word-by-word English reading of a Polish message ("gdzie jest moja paczka" → "where is my parcel"), so the English
/// sentence-embedding model can read Polish questions by meaning. Function words come from a small table written here;
/// content words from the glossary <c>build-lexicon</c> derives from the FreeDict Polish–English dictionary (CC BY-SA 3.0,
/// see Lexicon/README.md), keyed by the lemma the Polish lexicon gives or else by the word's light stem. Words it does not
/// know (names, codes, English words customers mix in) stay as they are. Crude as a translation, but the embedding only
/// needs the topic words in a language it knows.
/// </summary>
public static class PolishToEnglish
{
    public const string GlossaryFile = "pl-en-glossary.tsv.gz";

    private static readonly Lazy<Dictionary<string, string>> Glossary = new(Load);

    /// <summary>Closed-class words: pronouns, question words, prepositions and particles ("" drops the word).</summary>
    private static readonly Dictionary<string, string> FunctionWords = new(StringComparer.Ordinal)
    {
        ["jak"] = "how", ["gdzie"] = "where", ["kiedy"] = "when", ["ile"] = "how much", ["ilu"] = "how many", ["co"] = "what",
        ["czego"] = "what", ["czym"] = "what", ["dlaczego"] = "why", ["czemu"] = "why", ["kto"] = "who", ["kogo"] = "whom",
        ["jaki"] = "what", ["jaka"] = "what", ["jakie"] = "what", ["jakiego"] = "what", ["jakiej"] = "what", ["ktory"] = "which",
        ["ktora"] = "which", ["ktore"] = "which", ["ktorego"] = "which", ["ktorej"] = "which", ["czy"] = "", ["sie"] = "", ["to"] = "it",
        ["nie"] = "not", ["tak"] = "yes", ["juz"] = "already", ["jeszcze"] = "still", ["tylko"] = "only", ["tez"] = "also",
        ["takze"] = "also", ["bo"] = "because", ["ale"] = "but", ["i"] = "and", ["a"] = "and", ["oraz"] = "and", ["lub"] = "or",
        ["albo"] = "or", ["jesli"] = "if", ["jezeli"] = "if", ["gdy"] = "when", ["zeby"] = "to", ["aby"] = "to", ["ze"] = "that",
        ["w"] = "in", ["we"] = "in", ["na"] = "on", ["do"] = "to", ["z"] = "with", ["od"] = "from", ["po"] = "after", ["przed"] = "before",
        ["za"] = "for", ["dla"] = "for", ["o"] = "about", ["przez"] = "through", ["bez"] = "without", ["u"] = "at", ["przy"] = "at",
        ["pod"] = "under", ["nad"] = "over", ["miedzy"] = "between", ["ja"] = "i", ["mnie"] = "me", ["mi"] = "me", ["my"] = "we",
        ["nas"] = "us", ["nam"] = "us", ["wy"] = "you", ["was"] = "you", ["wam"] = "you", ["wami"] = "you", ["ty"] = "you",
        ["ciebie"] = "you", ["cie"] = "you", ["ci"] = "you", ["on"] = "he", ["ona"] = "she", ["ono"] = "it", ["oni"] = "they",
        ["one"] = "they", ["go"] = "it", ["jej"] = "her", ["jego"] = "his", ["ich"] = "their", ["im"] = "them", ["je"] = "them",
        ["moj"] = "my", ["moja"] = "my", ["moje"] = "my", ["mojego"] = "my", ["mojej"] = "my", ["moim"] = "my", ["moich"] = "my",
        ["twoj"] = "your", ["twoja"] = "your", ["twoje"] = "your", ["wasz"] = "your", ["wasza"] = "your",
        ["wasze"] = "your", ["waszego"] = "your", ["waszej"] = "your", ["waszym"] = "your", ["waszych"] = "your", ["nasz"] = "our",
        ["nasza"] = "our", ["nasze"] = "our", ["swoj"] = "own", ["swoja"] = "own", ["swoje"] = "own", ["swojego"] = "own",
        ["ten"] = "this", ["ta"] = "this", ["te"] = "these", ["tego"] = "this", ["tej"] = "this", ["tym"] = "this", ["tych"] = "these",
        ["jest"] = "is", ["sa"] = "are", ["byl"] = "was", ["byla"] = "was", ["bylo"] = "was", ["byly"] = "were", ["bedzie"] = "will be",
        ["beda"] = "will be", ["jestem"] = "i am", ["jestes"] = "you are", ["jestescie"] = "you are", ["mam"] = "i have", ["masz"] = "you have",
        ["ma"] = "has", ["macie"] = "you have", ["mamy"] = "we have", ["maja"] = "they have", ["moge"] = "can i", ["mozna"] = "can",
        ["moze"] = "maybe", ["mozecie"] = "can you", ["musze"] = "must i", ["trzeba"] = "need", ["chce"] = "i want", ["chcialbym"] = "i would like",
        ["chcialabym"] = "i would like", ["potrzebuje"] = "i need", ["prosze"] = "please", ["dzieki"] = "thanks", ["dziekuje"] = "thank you",
        ["jakis"] = "some", ["jakies"] = "some", ["cos"] = "something", ["nic"] = "nothing", ["wszystko"] = "everything",
        ["kazdy"] = "every", ["inny"] = "other", ["inna"] = "other", ["inne"] = "other", ["sam"] = "same", ["samo"] = "same",
        ["bardzo"] = "very", ["troche"] = "a little", ["duzo"] = "a lot", ["wiecej"] = "more", ["mniej"] = "less", ["dzis"] = "today",
        ["dzisiaj"] = "today", ["jutro"] = "tomorrow", ["wczoraj"] = "yesterday", ["teraz"] = "now", ["nadal"] = "still", ["dalej"] = "still",
        ["wciaz"] = "still", ["zawsze"] = "always", ["nigdy"] = "never", ["tutaj"] = "here", ["tu"] = "here", ["tam"] = "there",
    };

    /// <summary>
    /// The store's own words, where the dictionary's first sense is another trade's ("punkt" is a loyalty point, not a dot;
    /// "odbiór" a pickup) or the dictionary has no entry ("paczkomat", "rabatowy"). Keyed by folded lemma, form or light
    /// stem; read before the glossary.
    /// </summary>
    private static readonly Dictionary<string, string> StoreWords = new(StringComparer.Ordinal)
    {
        ["punkt"] = "points", ["dni"] = "days", ["dnia"] = "day", ["dniu"] = "day", ["dzien"] = "day", ["dane"] = "data",
        ["danych"] = "data", ["danymi"] = "data", ["odbior"] = "pickup", ["odbiorz"] = "pickup", ["odebrac"] = "collect", ["odebr"] = "collect",
        ["kontakt"] = "contact", ["zdjecia"] = "photos", ["zdjec"] = "photos", ["zdjecie"] = "photo", ["dodac"] = "add",
        ["wyprzedac"] = "sold out", ["wyprzedan"] = "sold out", ["przecenic"] = "discounted", ["obejmowac"] = "cover",
        ["metody"] = "methods", ["metod"] = "method", ["brakuje"] = "missing", ["brak"] = "missing", ["srodki"] = "funds",
        ["srodkow"] = "funds", ["zalozyc"] = "create", ["zaloz"] = "create", ["pobranie"] = "cash on delivery",
        ["pobraniem"] = "cash on delivery", ["mail"] = "email", ["mailem"] = "email", ["mailowy"] = "email", ["paczkomat"] = "parcel locker",
        ["paczkoma"] = "parcel locker", ["blik"] = "blik", ["newsletter"] = "newsletter", ["niusletter"] = "newsletter",
        ["producent"] = "manufacturer", ["producentem"] = "manufacturer", ["czeka"] = "waiting", ["czekac"] = "wait", ["czekam"] = "waiting",
        ["gwarancyjny"] = "warranty", ["firmowy"] = "company", ["klub"] = "club", ["klubie"] = "club", ["klubu"] = "club",
        ["promocyjny"] = "promo", ["rzeczy"] = "things", ["rzecz"] = "thing", ["towar"] = "goods", ["sprzet"] = "equipment",
        ["podarunkowy"] = "gift", ["prezentowy"] = "gift", ["rabatowy"] = "discount", ["znizkowy"] = "discount", ["profil"] = "profile",
        ["profilu"] = "profile", ["zrobic"] = "do", ["zrob"] = "do", ["idzie"] = "goes", ["nowe"] = "new", ["ul"] = "street",
        ["odeslac"] = "send back", ["odesl"] = "send back", ["zamowienie"] = "order", ["chwili"] = "moment", ["dotrzec"] = "arrive",
        ["pekla"] = "cracked", ["pekl"] = "cracked", ["dzieje"] = "happening", ["poprosic"] = "ask", ["popros"] = "ask", ["miec"] = "have",
        ["otworzyc"] = "open", ["talia"] = "waist", ["talii"] = "waist", ["rezygnacja"] = "cancellation", ["kurierski"] = "courier",
        ["lojalnosciowy"] = "loyalty", ["przedsprzedaz"] = "preorder", ["rozmiarowka"] = "size chart", ["wiekszy"] = "bigger",
        ["mniejszy"] = "smaller", ["czas"] = "time", ["czasie"] = "time", ["tydzien"] = "week", ["tygodni"] = "weeks", ["tygodnie"] = "weeks",
        ["tygodniu"] = "week", ["tygodn"] = "week", ["wziac"] = "take", ["zapomniec"] = "forgot", ["ilosc"] = "quantity", ["ilosci"] = "quantity",
        ["skontaktowac"] = "contact", ["konsultant"] = "consultant", ["konsultantem"] = "consultant", ["rekojmia"] = "statutory warranty",
        ["sprzedazy"] = "sale", ["sprzedaz"] = "sale", ["dole"] = "bottom", ["zlozyc"] = "submit", ["zloz"] = "submit",
        ["zlozylam"] = "submitted", ["zlozone"] = "placed", ["zlozonego"] = "placed", ["zglosic"] = "report", ["zgloszenie"] = "request",
        ["nadania"] = "dispatch", ["nadana"] = "dispatched", ["nadac"] = "send", ["dostepny"] = "available", ["czynny"] = "open",
        ["kompletny"] = "complete", ["oplacony"] = "paid", ["nieoplacony"] = "unpaid", ["kasa"] = "money", ["kasy"] = "money", ["kase"] = "money",
        ["hajs"] = "money", ["stan"] = "status", ["stanie"] = "status", ["przyjsc"] = "arrive", ["przyszedl"] = "arrived", ["przyszla"] = "arrived",
        ["przyszlo"] = "arrived", ["doszla"] = "arrived", ["dojsc"] = "arrive", ["rozmiarze"] = "size", ["kodzik"] = "code", ["promka"] = "promo code",
        ["fakturka"] = "invoice", ["fv"] = "invoice", ["wymianka"] = "exchange", ["zwrotka"] = "return", ["odstapienie"] = "withdrawal",
        ["odstapic"] = "withdraw", ["reklamowac"] = "complaint", ["zareklamowac"] = "complaint", ["wada"] = "defect", ["wade"] = "defect",
        ["wadliwy"] = "defective", ["uszkodzony"] = "damaged", ["uszkodzona"] = "damaged", ["uszkodzenie"] = "damage", ["rozbity"] = "broken",
        ["rozbite"] = "broken", ["stluczone"] = "broken", ["potluczone"] = "broken", ["zgnieciony"] = "crushed", ["zgnieciona"] = "crushed",
        ["podarta"] = "torn", ["przewoznik"] = "carrier", ["przewoznika"] = "carrier", ["przewoznikiem"] = "carrier", ["poznaniu"] = "poznan",
        ["salonie"] = "store", ["salon"] = "store", ["salonu"] = "store", ["stacjonarny"] = "physical store", ["stacjonarnym"] = "physical store",
        ["stacjonarnie"] = "in store", ["butik"] = "store", ["hurtowy"] = "wholesale", ["hurtowe"] = "wholesale", ["upust"] = "discount",
        ["podmienic"] = "swap", ["pomylic"] = "mistake", ["pomylka"] = "mistake", ["dobrac"] = "choose", ["ustawic"] = "set", ["pasowac"] = "fit",
        ["pasuje"] = "fits", ["minac"] = "passed", ["kup"] = "buy", ["caly"] = "whole", ["drugi"] = "second", ["pierwszy"] = "first", ["lat"] = "years",
        ["tel"] = "phone", ["maskowanie"] = "masking", ["przeprowadzic"] = "move", ["znalezc"] = "find", ["prostu"] = "simply", ["raz"] = "time",
        ["razu"] = "once", ["razy"] = "times", ["dzialac"] = "work", ["dziala"] = "works", ["zalatwic"] = "arrange", ["dorzucic"] = "add",
        ["przymierzyc"] = "try on", ["zaznaczyc"] = "mark", ["realizacja"] = "processing", ["realizacji"] = "processing",
        ["rejestracja"] = "registration", ["rejestracji"] = "registration", ["zarejestrowac"] = "register", ["wpisac"] = "enter",
        ["wpisalem"] = "entered", ["wpisalam"] = "entered", ["wpisuje"] = "enter", ["srodku"] = "inside", ["zywo"] = "live",
        ["chyba"] = "probably", ["bezposrednio"] = "directly", ["kot"] = "cat", ["mecz"] = "match", ["meczu"] = "match",
        ["ekspres"] = "coffee machine", ["godziny"] = "hours", ["godzina"] = "hour", ["godzine"] = "hour", ["zamawiac"] = "order",
        ["zamawiam"] = "order", ["zamawialam"] = "ordered", ["taniej"] = "cheaper", ["ide"] = "go", ["isc"] = "go", ["bank"] = "bank",
        ["cala"] = "whole",
    };

    /// <summary>The English reading of <paramref name="text"/>, lower case, words separated by single spaces.</summary>
    public static string Translate(string text)
    {
        var glossary = Glossary.Value;
        var output = new StringBuilder(text.Length + 16);
        foreach (var word in TextNormalizer.Words(text))
        {
            var english = FunctionWords.GetValueOrDefault(word) ?? Content(word, glossary);
            if (english.Length == 0) continue;
            if (output.Length > 0) output.Append(' ');
            output.Append(english);
        }

        return output.ToString();
    }

    /// <summary>Loads the glossary now rather than at the first Polish question.</summary>
    public static int Warm() => Glossary.Value.Count;

    private static string Content(string word, Dictionary<string, string> glossary)
    {
        if (word.Any(char.IsDigit)) return word;
        var lemmas = PolishLexicon.Lemmas(word);
        // "niedostępny" has the lemma "dostępny": the negation is in the form.
        var negated = word.StartsWith("nie", StringComparison.Ordinal) && lemmas.Length > 0 && !lemmas[0].StartsWith("nie", StringComparison.Ordinal) ? "not " : "";
        foreach (var lemma in lemmas)
            if (StoreWords.TryGetValue(lemma, out var store)) return negated + store;
        if ((StoreWords.GetValueOrDefault(word) ?? StoreWords.GetValueOrDefault(Stemmer.Stem(word, "pl"))) is { } own) return own;
        foreach (var lemma in lemmas)
            if (glossary.TryGetValue("=" + lemma, out var english)) return negated + english;
        if ((glossary.GetValueOrDefault("=" + word) ?? glossary.GetValueOrDefault(Stemmer.Stem(word, "pl"))) is { } found) return found;
        foreach (var lemma in lemmas)
            if (glossary.TryGetValue(Stemmer.Stem(lemma, "pl"), out var english)) return english;
        return word;
    }

    private static Dictionary<string, string> Load()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var resource = typeof(PolishToEnglish).Assembly.GetManifestResourceStream("CxBot.Knowledge.Text.Lexicon." + GlossaryFile);
        if (resource is null) return result;
        using var reader = new StreamReader(new GZipStream(resource, CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            if (tab > 0) result[line[..tab]] = line[(tab + 1)..];
        }

        return result;
    }
}
