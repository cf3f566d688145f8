using CxBot.Knowledge.Text;

namespace CxBot.Cli.Commands;

/// <summary>
/// Builds the Polish→English word glossary (<see cref="PolishToEnglish"/>) from the FreeDict Polish–English dictionary and the
/// hunspell-pl forms. Each dictionary lemma gets one or two English words: the translations of its most fitting sense
/// (common senses first, specialist domains such as zoology or chemistry last, senses whose English words the English
/// articles use preferred), so "zwrot" reads "return refund" and "paczka" "parcel", not "fellowship". Every inflected
/// form of a lemma is keyed by its light stem (<see cref="Stemmer"/>), which keeps the file small and still finds
/// "niemiec" (of "Niemcy") or "kupilam". Perfective verbs the dictionary lacks borrow the gloss of their imperfective
/// ("kupic" → "kupowac", "zaplacic" → "placic").
/// </summary>
public static class PolishGlossaryBuilder
{
    /// <summary>Senses in these domains are rarely what a customer of a store means.</summary>
    private static readonly HashSet<string> UnlikelyDomains = new(StringComparer.Ordinal)
    {
        "medycyna", "historia", "botanika", "religia", "chemia", "językoznawstwo", "zoologia", "muzyka", "ornitologia",
        "fizyka", "astronomia", "anatomia", "biologia", "matematyka", "wojskowość", "geologia", "systematyka", "literatura",
        "przestarzałe", "mitologia grecka", "psychologia", "architektura", "etnografia", "dawniej", "żeglarstwo", "sztuka",
        "filozofia", "mineralogia", "biochemia", "gramatyka", "ichtiologia", "farmacja", "rzadki", "rzadko używany", "nauka",
        "rolnictwo", "wulgarnie", "biblijny", "geometria", "fizjologia", "meteorologia", "kościelny", "książkowy", "sport",
        "politologia", "muzykologia", "entomologia", "łowiectwo", "górnictwo", "heraldyka", "teatr", "kolejnictwo", "lotnictwo",
    };

    /// <summary>Domains of a store's conversations.</summary>
    private static readonly HashSet<string> StoreDomains = new(StringComparer.Ordinal)
    {
        "handel", "ekonomia", "usługi pocztowe", "poczta", "bankowość", "informatyka", "krawiectwo", "odzież", "finanse", "potocznie",
        "prawo", "administracja", "transport", "włókiennictwo", "kosmetyka",
    };

    private static readonly string[] PerfectivePrefixes = ["prze", "roz", "pod", "nad", "za", "po", "wy", "od", "do", "na", "ob", "u", "o", "z", "s"];

