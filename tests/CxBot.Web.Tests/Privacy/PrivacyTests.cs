using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxBot.Web.Hosting;
using CxBot.Web.Tests.Infrastructure;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.Privacy;

/// <summary>GDPR/RODO export and erasure by a CX lead, and personal data masked outside the live conversation.</summary>
public sealed class PrivacyTests(DeskServerFixture fixture) : IClassFixture<DeskServerFixture>
{
    private const string Email = "jan.kowalski@example.com";

    [Fact]
    public async Task Lead_ExportsThenErasesACustomer_AndNothingOfThemRemains()
    {
        var userId = "dl_" + Guid.NewGuid().ToString("N");
        var customer = fixture.Client;
        var started = await customer.StartAsync(fixture.Server.Secret, "pl-PL", userId);
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
        await customer.SayAsync(conversationId, token, $"mój mail to {Email}, telefon 600 100 200", "pl-PL");
        await customer.WaitForAsync(conversationId, token, list => list.Count(a => From(a) == "bot" && Type(a) == "message") >= 2);
        var (lead, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "lena", DeskServerFixture.Password);
        await using var _lead = lead;

        // The agent desk shows what the customer wrote; the dashboard masks it.
        Assert.Contains(Email, await lead.Http.GetStringAsync($"/api/agent/conversations/{conversationId}"));
        var masked = await lead.Http.GetStringAsync($"/api/cx/conversations/{conversationId}");
        Assert.DoesNotContain(Email, masked);
        Assert.DoesNotContain("600 100 200", masked);
        Assert.Contains("[email]", masked);

        var export = JsonDocument.Parse(await lead.Http.GetStringAsync($"/api/cx/privacy/{userId}")).RootElement;
        var exported = Assert.Single(export.GetProperty("conversations").EnumerateArray());
        Assert.Equal(conversationId, exported.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Contains(exported.GetProperty("activities").EnumerateArray(), a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains(Email));

        using (var forged = await lead.Http.DeleteAsync($"/api/cx/privacy/{userId}"))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var antiforgery = await lead.Http.GetFromJsonAsync<JsonElement>("/api/cx/antiforgery");
        using var erase = new HttpRequestMessage(HttpMethod.Delete, $"/api/cx/privacy/{userId}");
        erase.Headers.Add(antiforgery.GetProperty("header").GetString()!, antiforgery.GetProperty("token").GetString());
        using var erased = await lead.Http.SendAsync(erase);

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(1, (await erased.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationsErased").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await lead.Http.GetAsync($"/api/cx/privacy/{userId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.Http.GetAsync($"/api/cx/conversations/{conversationId}")).StatusCode);
        using var gone = await customer.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task OnlyLeads_MayExportOrErase()
    {
        var (agent, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "anna", DeskServerFixture.Password);
        await using var _agent = agent;
        using var anonymous = new HttpClient { BaseAddress = fixture.Server.BaseAddress };

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/api/cx/privacy/someone")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.DeleteAsync("/api/cx/privacy/someone")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/cx/privacy/someone")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync("/api/cx/privacy/someone")).StatusCode);
    }

    [Fact]
    public void Logs_NeverCarryPersonalData_WhateverLoggedIt()
    {
        var sink = new CollectingSink();
        using var logger = new LoggerConfiguration().Enrich.With<RedactingEnricher>().WriteTo.Sink(sink).CreateLogger();

        logger.Warning("Customer {ConversationId} wrote {Text} with {Details}", "c1", $"pisz na {Email} albo dzwoń +48 600 100 200",
            new { Card = "4111 1111 1111 1111", Order = 12345 });

        var rendered = sink.Events.Single().RenderMessage();
        Assert.DoesNotContain(Email, rendered);
        Assert.DoesNotContain("600 100 200", rendered);
        Assert.DoesNotContain("4111 1111 1111 1111", rendered);
        Assert.Contains("[email]", rendered);
        Assert.Contains("12345", rendered);
        Assert.Contains("c1", rendered);
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
