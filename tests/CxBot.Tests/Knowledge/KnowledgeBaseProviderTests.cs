using CxBot.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Knowledge;

public sealed class KnowledgeBaseProviderTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task EditingTheFolder_TakesEffectWithoutARestart()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "a.md"), KnowledgeBaseLoaderTests.Article("gift-card", "pl", "Jak kupić kartę podarunkową?"));
        using var sut = new KnowledgeBaseProvider(Options.Create(new KnowledgeOptions { Folder = _folder.Path }), TimeProvider.System,
            NullLogger<KnowledgeBaseProvider>.Instance);
        var reloaded = new TaskCompletionSource<KnowledgeBase>(TaskCreationOptions.RunContinuationsAsynchronously);
        sut.Reloaded += kb => { if (kb.Articles.Count == 2) reloaded.TrySetResult(kb); };

        File.WriteAllText(Path.Combine(_folder.Path, "b.md"), KnowledgeBaseLoaderTests.Article("newsletter", "pl", "Jak zapisać się do newslettera?"));
        var knowledgeBase = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("newsletter", knowledgeBase.Search("zapisac sie do newslettera", "pl", 1)[0].Article.Id);
        Assert.Same(knowledgeBase, sut.Current);
    }

    public void Dispose() => _folder.Dispose();
}
