using CxBot.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Knowledge;

/// <summary>The repository's own knowledge base (the demo store's), loaded once for the tests.</summary>
public static class TestKnowledge
{
    private static readonly Lazy<AnswerService> Shared = new(() => Answers(RepositoryFolder));

    public static string RepositoryRoot { get; } = FindRoot();

    public static string RepositoryFolder => Path.Combine(RepositoryRoot, "knowledge-base");

    public static AnswerService DemoStore => Shared.Value;

    public static AnswerService Answers(string folder, KnowledgeOptions? options = null)
    {
        options ??= new KnowledgeOptions();
        options.Folder = folder;
        options.WatchForChanges = false;
        var wrapped = Options.Create(options);
        return new AnswerService(new KnowledgeBaseProvider(wrapped, TimeProvider.System, NullLogger<KnowledgeBaseProvider>.Instance), wrapped);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CxBot.sln"))) return dir.FullName;
        throw new InvalidOperationException("CxBot.sln not found");
    }
}
