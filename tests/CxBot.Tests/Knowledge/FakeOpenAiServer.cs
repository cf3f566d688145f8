using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CxBot.Tests.Knowledge;

/// <summary>
/// A stand-in for an OpenAI-compatible endpoint on 127.0.0.1, so the real Semantic Kernel connector can be
/// exercised: serves <c>POST /v1/chat/completions</c>, records every request, and answers the way the
/// test asks (a reply, an error status, or a delay).
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Task _loop;
    private volatile Behaviour _behaviour = new("Hello from the fake model.", HttpStatusCode.OK, TimeSpan.Zero);

    public FakeOpenAiServer()
    {
        (_listener, Endpoint) = Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The base URL to configure as the LLM endpoint, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public string Endpoint { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Answer chat completions with this assistant message.</summary>
    public void ReplyWith(string content) => _behaviour = new(content, HttpStatusCode.OK, TimeSpan.Zero);

    /// <summary>Answer the way the prompt asks the model to when the articles do not hold the answer.</summary>
    public void Decline() => ReplyWith("NO_ANSWER");

    /// <summary>Answer with an OpenAI error body and this status.</summary>
    public void FailWith(HttpStatusCode status) => _behaviour = _behaviour with { Status = status };

    /// <summary>Answer 200 with a body that is not the JSON it claims to be (a broken proxy, a cut-off response).</summary>
    public void ReplyMalformed() => _behaviour = _behaviour with { Status = HttpStatusCode.OK, Malformed = true };

    /// <summary>Wait this long before answering.</summary>
    public void DelayBy(TimeSpan delay) => _behaviour = _behaviour with { Delay = delay };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        _listener.Close();
        await _loop;
        _stopping.Dispose();
    }

    private static (HttpListener Listener, string Endpoint) Start()
    {
        // HttpListener cannot pick a free port itself: take one from the OS and retry if someone beats us to it.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/v1/");
            try
            {
                listener.Start();
                return (listener, $"http://127.0.0.1:{port}/v1");
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        var handlers = new List<Task>();
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            handlers.Add(HandleAsync(context));
        }

        await Task.WhenAll(handlers);
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(_stopping.Token);
            _requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url!.AbsolutePath, request.Headers["Authorization"], body));

            if (request.HttpMethod != "POST" || request.Url.AbsolutePath != "/v1/chat/completions")
            {
                await WriteAsync(response, HttpStatusCode.NotFound, Error("Unknown path", "invalid_request_error"));
                return;
            }

            var behaviour = _behaviour;
            if (behaviour.Delay > TimeSpan.Zero) await Task.Delay(behaviour.Delay, _stopping.Token);
            if (behaviour.Malformed)
            {
                var broken = Encoding.UTF8.GetBytes("{\"id\": \"chatcmpl-1\", \"choices\": [{\"message\": ");
                response.StatusCode = 200;
                response.ContentType = "application/json";
                response.ContentLength64 = broken.Length;
                await response.OutputStream.WriteAsync(broken);
                response.Close();
                return;
            }

            var model = JsonDocument.Parse(body).RootElement.TryGetProperty("model", out var m) ? m.GetString() : null;
            await WriteAsync(response, behaviour.Status, behaviour.Status == HttpStatusCode.OK
                ? Completion(model ?? "unknown", behaviour.Content)
                : Error("The server had an error while processing your request.", "server_error"));
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client gave up (timeout) or the server is stopping: nobody is left to answer.
            response.Abort();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, HttpStatusCode status, object payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        response.StatusCode = (int)status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static object Completion(string model, string content) => new Dictionary<string, object?>
    {
        ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = model,
        ["choices"] = new object[]
        {
            new Dictionary<string, object?>
            {
                ["index"] = 0,
                ["message"] = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            },
        },
        ["usage"] = new Dictionary<string, object?> { ["prompt_tokens"] = 120, ["completion_tokens"] = 30, ["total_tokens"] = 150 },
        ["system_fingerprint"] = "fp_fake",
    };

    private static object Error(string message, string type) => new Dictionary<string, object?>
    {
        ["error"] = new Dictionary<string, object?> { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = null },
    };

    private sealed record Behaviour(string Content, HttpStatusCode Status, TimeSpan Delay, bool Malformed = false);

    /// <summary>One request as the fake received it.</summary>
    public sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }
}
