using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CxBot.Web.Tests.Infrastructure;

/// <summary>A Direct Line 3.0 client written from the public API reference, as a developer with curl would call it.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public async Task<JsonObject> GenerateTokenAsync(string secret)
    {
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", secret);
        response.EnsureSuccessStatusCode();
        return await ReadObjectAsync(response);
    }

    public async Task<JsonObject> StartAsync(string credential, string locale = "en-US", string userId = "dl_test")
    {
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", credential,
            new JsonObject { ["user"] = new JsonObject { ["id"] = userId }, ["locale"] = locale });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await ReadObjectAsync(response);
    }

    public Task<HttpResponseMessage> PostAsync(string conversationId, string credential, JsonNode activity) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", credential, activity);

    public async Task<string> SayAsync(string conversationId, string credential, string text, string locale = "en-US")
    {
        using var response = await PostAsync(conversationId, credential, Message(text, locale));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await ReadObjectAsync(response))["id"]!.GetValue<string>();
    }

    /// <summary>
    /// Posts files as botframework-directlinejs does from Web Chat's paper clip: <c>multipart/form-data</c> with the message as a
    /// blob part named <c>activity</c> (<c>application/vnd.microsoft.activity</c>) and one part named <c>file</c> per file.
    /// </summary>
    public async Task<HttpResponseMessage> UploadAsync(
        string conversationId, string credential, string? text, params (string Name, string ContentType, byte[] Content)[] files)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "dl_test", ["role"] = "user" },
            ["attachments"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject { ["contentType"] = f.ContentType, ["name"] = f.Name })]),
        };
        if (text is not null) activity["text"] = text;
        using var form = new MultipartFormDataContent();
        var activityPart = new ByteArrayContent(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        activityPart.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activityPart, "activity", "blob");
        foreach (var (name, contentType, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, "file", name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload?userId=dl_test") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return await http.SendAsync(request);
    }

    public async Task<(List<JsonObject> Activities, string Watermark)> GetActivitiesAsync(string conversationId, string credential, string? watermark = null)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}", credential);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await ReadObjectAsync(response);
        return (body["activities"]!.AsArray().Select(a => a!.AsObject()).ToList(), body["watermark"]!.GetValue<string>());
    }

    /// <summary>Polls until the conversation holds an activity matching <paramref name="predicate"/>.</summary>
    public async Task<List<JsonObject>> WaitForAsync(string conversationId, string credential, Func<List<JsonObject>, bool> predicate)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var (activities, _) = await GetActivitiesAsync(conversationId, credential);
            if (predicate(activities)) return activities;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Activities never matched: " + string.Join("\n", activities.Select(a => a.ToJsonString())));
            await Task.Delay(50);
        }
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, JsonNode? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (credential is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await http.SendAsync(request);
    }

    public static JsonObject Message(string text, string locale = "en-US", string clientActivityId = "client-1") => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["locale"] = locale,
        ["from"] = new JsonObject { ["id"] = "dl_test", ["role"] = "user" },
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
    };

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Reads frames from a Direct Line stream; an empty text frame is a heartbeat.</summary>
    public static async Task<string> ReceiveFrameAsync(ClientWebSocket socket, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancel.Token);
            if (result.MessageType == WebSocketMessageType.Close) throw new WebSocketException("closed by server");
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }

    /// <summary>Collects activities from a stream until <paramref name="until"/> holds, skipping heartbeats.</summary>
    public static async Task<(List<JsonObject> Activities, string? Watermark)> ReceiveUntilAsync(
        ClientWebSocket socket, Func<List<JsonObject>, bool> until, List<JsonObject>? into = null)
    {
        var activities = into ?? [];
        string? watermark = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!until(activities))
        {
            var frame = await ReceiveFrameAsync(socket, deadline - DateTime.UtcNow);
            if (frame.Length == 0) continue;
            var set = JsonNode.Parse(frame)!.AsObject();
            activities.AddRange(set["activities"]!.AsArray().Select(a => a!.AsObject()));
            watermark = set["watermark"]?.GetValue<string>();
        }

        return (activities, watermark);
    }

    public static string Text(JsonObject activity) => activity["text"]?.GetValue<string>() ?? "";
    public static string Type(JsonObject activity) => activity["type"]!.GetValue<string>();
    public static string From(JsonObject activity) => activity["from"]?["role"]?.GetValue<string>() ?? "";

    public static JsonElement Error(string body) => JsonDocument.Parse(body).RootElement.GetProperty("error");
}
