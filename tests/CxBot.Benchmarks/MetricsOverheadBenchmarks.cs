using BenchmarkDotNet.Attributes;
using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Metrics;
using CxBot.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace CxBot.Benchmarks;

/// <summary>
/// What metrics cost a turn (target: under 2 %), side by side: the same whole customer turn as
/// <see cref="TurnBenchmarks"/> without metrics, and with them as the host runs them: the metrics middleware and
/// the measured stores, and the OpenTelemetry SDK listening and aggregating every measurement (its exporter
/// discards what it reads, so only the recording is measured, not Prometheus' scrape). Also the recording
/// alone: the measurements of one typical turn.
/// </summary>
[MemoryDiagnoser]
public class MetricsOverheadBenchmarks
{
    private ServiceProvider _services = null!;
    private MeterProvider? _meterProvider;
    private TurnDispatcher _dispatcher = null!;
    private Conversation _conversation = null!;
    private CxBotMetrics _metrics = null!;
    private IConversationStore _store = null!;
    private Conversation _measured = null!;
    private TurnContext _context = null!;
    private ITurnMiddleware? _middleware;
    private string _folder = null!;
    private int _i;

    private static readonly string[] Questions = ["gdzie jest moja paczka", "ile kosztuje dostawa", "how do I return an item", "czy mogę zapłacić BLIKiem"];

    [Params(false, true)]
    public bool Metrics { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("cxbot-bench-metrics-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _folder,
            ["Knowledge:WatchForChanges"] = "false",
            ["Bot:SendTyping"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCxBot();
        if (Metrics) services.AddCxBotMetrics();
        _services = services.BuildServiceProvider();
        _dispatcher = _services.GetRequiredService<TurnDispatcher>();
        _metrics = Metrics ? _services.GetRequiredService<CxBotMetrics>() : new CxBotMetrics();
        if (Metrics)
            _meterProvider = Sdk.CreateMeterProviderBuilder()
                .AddMeter(CxBotMetrics.MeterName)
                .AddReader(new PeriodicExportingMetricReader(new DiscardingExporter(), exportIntervalMilliseconds: 1000))
                .Build();

        // A conversation whose last turn sent a typing indicator and an answer, for the store and middleware benchmarks.
        _store = _services.GetRequiredService<IConversationStore>();
        _measured = new Conversation("bench-metrics-parts", DateTimeOffset.UtcNow, "u", "pl-PL");
        _store.CreateAsync(_measured, default).GetAwaiter().GetResult();
        var message = new Activity { Type = ActivityTypes.Message, Text = "ile kosztuje dostawa", From = new ChannelAccount { Id = "u", Role = "user" } };
        _store.AppendAsync(_measured.Id, message, default).GetAwaiter().GetResult();
        _context = new TurnContext(message, _measured, new ConversationState(), _services.GetRequiredService<ActivityLog>(), TimeProvider.System);
        _context.SendTypingAsync(default).GetAwaiter().GetResult();
        var reply = message.CreateReply("Dostawa kosztuje 12,99 zł.");
        reply.ChannelData = System.Text.Json.JsonDocument.Parse("""{"cxbot":{"action":"answer","articleId":"delivery-cost","confidence":0.8,"candidates":[]}}""").RootElement;
        _context.SendActivityAsync(reply, default).GetAwaiter().GetResult();
        _middleware = Metrics ? _services.GetServices<ITurnMiddleware>().OfType<MetricsMiddleware>().Single() : null;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _meterProvider?.Dispose();
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "bot turn, metrics off/on")]
    public async Task Turn()
    {
        if (_i % 8 == 0)
        {
            _conversation = new Conversation($"bench-metrics-{_i}", DateTimeOffset.UtcNow, "u", "pl-PL");
            await _services.GetRequiredService<IConversationStore>().CreateAsync(_conversation, default);
        }

        await _dispatcher.AcceptAsync(_conversation, new Activity
        {
            Type = ActivityTypes.Message, Text = Questions[_i++ % Questions.Length], Locale = "pl-PL",
            From = new ChannelAccount { Id = "u", Role = "user" }, Recipient = BotIdentity.Account,
        }, default);
        await _dispatcher.DrainAsync();
    }

    /// <summary>A store read that completes at once (the embedded store), through the measured store when metrics are on.</summary>
    [Benchmark(Description = "store: get + load state")]
    public async Task StoreReads()
    {
        await _store.GetAsync(_measured.Id, default);
        await _store.LoadStateAsync(_measured.Id, default);
    }

    /// <summary>The metrics middleware around an empty rest of the pipeline, reading a turn that sent typing and an answer.</summary>
    [Benchmark(Description = "metrics middleware around a turn")]
    public Task Middleware() => _middleware is null ? Task.CompletedTask : _middleware.OnTurnAsync(_context, _ => Task.CompletedTask, default);

    /// <summary>The measurements one customer turn makes: the turn, its reply, decision and sentiment, and its store calls.</summary>
    [Benchmark(Description = "recording one turn's measurements")]
    public void RecordTurn()
    {
        _metrics.TurnCompleted("message", false, TimeSpan.FromMilliseconds(0.3));
        _metrics.ReplySent(TimeSpan.FromMilliseconds(0.4));
        _metrics.AnswerDecided("answer", "pl");
        _metrics.CustomerMessage("neutral");
        _metrics.StoreCall("append", TimeSpan.FromMilliseconds(0.05));
        _metrics.StoreCall("get", TimeSpan.FromMilliseconds(0.001));
        _metrics.StoreCall("read", TimeSpan.FromMilliseconds(0.001));
        _metrics.StoreCall("load_state", TimeSpan.FromMilliseconds(0.01));
        _metrics.StoreCall("append", TimeSpan.FromMilliseconds(0.05));
        _metrics.StoreCall("append", TimeSpan.FromMilliseconds(0.05));
        _metrics.StoreCall("list_documents", TimeSpan.FromMilliseconds(0.001));
        _metrics.StoreCall("save_state", TimeSpan.FromMilliseconds(0.05));
    }

    private sealed class DiscardingExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }
}
