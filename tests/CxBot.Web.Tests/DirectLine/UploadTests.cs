using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxBot.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using SkiaSharp;
using static CxBot.Web.Tests.Infrastructure.DirectLineClient;

namespace CxBot.Web.Tests.DirectLine;

/// <summary>
/// Customers' files through the real host, posted as botframework-directlinejs posts them: what is accepted (by its bytes),
/// what is kept of it, what the chat says, who may fetch it and how, and that export and erasure take the files too.
/// </summary>
public sealed class UploadTests(DeskServerFixture fixture) : IClassFixture<DeskServerFixture>
{
    private readonly DirectLineClient _customer = fixture.Client;

    [Fact]
    public async Task Photo_IsReEncodedWithoutExif_AcknowledgedInTheChat_AndServedOnlyToStaffAsADownload()
    {
        var (conversationId, token) = await StartAsync();
        using var response = await _customer.UploadAsync(conversationId, token, null, ("parcel.jpg", "image/jpeg", TestFiles.PhotoWithExif()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var chat = await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("the photo is attached to your case")));
        // The customer's message carries the server's attachment: a re-encoded thumbnail inline, the file's id, nothing of theirs.
        var sent = chat.Single(a => From(a) == "user" && a["attachments"] is not null);
        var attachment = sent["attachments"]![0]!;
        Assert.StartsWith("data:image/jpeg;base64,", attachment["contentUrl"]!.GetValue<string>());
        var fileId = attachment["content"]!["fileId"]!.GetValue<string>();

        var (agent, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "anna", DeskServerFixture.Password);
        await using var _agent = agent;
        var transcript = JsonDocument.Parse(await agent.Http.GetStringAsync($"/api/agent/conversations/{conversationId}")).RootElement;
        var stored = Assert.Single(transcript.GetProperty("files").EnumerateArray());
        Assert.Equal(fileId, stored.GetProperty("id").GetString());
        Assert.Equal("image/jpeg", stored.GetProperty("contentType").GetString());

        using var file = await agent.Http.GetAsync($"/api/agent/conversations/{conversationId}/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", file.Headers.GetValues("Content-Security-Policy").Single());
        var bytes = await file.Content.ReadAsByteArrayAsync();
        // EXIF is gone with everything it said; the photo was turned upright first (orientation 6: 400×200 shown as 200×400).
        Assert.DoesNotContain("home-of-the-customer", Encoding.Latin1.GetString(bytes));
        Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(bytes));
        using (var decoded = SKBitmap.Decode(bytes))
        {
            Assert.Equal((200, 400), (decoded.Width, decoded.Height));
            // Red (the left half) is now on top.
            Assert.True(decoded.GetPixel(100, 50).Red > 200 && decoded.GetPixel(100, 350).Blue > 200);
        }

