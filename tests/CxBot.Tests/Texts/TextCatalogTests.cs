using CxBot.Bot;
using CxBot.Texts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Texts;

/// <summary>The bot's texts as files a CX lead edits: checked key by key, reloaded live, a broken edit never taken.</summary>
public sealed class TextCatalogTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _shipped = Path.Combine(Knowledge.TestKnowledge.RepositoryRoot, "knowledge-base", "texts");

    public TextCatalogTests()
    {
        foreach (var file in Directory.EnumerateFiles(_shipped, "*.yml")) File.Copy(file, Path.Combine(_folder.Path, Path.GetFileName(file)));
    }

    [Fact]
    public void TheShippedTexts_HaveEveryKey_InBothLanguages()
    {
        using var sut = Catalog();

        foreach (var language in new[] { "pl", "en" })
        foreach (var key in TextKeys.All.Keys.Where(k => !TextKeys.Lists.Contains(k)))
            Assert.False(string.IsNullOrWhiteSpace(sut.For(language)[key]), $"{language}: {key}");
    }

    [Fact]
    public void AMissingKey_StopsTheStart_NamingTheFileAndTheKey()
    {
        Edit("en.yml", text => string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("goodbye:", StringComparison.Ordinal))));

        var error = Assert.Throws<InvalidOperationException>(() => Catalog());

        Assert.Contains("en.yml: missing key 'goodbye'", error.Message);
    }

    [Fact]
    public void AnUnknownKeyOrALostPlaceholder_IsNamed()
    {
        Edit("pl.yml", text => text.Replace("queued_soon: \"Przekazuję rozmowę konsultantowi. Jesteś **{position}.**", "queued_soon: \"Przekazuję rozmowę konsultantowi. Jesteś **N.**")
            + "\nfarewell: \"Pa!\"\n");

        var error = Assert.Throws<InvalidOperationException>(() => Catalog());

        Assert.Contains("pl.yml: unknown key 'farewell'", error.Message);
        Assert.Contains("pl.yml: 'queued_soon' must contain {position}", error.Message);
    }

    [Fact]
    public void AnEdit_IsTakenWithoutARestart_AndABrokenOneIsNot()
    {
        using var sut = Catalog(watch: true);

        Edit("en.yml", text => text.Replace("goodbye: \"Thank you for the chat. Goodbye!\"", "goodbye: \"Thanks for chatting — take care!\""));
        Assert.True(SpinWait.SpinUntil(() => sut.For("en")["goodbye"] == "Thanks for chatting — take care!", TimeSpan.FromSeconds(10)));

        Edit("en.yml", text => text.Replace("goodbye:", "good_bye:"));
        Assert.False(sut.Reload());
        Assert.Equal("Thanks for chatting — take care!", sut.For("en")["goodbye"]);
    }

    [Fact]
    public void AddingALanguage_IsAddingAFile()
    {
        File.Copy(Path.Combine(_folder.Path, "en.yml"), Path.Combine(_folder.Path, "de.yml"));
        Edit("de.yml", text => text.Replace("goodbye: \"Thank you for the chat. Goodbye!\"", "goodbye: \"Danke für das Gespräch. Auf Wiedersehen!\""));

        using var sut = Catalog();

        Assert.Contains("de", sut.Languages);
        Assert.Equal("Danke für das Gespräch. Auf Wiedersehen!", sut.For("de")["goodbye"]);
    }

    private TextCatalog Catalog(bool watch = false) =>
        new(Options.Create(new BotOptions { TextsFolder = _folder.Path, WatchTexts = watch }), NullLogger<TextCatalog>.Instance);

    private void Edit(string file, Func<string, string> change)
    {
        var path = Path.Combine(_folder.Path, file);
        File.WriteAllText(path, change(File.ReadAllText(path)));
    }

    public void Dispose() => _folder.Dispose();
}
