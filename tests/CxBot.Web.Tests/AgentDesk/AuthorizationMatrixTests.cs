using System.Net;
using System.Text.RegularExpressions;
using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.AgentDesk;

/// <summary>
/// Every endpoint of the host against every kind of caller: nobody, a customer holding a Direct Line token,
/// an agent and a CX lead. A new endpoint that is not in the matrix fails the test, so none is added
/// without deciding who may call it.
/// </summary>
public sealed partial class AuthorizationMatrixTests(DeskServerFixture fixture) : IClassFixture<DeskServerFixture>
{
    private enum Caller { Anonymous, Customer, Agent, Lead }

    /// <summary>Who may call it: anyone; a customer with the token or secret of the conversation (Direct Line); the desk (agents and leads); leads only.</summary>
    private enum Access { Anyone, DirectLine, Desk, Lead }

    private static readonly (string Method, string Template, Access Access)[] Matrix =
    [
        ("GET", "/healthz", Access.Anyone),
        ("GET", "/healthz/live", Access.Anyone),
        ("GET", "/healthz/ready", Access.Anyone),
        // Operational figures only, no customer data; production puts it on Metrics:ManagementUrl, away from the proxy.
        ("GET", "/metrics", Access.Anyone),
        ("GET", "/privacy", Access.Anyone),
        ("GET", "/agent/login", Access.Anyone),
        ("POST", "/api/webchat/token", Access.Anyone),
        ("POST", "/v3/directline/tokens/generate", Access.DirectLine),
        ("POST", "/v3/directline/tokens/refresh", Access.DirectLine),
        ("POST", "/v3/directline/conversations", Access.DirectLine),
        ("GET", "/v3/directline/conversations/{conversationId}", Access.DirectLine),
        ("POST", "/v3/directline/conversations/{conversationId}/activities", Access.DirectLine),
        ("GET", "/v3/directline/conversations/{conversationId}/activities", Access.DirectLine),
        ("POST", "/v3/directline/conversations/{conversationId}/upload", Access.DirectLine),
        ("GET", "/v3/directline/conversations/{conversationId}/stream", Access.DirectLine),
        ("GET", "/agent", Access.Desk),
        ("GET", "/api/agent/me", Access.Desk),
        ("GET", "/api/agent/queue", Access.Desk),
        ("GET", "/api/agent/conversations/{conversationId}", Access.Desk),
        ("GET", "/api/agent/conversations/{conversationId}/assist", Access.Desk),
        ("GET", "/api/agent/conversations/{conversationId}/history", Access.Desk),
        // A customer's photos and documents: staff only, never the customer's token (their chat shows a thumbnail it was sent).
        ("GET", "/api/agent/conversations/{conversationId}/files/{fileId}", Access.Desk),
        ("GET", "/api/agent/conversations/{conversationId}/files/{fileId}/thumbnail", Access.Desk),
        ("GET", "/api/agent/antiforgery", Access.Desk),
        ("GET", "/api/agent/handled", Access.Desk),
        // Admitted callers are refused further on (no antiforgery token, and the matrix's agents never took this conversation).
        ("PUT", "/api/agent/conversations/{conversationId}/grade", Access.Desk),
        ("POST", "/hubs/agent/negotiate?negotiateVersion=1", Access.Desk),
        ("GET", "/cx", Access.Lead),
        ("GET", "/api/cx/summary", Access.Lead),
        ("GET", "/api/cx/trend", Access.Lead),
        ("GET", "/api/cx/breakdown", Access.Lead),
        ("GET", "/api/cx/teams", Access.Lead),
        ("GET", "/api/cx/gaps", Access.Lead),
        ("GET", "/api/cx/low-rated", Access.Lead),
        ("GET", "/api/cx/export/responses.csv", Access.Lead),
        ("GET", "/api/cx/export/conversations.csv", Access.Lead),
        ("GET", "/api/cx/handoff-grades", Access.Lead),
        ("GET", "/api/cx/export/handoff-grades.csv", Access.Lead),
        ("GET", "/api/cx/antiforgery", Access.Lead),
        ("GET", "/api/cx/conversations/{conversationId}", Access.Lead),
        ("GET", "/api/cx/privacy/{subject}", Access.Lead),
        ("DELETE", "/api/cx/privacy/{subject}", Access.Lead),
        ("GET", "/api/cx/articles", Access.Lead),
        ("GET", "/api/cx/taught", Access.Lead),
        ("POST", "/api/cx/taught", Access.Lead),
        ("DELETE", "/api/cx/taught/{id}", Access.Lead),
        ("GET", "/api/cx/teach-log", Access.Lead),
        ("GET", "/api/cx/replay", Access.Lead),
        // Last: it ends the caller's session.
        ("POST", "/agent/logout", Access.Desk),
    ];

