using BenchmarkDotNet.Attributes;
using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Knowledge;
using CxBot.Sentiment;
using CxBot.Storage;
using CxBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Benchmarks;

/// <summary>The hot paths of a customer message: answering, sentiment, the wire format and the store.</summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private AnswerService _answers = null!;
    private KnowledgeBase _knowledgeBase = null!;
    private ISentimentScorer _sentiment = null!;
    private SqliteConversationStore _store = null!;
    private string _folder = null!;
    private byte[] _activityJson = null!;
    private readonly Activity _activity = new()
    {
        Type = ActivityTypes.Message, Text = "gdzie jest moja paczka? zamówiłam w poniedziałek", Locale = "pl-PL",
        From = new ChannelAccount { Id = "dl_123", Role = "user" }, Recipient = new ChannelAccount { Id = "cxbot", Role = "bot" },
    };

    [GlobalSetup]
    public void Setup()
    {
        var kb = PathResolver.FindUpwards("knowledge-base");
        var options = Options.Create(new KnowledgeOptions { Folder = kb, WatchForChanges = false });
        var provider = new KnowledgeBaseProvider(options, TimeProvider.System, NullLogger<KnowledgeBaseProvider>.Instance);
        _knowledgeBase = provider.Current;
        _answers = new AnswerService(provider, options);
        _sentiment = new SentimentScorer(Options.Create(new SentimentOptions()), NullLogger<SentimentScorer>.Instance);
        _folder = Directory.CreateTempSubdirectory("cxbot-bench-").FullName;
        _store = new SqliteConversationStore(Options.Create(new StorageOptions { DataDirectory = _folder }), [], TimeProvider.System, NullLogger<SqliteConversationStore>.Instance);
        _store.CreateAsync(new Conversation("bench", DateTimeOffset.UtcNow, "u", "pl-PL"), default).GetAwaiter().GetResult();
        for (var i = 0; i < 50; i++) _store.AppendAsync("bench", new Activity { Type = ActivityTypes.Message, Text = $"m{i}" }, default).GetAwaiter().GetResult();
        _activityJson = ActivitySerializer.ToUtf8(_activity);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "knowledge base search (index only)")]
    public int Search() => _knowledgeBase.Search("gdzie jest moja paczka zamowilam w poniedzialek", "pl", 3).Count;

    [Benchmark(Description = "answer (smalltalk + SK plugin call + decision)")]
    public Task<KnowledgeAnswer> Answer() => _answers.AnswerAsync("ile kosztuje dostawa do paczkomatu", "pl", default);

    [Benchmark(Description = "sentiment of one message")]
    public SentimentResult Sentiment() => _sentiment.Score("CZEKAM JUŻ 2 TYGODNIE!!! gdzie jest moja paczka");

    [Benchmark(Description = "activity serialise")]
    public byte[] Serialise() => ActivitySerializer.ToUtf8(_activity);

    [Benchmark(Description = "activity deserialise")]
    public Activity Deserialise() => ActivitySerializer.FromUtf8(_activityJson);

    [Benchmark(Description = "store append (SQLite, group commit)")]
    public Task<StoredActivity> Append() => _store.AppendAsync("bench", new Activity { Type = ActivityTypes.Message, Text = "benchmark" }, default);

    [Benchmark(Description = "store read 20 after a watermark")]
    public Task<ActivityPage> Read() => _store.ReadAsync("bench", 30, 20, default);
}
