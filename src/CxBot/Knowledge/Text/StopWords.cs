namespace CxBot.Knowledge.Text;

/// <summary>Function words that say nothing about which article a question needs (folded, both languages).</summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // Polish
        "a", "aby", "albo", "ale", "bo", "by", "byc", "bylo", "byl", "byla", "chce", "chcialbym", "chcialabym", "chcialem", "chcialam",
        "co", "czy", "dla", "do", "gdzie", "i", "ich", "ile", "im", "jak", "jaka", "jaki", "jakie", "jest", "jestem", "juz", "ja", "jej",
        "jesli", "jezeli", "go", "kiedy", "ktora", "ktore", "ktory", "mam", "mi", "mnie", "moge", "moj", "moja", "moje", "mojego", "moim",
        "mojej", "moze", "mozna", "na", "nad", "nam", "nas", "nie", "o", "od", "po", "pod", "prosze", "przez", "przy", "sa", "sie", "tak",
        "tam", "ten", "to", "tu", "ta", "te", "tego", "tej", "tym", "u", "w", "we", "wam", "was", "z", "za", "ze", "zeby", "hej", "czesc",
        "dzien", "dobry", "witam", "pan", "pani", "panstwo", "mojej", "swoj", "swoje", "swoja", "jakis", "cos", "troche", "bardzo", "oraz",
        // English
        "a", "about", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could", "do", "does", "did", "for",
        "from", "had", "has", "have", "hello", "hi", "how", "i", "if", "im", "in", "is", "it", "its", "me", "my", "of", "on", "or", "our",
        "please", "pls", "so", "that", "the", "their", "them", "there", "they", "this", "to", "us", "was", "we", "what", "when", "where",
        "which", "who", "why", "will", "with", "would", "you", "your", "hey", "want", "wanna", "need", "get", "just", "should", "ive", "id",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
