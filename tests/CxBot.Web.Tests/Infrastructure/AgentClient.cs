using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace CxBot.Web.Tests.Infrastructure;

/// <summary>An agent: signs in through the real form (antiforgery and cookie) and connects to the desk hub with the SignalR .NET client.</summary>
public sealed partial class AgentClient : IAsyncDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly Uri _base;

    private AgentClient(Uri baseAddress)
    {
        _base = baseAddress;
        Http = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }
    public HubConnection? Hub { get; private set; }
    public ConcurrentQueue<JsonElement> Received { get; } = new();
    public JsonElement? LastQueue { get; private set; }

    /// <summary>Signs in; returns the client and the redirect the form answered with.</summary>
    public static async Task<(AgentClient Agent, HttpResponseMessage Response)> SignInAsync(Uri baseAddress, string userName, string password)
    {
        var agent = new AgentClient(baseAddress);
        var form = await agent.Http.GetStringAsync("/agent/login");
        var field = FieldName().Match(form).Groups[1].Value;
        var token = TokenValue().Match(form).Groups[1].Value;
        var response = await agent.Http.PostAsync("/agent/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field] = WebUtility.HtmlDecode(token), ["userName"] = userName, ["password"] = password, ["returnUrl"] = "/agent",
        }));
        return (agent, response);
    }

    /// <summary>The sign-in cookies as a Cookie header, to present them to another instance.</summary>
    public string CookieHeader(Uri address) => _cookies.GetCookieHeader(address);

    public async Task ConnectAsync()
    {
        Hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_base, "/hubs/agent"), options => options.Cookies = _cookies)
            .Build();
        Hub.On<JsonElement>("queue", queue => LastQueue = queue);
        Hub.On<string, List<JsonElement>>("activities", (_, activities) => { foreach (var a in activities) Received.Enqueue(a); });
        await Hub.StartAsync();
    }

    public async Task<JsonElement> WaitForQueueAsync(Func<JsonElement, bool> predicate)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (LastQueue is { } queue && predicate(queue)) return queue;
            await Task.Delay(50);
        }

        throw new TimeoutException("Queue never matched: " + LastQueue);
    }

    public async Task<JsonElement> WaitForActivityAsync(Func<JsonElement, bool> predicate)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var match = Received.FirstOrDefault(predicate);
            if (match.ValueKind != JsonValueKind.Undefined) return match;
            await Task.Delay(50);
        }

        throw new TimeoutException("No such activity reached the agent: " + string.Join("\n", Received));
    }

    public async ValueTask DisposeAsync()
    {
        if (Hub is not null) await Hub.DisposeAsync();
        Http.Dispose();
    }

    [GeneratedRegex("type=\"hidden\" name=\"([^\"]+)\" value=\"[^\"]*\">\\s*<input type=\"hidden\" name=\"returnUrl\"")]
    private static partial Regex FieldName();

    [GeneratedRegex("type=\"hidden\" name=\"[^\"]+\" value=\"([^\"]*)\">\\s*<input type=\"hidden\" name=\"returnUrl\"")]
    private static partial Regex TokenValue();
}
