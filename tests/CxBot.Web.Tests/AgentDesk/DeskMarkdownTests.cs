using System.Text.Json.Nodes;
using CxBot.Web.AgentDesk;

namespace CxBot.Web.Tests.AgentDesk;

/// <summary>The bot's Markdown as the desk shows it: rendered like Web Chat renders it, and never a way to run markup.</summary>
public sealed class DeskMarkdownTests
{
    [Fact]
    public void BoldListsAndLinks_AreRendered()
    {
        var html = DeskMarkdown.ToHtml("You are **#1** in the queue.\n\n1. Fill in [the form](https://wrzos.pl/reklamacje)\n2. Attach *photos*");

        Assert.Contains("<strong>#1</strong>", html);
        Assert.Contains("<ol>", html);
        Assert.Contains("<a href=\"https://wrzos.pl/reklamacje\" target=\"_blank\" rel=\"noopener noreferrer\">the form</a>", html);
        Assert.Contains("<em>photos</em>", html);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("![x](https://evil.example/x.svg)", "<img")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a href=\"javascript")]
    public void MarkupAndUnsafeLinks_NeverBecomeLive(string markdown, string forbidden)
    {
        Assert.DoesNotContain(forbidden, DeskMarkdown.ToHtml(markdown), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OnlyTheBotsMessagesAreRendered_AndAClientCannotSupplyTheHtml()
    {
        var customer = JsonNode.Parse("""{"type":"message","from":{"id":"u","role":"user"},"text":"**bold** <b>x</b>","cxbotHtml":"<img src=x onerror=alert(1)>"}""");
        var bot = JsonNode.Parse("""{"type":"message","from":{"id":"bot","role":"bot"},"text":"**Anna** (consultant) has joined"}""");
        var plain = JsonNode.Parse("""{"type":"message","from":{"id":"bot","role":"bot"},"textFormat":"plain","text":"**as typed**"}""");

        Assert.Null(DeskMarkdown.ForDesk(customer)![DeskMarkdown.HtmlProperty]);
        Assert.Equal("<p><strong>Anna</strong> (consultant) has joined</p>\n", DeskMarkdown.ForDesk(bot)![DeskMarkdown.HtmlProperty]!.GetValue<string>());
        Assert.Null(DeskMarkdown.ForDesk(plain)![DeskMarkdown.HtmlProperty]);
    }

    [Fact]
    public void ArticlesInsertedIntoAReply_ArePlainText()
    {
        Assert.Equal("Report it within 7 days at wrzos.pl/reklamacje.",
            DeskMarkdown.ToPlainText("Report it within **7 days** at [wrzos.pl/reklamacje](https://wrzos.pl/reklamacje)."));
    }
}
