using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxBot.Cli.Commands;

/// <summary>
/// <c>load --rate R</c>: load the way a store's traffic arrives. N customers each hold a conversation open on
/// its WebSocket stream; messages arrive at R a second in a Poisson process (independent of how fast the bot
/// answers: an open loop), each taken by a customer who is not waiting for an answer and whose last answer came
/// at least <c>--min-think</c> seconds ago, so each customer writes about every N / R seconds. Reply latency
/// (post to the reply on the stream) is reported against the offered rate. <c>--find-capacity</c> raises R in
/// steps, opening more conversations to keep one message per <c>--message-every</c> seconds each, until p99
/// passes <c>--target-p99-ms</c>, and reports the last rate that met it.
/// </summary>
public static class OpenLoopLoad
{
    private static readonly string[] Questions =
    [
        "gdzie jest moja paczka", "ile kosztuje dostawa", "jak zwrócić towar", "ile mam dni na zwrot", "czy mogę zapłacić BLIKiem",
        "how much is delivery", "how do I return an item", "where is my order", "can I pay with BLIK", "how long does a refund take",
        "jak zresetować hasło", "do you ship to Germany", "jak zamówić fakturę VAT", "czy macie karty podarunkowe",
    ];

    public static async Task<int> RunAsync(CommandArgs args, Uri[] urls, string secret, TextWriter output, TextWriter error)
    {
        var settings = new Settings(
            MessageEvery: args.GetInt("message-every", 20),
            MinThink: TimeSpan.FromSeconds(args.GetInt("min-think", 3)),
            Warmup: TimeSpan.FromSeconds(args.GetInt("warmup", 10)),
            EscalationShare: args.GetInt("escalate-percent", 5) / 100.0,
            Seed: args.GetInt("seed", 42),
            Questions: args.Get("questions") is { } file ? ReadQuestions(file) : Questions);
        if (settings.MessageEvery <= settings.MinThink.TotalSeconds) throw new UsageException("--message-every must be longer than --min-think.");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var crowd = new Crowd(http, urls, secret, settings);
        try
        {
            if (args.Get("find-capacity") is not null) return await FindCapacityAsync(args, crowd, settings, output, error);

            var rate = args.GetInt("rate", 0);
            if (rate <= 0) throw new UsageException("--rate must be a positive number of messages a second.");
            var conversations = args.GetInt("conversations", rate * settings.MessageEvery);
            var duration = TimeSpan.FromSeconds(args.GetInt("duration", 60));
            await output.WriteLineAsync(Invariant(
                $"open loop: {rate} messages/s offered over {conversations} conversations ({settings.Questions.Length} different questions) (one message per {conversations / (double)rate:0.0} s each, at least {settings.MinThink.TotalSeconds:0} s after the reply); {settings.Warmup.TotalSeconds:0} s warm-up, {duration.TotalSeconds:0} s measured; {urls.Length} instance(s)"));
            await crowd.GrowToAsync(conversations, error);
            var step = await crowd.RunAsync(rate, settings.Warmup, duration);
            await output.WriteLineAsync(step.Describe());
            var (lost, duplicated) = await crowd.VerifyAsync(error);
            await output.WriteLineAsync(Invariant($"lost activities {lost}, duplicated activities {duplicated}"));
            return lost + duplicated == 0 && step.Errors == 0 ? 0 : 1;
        }
        finally
        {
            await crowd.DisposeAsync();
        }
    }