    [Fact]
    public void EveryMappedEndpoint_IsInTheMatrix()
    {
        var source = Directory.EnumerateFiles(Path.Combine(RepoPaths.WebProject), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText);
        var templates = source.SelectMany(text => MappedRoute().Matches(text).Select(m => m.Groups["template"].Value)).Distinct().ToList();

        Assert.NotEmpty(templates);
        // Templates in groups are relative ("/summary" of "/api/cx"); a hub is reached through its sub-paths.
        foreach (var template in templates)
            Assert.True(Matrix.Select(e => e.Template.Split('?')[0]).Any(t => t.EndsWith(template, StringComparison.Ordinal) || t.StartsWith(template + "/", StringComparison.Ordinal)),
                $"{template} is mapped but not in the authorization matrix");
    }

    [Fact]
    public async Task EveryEndpoint_AdmitsExactlyTheCallersItShould()
    {
        var started = await fixture.Client.StartAsync(fixture.Server.Secret, "en-US");
        var conversationId = started["conversationId"]!.GetValue<string>();
        var token = started["token"]!.GetValue<string>();
        // A real file, so an admitted caller gets it (200) and a denied one is refused before the store is asked.
        string fileId;
        using (var upload = await fixture.Client.UploadAsync(conversationId, token, null, ("scan.pdf", "application/pdf", TestFiles.Pdf())))
        {
            Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
            var (activities, _) = await fixture.Client.GetActivitiesAsync(conversationId, token);
            fileId = activities.Single(a => a["attachments"] is not null && DirectLineClient.From(a) == "user")["attachments"]![0]!["content"]!["fileId"]!.GetValue<string>();
        }

        var (agent, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "anna", DeskServerFixture.Password);
        var (lead, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "lena", DeskServerFixture.Password);
        await using var _agent = agent;
        await using var _lead = lead;
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.BaseAddress };

        var failures = new List<string>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            foreach (var (method, template, access) in Matrix)
            {
                var path = template.Replace("{conversationId}", conversationId).Replace("{subject}", "matrix-nobody").Replace("{id}", "matrix-nothing").Replace("{fileId}", fileId);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (caller == Caller.Customer) request.Headers.Add("Authorization", $"Bearer {token}");
                if (method is "POST" or "PUT" && !template.Contains("negotiate")) request.Content = new StringContent("{\"type\":\"typing\",\"from\":{\"id\":\"dl_test\"}}", System.Text.Encoding.UTF8, "application/json");
                var http = caller switch { Caller.Agent => agent.Http, Caller.Lead => lead.Http, _ => anonymous };
                using var response = await http.SendAsync(request);
                var admitted = !IsDenied(response);
                var expected = access switch
                {
                    Access.Anyone => true,
                    // Generating a token takes the secret, which no browser ever holds.
                    Access.DirectLine => caller == Caller.Customer && !template.EndsWith("/tokens/generate", StringComparison.Ordinal),
                    Access.Desk => caller is Caller.Agent or Caller.Lead,
                    Access.Lead => caller == Caller.Lead,
                    _ => false,
                };
                if (admitted != expected)
                    failures.Add($"{caller} {method} {template}: {(int)response.StatusCode}, expected {(expected ? "admitted" : "denied")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task RoleEscalationAttempts_AreRefused()
    {
        var started = await fixture.Client.StartAsync(fixture.Server.Secret, "en-US");
        var token = started["token"]!.GetValue<string>();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.BaseAddress };

        // A forged or tampered session cookie is no session.
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/cx/summary");
        forged.Headers.Add("Cookie", ".AspNetCore.Cookies=CfDJ8forgedvalue; cxbot.desk=CfDJ8forgedvalue");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(forged)).StatusCode);

        // The Direct Line secret and a customer's token are not desk credentials.
        foreach (var credential in new[] { fixture.Server.Secret, token })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/agent/queue");
            request.Headers.Add("Authorization", $"Bearer {credential}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(request)).StatusCode);
        }

        // An agent cannot reach leads' data (the page says why), and a lead's erase needs the antiforgery token as well as the role.
        var (agent, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "anna", DeskServerFixture.Password);
        await using (agent)
        {
            using var page = await agent.Http.GetAsync("/cx");
            Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
            Assert.Contains("This page is for CX leads", await page.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/api/cx/export/responses.csv")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/api/cx/handoff-grades")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.DeleteAsync("/api/cx/privacy/someone")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.PostAsync("/api/cx/taught", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        }

        var (lead, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "lena", DeskServerFixture.Password);
        await using (lead)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await lead.Http.DeleteAsync("/api/cx/privacy/someone")).StatusCode);
            // Teaching and revoking need the antiforgery token too.
            var teach = new StringContent("{\"articleId\":\"returns\",\"questions\":[{\"text\":\"x\",\"language\":\"en\"}]}", System.Text.Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.BadRequest, (await lead.Http.PostAsync("/api/cx/taught", teach)).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await lead.Http.DeleteAsync("/api/cx/taught/someone")).StatusCode);
        }
    }

    /// <summary>
    /// Refused: 401 or 403, or for a page the sign-in challenge (a redirect to the form carrying the ReturnUrl;
    /// signing out also redirects to the form, but without one).
    /// </summary>
    private static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase) == true;

    [GeneratedRegex(@"\.Map(?:Get|Post|Delete|Put|Patch|Hub<\w+>)?\(""(?<template>/[^""]*)""")]
    private static partial Regex MappedRoute();
}
