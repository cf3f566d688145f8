using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CxBot.Texts;

/// <summary>One language's texts, read from its file and checked against <see cref="TextKeys"/>.</summary>
public sealed partial class TextSet
{
    private readonly Dictionary<string, string> _texts;
    private readonly Dictionary<string, string[]> _lists;

    private TextSet(string language, Dictionary<string, string> texts, Dictionary<string, string[]> lists)
    {
        Language = language;
        _texts = texts;
        _lists = lists;
    }

    public string Language { get; }

    public string this[string key] => _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No text '{key}' ({Language}).");

    public IReadOnlyList<string> List(string key) => _lists.TryGetValue(key, out var list) ? list : throw new KeyNotFoundException($"No list '{key}' ({Language}).");

    /// <summary>The text with its <c>{placeholders}</c> filled in.</summary>
    public string Format(string key, params (string Name, object Value)[] values)
    {
        var text = this[key];
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return text;
    }

    /// <summary>Reads and checks a file; every problem names the file and the key.</summary>
    public static (TextSet? Set, List<string> Problems) Read(string path)
    {
        var file = Path.GetFileName(path);
        var language = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var problems = new List<string>();
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path)) stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
                return (null, [$"{file}: expected a mapping from key to text."]);
            root = mapping;
        }
        catch (Exception e) when (e is YamlException or IOException)
        {
            var where = e is YamlException yaml ? $"line {yaml.Start.Line}: " : "";
            return (null, [$"{file}: cannot be read: {where}{e.InnerException?.Message ?? e.Message}"]);
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!TextKeys.All.TryGetValue(key, out var placeholders))
            {
                problems.Add($"{file}: unknown key '{key}'.");
                continue;
            }

            if (TextKeys.Lists.Contains(key))
            {
                if (value is YamlSequenceNode { Children.Count: > 0 } sequence) lists[key] = [.. sequence.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "")];
                else problems.Add($"{file}: '{key}' must be a non-empty list.");
                continue;
            }

            if (value is not YamlScalarNode { Value: { Length: > 0 } text } || string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"{file}: '{key}' must be a non-empty text.");
                continue;
            }

            foreach (var name in placeholders.Where(p => !text.Contains("{" + p + "}", StringComparison.Ordinal)))
                problems.Add($"{file}: '{key}' must contain {{{name}}}.");
            foreach (Match extra in Placeholder().Matches(text))
                if (!placeholders.Contains(extra.Groups[1].Value)) problems.Add($"{file}: '{key}' has {{{extra.Groups[1].Value}}}, which the bot does not fill in.");
            texts[key] = text;
        }

        foreach (var missing in TextKeys.All.Keys.Where(k => !texts.ContainsKey(k) && !lists.ContainsKey(k) && !problems.Any(p => p.Contains($"'{k}'", StringComparison.Ordinal))))
            problems.Add($"{file}: missing key '{missing}'.");
        return problems.Count > 0 ? (null, problems) : (new TextSet(language, texts, lists), problems);
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