    private static async Task<int> FindCapacityAsync(CommandArgs args, Crowd crowd, Settings settings, TextWriter output, TextWriter error)
    {
        var rate = args.GetInt("start-rate", 25);
        var step = args.GetInt("step", 25);
        var maxRate = args.GetInt("max-rate", 1000);
        var target = args.GetInt("target-p99-ms", 100);
        var duration = TimeSpan.FromSeconds(args.GetInt("step-seconds", 30));
        await output.WriteLineAsync(Invariant(
            $"find capacity: from {rate} messages/s in steps of {step} (at most {maxRate}), one message per {settings.MessageEvery} s per conversation, {duration.TotalSeconds:0} s a step, until reply p99 > {target} ms"));
        await output.WriteLineAsync("  rate/s  chats  sent/s  p50 ms  p90 ms  p99 ms  max ms  errors  no free customer");
        StepResult? best = null, over = null;
        var warmup = settings.Warmup;
        for (; rate <= maxRate; rate += step)
        {
            await crowd.GrowToAsync(rate * settings.MessageEvery, error);
            var result = await crowd.RunAsync(rate, warmup, duration);
            warmup = TimeSpan.FromSeconds(Math.Min(warmup.TotalSeconds, 5));
            await output.WriteLineAsync(result.Row());
            if (result.P99 > target || result.Errors > 0 || result.Sent < 0.9 * result.Offered)
            {
                over = result;
                break;
            }

            best = result;
        }

        var (lost, duplicated) = await crowd.VerifyAsync(error);
        await output.WriteLineAsync(Invariant($"lost activities {lost}, duplicated activities {duplicated}"));
        await output.WriteLineAsync(best is null
            ? Invariant($"capacity: below the first step ({over!.Rate} messages/s had p99 {over.P99:0.0} ms)")
            : Invariant($"capacity: {best.Rate} messages/s = {best.Conversations} concurrent chats at one message per {settings.MessageEvery} s with reply p99 {best.P99:0.0} ms < {target} ms")
              + (over is null ? Invariant($" (stopped at --max-rate {maxRate})") : Invariant($"; at {over.Rate} messages/s p99 was {over.P99:0.0} ms, errors {over.Errors}")));
        return lost + duplicated == 0 ? 0 : 1;
    }

    private sealed record Settings(int MessageEvery, TimeSpan MinThink, TimeSpan Warmup, double EscalationShare, int Seed, string[] Questions);

