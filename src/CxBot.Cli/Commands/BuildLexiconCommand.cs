using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using CxBot.Knowledge;
using CxBot.Knowledge.Text;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>build-lexicon</c>: the Polish lemmas and synonyms the retrieval index reads, built from the hunspell-pl dictionary and the
/// mythes-pl thesaurus (Debian packages <c>hunspell-pl</c>, <c>mythes-pl</c> and, for <c>unmunch</c>, <c>hunspell-tools</c>) and
/// pruned to what the knowledge base can use: every inflected form of every lemma the articles contain, and of the
/// thesaurus's synonyms of those lemmas in the senses that concern the store. Run it again after large article changes;
/// words it does not know fall back to the light stemmer.
/// </summary>
public static class BuildLexiconCommand
{
    public const string Help = "build the Polish lemmas, synonyms and Polish-English glossary from hunspell-pl, mythes-pl and FreeDict (--kb knowledge-base --out src/CxBot/Knowledge/Text/Lexicon)";

    private const string Sentinel = "qqcxbotqq";

    /// <summary>Thesaurus senses or words marked so are not how customers write to a store.</summary>
    private static readonly string[] DroppedQualifiers = ["przestarz.", "książk.", "wulg.", "żart.", "specjalist.", "pojęcie nadrzędne", "pojęcie podrzędne", "środ.", "reg.", "poet.", "rzad."];

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var latin2 = Encoding.GetEncoding("iso-8859-2");
        var dic = args.Get("dic") ?? "/usr/share/hunspell/pl_PL.dic";
        var aff = args.Get("aff") ?? "/usr/share/hunspell/pl_PL.aff";
        var thesaurus = args.Get("thesaurus") ?? "/usr/share/mythes/th_pl_PL_v2.dat";
        var target = args.Get("out") ?? "src/CxBot/Knowledge/Text/Lexicon";
        var freeDict = args.Get("freedict") ?? "/usr/share/dictd/freedict-pol-eng";
        foreach (var file in new[] { dic, aff, thesaurus })
            if (!File.Exists(file)) throw new UsageException($"'{file}' does not exist: install the Debian packages hunspell-pl, mythes-pl, hunspell-tools and dict-freedict-pol-eng.");
        var started = Stopwatch.GetTimestamp();

        // Every form of every dictionary entry, grouped by entry: unmunch expands the affix rules, and a sentinel word
        // after each entry marks where its forms end.
        var forms = await UnmunchAsync(dic, aff, latin2);
        await output.WriteLineAsync($"hunspell-pl: {forms.Count} entries expanded");

        var (articles, _) = KnowledgeBaseLoader.Load(args.Get("kb") ?? "knowledge-base");
        var vocabulary = articles.Where(a => a.Language == "pl")
            .SelectMany(a => a.Questions.Append(a.Title).Concat(a.Tags).Append(a.Body))
            .SelectMany(TextNormalizer.Words).Where(w => !StopWords.Contains(w) && !w.Any(char.IsDigit)).ToHashSet(StringComparer.Ordinal);

