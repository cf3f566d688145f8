using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>load --conversations N --duration S --url URL --secret SECRET</c>: N concurrent Direct Line
/// conversations, each on its own WebSocket stream, asking real FAQ questions (and some asking for a
/// person) for S seconds. Reports throughput, reply latency percentiles, and activities lost or duplicated
/// (every conversation's stream is checked against its log at the end). The server's per-IP limits must
/// allow the load (see README). Only loopback and the project's own test hosts are valid targets. First, in
/// the same run, it measures the <see cref="EchoReference"/> with the same concurrency and duration, and
/// reports CxBot's throughput as a share of it.
/// <para>For a soak run, <c>--turns-per-conversation M</c> has every simulated customer end its conversation
/// after M messages and start a new one, as real traffic does, and <c>--pid P</c> samples the server's
/// resident memory every <c>--sample-seconds</c> (10) and reports how it moved after the first minute.</para>
/// </summary>
public static class LoadCommand
{
    public const string Help = "drive Direct Line conversations: closed loop (--url http://127.0.0.1:PORT --conversations N --duration S --secret S [--no-reference] [--turns-per-conversation M] [--pid SERVER_PID --sample-seconds 10]); "
        + "open loop (--rate R [--conversations N | --message-every 20] [--duration 60 --warmup 10 --min-think 3 --questions FILE.jsonl]); "
        + "capacity (--find-capacity [--start-rate 25 --step 25 --max-rate 1000 --step-seconds 30 --target-p99-ms 100]); --url A,B spreads conversations over instances";

