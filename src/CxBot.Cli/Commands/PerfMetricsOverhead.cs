using System.Diagnostics;
using System.Globalization;
using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Metrics;
using CxBot.Turns;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Activity = CxBot.Activities.Activity;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>perf metrics-overhead</c>: what metrics add to a bot turn, measured side by side in one process so the
/// machine's drift falls on both alike: two bots, one without metrics and one with them as the host runs them
/// (metrics middleware, measured stores, the OpenTelemetry SDK aggregating every measurement), take short rounds of
/// turns in alternating order. Reports both latency distributions, and the process CPU time each spent per turn,
/// which other processes on a shared machine disturb far less than wall-clock latency.
/// </summary>
public static class PerfMetricsOverhead
{
    private static readonly string[] Questions = ["gdzie jest moja paczka", "ile kosztuje dostawa", "how do I return an item", "czy mogę zapłacić BLIKiem"];

    public static async Task<int> RunAsync(CommandArgs args, TextWriter output)
    {
        var rounds = args.GetInt("rounds", 500);
        var perRound = args.GetInt("turns-per-round", 40);
        var kb = args.Get("kb") ?? "knowledge-base";
        await using var off = new Bot(kb, metrics: false);
        // --control: both bots without metrics, to see how far the method itself moves the comparison (A/A).
        var control = args.Get("control") is not null;
        await using var on = new Bot(kb, metrics: !control);
        using var listening = Sdk.CreateMeterProviderBuilder()
            .AddMeter(CxBotMetrics.MeterName)
            .AddReader(new PeriodicExportingMetricReader(new DiscardingExporter(), exportIntervalMilliseconds: 1000))
            .Build();

        await off.RunAsync(1000);
        await on.RunAsync(1000);
        for (var round = 0; round < rounds; round++)
        {
            await (round % 2 == 0 ? off : on).RunAsync(perRound);
            await (round % 2 == 0 ? on : off).RunAsync(perRound);
        }

        await output.WriteLineAsync(off.Describe("metrics off"));
        await output.WriteLineAsync(on.Describe(control ? "off again " : "metrics on "));
        await output.WriteLineAsync(
            (control ? "A/A control, second bot vs first" : "metrics on vs off")
            + Invariant($" ({rounds} alternating rounds of {perRound} turns each): CPU per turn {Change(on.CpuPerTurn, off.CpuPerTurn)}, ")
            + Invariant($"latency mean {Change(on.Mean, off.Mean)}, median {Change(on.P(0.5), off.P(0.5))}, p99 {Change(on.P(0.99), off.P(0.99))}"));
        return 0;
    }

    private sealed class Bot : IAsyncDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("cxbot-perf-metrics-").FullName;
        private readonly ServiceProvider _services;
        private readonly TurnDispatcher _dispatcher;
        private readonly IConversationStore _store;
        private readonly List<double> _latencies = [];
        private Conversation _conversation = null!;
        private int _i;

        public Bot(string kb, bool metrics)
        {
            _services = InProcessBot.Build(
                new Dictionary<string, string?> { ["Storage:DataDirectory"] = _folder, ["Knowledge:Folder"] = kb, ["Knowledge:WatchForChanges"] = "false" },
                services => { if (metrics) services.AddCxBotMetrics(); });
            _dispatcher = _services.GetRequiredService<TurnDispatcher>();
            _store = _services.GetRequiredService<IConversationStore>();
        }

        private TimeSpan _cpu;
        private int _measuredTurns;

        public double Mean => _latencies.Average();

        /// <summary>Process CPU time per measured turn, in ms (only one bot runs at a time, so the process's time is its).</summary>
        public double CpuPerTurn => _cpu.TotalMilliseconds / _measuredTurns;

        /// <summary>Runs <paramref name="turns"/> turns one after another (the first call is the warm-up, not kept).</summary>
        public async Task RunAsync(int turns)
        {
            var warmingUp = _i == 0;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var n = 0; n < turns; n++)
            {
                // Conversations of a realistic length, as in `perf turn`: a new one every 8 messages.
                if (_i % 8 == 0)
                {
                    _conversation = new Conversation($"perf-metrics-{_i}", DateTimeOffset.UtcNow, "u", "pl-PL");
                    await _store.CreateAsync(_conversation, default);
                }

                var started = Stopwatch.GetTimestamp();
                await _dispatcher.AcceptAsync(_conversation, new Activity
                {
                    Type = ActivityTypes.Message, Text = Questions[_i++ % Questions.Length], Locale = "pl-PL",
                    From = new ChannelAccount { Id = "u", Role = "user" }, Recipient = BotIdentity.Account,
                }, default);
                await _dispatcher.DrainAsync();
                if (!warmingUp) _latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            if (warmingUp) return;
            _cpu += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            _measuredTurns += turns;
        }

        public double P(double p)
        {
            var sorted = _latencies.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        }

        public string Describe(string name) => Invariant(
            $"{name}: {_latencies.Count} turns, CPU {CpuPerTurn:0.000} ms a turn; latency mean {Mean:0.000} ms, median {P(0.5):0.000} ms, p90 {P(0.9):0.000} ms, p99 {P(0.99):0.000} ms");

        public async ValueTask DisposeAsync()
        {
            await _dispatcher.DrainAsync();
            await _services.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class DiscardingExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }

    private static string Change(double on, double off)
    {
        var change = Math.Round(on / off - 1, 3);
        return (change > 0 ? "+" : "") + change.ToString("0.0%", CultureInfo.InvariantCulture);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
