using System.Text;

namespace CxBot.Knowledge.Teaching;

/// <summary>
/// Writes taught questions into the knowledge base's files, so git stays the source: each one becomes a line of its
/// article's <c>questions:</c> list (in the article of its language), out-of-scope ones a line of <c>out-of-scope.yml</c>.
/// Questions already there are not written twice; a question whose article the folder does not have in its language is
/// skipped and reported. Only those lines are added: the rest of each file stays as it was.
/// </summary>
public static class TaughtExporter
{
    /// <summary>What an export did.</summary>
    /// <param name="Written">Questions added to a file.</param>
    /// <param name="AlreadyThere">Questions the file already had.</param>
    /// <param name="Skipped">Questions with no article file in their language, with why.</param>
    /// <param name="Files">Files changed, relative to the folder.</param>
    public sealed record Result(IReadOnlyList<TaughtQuestion> Written, IReadOnlyList<TaughtQuestion> AlreadyThere,
        IReadOnlyList<(TaughtQuestion Question, string Reason)> Skipped, IReadOnlyList<string> Files);

    public static Result Export(string folder, IReadOnlyList<TaughtQuestion> taught)
    {
        var (articles, _) = KnowledgeBaseLoader.Load(folder);
        var written = new List<TaughtQuestion>();
        var already = new List<TaughtQuestion>();
        var skipped = new List<(TaughtQuestion, string)>();
        var files = new List<string>();

        foreach (var group in taught.Where(q => !q.OutOfScope).GroupBy(q => (q.ArticleId, q.Language)))
        {
            var article = articles.FirstOrDefault(a => a.Id == group.Key.ArticleId && a.Language == group.Key.Language);
            if (article is null)
            {
                skipped.AddRange(group.Select(q => (q, $"no '{q.ArticleId}' article in '{q.Language}'")));
                continue;
            }

            var known = article.Questions.Select(Key).ToHashSet(StringComparer.Ordinal);
            var fresh = Fresh(group, known, already);
            if (fresh.Count == 0) continue;
            var path = Path.Combine(folder, article.SourceFile);
            File.WriteAllText(path, AddToArticle(File.ReadAllText(path), fresh.Select(q => q.Text)));
            written.AddRange(fresh);
            files.Add(article.SourceFile);
        }

        var outOfScope = taught.Where(q => q.OutOfScope).ToList();
        if (outOfScope.Count > 0)
        {
            var (existing, problem) = KnowledgeBaseLoader.LoadOutOfScope(folder);
            if (problem is not null)
            {
                skipped.AddRange(outOfScope.Select(q => (q, $"{KnowledgeBaseLoader.OutOfScopeFile} cannot be read: {problem.Message}")));
            }
            else
            {
                var path = Path.Combine(folder, KnowledgeBaseLoader.OutOfScopeFile);
                var text = File.Exists(path) ? File.ReadAllText(path) : "# Questions this knowledge base deliberately does not answer, per language.\n";
                var changed = false;
                foreach (var group in outOfScope.GroupBy(q => q.Language))
                {
                    var known = existing.Where(e => e.Language == group.Key).Select(e => Key(e.Text)).ToHashSet(StringComparer.Ordinal);
                    var fresh = Fresh(group, known, already);
                    if (fresh.Count == 0) continue;
                    text = AddToList(text, group.Key, fresh.Select(q => q.Text), topLevel: true);
                    written.AddRange(fresh);
                    changed = true;
                }

                if (changed)
                {
                    File.WriteAllText(path, text);
                    files.Add(KnowledgeBaseLoader.OutOfScopeFile);
                }
            }
        }

        return new Result(written, already, skipped, files);
    }

    private static List<TaughtQuestion> Fresh(IEnumerable<TaughtQuestion> questions, HashSet<string> known, List<TaughtQuestion> already)
    {
        var fresh = new List<TaughtQuestion>();
        foreach (var question in questions)
        {
            if (known.Add(Key(question.Text))) fresh.Add(question);
            else already.Add(question);
        }

        return fresh;
    }

    private static string Key(string text) => Text.TextNormalizer.Normalize(text);

    /// <summary>The article's text with <paramref name="questions"/> added to its front matter's <c>questions:</c> list.</summary>
    internal static string AddToArticle(string text, IEnumerable<string> questions)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split(newline).ToList();
        var end = lines.FindIndex(1, l => l.TrimEnd() == "---");
        if (lines.Count == 0 || lines[0].TrimEnd() != "---" || end < 0) throw new InvalidDataException("The article has no front matter between --- lines.");
        var frontMatter = string.Join(newline, lines.Take(end));
        var updated = AddToList(frontMatter + newline, "questions", questions, topLevel: true).TrimEnd('\n', '\r');
        return updated + newline + string.Join(newline, lines.Skip(end));
    }

    /// <summary>
    /// <paramref name="yaml"/> with items appended to the block list under the top-level key <paramref name="key"/> (created at
    /// the end when missing). Items are written double-quoted, so any text is valid YAML.
    /// </summary>
    internal static string AddToList(string yaml, string key, IEnumerable<string> items, bool topLevel)
    {
        var newline = yaml.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = yaml.Split(newline).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        var start = lines.FindIndex(l => topLevel ? l.TrimEnd() == key + ":" : l.Trim() == key + ":");
        if (start < 0 && lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal)) >= 0)
            throw new InvalidDataException($"'{key}:' is not a block list; write it as one item per line to export into it.");
        var indent = "  - ";
        int insertAt;
        if (start < 0)
        {
            lines.Add(key + ":");
            insertAt = lines.Count;
        }
        else
        {
            insertAt = start + 1;
            for (var i = start + 1; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
                if (!char.IsWhiteSpace(line[0]) && !line.StartsWith('-')) break;
                if (line.TrimStart().StartsWith("- ", StringComparison.Ordinal) && insertAt == start + 1) indent = line[..(line.IndexOf('-') + 2)];
                insertAt = i + 1;
            }
        }

        lines.InsertRange(insertAt, items.Select(item => indent + Quote(item)));
        return string.Join(newline, lines) + newline;
    }

    private static string Quote(string text)
    {
        var single = text.ReplaceLineEndings(" ").Trim();
        var builder = new StringBuilder("\"");
        foreach (var c in single)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
