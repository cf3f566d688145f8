using System.Text.Json.Nodes;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CxBot.Web.AgentDesk;

/// <summary>
/// The bot's Markdown as the agent desk shows it, the way Web Chat renders it for the customer (bold, lists, links), and safe:
/// raw HTML in the text is escaped, links keep only http(s), mailto and relative targets and open in a new tab, images become
/// links. Only the bot's own messages are rendered; customers' and agents' words stay plain text.
/// </summary>
public static class DeskMarkdown
{
    /// <summary>The property the desk reads the rendered HTML from; anything a client sent under that name is removed.</summary>
    public const string HtmlProperty = "cxbotHtml";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAutoLinks().UseEmphasisExtras().DisableHtml().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
            link.IsImage = false;
            link.GetAttributes().AddPropertyIfNotExist("target", "_blank");
            link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
        }

        foreach (var autolink in document.Descendants<AutolinkInline>())
            if (!IsSafe(autolink.Url)) autolink.Url = "#";
        return document.ToHtml(Pipeline);
    }

    /// <summary>Markdown as plain text, for inserting an article into an agent's reply (agents' messages are plain text).</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>An activity for the desk: the bot's Markdown rendered under <see cref="HtmlProperty"/>, nothing else trusted there.</summary>
    public static JsonNode? ForDesk(JsonNode? activity)
    {
        if (activity is not JsonObject message) return activity;
        message.Remove(HtmlProperty);
        if (message["type"]?.GetValue<string>() == "message" && message["from"]?["role"]?.GetValue<string>() == "bot"
            && message["textFormat"]?.GetValue<string>() is null or "markdown" && message["text"] is JsonValue text && text.TryGetValue<string>(out var value))
            message[HtmlProperty] = ToHtml(value);
        return message;
    }

    private static bool IsSafe(string? url) =>
        string.IsNullOrEmpty(url) || url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith('#')
        || Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto";
}
