using CxBot.Bot;
using CxBot.Texts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Tests;

/// <summary>The bot's texts as shipped (knowledge-base/texts), for tests that look for what the bot says.</summary>
public static class TestTexts
{
    private static readonly Lazy<TextCatalog> Shared = new(() => new TextCatalog(
        Options.Create(new BotOptions { TextsFolder = Path.Combine(Knowledge.TestKnowledge.RepositoryRoot, "knowledge-base", "texts"), WatchTexts = false }),
        NullLogger<TextCatalog>.Instance));

    public static TextCatalog Catalog => Shared.Value;

    public static TextSet English => Catalog.For("en");

    public static TextSet Polish => Catalog.For("pl");

    public static TextSet For(string locale) => Catalog.For(locale.StartsWith("en", StringComparison.Ordinal) ? "en" : "pl");
}
