using CxBot.Handoff;
using CxBot.Knowledge;
using CxBot.Sentiment;
using CxBot.Texts;
using CxBot.Understanding;

namespace CxBot.Web.Hosting;

/// <summary>
/// Loads the knowledge base, the models (sentence embeddings, message acts, sentiment) and the bot's texts, and starts the
/// queue notifier before the host reports ready, so the first customer does not pay for them and a broken setup (a text
/// file with a missing key, say) fails at start, naming what is wrong, not mid-chat.
/// </summary>
public sealed class WarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<TextCatalog>();
        services.GetRequiredService<KnowledgeBaseProvider>();
        services.GetRequiredService<MessageReader>().Read("warm up", "en");
        services.GetRequiredService<ISentimentScorer>().Score("warm up");
        services.GetRequiredService<HandoffQueueNotifier>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
