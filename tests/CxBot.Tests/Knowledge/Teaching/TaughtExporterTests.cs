using CxBot.Knowledge;
using CxBot.Knowledge.Teaching;

namespace CxBot.Tests.Knowledge.Teaching;

public sealed class TaughtExporterTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public TaughtExporterTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "pl"));
        File.WriteAllText(Path.Combine(_folder.Path, "pl", "returns.md"),
            "---\nid: returns\nlocale: pl\ntitle: Zwroty\ntags: [zwrot]\nquestions:\n  - jak zwrócić towar?\n  - zwrot\nrelated: [refund-time]\n---\nMasz 30 dni.\n");
        File.WriteAllText(Path.Combine(_folder.Path, "pl", "refund-time.md"), KnowledgeBaseLoaderTests.Article("refund-time", "pl", "kiedy zwrot pieniędzy"));
        File.WriteAllText(Path.Combine(_folder.Path, KnowledgeBaseLoader.OutOfScopeFile), "# leads add here\npl:\n  - \"kto jest właścicielem?\"\n");
    }

    [Fact]
    public void Export_WritesQuestionsIntoTheirArticles_AndOutOfScope_AndTheFilesStillLoad()
    {
        TaughtQuestion[] taught =
        [
            Taught("oddam kurtkę: nie pasuje, \"za mała\" # serio", "returns"),
            Taught("czy mogę odesłać buty", "returns"),
            Taught("JAK ZWRÓCIĆ TOWAR", "returns"),
            Taught("jaka będzie pogoda w sobotę", KnowledgeBase.OutOfScopeLabel),
            Taught("do you sell dog food", KnowledgeBase.OutOfScopeLabel, "en"),
        ];

        var result = TaughtExporter.Export(_folder.Path, taught);

        Assert.Equal(4, result.Written.Count);
        Assert.Equal("JAK ZWRÓCIĆ TOWAR", Assert.Single(result.AlreadyThere).Text);
        Assert.Empty(result.Skipped);
        Assert.Equal([Path.Combine("pl", "returns.md"), KnowledgeBaseLoader.OutOfScopeFile], result.Files);
        var (articles, problems) = KnowledgeBaseLoader.Load(_folder.Path);
        Assert.Empty(problems);
        var returns = articles.Single(a => a.Id == "returns");
        Assert.Equal(["jak zwrócić towar?", "zwrot", "oddam kurtkę: nie pasuje, \"za mała\" # serio", "czy mogę odesłać buty"], returns.Questions);
        Assert.Equal(["refund-time"], returns.Related);
        Assert.Equal("Masz 30 dni.", returns.Body.Trim());
        var (outOfScope, problem) = KnowledgeBaseLoader.LoadOutOfScope(_folder.Path);
        Assert.Null(problem);
        Assert.Equal([("kto jest właścicielem?", "pl"), ("jaka będzie pogoda w sobotę", "pl"), ("do you sell dog food", "en")], outOfScope);
        Assert.StartsWith("# leads add here\n", File.ReadAllText(Path.Combine(_folder.Path, KnowledgeBaseLoader.OutOfScopeFile)));
    }

    [Fact]
    public void ExportingTwice_WritesNothingTheSecondTime()
    {
        TaughtQuestion[] taught = [Taught("czy mogę odesłać buty", "returns"), Taught("jaka pogoda", KnowledgeBase.OutOfScopeLabel)];
        TaughtExporter.Export(_folder.Path, taught);
        var before = File.ReadAllText(Path.Combine(_folder.Path, "pl", "returns.md"));

        var again = TaughtExporter.Export(_folder.Path, taught);

        Assert.Empty(again.Written);
        Assert.Equal(2, again.AlreadyThere.Count);
        Assert.Empty(again.Files);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_folder.Path, "pl", "returns.md")));
    }

    [Fact]
    public void AQuestionWhoseArticleIsMissingInItsLanguage_IsSkipped_WithTheReason()
    {
        var result = TaughtExporter.Export(_folder.Path, [Taught("how do I return shoes", "returns", "en")]);

        var (question, reason) = Assert.Single(result.Skipped);
        Assert.Equal("how do I return shoes", question.Text);
        Assert.Contains("no 'returns' article in 'en'", reason);
        Assert.Empty(result.Files);
    }

    private static TaughtQuestion Taught(string text, string articleId, string language = "pl") =>
        new(Guid.NewGuid().ToString("N"), text, language, articleId, "lena", DateTimeOffset.UnixEpoch);

    public void Dispose() => _folder.Dispose();
}
