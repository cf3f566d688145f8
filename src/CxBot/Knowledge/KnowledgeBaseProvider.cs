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
    private readonly Lock _building = new();
    private volatile KnowledgeBase _current = KnowledgeBase.Empty;
    private volatile IReadOnlyList<LabelledExample> _taught = [];
    private int _training;

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

    /// <summary>The questions leads taught (see <see cref="Teaching.TaughtSync"/>), as examples of their labels.</summary>
    public IReadOnlyList<LabelledExample> Taught => _taught;

    /// <summary>
    /// Reads the folder again and builds a new index with the taught questions, then swaps it in. The article classifier
    /// of the previous version stands in while one for the new examples trains in the background (seconds), so what
    /// changed counts at once; only the first build trains (or loads from the cache) before it returns.
    /// </summary>
    public KnowledgeBase Reload()
    {
        KnowledgeBase knowledgeBase;
        lock (_building)
        {
            var (articles, problems) = KnowledgeBaseLoader.Load(Folder);
            var (calibration, calibrationProblem) = RetrievalCalibration.Load(Folder);
            if (calibrationProblem is not null) problems.Add(calibrationProblem);
            var (outOfScope, outOfScopeProblem) = KnowledgeBaseLoader.LoadOutOfScope(Folder);
            if (outOfScopeProblem is not null) problems.Add(outOfScopeProblem);
            var classifiers = articles.Select(a => a.Id).Distinct().Count() <= _classifierMaxArticles ? _classifiers : null;
            knowledgeBase = new KnowledgeBase(articles, problems, _time.GetUtcNow(), calibration, _embeddings, classifiers, outOfScope, _taught,
                _current.Index.Classifier);
            _current = knowledgeBase;
            foreach (var problem in problems) LogProblem(problem.File, problem.Field, problem.Message);
            LogLoaded(Folder, articles.Count, knowledgeBase.Taught.Count, problems.Count);
        }

        Reloaded?.Invoke(knowledgeBase);
        if (knowledgeBase.Index.ClassifierPending) TrainInBackground();
        return knowledgeBase;
    }

    /// <summary>Replaces the taught questions and rebuilds at once (milliseconds: only the new questions are embedded).</summary>
    public KnowledgeBase Teach(IReadOnlyList<LabelledExample> taught)
    {
        _taught = taught;
        return Reload();
    }

    /// <summary>Trains the classifier the current version lacks, off the answering path, then builds again with it.</summary>
    private void TrainInBackground()
    {
        if (Interlocked.Exchange(ref _training, 1) == 1) return;
        _ = Task.Run(() =>
        {
            try
            {
                for (var knowledgeBase = _current; knowledgeBase.Index.ClassifierPending; knowledgeBase = _current)
                {
                    _classifiers.GetOrTrain(knowledgeBase.Index.Examples, knowledgeBase.Index.EnglishTexts, knowledgeBase.Index.ExampleVectors,
                        knowledgeBase.Index.EnglishVectors, knowledgeBase.Index.Labels);
                    if (ReferenceEquals(_current, knowledgeBase)) Reload();
                }
            }
            catch (Exception e)
            {
                LogTrainingFailed(e);
            }
            finally
            {
                Volatile.Write(ref _training, 0);
            }

            // A reload that came while this one finished found it busy: train for it too.
            if (_current.Index.ClassifierPending) TrainInBackground();
        });
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base {Folder} loaded: {Articles} articles, {Taught} taught questions, {Problems} problems")]
    private partial void LogLoaded(string folder, int articles, int taught, int problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Training the article classifier failed; the previous one stays in use")]
    private partial void LogTrainingFailed(Exception exception);
}
