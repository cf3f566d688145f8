using System.Diagnostics;
using Activity = CxBot.Activities.Activity;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using CxBot.Activities;
using CxBot.Conversations;
using CxBot.Knowledge;
using CxBot.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>perf turn|kb|idle|cold-start</c>: the performance figures that need a distribution or a whole process,
/// which BenchmarkDotNet's means do not give (docs/PERFORMANCE.md lists them with the commands):
/// <list type="bullet">
/// <item><c>turn</c>: latency percentiles of whole bot turns in process (store, sentiment, answer, state).</item>
/// <item><c>kb</c>: the knowledge base grown to N articles — load time and answer latency.</item>
/// <item><c>idle</c>: N open Direct Line conversations with WebSockets against a running host; its memory.</item>
/// <item><c>cold-start</c>: from starting the built host to a healthy <c>/healthz</c>, and its resident memory then (optionally on an existing data folder).</item>
/// <item><c>dashboard</c>, <c>privacy</c>, <c>purge</c>: the embedded store with a large history (PerfCommand.Storage.cs).</item>
/// <item><c>history</c>: a returning customer's earlier conversations, embedded or Redis (PerfCommand.History.cs).</item>
/// <item><c>metrics-overhead</c>: turns with and without metrics, side by side (<see cref="PerfMetricsOverhead"/>).</item>
/// </list>
/// </summary>
public static partial class PerfCommand
{
    public const string Help = "performance figures: turn [--turns N --concurrency C --durability Normal|Full] | kb [--articles N --cache DIR] | idle --url U --pid P --secret S [--conversations N] | cold-start [--runs N --data DIR --cache DIR] | answer [--cases FILE] | dashboard --url U [--runs N] | privacy --url U [--customers N] | purge --data DIR [--days 90] | history [--provider Sqlite|Redis --redis HOST:PORT --conversations 100 --others 5000 --runs 50 --data DIR | --keep] | history --url U --conversation ID [--runs 50 --user lead --password lead] | metrics-overhead [--rounds 500 --turns-per-round 40 --control]";

    private static readonly string[] Questions =
    [
        "gdzie jest moja paczka", "ile kosztuje dostawa", "how do I return an item", "czy mogę zapłacić BLIKiem", "jak zresetować hasło",
        "do you ship to Germany", "ile mam dni na zwrot", "jak zamówić fakturę VAT", "where is my order", "czy macie karty podarunkowe",
    ];

