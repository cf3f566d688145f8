using CxBot.Knowledge.Retrieval;
using CxBot.Understanding.Embeddings;
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
    private readonly EmbeddingCache _embeddings;
    private readonly ClassifierCache _classifiers;
    private readonly int _classifierMaxArticles;
    private volatile KnowledgeBase _current = KnowledgeBase.Empty;

    public KnowledgeBaseProvider(IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<KnowledgeBaseProvider> logger)
    {
        _logger = logger;
        _time = time;
        var cache = options.Value.CacheFolder;
        _embeddings = new EmbeddingCache(cache is null ? null : Path.Combine(cache, "knowledge-embeddings.bin"));
        _classifiers = new ClassifierCache(cache);
        _classifierMaxArticles = options.Value.ClassifierMaxArticles;
        Folder = PathResolver.FindUpwards(options.Value.Folder);
        _debounce = new Timer(_ => Reload());
        Reload();
        if (options.Value.WatchForChanges && Directory.Exists(Folder))
        {
            _watcher = new FileSystemWatcher(Folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.DirectoryName };
            _watcher.Changed += (_, e) => ScheduleReload(e.FullPath);
            _watcher.Created += (_, e) => ScheduleReload(e.FullPath);
            _watcher.Deleted += (_, e) => ScheduleReload(e.FullPath);
            _watcher.Renamed += (_, e) => ScheduleReload(e.FullPath);
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
        var (calibration, calibrationProblem) = RetrievalCalibration.Load(Folder);
        if (calibrationProblem is not null) problems.Add(calibrationProblem);
        var (outOfScope, outOfScopeProblem) = KnowledgeBaseLoader.LoadOutOfScope(Folder);
        if (outOfScopeProblem is not null) problems.Add(outOfScopeProblem);
        var classifiers = articles.Select(a => a.Id).Distinct().Count() <= _classifierMaxArticles ? _classifiers : null;
        var knowledgeBase = new KnowledgeBase(articles, problems, _time.GetUtcNow(), calibration, _embeddings, classifiers, outOfScope);
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
    private void ScheduleReload(string path)
    {
        // Articles and the retrieval calibration; not editors' swap files or anything else in the folder.
        var extension = Path.GetExtension(path);
        var name = Path.GetFileName(path);
        if (extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || name is RetrievalCalibration.FileName or KnowledgeBaseLoader.OutOfScopeFile || extension.Length == 0)
            _debounce.Change(TimeSpan.FromMilliseconds(250), Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge-base article {File} was not loaded: {Field}: {Problem}")]
    private partial void LogProblem(string file, string field, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base {Folder} loaded: {Articles} articles, {Problems} problems")]
    private partial void LogLoaded(string folder, int articles, int problems);
}