    private static readonly string[] Questions =
    [
        "gdzie jest moja paczka", "ile kosztuje dostawa", "jak zwrócić towar", "ile mam dni na zwrot", "czy mogę zapłacić BLIKiem",
        "how much is delivery", "how do I return an item", "where is my order", "can I pay with BLIK", "how long does a refund take",
        "jak zresetować hasło", "do you ship to Germany", "jak zamówić fakturę VAT", "czy macie karty podarunkowe",
    ];

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        var urls = args.Require("url").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : throw new UsageException($"--url '{u}' is not a URL.")).ToArray();
        if (urls.Length == 0 || urls.Any(u => !u.IsLoopback)) throw new UsageException("Load only targets this machine (loopback addresses).");
        var url = urls[0];
        var secret = args.Get("secret") ?? Environment.GetEnvironmentVariable("DirectLine__Secret")
            ?? throw new UsageException("--secret (or DirectLine__Secret) is required to open conversations.");
        if (args.Get("rate") is not null || args.Get("find-capacity") is not null) return await OpenLoopLoad.RunAsync(args, urls, secret, output, error);
        if (urls.Length > 1) throw new UsageException("Several --url instances are for the open loop (--rate or --find-capacity).");
        var conversations = args.GetInt("conversations", 100);
        var duration = TimeSpan.FromSeconds(args.GetInt("duration", 30));
        var escalationShare = args.GetInt("escalate-percent", 5) / 100.0;
        var turnsPerConversation = args.GetInt("turns-per-conversation", 0);
        var pid = args.GetInt("pid", 0);
        var sampleEvery = TimeSpan.FromSeconds(args.GetInt("sample-seconds", 10));
        EchoReference.Figures? reference = null;
        if (args.Get("no-reference") is null)
        {
            reference = await EchoReference.MeasureAsync(conversations, duration);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"echo reference: {reference.Throughput:0.0} requests/s, latency ms p50 {P(reference.LatenciesMs, 0.50):0.0}, p99 {P(reference.LatenciesMs, 0.99):0.0}"));
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = url, Timeout = TimeSpan.FromSeconds(30),
        };
        var results = new ConcurrentBag<ConversationResult>();
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        using var sampling = new CancellationTokenSource();
        var memory = pid > 0 ? SampleMemoryAsync(pid, sampleEvery, output, sampling.Token) : Task.FromResult(new List<(double Seconds, double Megabytes)>());
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = conversations },
            async (i, _) =>
            {
                // One simulated customer: one conversation for the whole run, or a new one every M messages.
                for (var n = 0; Stopwatch.GetTimestamp() < stopAt; n++)
                    results.Add(await RunConversationAsync(http, secret, i + n * conversations, stopAt, escalationShare, turnsPerConversation));
            });
        var elapsed = Stopwatch.GetElapsedTime(started);
        await sampling.CancelAsync();
        var samples = await memory;

        var all = results.ToList();
        var latencies = all.SelectMany(r => r.LatenciesMs).Order().ToList();
        var replies = latencies.Count;
        var report = string.Create(CultureInfo.InvariantCulture,
            $"conversations {conversations} at a time ({all.Count} in all), duration {elapsed.TotalSeconds:0.0} s\n"
            + $"messages sent {all.Sum(r => r.Sent)}, replies {replies}, throughput {replies / elapsed.TotalSeconds:0.0} replies/s\n"
            + $"reply latency ms: p50 {P(latencies, 0.50):0.0}, p90 {P(latencies, 0.90):0.0}, p99 {P(latencies, 0.99):0.0}, max {(latencies.Count > 0 ? latencies[^1] : double.NaN):0.0}\n"
            + $"lost activities {all.Sum(r => r.Lost)}, duplicated activities {all.Sum(r => r.Duplicated)}, errors {all.Sum(r => r.Errors)}, rejected 429 {all.Sum(r => r.Throttled)}");
        await output.WriteLineAsync(report);
        if (reference is not null)
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"throughput vs echo reference: {replies / elapsed.TotalSeconds / reference.Throughput:P0}"));
        if (samples.Count > 0)
        {
            var settled = samples.Where(x => x.Seconds >= 60).Select(x => x.Megabytes).DefaultIfEmpty(samples[^1].Megabytes).ToList();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"server memory MB (RSS, {samples.Count} samples): start {samples[0].Megabytes:0}, at 1 min {settled[0]:0}, max {samples.Max(x => x.Megabytes):0}, end {samples[^1].Megabytes:0}; after the first minute min {settled.Min():0}, max {settled.Max():0}, end − 1 min {settled[^1] - settled[0]:+0;-0;0}"));
        }

        foreach (var problem in all.SelectMany(r => r.Problems).Take(10)) await error.WriteLineAsync(problem);
        return all.Sum(r => r.Lost + r.Duplicated) == 0 ? 0 : 1;
    }

    /// <summary>Samples the server's resident memory until cancelled, printing a line a minute.</summary>
    private static async Task<List<(double Seconds, double Megabytes)>> SampleMemoryAsync(int pid, TimeSpan every, TextWriter output, CancellationToken cancellationToken)
    {
        var samples = new List<(double Seconds, double Megabytes)>();
        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(every);
        var printedMinute = -1;
        do
        {
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var megabytes = ProcessMemory.ResidentMegabytes(pid);
            samples.Add((seconds, megabytes));
            var minute = (int)(seconds / 60);
            if (minute > printedMinute)
            {
                printedMinute = minute;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {seconds,6:0} s: server RSS {megabytes:0} MB"));
            }
        }
        while (await WaitAsync(timer, cancellationToken));
        return samples;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try { return await timer.WaitForNextTickAsync(cancellationToken); }
        catch (OperationCanceledException) { return false; }
    }

    private static async Task<ConversationResult> RunConversationAsync(HttpClient http, string secret, int index, long stopAt, double escalationShare, int maxTurns)
    {
        var result = new ConversationResult();
        var random = new Random(index);
        try
        {
            using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations")
            {
                Content = JsonContent.Create(new JsonObject { ["locale"] = index % 3 == 0 ? "en-US" : "pl-PL", ["user"] = new JsonObject { ["id"] = $"load-{index}" } }),
            };
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var started = await http.SendAsync(start);
            if (!started.IsSuccessStatusCode) { result.Fail($"start: {(int)started.StatusCode}", started); return result; }
            var body = JsonNode.Parse(await started.Content.ReadAsStringAsync())!;
            var (conversationId, token) = (body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());

            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(body["streamUrl"]!.GetValue<string>()), CancellationToken.None);
            var received = new ConcurrentDictionary<string, int>();
            var replies = new ConcurrentDictionary<string, TaskCompletionSource<long>>();
            using var stop = new CancellationTokenSource();
            var receiving = ReceiveAsync(socket, received, replies, stop.Token);

            while (Stopwatch.GetTimestamp() < stopAt && (maxTurns <= 0 || result.Sent < maxTurns))
            {
                var text = random.NextDouble() < escalationShare ? "konsultant" : Questions[random.Next(Questions.Length)];
                var sentAt = Stopwatch.GetTimestamp();
                using var post = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities")
                {
                    Content = JsonContent.Create(new JsonObject { ["type"] = "message", ["text"] = text, ["from"] = new JsonObject { ["id"] = $"load-{index}" } }),
                };
                post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var posted = await http.SendAsync(post);
                if (!posted.IsSuccessStatusCode) { result.Fail($"post: {(int)posted.StatusCode}", posted); await Task.Delay(1000); continue; }
                var id = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
                result.Sent++;
                var reply = replies.GetOrAdd(id, _ => NewReply()).Task;
                if (await Task.WhenAny(reply, Task.Delay(TimeSpan.FromSeconds(10))) != reply) { result.Problems.Add($"{conversationId}: no reply to {id}"); result.Errors++; continue; }
                result.LatenciesMs.Add((reply.Result - sentAt) * 1000.0 / Stopwatch.Frequency);
            }

            // Let the last replies arrive, then compare what the stream delivered with the conversation's log.
            await Task.Delay(500);
            using var read = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities");
            read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var log = await http.SendAsync(read);
            var logged = JsonNode.Parse(await log.Content.ReadAsStringAsync())!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
            result.Lost = logged.Count(id => !received.ContainsKey(id));
            result.Duplicated = received.Values.Sum(n => n - 1);
            if (result.Lost > 0) result.Problems.Add($"{conversationId}: {result.Lost} activities in the log never came on the stream");
            await stop.CancelAsync();
            try { await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); } catch (WebSocketException) { }
            await receiving;
        }
        catch (Exception e) when (e is HttpRequestException or WebSocketException or TaskCanceledException or JsonException)
        {
            result.Errors++;
            result.Problems.Add($"conversation {index}: {e.GetType().Name}: {e.Message}");
        }

        return result;
    }

    private static TaskCompletionSource<long> NewReply() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static async Task ReceiveAsync(ClientWebSocket socket, ConcurrentDictionary<string, int> received, ConcurrentDictionary<string, TaskCompletionSource<long>> replies, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close) return;
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var now = Stopwatch.GetTimestamp();
                if (frame.Length > 0)
                {
                    using var document = JsonDocument.Parse(frame.ToArray());
                    foreach (var activity in document.RootElement.GetProperty("activities").EnumerateArray())
                    {
                        var id = activity.GetProperty("id").GetString()!;
                        received.AddOrUpdate(id, 1, (_, n) => n + 1);
                        if (activity.GetProperty("type").GetString() == "message" && activity.TryGetProperty("replyToId", out var replyTo)
                            && activity.GetProperty("from").TryGetProperty("role", out var role) && role.GetString() == "bot")
                            replies.GetOrAdd(replyTo.GetString()!, _ => NewReply()).TrySetResult(now);
                    }
                }

                frame.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    private static double P(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed class ConversationResult
    {
        public int Sent { get; set; }
        public int Lost { get; set; }
        public int Duplicated { get; set; }
        public int Errors { get; set; }
        public int Throttled { get; set; }
        public List<double> LatenciesMs { get; } = [];
        public List<string> Problems { get; } = [];

        public void Fail(string problem, HttpResponseMessage response)
        {
            if ((int)response.StatusCode == 429) Throttled++;
            else Errors++;
            Problems.Add(problem);
        }
    }
}
