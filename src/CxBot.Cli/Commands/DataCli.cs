using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxBot.Cli.Commands;

/// <summary>
/// The bot's services over a data folder (<c>--data</c>, the embedded store: stop the web host first, it allows one process)
/// or a Redis store (<c>--redis host:port</c>), with the knowledge base of <c>--kb</c>, for commands that read what the
/// host recorded.
/// </summary>
public static class DataCli
{
    public static ServiceProvider Open(CommandArgs args)
    {
        var redis = args.Get("redis");
        var data = args.Get("data");
        if (redis is null && data is null) throw new UsageException("--data FOLDER (the embedded store) or --redis HOST:PORT is required.");
        if (data is not null && redis is null && !Directory.Exists(data)) throw new UsageException($"Data folder '{data}' does not exist.");
        var kb = args.Get("kb") ?? "knowledge-base";
        if (!Directory.Exists(kb)) throw new UsageException($"Knowledge-base folder '{kb}' does not exist.");
        var settings = new Dictionary<string, string?>
        {
            ["Knowledge:Folder"] = Path.GetFullPath(kb),
            ["Knowledge:WatchForChanges"] = "false",
            ["Knowledge:CacheFolder"] = args.Get("cache") ?? Path.Combine(Path.GetTempPath(), "cxbot-cli-cache"),
        };
        if (data is not null) settings["Storage:DataDirectory"] = Path.GetFullPath(data);
        if (redis is not null)
        {
            settings["Storage:Provider"] = "Redis";
            settings["Storage:Redis"] = redis;
        }

        return InProcessBot.Build(settings, services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)));
    }
}
