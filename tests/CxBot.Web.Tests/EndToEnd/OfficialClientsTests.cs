using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.EndToEnd;

/// <summary>Microsoft's own clients, unmodified from npm, against the real host.</summary>
public sealed class OfficialClientsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task DirectLineJs_ReconnectsWithItsWatermark_WithoutLosingOrDuplicating()
    {
        var result = await NodeScript.RunAsync("directline-reconnect.js", fixture.Server.BaseAddress.ToString().TrimEnd('/'));

        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.True(result.GetProperty("sockets").GetInt32() >= 2);
    }

    [Fact]
    public async Task StandardEmbedding_ABackendMintsTokens_AndWebChatOnItsOwnOriginChatsWithThem()
    {
        var result = await NodeScript.RunAsync("embedding.js", fixture.Server.BaseAddress.ToString().TrimEnd('/'), fixture.Server.Secret,
            NodeScript.ArtifactPath("embedding.png"));

        Assert.Equal(40, result.GetProperty("tokens").GetInt32());
        Assert.Equal("dl_visitor-7", result.GetProperty("userId").GetString());
        Assert.Contains("delivery", result.GetProperty("reply").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("webChatReply").GetString()));
        Assert.Equal(0, result.GetProperty("errors").GetArrayLength());
    }

    [Theory]
    [InlineData("en", "hello", "a bot, not a person")]
    [InlineData("pl", "dzień dobry", "jestem botem")]
    [InlineData("en", "where is my parcel <img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>", "a bot, not a person")]
    public async Task WebChat_InChromium_ShowsTheGreetingAndAnswers(string language, string message, string greetingPart)
    {
        var result = await NodeScript.RunAsync("webchat.js", fixture.Server.BaseAddress.ToString().TrimEnd('/'), language, message,
            NodeScript.ArtifactPath($"webchat-{language}.png"));

        Assert.Contains(greetingPart, result.GetProperty("greeting").GetString());
        Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("reply").GetString()));
        Assert.Equal(0, result.GetProperty("errors").GetArrayLength());
    }
}
