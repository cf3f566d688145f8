using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CxBot.Knowledge;

/// <summary>
/// Reads every <c>*.md</c> under the knowledge-base folder. A broken article (bad YAML, a missing or
/// invalid field, a duplicate id) is reported with its file and field and left out; the rest loads.
/// </summary>
public static class KnowledgeBaseLoader
{
    private static readonly string[] Languages = ["pl", "en"];

    public static (List<KnowledgeArticle> Articles, List<KnowledgeProblem> Problems) Load(string folder)
    {
        var articles = new List<KnowledgeArticle>();
        var problems = new List<KnowledgeProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new KnowledgeProblem(folder, "(folder)", "The knowledge-base folder does not exist."));
            return (articles, problems);
        }

        // Reading and parsing are independent per file, so they run on all cores; duplicates are then
        // settled in file-name order, so the first file of an id always wins.
        var parsed = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where(path => !Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .AsParallel().AsOrdered()
            .Select(path => ReadAndParse(path, Path.GetRelativePath(folder, path)))
            .ToList();

        var seen = new Dictionary<(string Id, string Language), string>();
        foreach (var (file, article, problem) in parsed)
        {
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            if (seen.TryGetValue((article!.Id, article.Language), out var first))
            {
                problems.Add(new KnowledgeProblem(file, "id", $"Duplicate id '{article.Id}' ({article.Language}); already defined in {first}."));
                continue;
            }

            seen[(article.Id, article.Language)] = file;
            articles.Add(article);
        }

        return (articles, problems);
    }

    private static (string File, KnowledgeArticle? Article, KnowledgeProblem? Problem) ReadAndParse(string path, string file)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (IOException e) { return (file, null, new KnowledgeProblem(file, "(file)", e.Message)); }

        var (article, problem) = Parse(text, file);
        return (file, article, problem);
    }

    public const string OutOfScopeFile = "out-of-scope.yml";

    /// <summary>
    /// Questions the knowledge base deliberately does not answer (<c>out-of-scope.yml</c>: a list per language), so the index
    /// learns where its knowledge ends. A missing file is none; a broken one is reported and skipped.
    /// </summary>
    public static (List<(string Text, string Language)> Examples, KnowledgeProblem? Problem) LoadOutOfScope(string folder)
    {
        var path = Path.Combine(folder, OutOfScopeFile);
        if (!File.Exists(path)) return ([], null);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
                return ([], new KnowledgeProblem(OutOfScopeFile, "(file)", "Expected a mapping from language (pl, en) to a list of questions."));
            var examples = new List<(string, string)>();
            foreach (var (key, value) in root.Children)
            {
                var language = (key as YamlScalarNode)?.Value ?? "";
                if (!Languages.Contains(language)) return ([], new KnowledgeProblem(OutOfScopeFile, language, $"'{language}' is not a supported language (pl, en)."));
                if (value is not YamlSequenceNode list) return ([], new KnowledgeProblem(OutOfScopeFile, language, "Expected a list of questions."));
                examples.AddRange(list.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "").Where(t => t.Trim().Length > 0).Select(t => (t, language)));
            }

            return (examples, null);
        }
        catch (Exception e) when (e is YamlException or IOException)
        {
            return ([], new KnowledgeProblem(OutOfScopeFile, "(file)", e.Message));
        }
    }

    public static (KnowledgeArticle? Article, KnowledgeProblem? Problem) Parse(string text, string file)
    {
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            return (null, new KnowledgeProblem(file, "(front matter)", "The file must start with '---' and YAML front matter."));
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0) return (null, new KnowledgeProblem(file, "(front matter)", "The front matter is not closed with '---'."));
        var yaml = text[4..end];
        var body = text[(end + 4)..].TrimStart('-').Trim();

        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
                return (null, new KnowledgeProblem(file, "(front matter)", "The front matter must be a YAML mapping."));
            root = mapping;
        }
        catch (YamlException e)
        {
            return (null, new KnowledgeProblem(file, "(front matter)", $"Invalid YAML at line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}"));
        }

        string? Scalar(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;
        List<string>? Sequence(string key) =>
            root.Children.TryGetValue(new YamlScalarNode(key), out var node)
                ? node switch
                {
                    YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "").Where(v => v.Length > 0).ToList(),
                    YamlScalarNode { Value: { Length: > 0 } single } => [single],
                    _ => [],
                }
                : null;

        var id = Scalar("id");
        if (string.IsNullOrWhiteSpace(id)) return (null, new KnowledgeProblem(file, "id", "Missing id."));
        if (!System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9][a-z0-9-]*$"))
            return (null, new KnowledgeProblem(file, "id", $"'{id}' is not a valid id (lower-case letters, digits and '-')."));
        var language = Scalar("locale")?.Trim().ToLowerInvariant();
        if (language is null || !Languages.Contains(language[..Math.Min(2, language.Length)]))
            return (null, new KnowledgeProblem(file, "locale", $"'{language}' is not a supported locale (pl, en)."));
        language = language[..2];
        var title = Scalar("title");
        if (string.IsNullOrWhiteSpace(title)) return (null, new KnowledgeProblem(file, "title", "Missing title."));
        var questions = Sequence("questions");
        if (questions is null || questions.Count == 0) return (null, new KnowledgeProblem(file, "questions", "At least one sample question is needed."));
        if (body.Length == 0) return (null, new KnowledgeProblem(file, "(body)", "The answer body is empty."));
        var escalateText = Scalar("escalate");
        if (escalateText is not null && !bool.TryParse(escalateText, out _))
            return (null, new KnowledgeProblem(file, "escalate", $"'{escalateText}' is not true or false."));

        var team = Scalar("team")?.Trim();
        if (team is not null && !System.Text.RegularExpressions.Regex.IsMatch(team, "^[a-z0-9][a-z0-9-]*$"))
            return (null, new KnowledgeProblem(file, "team", $"'{team}' is not a valid team name (lower-case letters, digits and '-')."));

        return (new KnowledgeArticle(id, language, title.Trim(), Sequence("tags") ?? [], questions, body,
            escalateText is not null && bool.Parse(escalateText), Sequence("related") ?? [], file, string.IsNullOrEmpty(team) ? null : team), null);
    }
}