        using var thumbnail = await agent.Http.GetAsync($"/api/agent/conversations/{conversationId}/files/{fileId}/thumbnail");
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", thumbnail.Content.Headers.ContentDisposition!.DispositionType);
        Assert.NotNull(SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync()));

        // The customer's own token does not reach the desk's file, nor does anyone signed out, nor another conversation's path.
        using var anonymous = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var withToken = new HttpRequestMessage(HttpMethod.Get, $"/api/agent/conversations/{conversationId}/files/{fileId}");
        withToken.Headers.Add("Authorization", $"Bearer {token}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(withToken)).StatusCode);
        var (other, _) = await StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"/api/agent/conversations/{other}/files/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task PhotoDuringAHandoff_TheWaitingCustomerIsToldTheConsultantWillSeeIt_WithTheAgentItGoesStraightToTheDesk()
    {
        var (agent, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "anna", DeskServerFixture.Password);
        await using var _agent = agent;
        await agent.ConnectAsync();
        var (conversationId, token) = await StartAsync();
        await _customer.SayAsync(conversationId, token, "I want to talk to a real person");
        await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("in the queue")));

        using (var queued = await _customer.UploadAsync(conversationId, token, null, ("box.jpg", "image/jpeg", TestFiles.PhotoWithExif())))
            Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        await _customer.WaitForAsync(conversationId, token, list =>
            list.Any(a => Text(a) == "Thanks, the photo is attached to your case. The consultant will see it in our conversation."));

        await agent.WaitForQueueAsync(q => q.GetProperty("waiting").EnumerateArray().Any(e => e.GetProperty("conversationId").GetString() == conversationId));
        Assert.True(await agent.Hub!.InvokeAsync<bool>("Accept", conversationId));
        await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("has joined")));
        var botMessages = (await _customer.GetActivitiesAsync(conversationId, token)).Activities.Count(a => From(a) == "bot" && Type(a) == "message");

        using (var withAgent = await _customer.UploadAsync(conversationId, token, "here is the label", ("label.pdf", "application/pdf", TestFiles.Pdf())))
            Assert.Equal(HttpStatusCode.OK, withAgent.StatusCode);
        var live = await agent.WaitForActivityAsync(a => a.TryGetProperty("text", out var t) && t.GetString() == "here is the label");
        Assert.Equal("application/pdf", live.GetProperty("attachments")[0].GetProperty("content").GetProperty("contentType").GetString());
        await Task.Delay(300);
        // The bot stays out of the agent's conversation.
        Assert.Equal(botMessages, (await _customer.GetActivitiesAsync(conversationId, token)).Activities.Count(a => From(a) == "bot" && Type(a) == "message"));
        var transcript = JsonDocument.Parse(await agent.Http.GetStringAsync($"/api/agent/conversations/{conversationId}")).RootElement;
        Assert.Equal(2, transcript.GetProperty("files").GetArrayLength());
        await agent.Hub!.InvokeAsync("End", conversationId);
    }

    [Theory]
    [InlineData("page.png", "image/png", "html")]
    [InlineData("drawing.png", "image/png", "svg")]
    [InlineData("invoice.pdf", "application/pdf", "text")]
    public async Task FileThatIsNotAPhotoOrPdf_WhateverItsName_IsRefused_WithAMessageInTheChat(string name, string contentType, string kind)
    {
        var content = kind switch
        {
            "html" => TestFiles.HtmlNamedPng(),
            "svg" => TestFiles.SvgNamedPng(),
            _ => Encoding.UTF8.GetBytes("just some text pretending to be a PDF"),
        };
        var (conversationId, token) = await StartAsync();
        using var response = await _customer.UploadAsync(conversationId, token, null, (name, contentType, content));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("checked by its content", Error(await response.Content.ReadAsStringAsync()).GetProperty("message").GetString());
        var chat = await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("couldn't accept")));
        Assert.Contains(chat, a => Text(a) == $"I couldn't accept **{name}**: I can take photos (JPEG, PNG, WebP) and PDF documents only.");
        Assert.DoesNotContain(chat, a => From(a) == "user" && Type(a) == "message");
        await AssertNoFilesAsync(conversationId);
    }

    [Fact]
    public async Task ImageOver10MB_IsRefused_WithAMessageInTheChat_InTheCustomersLanguage()
    {
        var (conversationId, token) = await StartAsync("pl-PL");
        using var response = await _customer.UploadAsync(conversationId, token, "zdjęcie paczki", ("huge.png", "image/png", TestFiles.ElevenMegabytePng()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var chat = await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("huge.png")));
        Assert.Contains(chat, a => From(a) == "bot" && Text(a).Contains("10 MB") && Text(a).Contains("**huge.png**"));
        // Nothing of the message was taken: its text neither.
        Assert.DoesNotContain(chat, a => Text(a) == "zdjęcie paczki");
        await AssertNoFilesAsync(conversationId);
    }

    [Fact]
    public async Task Pdf_IsKept_AsADownloadOnly_AndGoesWithTheExportAndTheErasure()
    {
        var userId = "dl_" + Guid.NewGuid().ToString("N");
        var started = await _customer.StartAsync(fixture.Server.Secret, "en-US", userId);
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
        var pdf = TestFiles.Pdf();
        using (var response = await _customer.UploadAsync(conversationId, token, "here is the invoice", ("faktura <script>.pdf", "application/pdf", pdf)))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var chat = await _customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("the document is attached to your case")));
        Assert.Contains(chat, a => Text(a) == "here is the invoice");

        var (lead, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "lena", DeskServerFixture.Password);
        await using var _lead = lead;
        var transcript = JsonDocument.Parse(await lead.Http.GetStringAsync($"/api/agent/conversations/{conversationId}")).RootElement;
        var stored = Assert.Single(transcript.GetProperty("files").EnumerateArray());
        var fileId = stored.GetProperty("id").GetString();
        Assert.DoesNotContain("<", stored.GetProperty("name").GetString());
        using (var file = await lead.Http.GetAsync($"/api/agent/conversations/{conversationId}/files/{fileId}"))
        {
            Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await lead.Http.GetAsync($"/api/agent/conversations/{conversationId}/files/{fileId}/thumbnail")).StatusCode);

        var export = JsonDocument.Parse(await lead.Http.GetStringAsync($"/api/cx/privacy/{userId}")).RootElement;
        var exported = Assert.Single(export.GetProperty("conversations")[0].GetProperty("files").EnumerateArray());
        Assert.Equal(pdf, Convert.FromBase64String(exported.GetProperty("contentBase64").GetString()!));

        var antiforgery = await lead.Http.GetFromJsonAsync<JsonElement>("/api/cx/antiforgery");
        using var erase = new HttpRequestMessage(HttpMethod.Delete, $"/api/cx/privacy/{userId}");
        erase.Headers.Add(antiforgery.GetProperty("header").GetString()!, antiforgery.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await lead.Http.SendAsync(erase)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.Http.GetAsync($"/api/agent/conversations/{conversationId}/files/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task LimitsPerConversationAndPerMinute_AreExplainedInTheChat()
    {
        var settings = DeskServerFixture.Settings();
        settings["Attachments:MaxFilesPerConversation"] = "2";
        settings["Attachments:UploadsPerMinutePerConversation"] = "3";
        await using var server = await CxBotServer.StartAsync(settings: settings);
        var customer = new DirectLineClient(server.Http);
        var started = await customer.StartAsync(server.Secret, "en-US");
        var (conversationId, token) = (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await customer.UploadAsync(conversationId, token, null, ($"scan-{i}.pdf", "application/pdf", TestFiles.Pdf()));
            statuses.Add(response.StatusCode);
        }

        // Two files fit the conversation; the third upload is over that limit, the fourth over three a minute.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var chat = await customer.WaitForAsync(conversationId, token, list => list.Any(a => Text(a).Contains("wait a minute")));
        Assert.Contains(chat, a => Text(a) == "I couldn't accept more files: a conversation can have at most 2. A consultant can help with the rest.");
        Assert.Contains(chat, a => Text(a) == "That's a lot of files at once — please wait a minute before sending more.");
        // A message without a file part, or not multipart at all, is a clear client error.
        using var plain = await customer.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/upload", token, Message("hi"));
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("multipart/form-data", Error(await plain.Content.ReadAsStringAsync()).GetProperty("message").GetString());
    }

    private async Task AssertNoFilesAsync(string conversationId)
    {
        var (agent, _) = await AgentClient.SignInAsync(fixture.Server.BaseAddress, "anna", DeskServerFixture.Password);
        await using var _agent = agent;
        var transcript = JsonDocument.Parse(await agent.Http.GetStringAsync($"/api/agent/conversations/{conversationId}")).RootElement;
        Assert.Equal(0, transcript.GetProperty("files").GetArrayLength());
    }

    private async Task<(string ConversationId, string Token)> StartAsync(string locale = "en-US")
    {
        var token = (await _customer.GenerateTokenAsync(fixture.Server.Secret))["token"]!.GetValue<string>();
        var started = await _customer.StartAsync(token, locale);
        return (started["conversationId"]!.GetValue<string>(), started["token"]!.GetValue<string>());
    }
}