    /// <param name="forms">Each hunspell entry's folded forms, its lemma first.</param>
    /// <param name="entries">The dictionary.</param>
    /// <param name="englishVocabulary">Stems of the English articles' words.</param>
    public static SortedDictionary<string, string> Build(IReadOnlyList<string[]> forms, IEnumerable<FreeDict.Entry> entries, IReadOnlySet<string> englishVocabulary)
    {
        // One gloss per folded lemma, from all its entries (a headword can be a noun and a verb).
        var senses = new Dictionary<string, List<FreeDict.Sense>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Headword.Contains(' ') || entry.PartOfSpeech is "suffix" or "prefix" or "symbol" or "proverb" or "idiom") continue;
            var key = TextNormalizer.Normalize(entry.Headword);
            if (key.Length < 2 || key.Contains(' ')) continue;
            (senses.TryGetValue(key, out var list) ? list : senses[key] = []).AddRange(entry.Senses);
        }

        if (Environment.GetEnvironmentVariable("CXBOT_GLOSSARY_EXPLAIN") is { } explain && senses.TryGetValue(explain, out var explained))
            foreach (var (sense, i) in explained.Select((s, i) => (s, i)))
                Console.Error.WriteLine($"{i} [{string.Join('|', sense.Translations)}] <{string.Join('|', sense.Labels)}> score {Score(sense, i, englishVocabulary)}");
        var glosses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (lemma, list) in senses)
            if (Gloss(list, englishVocabulary) is { } gloss) glosses[lemma] = gloss;

        // Lemmas hunspell knows but the dictionary does not: perfective verbs take their imperfective's gloss.
        var lemmas = forms.Select(f => f[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var lemma in lemmas)
        {
            if (glosses.ContainsKey(lemma) || !lemma.EndsWith('c')) continue;
            if (Imperfectives(lemma).FirstOrDefault(candidate => candidate != lemma && glosses.ContainsKey(candidate)) is { } imperfective)
                glosses[lemma] = glosses[imperfective];
        }

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (lemma, gloss) in glosses) result["=" + lemma] = gloss;

        // Stem keys of every form. Where forms of two lemmas share a stem, the lemma whose own stem it is wins
        // ("kota" is "kot" before "kota"), then the shorter lemma.
        var owner = new Dictionary<string, (string Lemma, int Rank)>(StringComparer.Ordinal);
        foreach (var entryForms in forms)
        {
            var lemma = entryForms[0];
            if (!glosses.ContainsKey(lemma)) continue;
            var own = Stemmer.Stem(lemma, "pl");
            foreach (var form in entryForms)
            {
                var key = Stemmer.Stem(form, "pl");
                var rank = (key == own ? 0 : 1000) + lemma.Length;
                if (!owner.TryGetValue(key, out var current) || rank < current.Rank) owner[key] = (lemma, rank);
            }
        }

        foreach (var (key, (lemma, _)) in owner)
            if (glosses[lemma] != result.GetValueOrDefault("=" + key)) result[key] = glosses[lemma];
        return result;
    }

    /// <summary>The English of a lemma: its best sense's first translation, and one more the articles use, if any.</summary>
    private static string? Gloss(List<FreeDict.Sense> senses, IReadOnlySet<string> englishVocabulary)
    {
        // A translation several senses share is the word's core meaning ("karta": card in four senses, tab in one).
        var shared = senses.SelectMany(s => s.Translations.Select(Clean).Distinct()).CountBy(t => t).ToDictionary(p => p.Key, p => p.Value);
        var scored = senses.Select((sense, i) => (Sense: sense, Score: Score(sense, i, englishVocabulary)
                + 0.7 * sense.Translations.Select(t => shared[Clean(t)] - 1).DefaultIfEmpty(0).Max()))
            .Where(s => s.Sense.Translations.Count > 0).OrderByDescending(s => s.Score).ToList();
        // A word known only in specialist senses (a bird, a mineral) is pruned: a customer who writes it means something else.
        if (scored.Count == 0 || scored[0].Score < -2) return null;
        var words = new List<string> { Clean(scored[0].Sense.Translations[0]) };
        var extra = scored.Where(s => s.Score > -3).SelectMany(s => s.Sense.Translations).Select(Clean)
            .FirstOrDefault(t => !words.Contains(t) && InVocabulary(t, englishVocabulary));
        if (extra is not null && !InVocabulary(words[0], englishVocabulary) || extra is not null && scored[0].Sense.Translations.Select(Clean).Contains(extra))
            words.Add(extra);
        var gloss = string.Join(' ', words.Where(w => w.Length > 0));
        return gloss.Length == 0 ? null : gloss;
    }

    private static double Score(FreeDict.Sense sense, int position, IReadOnlySet<string> englishVocabulary)
    {
        var score = -0.3 * position;
        if (sense.Labels.Any(UnlikelyDomains.Contains)) score -= 5;
        if (sense.Labels.Any(StoreDomains.Contains)) score += 1;
        if (sense.Translations.Select(Clean).Any(t => InVocabulary(t, englishVocabulary))) score += 3;
        return score;
    }

    private static bool InVocabulary(string translation, IReadOnlySet<string> englishVocabulary)
    {
        var words = TextNormalizer.Words(translation).Where(w => !StopWords.Contains(w)).ToList();
        return words.Count > 0 && words.All(w => englishVocabulary.Contains(Stemmer.Stem(w, "en")));
    }

    /// <summary>"to buy" → "buy"; "(sth) send" → "send"; at most three words.</summary>
    private static string Clean(string translation)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(translation, @"\([^)]*\)|\[[^\]]*\]", " ");
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "to") words.RemoveAt(0);
        return string.Join(' ', words.Take(3)).ToLowerInvariant();
    }

    /// <summary>Imperfective candidates of a folded perfective verb: "kupic" → "kupowac", "usunac" → "usuwac", "zaplacic" → "placic".</summary>
    public static IEnumerable<string> Imperfectives(string verb)
    {
        var bases = new List<string> { verb };
        bases.AddRange(PerfectivePrefixes.Where(p => verb.StartsWith(p, StringComparison.Ordinal) && verb.Length - p.Length >= 4).Select(p => verb[p.Length..]));
        foreach (var b in bases)
        {
            foreach (var candidate in Rewrites(b)) yield return candidate;
            // Vowel alternation: "zamowic" → "zamawiac", "zwrocic" → "zwracac".
            var o = b.Length > 3 ? b.LastIndexOf('o', b.Length - 3) : -1;
            if (o > 0)
                foreach (var candidate in Rewrites(b[..o] + "a" + b[(o + 1)..])) yield return candidate;
            yield return b;
        }
    }

    private static IEnumerable<string> Rewrites(string verb)
    {
        (string From, string To)[] rules =
        [
            ("ic", "iac"), ("ic", "owac"), ("ic", "ywac"), ("ac", "ywac"), ("ac", "iwac"), ("ac", "awac"), ("nac", "wac"), ("nac", "ac"),
            ("cic", "cac"), ("dzic", "dzac"), ("sic", "szac"), ("zic", "zac"), ("lac", "ylac"), ("ac", "ieac"), ("yc", "ywac"),
            ("rac", "ierac"), ("ejc", "chodzic"), ("jsc", "chodzic"),
        ];
        foreach (var (from, to) in rules)
            if (verb.EndsWith(from, StringComparison.Ordinal)) yield return verb[..^from.Length] + to;
    }
}
