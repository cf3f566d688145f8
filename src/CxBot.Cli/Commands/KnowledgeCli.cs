using CxBot.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Cli.Commands;

/// <summary>Opens a knowledge-base folder once for a batch command.</summary>
public static class KnowledgeCli
{
    public static AnswerService Open(CommandArgs args)
    {
        var folder = args.Get("kb") ?? "knowledge-base";
        if (!Directory.Exists(folder)) throw new UsageException($"Knowledge-base folder '{folder}' does not exist.");
        // What is learnt from the articles (embeddings, the classifier) is kept between runs, keyed by their content.
        var cache = args.Get("cache") ?? Path.Combine(Path.GetTempPath(), "cxbot-cli-cache");
        var settings = new KnowledgeOptions { Folder = Path.GetFullPath(folder), WatchForChanges = false, CacheFolder = cache };
        var options = Options.Create(settings);
        var provider = new KnowledgeBaseProvider(options, TimeProvider.System, NullLogger<KnowledgeBaseProvider>.Instance);
        foreach (var problem in provider.Current.Problems) Console.Error.WriteLine($"warning: {problem}");
        return new AnswerService(provider, options);
    }

    public static string ActionName(AnswerAction action) => action.ToString().ToLowerInvariant();
}
