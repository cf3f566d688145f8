namespace CxBot.Knowledge.Retrieval;

/// <summary>
/// Parts of retrieval that can be switched on or off to measure what each adds (<c>calibrate --folds 2 --with lemmas</c>,
/// <c>--without translation</c>). Process-wide and read when an index is built; the product uses the defaults, which are what
/// measured best on the tune questions (docs/PERFORMANCE.md): lemmas and synonyms in the lexical channel added nothing
/// measurable, the English reading of Polish questions added 3 points of top-1.
/// </summary>
public static class RetrievalAblation
{
    /// <summary>Polish words the lexicon knows stand for their lemmas in the lexical channel (otherwise for their stems).</summary>
    public static bool Lemmas { get; set; }

    /// <summary>The lexicon's store synonyms of those lemmas are added at a lower weight (needs <see cref="Lemmas"/>).</summary>
    public static bool Synonyms { get; set; }

    /// <summary>Polish questions are also read word by word in English by the sentence embeddings.</summary>
    public static bool Translation { get; set; } = true;

    /// <summary>Switches the named parts (comma-separated: lemmas, synonyms, translation) on or off; an unknown name is an error.</summary>
    public static void Set(string names, bool on)
    {
        foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (name)
            {
                case "lemmas": Lemmas = on; break;
                case "synonyms": Synonyms = on; Lemmas |= on; break;
                case "translation": Translation = on; break;
                default: throw new ArgumentException($"Unknown part '{name}' (lemmas, synonyms, translation).", nameof(names));
            }
        }
    }
}
