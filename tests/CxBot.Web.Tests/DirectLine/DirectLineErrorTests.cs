using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CxBot.Storage;
using CxBot.Web.DirectLine;
using CxBot.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.DirectLine;

/// <summary>Every kind of bad request gets a clear 4xx with a Bot Framework error body, and loses nothing.</summary>
public sealed class DirectLineErrorTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly DirectLineClient _client = fixture.Client;
    private readonly CxBotServer _server = fixture.Server;

    [Fact]
    public async Task MalformedJson_Is400BadSyntax()
    {
        var (conversationId, token) = await StartAsync();

        var response = await PostRawAsync(conversationId, token, "{\"type\": \"message\", \"text\": ");

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadSyntax");
    }

    [Fact]
    public async Task InvalidUtf8_Is400BadSyntax()
    {
        var (conversationId, token) = await StartAsync();
        var content = new ByteArrayContent([.. "{\"type\":\"message\",\"text\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token, content);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadSyntax");
    }

    [Fact]
    public async Task MissingToken_Is401()
    {
        var (conversationId, _) = await StartAsync();

        var response = await _client.PostAsync(conversationId, credential: null!, Message("hi"));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task WrongToken_Is403()
    {
        var (conversationId, token) = await StartAsync();
        var forged = token[..^4] + (token.EndsWith("AAAA") ? "BBBB" : "AAAA");

        var response = await _client.PostAsync(conversationId, forged, Message("hi"));

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task ExpiredToken_Is403TokenExpired()
    {
        var (conversationId, _) = await StartAsync();
        var expired = TokensAt(DateTimeOffset.UtcNow.AddHours(-2)).Issue(conversationId);

        var response = await _client.PostAsync(conversationId, expired, Message("hi"));
        var refresh = await _client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", expired);

        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "TokenExpired");
        await AssertErrorAsync(refresh, HttpStatusCode.Forbidden, "TokenExpired");
    }

    [Fact]
    public async Task TokenOfAnotherConversation_CanNeitherReadNorWrite()
    {
        var (victim, victimToken) = await StartAsync();
        await _client.SayAsync(victim, victimToken, "my address is secret");
        var (_, attackerToken) = await StartAsync();

        var write = await _client.PostAsync(victim, attackerToken, Message("hi"));
        var read = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{victim}/activities", attackerToken);
        var reconnect = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{victim}?watermark=", attackerToken);
        var stream = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{victim}/stream?t={attackerToken}", null);

        await AssertErrorAsync(write, HttpStatusCode.Forbidden, "Forbidden");
        await AssertErrorAsync(read, HttpStatusCode.Forbidden, "Forbidden");
        await AssertErrorAsync(reconnect, HttpStatusCode.Forbidden, "Forbidden");
        await AssertErrorAsync(stream, HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task UnknownConversation_Is404()
    {
        var response = await _client.PostAsync("no-such-conversation", _server.Secret, Message("hi"));
        var read = await _client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/no-such-conversation/activities", _server.Secret);

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "NotFound");
        await AssertErrorAsync(read, HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task TextOverTheLimit_Is413_AndOversizedBody_Is413()
    {
        var (conversationId, token) = await StartAsync();

        var longText = await _client.PostAsync(conversationId, token, Message(new string('a', 501)));
        var hugeBody = await PostRawAsync(conversationId, token, "{\"type\":\"message\",\"text\":\"" + new string('b', 200_000) + "\"}");

        await AssertErrorAsync(longText, HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
        await AssertErrorAsync(hugeBody, HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
    }

    [Fact]
    public async Task UnacceptedActivityType_Is400()
    {
        var (conversationId, token) = await StartAsync();

        var invoke = await _client.PostAsync(conversationId, token, new JsonObject { ["type"] = "invoke", ["name"] = "x" });
        var missing = await _client.PostAsync(conversationId, token, new JsonObject { ["text"] = "no type" });

        await AssertErrorAsync(invoke, HttpStatusCode.BadRequest, "BadArgument");
        await AssertErrorAsync(missing, HttpStatusCode.BadRequest, "MissingProperty");
    }

    [Fact]
    public async Task BadRequests_LoseNothingAlreadyStored_AndOthersAreStillServed()
    {
        var (conversationId, token) = await StartAsync();
        await _client.SayAsync(conversationId, token, "keep me");
        var before = await _client.WaitForAsync(conversationId, token, list => list.Count(a => From(a) == "bot" && Type(a) == "message") >= 2);

        await PostRawAsync(conversationId, token, "not json");
        await _client.PostAsync(conversationId, token, Message(new string('a', 501)));
        await _client.PostAsync(conversationId, "garbage", Message("x"));
        var (after, _) = await _client.GetActivitiesAsync(conversationId, token);
        var (other, otherToken) = await StartAsync();
        await _client.SayAsync(other, otherToken, "hello");

        Assert.Equal(before.Select(a => a.ToJsonString()), after.Select(a => a.ToJsonString()));
    }

    [Fact]
    public async Task ControlCharacters_AreKeptAsText_AndTheBotStillAnswers()
    {
        var (conversationId, token) = await StartAsync();
        const string text = "where is my parcel\u0000\u0007\u001b[31m\u202e\r\n\ufeff";

        var id = await _client.SayAsync(conversationId, token, text);
        var activities = await _client.WaitForAsync(conversationId, token, list => list.Any(a => a["replyToId"]?.GetValue<string>() == id && Type(a) == "message"));

        Assert.Equal(text, Text(activities.Single(a => a["id"]!.GetValue<string>() == id)));
        var reply = Text(activities.Last(a => a["replyToId"]?.GetValue<string>() == id && Type(a) == "message"));
        Assert.DoesNotContain("went wrong", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("order", reply, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BotCannotBeImpersonated()
    {
        var (conversationId, token) = await StartAsync();
        var activity = Message("I am the bot");
        activity["from"] = new JsonObject { ["id"] = "cxbot", ["name"] = "CxBot", ["role"] = "bot" };

        using var response = await _client.PostAsync(conversationId, token, activity);
        var id = (await ReadObjectAsync(response))["id"]!.GetValue<string>();
        var (activities, _) = await _client.GetActivitiesAsync(conversationId, token);

        var stored = activities.Single(a => a["id"]!.GetValue<string>() == id);
        Assert.Equal("user", From(stored));
        Assert.NotEqual("cxbot", stored["from"]!["id"]!.GetValue<string>());
    }

    private DirectLineTokens TokensAt(DateTimeOffset now)
    {
        var options = Options.Create(new DirectLineOptions { Secret = _server.Secret });
        return new DirectLineTokens(new DirectLineSecret(options, Options.Create(new StorageOptions())), options, new FakeTimeProvider(now));
    }

    private async Task<(string ConversationId, string Token)> StartAsync()
    {
        var started = await _client.StartAsync(_server.Secret);
        return (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> PostRawAsync(string conversationId, string token, string body) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities", token,
            new StringContent(body, Encoding.UTF8, "application/json"));

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _server.Http.SendAsync(request);
    }

    internal static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        var error = Error(body);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }
}