    public static Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        if (arguments.Length == 0) throw new UsageException(Help);
        var args = new CommandArgs(arguments[1..]);
        return arguments[0] switch
        {
            "turn" => TurnAsync(args, output),
            "kb" => KnowledgeAsync(args, output),
            "idle" => IdleAsync(args, output),
            "cold-start" => ColdStartAsync(args, output),
            "metrics-overhead" => PerfMetricsOverhead.RunAsync(args, output),
            "dashboard" => DashboardAsync(args, output),
            "privacy" => PrivacyAsync(args, output),
            "purge" => PurgeAsync(args, output),
            "answer" => AnswerAsync(args, output),
            "history" => HistoryAsync(args, output),
            _ => throw new UsageException(Help),
        };
    }

    private static async Task<int> TurnAsync(CommandArgs args, TextWriter output)
    {
        var turns = args.GetInt("turns", 20000);
        var folder = Directory.CreateTempSubdirectory("cxbot-perf-").FullName;
        try
        {
            await using var provider = InProcessBot.Build(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = folder,
                ["Storage:Provider"] = args.Get("provider") ?? "Sqlite",
                ["Storage:Durability"] = args.Get("durability") ?? "Normal",
                ["Knowledge:Folder"] = args.Get("kb") ?? "knowledge-base",
                ["Knowledge:WatchForChanges"] = "false",
            });
            var dispatcher = provider.GetRequiredService<TurnDispatcher>();
            var store = provider.GetRequiredService<IConversationStore>();
            var concurrency = args.GetInt("concurrency", 1);

            // One turn: the customer's message is stored and its turn queued; it ends when the bot's reply is in the log.
            async Task<double> TurnAsync(Conversation conversation, int i)
            {
                var replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using var subscription = provider.GetRequiredService<IActivityFeed>().Subscribe(conversation.Id, () => replied.TrySetResult());
                var started = Stopwatch.GetTimestamp();
                var before = (await store.ReadAsync(conversation.Id, long.MaxValue, 0, default)).Watermark;
                await dispatcher.AcceptAsync(conversation, new Activity
                {
                    Type = ActivityTypes.Message, Text = Questions[i % Questions.Length], Locale = "pl-PL",
                    From = new ChannelAccount { Id = "u", Role = "user" }, Recipient = BotIdentity.Account,
                }, default);
                while (true)
                {
                    var page = await store.ReadAsync(conversation.Id, before, 100, default);
                    if (page.Activities.Any(a => a.ToActivity() is { Type: ActivityTypes.Message, From.Role: "bot" })) break;
                    await replied.Task;
                    replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            var perWorker = (turns + 1000) / concurrency;
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, concurrency), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (worker, _) =>
            {
                Conversation conversation = null!;
                for (var i = 0; i < perWorker; i++)
                {
                    // Conversations of a realistic length: a new one every 8 messages.
                    if (i % 8 == 0)
                    {
                        conversation = new Conversation($"perf-{worker}-{i}", DateTimeOffset.UtcNow, "u", "pl-PL");
                        await store.CreateAsync(conversation, default);
                    }

                    var ms = await TurnAsync(conversation, i);
                    if (i >= 1000 / concurrency) latencies.Add(ms);
                }
            });
            var elapsed = clock.Elapsed.TotalSeconds;
            await dispatcher.DrainAsync();
            var sorted = latencies.Order().ToArray();
            await output.WriteLineAsync(Invariant(
                $"bot turn in process, {concurrency} conversation(s) at once, {sorted.Length} turns measured: median {P(sorted, 0.5):0.000} ms, p90 {P(sorted, 0.9):0.000} ms, p99 {P(sorted, 0.99):0.000} ms; {perWorker * concurrency / elapsed:0} turns/s"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Answer latency with the model in the path, per language: every labelled question of <c>--cases</c> answered once, in
    /// order, on one thread (each is a new sentence, so the model runs for each).
    /// </summary>
    private static async Task<int> AnswerAsync(CommandArgs args, TextWriter output)
    {
        var cases = await LabelledCases.ReadAsync(args.Get("cases") ?? "tests/data/kb-eval/tune.jsonl");
        var answers = KnowledgeCli.Open(args);
        foreach (var warm in Questions) await answers.AnswerAsync(warm, "pl", default);
        var latencies = new Dictionary<string, List<double>>();
        foreach (var (text, language, _) in cases)
        {
            var started = Stopwatch.GetTimestamp();
            await answers.AnswerAsync(text, language, default);
            (latencies.TryGetValue(language, out var list) ? list : latencies[language] = []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        foreach (var (language, list) in latencies.OrderBy(p => p.Key))
        {
            list.Sort();
            await output.WriteLineAsync(Invariant($"answer {language} ({list.Count} questions): median {P(list, 0.5):0.00} ms, p90 {P(list, 0.9):0.00} ms, p99 {P(list, 0.99):0.00} ms, max {list[^1]:0.00} ms"));
        }

        return 0;
    }

    /// <summary>The demo articles plus synthetic product FAQs up to N, in a temporary folder.</summary>
    private static async Task<int> KnowledgeAsync(CommandArgs args, TextWriter output)
    {
        var total = args.GetInt("articles", 10000);
        var folder = Directory.CreateTempSubdirectory("cxbot-perf-kb-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(args.Get("kb") ?? "knowledge-base", "*.md", SearchOption.AllDirectories)
                         .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase)))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(Path.GetDirectoryName(file))! + "-" + Path.GetFileName(file)));
            var random = new Random(42);
            string[] products = ["sweter", "płaszcz", "kurtka", "sukienka", "spodnie", "koszula", "pościel", "ręcznik", "kubek", "lampa", "dywan", "poduszka"];
            string[] materials = ["wełna", "len", "bawełna", "jedwab", "kaszmir", "wiskoza", "ceramika", "szkło", "dąb", "bambus"];
            string[] aspects = ["pranie", "prasowanie", "skład", "wymiary", "pielęgnacja", "kolor", "gramatura", "certyfikat", "kraj produkcji", "zapach"];
            var existing = Directory.GetFiles(folder).Length / 2;
            for (var i = existing; i < total; i++)
            {
                var (product, material, aspect) = (products[random.Next(products.Length)], materials[random.Next(materials.Length)], aspects[random.Next(aspects.Length)]);
                var model = $"model{i:D5}";
                await File.WriteAllTextAsync(Path.Combine(folder, $"synthetic-{i}.md"), $"""
                    ---
                    id: product-{i}
                    locale: pl
                    title: {product} {model} – {aspect}
                    tags: [{product}, {material}, {model}]
                    questions:
                      - {aspect} {product} {model}
                      - jak wygląda {aspect} w przypadku {product} {model}
                      - {product} {model} z materiału {material}, {aspect}?
                    ---
                    {product} {model} ({material}): informacje o {aspect}.
                    """);
            }

            // What is learnt from the articles is kept in --cache across runs, as the host keeps it in its data folder: the first
            // run builds it (the sentence embeddings of every example), a second run is the restart.
            var cache = Path.GetFullPath(args.Get("cache") ?? Path.Combine(Path.GetTempPath(), "cxbot-perf-kb-cache"));
            var cacheFile = Path.Combine(cache, "knowledge-embeddings.bin");
            var warm = File.Exists(cacheFile);
            var baseline = ProcessMemory.ResidentMegabytes(Environment.ProcessId);
            var modelStarted = Stopwatch.GetTimestamp();
            CxBot.Understanding.Embeddings.SentenceEmbedder.Shared.Embed("warm up");
            var modelMs = Stopwatch.GetElapsedTime(modelStarted).TotalMilliseconds;
            var withModel = ProcessMemory.ResidentMegabytes(Environment.ProcessId);

            var started = Stopwatch.GetTimestamp();
            var options = Options.Create(new KnowledgeOptions { Folder = folder, WatchForChanges = false, CacheFolder = cache });
            using var provider = new KnowledgeBaseProvider(options, TimeProvider.System, NullLogger<KnowledgeBaseProvider>.Instance);
            var loadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var withIndex = ProcessMemory.ResidentMegabytes(Environment.ProcessId);
            var answers = new AnswerService(provider, options);
            var latencies = new List<double>();
            for (var round = 0; round < 200; round++)
                foreach (var question in Questions)
                {
                    var t = Stopwatch.GetTimestamp();
                    await answers.AnswerAsync(question, "pl", default);
                    if (round > 0) latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }

            latencies.Sort();
            var articles = provider.Current.Articles.Count;
            var index = provider.Current.Index;
            var state = warm ? "restart with the cache" : "first build, empty cache";
            var cacheMiB = new FileInfo(cacheFile).Length / 1048576.0;
            await output.WriteLineAsync(Invariant(
                $"knowledge base of {articles} articles ({index.Examples.Count} examples, classifier {(index.HasClassifier ? "on" : "off")}), {state}: loaded and indexed in {loadMs:0} ms; answer median {P(latencies, 0.5):0.000} ms, p99 {P(latencies, 0.99):0.000} ms; problems {provider.Current.Problems.Count}"));
            await output.WriteLineAsync(Invariant(
                $"resident memory: {baseline:0} MiB before the model, +{withModel - baseline:0} MiB the model (loaded in {modelMs:0} ms), +{withIndex - withModel:0} MiB the index; cache {cache} ({cacheMiB:0} MiB)"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Opens N conversations with a WebSocket each against a running host, holds them, and reads the host's memory.</summary>
    private static async Task<int> IdleAsync(CommandArgs args, TextWriter output)
    {
        var url = new Uri(args.Require("url").TrimEnd('/') + "/");
        if (!url.IsLoopback) throw new UsageException("Only loopback addresses.");
        var pid = args.GetInt("pid", 0);
        var count = args.GetInt("conversations", 10000);
        var secret = args.Require("secret");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = url };
        var before = pid > 0 ? ProcessMemory.ResidentMegabytes(pid) : double.NaN;
        var sockets = new List<ClientWebSocket>(count);
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            try
            {
                using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations")
                {
                    Content = JsonContent.Create(new JsonObject { ["locale"] = "pl-PL", ["user"] = new JsonObject { ["id"] = $"idle-{i}" } }),
                };
                start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                using var response = await http.SendAsync(start);
                response.EnsureSuccessStatusCode();
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri(body["streamUrl"]!.GetValue<string>()), CancellationToken.None);
                lock (sockets) sockets.Add(socket);
            }
            catch (Exception e) when (e is HttpRequestException or WebSocketException)
            {
                Interlocked.Increment(ref failures);
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(args.GetInt("hold", 10)));
        GC.KeepAlive(sockets);
        var after = pid > 0 ? ProcessMemory.ResidentMegabytes(pid) : double.NaN;
        await output.WriteLineAsync(Invariant(
            $"idle conversations open {sockets.Count} (failed {failures}); host memory before {before:0} MiB, with them {after:0} MiB, {(after - before) * 1024 / Math.Max(1, sockets.Count):0.0} KiB each"));
        foreach (var socket in sockets) socket.Abort();
        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> ColdStartAsync(CommandArgs args, TextWriter output)
    {
        var host = Path.GetFullPath(args.Get("host") ?? "src/CxBot.Web/bin/Release/net10.0/CxBot.Web.dll");
        if (!File.Exists(host)) throw new UsageException($"Build the host first: {host} is missing.");
        var runs = args.GetInt("runs", 5);
        var data = args.Get("data") is { } given ? Path.GetFullPath(given) : null;
        // The knowledge cache (sentence embeddings, classifier) survives restarts in the data folder; here it is one folder
        // for every run, filled by a first start that is not counted.
        var cache = Path.GetFullPath(args.Get("cache") ?? Path.Combine(Path.GetTempPath(), "cxbot-perf-cold-cache"));
        var times = new List<double>();
        var memory = new List<double>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var run = -1; run < runs; run++)
        {
            var folder = Directory.CreateTempSubdirectory("cxbot-cold-").FullName;
            var port = 20000 + Random.Shared.Next(20000);
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { host, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(host))))! })
                info.ArgumentList.Add(a);
            info.Environment["Storage__DataDirectory"] = data ?? Path.Combine(folder, "data");
            info.Environment["DirectLine__Secret"] = "cold-start-secret-0123456789";
            info.Environment["Knowledge__CacheFolder"] = cache;
            info.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(folder, "logs", "cxbot-.log");
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            while (true)
            {
                try
                {
                    if ((await http.GetAsync($"http://127.0.0.1:{port}/healthz")).IsSuccessStatusCode) break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
                if (process.HasExited || Stopwatch.GetElapsedTime(started) > TimeSpan.FromMinutes(5)) throw new InvalidOperationException("the host did not become healthy");
                await Task.Delay(10);
            }

            if (run < 0)
            {
                await output.WriteLineAsync(Invariant($"warming start (fills {cache}): {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms, not counted"));
            }
            else
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                // Memory once it has settled: models and knowledge base loaded, the store open, nothing asked yet.
                await Task.Delay(TimeSpan.FromSeconds(3));
                memory.Add(ProcessMemory.ResidentMegabytes(process.Id));
            }

            // A clean stop, so the next run on the same data does not start after a crash.
            _ = Kill(process.Id, 15);
            if (!process.WaitForExit(TimeSpan.FromSeconds(30))) process.Kill();
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }

        times.Sort();
        memory.Sort();
        await output.WriteLineAsync(Invariant(
            $"cold start to healthy /healthz, caches warm ({runs} runs{(data is null ? ", empty store" : $", data {data}")}): median {P(times, 0.5):0} ms, min {times[0]:0} ms, max {times[^1]:0} ms; resident memory 3 s after healthy: median {P(memory, 0.5):0} MiB, max {memory[^1]:0} MiB"));
        return 0;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    private static double P(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
