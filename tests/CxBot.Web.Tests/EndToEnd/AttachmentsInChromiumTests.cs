using System.Text.Json;
using CxBot.Tests;
using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.EndToEnd;

/// <summary>Microsoft's Web Chat sends a photo with its paper clip; the agent sees it in the desk. Headless Chromium, real host.</summary>
public sealed class AttachmentsInChromiumTests(DeskServerFixture fixture) : IClassFixture<DeskServerFixture>
{
    [Fact]
    public async Task CustomerAttachesAPhoto_AgentSeesItsThumbnailAndOpensIt_FakesAndHugeFilesAreRefusedInTheChat()
    {
        using var folder = new TempDirectory();
        var (photo, fakeHtml, fakeSvg, big) = TestFiles.WriteAll(folder.Path);
        var result = await NodeScript.RunAsync("attachments.js", fixture.Server.BaseAddress.ToString().TrimEnd('/'), "anna", DeskServerFixture.Password,
            photo, fakeHtml, fakeSvg, big,
            NodeScript.ArtifactPath("attachments-webchat.png"), NodeScript.ArtifactPath("attachments-desk.png"), NodeScript.ArtifactPath("attachments-viewer.png"));

        Assert.Equal(0, result.GetProperty("errors").GetArrayLength());
        Assert.True(result.GetProperty("uploadButton").GetBoolean(), "Web Chat shows no paper clip");
        Assert.True(result.GetProperty("customerThumbnail").GetBoolean(), "Web Chat did not show the photo the customer sent");
        // Each upload reached the server through directlinejs: the photo taken, the two fakes 415, the large one 413.
        Assert.Equal([200, 415, 415, 413], result.GetProperty("uploads").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(2, result.GetProperty("typeRefusals").GetInt32());

        // The desk: one thumbnail (the photo only), opened full size, upright (the EXIF orientation applied).
        Assert.Equal(1, result.GetProperty("deskThumbnails").GetInt32());
        Assert.Equal([200, 400], result.GetProperty("viewerSize").EnumerateArray().Select(s => s.GetInt32()));
        var thumbnail = result.GetProperty("thumbnailSize").EnumerateArray().Select(s => s.GetInt32()).ToArray();
        Assert.True(thumbnail[0] > 0 && thumbnail[1] == thumbnail[0] * 2, $"thumbnail {thumbnail[0]}×{thumbnail[1]}");

        var file = result.GetProperty("file");
        Assert.Equal(200, file.GetProperty("status").GetInt32());
        Assert.Equal("image/jpeg", file.GetProperty("contentType").GetString());
        Assert.StartsWith("attachment", file.GetProperty("disposition").GetString());
        Assert.Equal("nosniff", file.GetProperty("nosniff").GetString());
        Assert.Contains("sandbox", file.GetProperty("csp").GetString());
        Assert.Equal(401, result.GetProperty("customerFetch").GetInt32());
        Assert.Contains("the photo is attached to your case", result.GetProperty("webchat").GetString());
    }
}
