using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Knowledge;

/// <summary>
/// Holds the current <see cref="KnowledgeBase"/>: loads it at start, reports broken articles with file and
/// field, and reloads when the folder changes, without a restart.
/// </summary>
public sealed partial class KnowledgeBaseProvider : IDisposable
{
    private readonly ILogger<KnowledgeBaseProvider> _logger;
    private readonly TimeProvider _time;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _debounce;
    private volatile KnowledgeBase _current = KnowledgeBase.Empty;

    public KnowledgeBaseProvider(IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<KnowledgeBaseProvider> logger)
    {
        _logger = logger;
        _time = time;
        Folder = PathResolver.FindUpwards(options.Value.Folder);
        _debounce = new Timer(_ => Reload());
        Reload();
        if (options.Value.WatchForChanges && Directory.Exists(Folder))
        {
            _watcher = new FileSystemWatcher(Folder, "*.md") { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.DirectoryName };
            _watcher.Changed += (_, _) => ScheduleReload();
            _watcher.Created += (_, _) => ScheduleReload();
            _watcher.Deleted += (_, _) => ScheduleReload();
            _watcher.Renamed += (_, _) => ScheduleReload();
            _watcher.EnableRaisingEvents = true;
        }
    }

    public string Folder { get; }

    public KnowledgeBase Current => _current;

    /// <summary>Raised after each reload, with the new knowledge base.</summary>
    public event Action<KnowledgeBase>? Reloaded;

    public KnowledgeBase Reload()
    {
        var (articles, problems) = KnowledgeBaseLoader.Load(Folder);
        var knowledgeBase = new KnowledgeBase(articles, problems, _time.GetUtcNow());
        _current = knowledgeBase;
        foreach (var problem in problems) LogProblem(problem.File, problem.Field, problem.Message);
        LogLoaded(Folder, articles.Count, problems.Count);
        Reloaded?.Invoke(knowledgeBase);
        return knowledgeBase;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce.Dispose();
    }

    // Editors write a file in several steps; wait for them to settle before reading.
    private void ScheduleReload() => _debounce.Change(TimeSpan.FromMilliseconds(250), Timeout.InfiniteTimeSpan);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge-base article {File} was not loaded: {Field}: {Problem}")]
    private partial void LogProblem(string file, string field, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base {Folder} loaded: {Articles} articles, {Problems} problems")]
    private partial void LogLoaded(string folder, int articles, int problems);
}
