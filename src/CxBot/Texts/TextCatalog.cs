using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CxBot.Bot;

namespace CxBot.Texts;

/// <summary>
/// Everything the bot says, one YAML file per language in <see cref="BotOptions.TextsFolder"/> (<c>pl.yml</c>, <c>en.yml</c>):
/// a CX lead changes the tone of voice without a rebuild, and adding a language is adding a file. Every file is checked
/// against <see cref="TextKeys"/> at start (a missing or unknown key stops the host, naming the file and the key) and on
/// every change; a broken edit is reported and the texts in use stay as they were.
/// </summary>
public sealed partial class TextCatalog : IDisposable
{
    /// <summary>The languages the bot cannot do without: the store's and English.</summary>
    public static readonly string[] Required = ["pl", "en"];

    private readonly ILogger<TextCatalog> _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _debounce;
    private volatile Dictionary<string, TextSet> _sets;

    public TextCatalog(IOptions<BotOptions> options, ILogger<TextCatalog> logger)
    {
        _logger = logger;
        Folder = PathResolver.FindUpwards(options.Value.TextsFolder);
        var (sets, problems) = Load(Folder);
        if (problems.Count > 0)
            throw new InvalidOperationException($"The bot's texts in {Folder} are not valid:\n  " + string.Join("\n  ", problems));
        _sets = sets;
        _debounce = new Timer(_ => Reload());
        if (options.Value.WatchTexts)
        {
            _watcher = new FileSystemWatcher(Folder, "*.yml") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite };
            _watcher.Changed += (_, _) => ScheduleReload();
            _watcher.Created += (_, _) => ScheduleReload();
            _watcher.Deleted += (_, _) => ScheduleReload();
            _watcher.Renamed += (_, _) => ScheduleReload();
            _watcher.EnableRaisingEvents = true;
        }
    }

    public string Folder { get; }

    public IReadOnlyCollection<string> Languages => _sets.Keys;

    /// <summary>The texts of <paramref name="language"/>, or Polish (the store's language) for one without a file.</summary>
    public TextSet For(string language) => _sets.GetValueOrDefault(language) ?? _sets["pl"];

    /// <summary>Reads the folder again; false (and the texts in use kept) when a file is broken.</summary>
    public bool Reload()
    {
        var (sets, problems) = Load(Folder);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) LogProblem(problem);
            return false;
        }

        _sets = sets;
        LogReloaded(Folder, sets.Count);
        return true;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce.Dispose();
    }

    private static (Dictionary<string, TextSet> Sets, List<string> Problems) Load(string folder)
    {
        var sets = new Dictionary<string, TextSet>(StringComparer.Ordinal);
        var problems = new List<string>();
        if (!Directory.Exists(folder)) return (sets, [$"The texts folder {folder} does not exist."]);
        foreach (var path in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            var (set, fileProblems) = TextSet.Read(path);
            problems.AddRange(fileProblems);
            if (set is not null) sets[set.Language] = set;
        }

        problems.AddRange(Required.Where(l => !sets.ContainsKey(l) && !problems.Any(p => p.StartsWith(l + ".yml", StringComparison.Ordinal)))
            .Select(l => $"{l}.yml: missing (the bot speaks {string.Join(" and ", Required)})."));
        return (sets, problems);
    }

    private void ScheduleReload() => _debounce.Change(TimeSpan.FromMilliseconds(250), Timeout.InfiniteTimeSpan);

    [LoggerMessage(Level = LogLevel.Error, Message = "The bot's texts were not reloaded: {Problem}")]
    private partial void LogProblem(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "The bot's texts in {Folder} reloaded: {Languages} languages")]
    private partial void LogReloaded(string folder, int languages);
}
