using CxBot.Handoff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Cli.Commands;

/// <summary>The bot's services as the host wires them, in this process, for commands that run turns or read the store without a web host.</summary>
public static class InProcessBot
{
    /// <summary>The services over <paramref name="settings"/>; <paramref name="configure"/> adds to them (metrics, logging levels).</summary>
    public static ServiceProvider Build(IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddCxBot();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The whole bot over <paramref name="dataDirectory"/> as a customer meets it in office hours — business hours open and
    /// a consultant online — with the knowledge base and texts of <c>--kb</c> (texts: <paramref name="textsFolder"/>):
    /// for <c>chat</c> and <c>eval-conversations</c>.
    /// </summary>
    public static ServiceProvider InOfficeHours(CommandArgs args, string dataDirectory, string? textsFolder, bool sendTyping)
    {
        var kb = args.Get("kb") ?? "knowledge-base";
        var provider = Build(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Knowledge:Folder"] = kb,
            ["Knowledge:WatchForChanges"] = "false",
            ["Knowledge:CacheFolder"] = args.Get("cache") ?? Path.Combine(Path.GetTempPath(), "cxbot-cli-cache"),
            ["Bot:TextsFolder"] = textsFolder ?? Path.Combine(kb, "texts"),
            ["Bot:WatchTexts"] = "false",
            ["Bot:SendTyping"] = sendTyping ? "true" : "false",
            ["BusinessHours:AlwaysOpen"] = "true",
        });
        provider.GetRequiredService<AgentRegistry>().Connected("anna", "Anna", 1000);
        return provider;
    }
}