    /// <summary>
    /// Customer messages from JSON lines with a <c>text</c> (e.g. tests/data/kb-eval/test.jsonl): many different
    /// questions, so the answering model's embedding cache does not answer most of them for it.
    /// </summary>
    private static string[] ReadQuestions(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"--questions: {path} does not exist.");
        var questions = File.ReadLines(path).Where(l => l.Trim().Length > 0)
            .Select(l => JsonNode.Parse(l)?["text"]?.GetValue<string>())
            .Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Length > 500 ? t[..500] : t).ToArray();
        return questions.Length > 0 ? questions : throw new UsageException($"--questions: {path} has no lines with a \"text\".");
    }

    /// <summary>What one rate produced while it was measured.</summary>
    public sealed record StepResult(int Rate, int Conversations, double Seconds, long Offered, long Sent, long Replies, long Errors, long Throttled,
        long NoFreeCustomer, double P50, double P90, double P99, double P999, double Max)
    {
        public string Describe() =>
            Invariant($"offered {Offered} ({Offered / Seconds:0.0}/s), sent {Sent} ({Sent / Seconds:0.0}/s), replies {Replies}, no customer free {NoFreeCustomer}, errors {Errors}, rejected 429 {Throttled}\n")
            + Invariant($"reply latency ms: p50 {P50:0.0}, p90 {P90:0.0}, p99 {P99:0.0}, p99.9 {P999:0.0}, max {Max:0.0}");

        public string Row() => Invariant(
            $"  {Rate,6}  {Conversations,5}  {Sent / Seconds,6:0.0}  {P50,6:0.0}  {P90,6:0.0}  {P99,6:0.0}  {Max,6:0.0}  {Errors,6}  {NoFreeCustomer,6}");
    }

    /// <summary>The simulated customers, each with an open conversation and stream.</summary>
    private sealed class Crowd(HttpClient http, Uri[] urls, string secret, Settings settings) : IAsyncDisposable
    {
        private readonly List<Customer> _customers = [];
        private readonly Random _random = new(settings.Seed);
        private int _next;

        public async Task GrowToAsync(int count, TextWriter error)
        {
            if (count <= _customers.Count) return;
            var started = Stopwatch.GetTimestamp();
            var added = new ConcurrentBag<Customer>();
            var failures = 0;
            await Parallel.ForEachAsync(Enumerable.Range(_customers.Count, count - _customers.Count), new ParallelOptions { MaxDegreeOfParallelism = 32 },
                async (i, _) =>
                {
                    try { added.Add(await Customer.OpenAsync(http, urls[i % urls.Length], secret, i)); }
                    catch (Exception e) when (e is HttpRequestException or WebSocketException or TaskCanceledException or InvalidOperationException)
                    {
                        if (Interlocked.Increment(ref failures) <= 5) await error.WriteLineAsync($"opening conversation {i}: {e.Message}");
                    }
                });
            _customers.AddRange(added.OrderBy(c => c.Index));
            await error.WriteLineAsync(Invariant($"  {_customers.Count} conversations open ({added.Count} new in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s, {failures} failed)"));
            // Let the greetings of the new conversations settle before anything is measured.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        /// <summary>Offers <paramref name="rate"/> messages a second for the warm-up and then the measured duration.</summary>
        public async Task<StepResult> RunAsync(int rate, TimeSpan warmup, TimeSpan duration)
        {
            var latencies = new ConcurrentBag<double>();
            long offered = 0, sent = 0, errors = 0, throttled = 0, noFree = 0;
            var inFlight = new List<Task>();
            var start = Stopwatch.GetTimestamp();
            var measureFrom = start + Ticks(warmup);
            var end = measureFrom + Ticks(duration);
            var due = (double)start;
            while (true)
            {
                due += -Math.Log(1 - _random.NextDouble()) / rate * Stopwatch.Frequency;
                if (due >= end) break;
                var wait = (long)due - Stopwatch.GetTimestamp();
                if (wait > Stopwatch.Frequency / 500) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
                var measured = (long)due >= measureFrom;
                if (measured) offered++;
                var customer = NextFree();
                if (customer is null)
                {
                    if (measured) noFree++;
                    continue;
                }

                var text = _random.NextDouble() < settings.EscalationShare ? "konsultant" : settings.Questions[_random.Next(settings.Questions.Length)];
                inFlight.Add(Task.Run(async () =>
                {
                    var outcome = await customer.AskAsync(http, text, settings.MinThink);
                    if (!measured) return;
                    Interlocked.Increment(ref sent);
                    if (outcome.LatencyMs is { } ms) latencies.Add(ms);
                    else if (outcome.Throttled) Interlocked.Increment(ref throttled);
                    else Interlocked.Increment(ref errors);
                }));
                if (inFlight.Count > 4096) inFlight.RemoveAll(t => t.IsCompleted);
            }

            await Task.WhenAll(inFlight);
            var sorted = latencies.Order().ToList();
            return new StepResult(rate, _customers.Count, duration.TotalSeconds, offered, sent, sorted.Count, errors, throttled, noFree,
                P(sorted, 0.5), P(sorted, 0.9), P(sorted, 0.99), P(sorted, 0.999), sorted.Count > 0 ? sorted[^1] : double.NaN);
        }

        /// <summary>Every conversation's stream against its log: activities lost or delivered twice.</summary>
        public async Task<(int Lost, int Duplicated)> VerifyAsync(TextWriter error)
        {
            await Task.Delay(500);
            int lost = 0, duplicated = 0;
            await Parallel.ForEachAsync(_customers, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (customer, _) =>
            {
                var (l, d) = await customer.VerifyAsync(http);
                Interlocked.Add(ref lost, l);
                Interlocked.Add(ref duplicated, d);
                if (l > 0) await error.WriteLineAsync($"{customer.ConversationId}: {l} activities in the log never came on the stream");
            });
            return (lost, duplicated);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var customer in _customers) await customer.DisposeAsync();
        }

        private Customer? NextFree()
        {
            var now = Stopwatch.GetTimestamp();
            for (var tried = 0; tried < _customers.Count; tried++)
            {
                var customer = _customers[_next];
                _next = (_next + 1) % _customers.Count;
                if (customer.TryTake(now)) return customer;
            }

            return null;
        }
    }

    private sealed record Outcome(double? LatencyMs, bool Throttled);

    /// <summary>One simulated customer: a conversation, its stream, and whether they are waiting for an answer.</summary>
    private sealed class Customer : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _replies = new();
        private readonly ConcurrentDictionary<string, int> _received = new();
        private readonly CancellationTokenSource _stop = new();
        private ClientWebSocket _socket = null!;
        private Task _receiving = Task.CompletedTask;
        private Uri _base = null!;
        private string _token = "";
        private int _busy;
        private long _readyAt;

        public int Index { get; private init; }
        public string ConversationId { get; private set; } = "";

        public static async Task<Customer> OpenAsync(HttpClient http, Uri url, string secret, int index)
        {
            var customer = new Customer { Index = index, _base = url };
            using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(url, "v3/directline/conversations"))
            {
                Content = JsonContent.Create(new JsonObject { ["locale"] = index % 3 == 0 ? "en-US" : "pl-PL", ["user"] = new JsonObject { ["id"] = $"dl_load-{index}" } }),
            };
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var response = await http.SendAsync(start);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"start answered {(int)response.StatusCode}");
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            customer.ConversationId = body["conversationId"]!.GetValue<string>();
            customer._token = body["token"]!.GetValue<string>();
            customer._socket = new ClientWebSocket();
            await customer._socket.ConnectAsync(new Uri(body["streamUrl"]!.GetValue<string>()), CancellationToken.None);
            customer._receiving = customer.ReceiveAsync();
            return customer;
        }

        /// <summary>Takes this customer for the next message if they are not waiting and have thought long enough.</summary>
        public bool TryTake(long now) => Volatile.Read(ref _readyAt) <= now && Interlocked.CompareExchange(ref _busy, 1, 0) == 0;

        public async Task<Outcome> AskAsync(HttpClient http, string text, TimeSpan minThink)
        {
            try
            {
                var sentAt = Stopwatch.GetTimestamp();
                using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(_base, $"v3/directline/conversations/{Uri.EscapeDataString(ConversationId)}/activities"))
                {
                    Content = JsonContent.Create(new JsonObject { ["type"] = "message", ["text"] = text, ["from"] = new JsonObject { ["id"] = $"dl_load-{Index}" } }),
                };
                post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                using var posted = await http.SendAsync(post);
                if (!posted.IsSuccessStatusCode) return new Outcome(null, (int)posted.StatusCode == 429);
                var id = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
                var reply = _replies.GetOrAdd(id, _ => NewReply()).Task;
                if (await Task.WhenAny(reply, Task.Delay(TimeSpan.FromSeconds(10))) != reply) return new Outcome(null, false);
                return new Outcome((reply.Result - sentAt) * 1000.0 / Stopwatch.Frequency, false);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
                return new Outcome(null, false);
            }
            finally
            {
                Volatile.Write(ref _readyAt, Stopwatch.GetTimestamp() + Ticks(minThink));
                Volatile.Write(ref _busy, 0);
            }
        }

        public async Task<(int Lost, int Duplicated)> VerifyAsync(HttpClient http)
        {
            try
            {
                using var read = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, $"v3/directline/conversations/{Uri.EscapeDataString(ConversationId)}/activities"));
                read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                using var log = await http.SendAsync(read);
                var logged = JsonNode.Parse(await log.Content.ReadAsStringAsync())!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
                return (logged.Count(id => !_received.ContainsKey(id)), _received.Values.Sum(n => n - 1));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or NullReferenceException)
            {
                return (0, 0);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); }
            catch (Exception e) when (e is WebSocketException or InvalidOperationException or ObjectDisposedException) { }
            await _receiving;
            _socket.Dispose();
            _stop.Dispose();
        }

        private static TaskCompletionSource<long> NewReply() => new(TaskCreationOptions.RunContinuationsAsynchronously);

        private async Task ReceiveAsync()
        {
            var buffer = new byte[16 * 1024];
            using var frame = new MemoryStream();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close) return;
                    frame.Write(buffer, 0, result.Count);
                    if (!result.EndOfMessage) continue;
                    var now = Stopwatch.GetTimestamp();
                    if (frame.Length > 0)
                    {
                        using var document = JsonDocument.Parse(frame.GetBuffer().AsMemory(0, (int)frame.Length));
                        foreach (var activity in document.RootElement.GetProperty("activities").EnumerateArray())
                        {
                            _received.AddOrUpdate(activity.GetProperty("id").GetString()!, 1, (_, n) => n + 1);
                            if (activity.GetProperty("type").GetString() == "message" && activity.TryGetProperty("replyToId", out var replyTo)
                                && activity.GetProperty("from").TryGetProperty("role", out var role) && role.GetString() == "bot")
                                _replies.GetOrAdd(replyTo.GetString()!, _ => NewReply()).TrySetResult(now);
                        }
                    }

                    frame.SetLength(0);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or JsonException)
            {
            }
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static double P(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