        // The lemmas the articles use: entries with a form among the articles' words.
        var byForm = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var entry = 0; entry < forms.Count; entry++)
            foreach (var form in forms[entry])
                if (vocabulary.Contains(form)) (byForm.TryGetValue(form, out var set) ? set : byForm[form] = []).Add(entry);
        var lemmaOf = (int entry) => forms[entry][0];
        var kbLemmas = byForm.Values.SelectMany(s => s).Select(lemmaOf).ToHashSet(StringComparer.Ordinal);
        await output.WriteLineAsync($"articles: {vocabulary.Count} words, {byForm.Count} found in the dictionary, {kbLemmas.Count} lemmas");

        // Synonyms: a thesaurus sense of an article lemma is kept when it names no sense marker above and it is about the
        // store, i.e. it shares another lemma with the articles or is one or two plain words.
        var synonyms = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (head, senses) in ReadThesaurus(thesaurus, latin2))
        {
            var headLemma = Fold(head);
            if (!kbLemmas.Contains(headLemma)) continue;
            foreach (var sense in senses)
            {
                var words = sense.Where(s => !DroppedQualifiers.Any(s.Contains)).Select(s => Fold(StripQualifiers(s))).Where(s => s.Length > 2 && !s.Contains(' ')).ToList();
                if (words.Count == 0 || sense.Count > 4 && !words.Any(w => w != headLemma && kbLemmas.Contains(w))) continue;
                foreach (var word in words.Where(w => w != headLemma && !StopWords.Contains(w)))
                    (synonyms.TryGetValue(word, out var set) ? set : synonyms[word] = new SortedSet<string>(StringComparer.Ordinal)).Add(headLemma);
            }
        }

        // Every form of the article lemmas and of their synonyms, folded as queries are, with its lemma(s).
        var wanted = kbLemmas.Concat(synonyms.Keys).ToHashSet(StringComparer.Ordinal);
        var lemmas = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var entryForms in forms)
        {
            var lemma = entryForms[0];
            if (!wanted.Contains(lemma)) continue;
            foreach (var form in entryForms)
                (lemmas.TryGetValue(form, out var set) ? set : lemmas[form] = new SortedSet<string>(StringComparer.Ordinal)).Add(lemma);
        }

        Directory.CreateDirectory(target);
        // A form that is a lemma itself ("sklep") means that lemma, not a rare verb that happens to inflect to it.
        await WriteAsync(Path.Combine(target, PolishLexicon.LemmasFile),
            lemmas.Select(p => $"{p.Key}\t{(p.Value.Contains(p.Key) ? p.Key : string.Join(' ', p.Value))}"));
        await WriteAsync(Path.Combine(target, PolishLexicon.SynonymsFile), synonyms.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}\t{string.Join(' ', p.Value)}"));
        await output.WriteLineAsync($"written {lemmas.Count} forms and {synonyms.Count} synonyms to {target} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

        // The Polish→English glossary the translated semantic channel reads (PolishToEnglish).
        var englishVocabulary = articles.Where(a => a.Language == "en")
            .SelectMany(a => a.Questions.Append(a.Title).Concat(a.Tags).Append(a.Body))
            .SelectMany(TextNormalizer.Words).Select(w => Stemmer.Stem(w, "en")).ToHashSet(StringComparer.Ordinal);
        var glossary = PolishGlossaryBuilder.Build(forms, FreeDict.Read(freeDict), englishVocabulary);
        await WriteAsync(Path.Combine(target, PolishToEnglish.GlossaryFile), glossary.Select(p => $"{p.Key}\t{p.Value}"));
        await output.WriteLineAsync($"written {glossary.Count(p => p.Key.StartsWith('='))} glossed lemmas, {glossary.Count} keys to {target} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return 0;
    }

    private static string Fold(string text) => TextNormalizer.Normalize(text);

    private static string StripQualifiers(string word) => System.Text.RegularExpressions.Regex.Replace(word, @"\s*\([^)]*\)", "").Trim();

    /// <summary>Each dictionary entry's folded forms, its own (folded) lemma first.</summary>
    private static async Task<List<string[]>> UnmunchAsync(string dic, string aff, Encoding encoding)
    {
        var marked = Path.GetTempFileName();
        try
        {
            var lines = File.ReadLines(dic, encoding).ToList();
            await File.WriteAllLinesAsync(marked, lines.Take(1).Concat(lines.Skip(1).SelectMany(l => new[] { l, Sentinel })), encoding);
            var info = new ProcessStartInfo("unmunch") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = encoding };
            info.ArgumentList.Add(marked);
            info.ArgumentList.Add(aff);
            using var process = Process.Start(info) ?? throw new UsageException("unmunch did not start: install the Debian package hunspell-tools.");
            _ = process.StandardError.ReadToEndAsync();
            var entries = new List<string[]>();
            var current = new List<string>();
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line == Sentinel)
                {
                    if (current.Count > 0) entries.Add([.. current.Select(Fold).Distinct()]);
                    current.Clear();
                }
                else if (line.Length > 0) current.Add(line);
            }

            await process.WaitForExitAsync();
            return entries;
        }
        finally
        {
            File.Delete(marked);
        }
    }

    /// <summary>mythes' .dat: "word|number of senses", then one "-|synonym|synonym…" line per sense.</summary>
    private static IEnumerable<(string Head, List<List<string>> Senses)> ReadThesaurus(string path, Encoding encoding)
    {
        using var reader = new StreamReader(path, encoding);
        reader.ReadLine(); // the encoding's name
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('|');
            if (parts.Length != 2 || !int.TryParse(parts[1], out var count)) continue;
            var senses = new List<List<string>>();
            for (var i = 0; i < count && reader.ReadLine() is { } sense; i++) senses.Add([.. sense.Split('|').Skip(1)]);
            yield return (parts[0], senses);
        }
    }

    private static async Task WriteAsync(string path, IEnumerable<string> lines)
    {
        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        await using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        foreach (var line in lines) await writer.WriteLineAsync(line);
    }
}
