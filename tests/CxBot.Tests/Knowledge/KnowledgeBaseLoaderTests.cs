using CxBot.Knowledge;

namespace CxBot.Tests.Knowledge;

public sealed class KnowledgeBaseLoaderTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void LoadsAValidArticle_WithEveryField()
    {
        Write("pl/delivery-cost.md", """
            ---
            id: delivery-cost
            locale: pl
            title: Koszt dostawy
            tags: [dostawa, koszt]
            questions:
              - Ile kosztuje dostawa?
              - "darmowa dostawa: od ilu?"
            related: [delivery-time]
            ---
            Dostawa kosztuje **9,99 zł**.
            """);

        var (articles, problems) = KnowledgeBaseLoader.Load(_folder.Path);

        Assert.Empty(problems);
        var sut = Assert.Single(articles);
        Assert.Equal(("delivery-cost", "pl", "Koszt dostawy"), (sut.Id, sut.Language, sut.Title));
        Assert.Equal(["dostawa", "koszt"], sut.Tags);
        Assert.Equal(["Ile kosztuje dostawa?", "darmowa dostawa: od ilu?"], sut.Questions);
        Assert.Equal(["delivery-time"], sut.Related);
        Assert.False(sut.Escalate);
        Assert.Equal("Dostawa kosztuje **9,99 zł**.", sut.Body);
    }

    [Fact]
    public void BrokenArticles_AreReportedWithFileAndField_AndTheRestLoads()
    {
        Write("good.md", Article("good", "pl"));
        Write("bad-yaml.md", "---\nid: x\nquestions: [unclosed\n---\nbody");
        Write("no-id.md", "---\nlocale: pl\ntitle: T\nquestions: [q]\n---\nbody");
        Write("bad-locale.md", Article("other", "de"));
        Write("zz-duplicate.md", Article("good", "pl")); // files load in name order: the later one is the duplicate
        Write("bad-escalate.md", Article("esc", "pl").Replace("title:", "escalate: maybe\ntitle:"));

        var (articles, problems) = KnowledgeBaseLoader.Load(_folder.Path);

        Assert.Equal("good", Assert.Single(articles).Id);
        Assert.Contains(problems, p => p.File == "bad-yaml.md" && p.Field == "(front matter)" && p.Message.Contains("line"));
        Assert.Contains(problems, p => p.File == "no-id.md" && p.Field == "id");
        Assert.Contains(problems, p => p.File == "bad-locale.md" && p.Field == "locale");
        Assert.Contains(problems, p => p.File == "zz-duplicate.md" && p.Field == "id" && p.Message.Contains("good.md"));
        Assert.Contains(problems, p => p.File == "bad-escalate.md" && p.Field == "escalate");
    }

    [Fact]
    public void MissingFolder_IsAProblem_NotACrash()
    {
        var (articles, problems) = KnowledgeBaseLoader.Load(Path.Combine(_folder.Path, "nope"));

        Assert.Empty(articles);
        Assert.Single(problems);
    }

    public void Dispose() => _folder.Dispose();

    internal static string Article(string id, string locale, string question = "Jak to działa?") =>
        $"---\nid: {id}\nlocale: {locale}\ntitle: Tytuł {id}\ntags: [a]\nquestions:\n  - {question}\n---\nTreść {id}.\n";

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_folder.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
