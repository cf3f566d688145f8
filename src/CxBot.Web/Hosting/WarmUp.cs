using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Knowledge;
using CxBot.Sentiment;
using CxBot.Texts;
using CxBot.Understanding;

namespace CxBot.Web.Hosting;

/// <summary>
/// Opens the store, loads the knowledge base, the models (sentence embeddings, message acts, sentiment) and the bot's texts, and starts the
/// queue notifier before the host reports ready, so the first customer does not pay for them and a broken setup (a text
/// file with a missing key, say, or a damaged database) fails at start, naming what is wrong, not mid-chat. <c>/healthz/ready</c> waits for it.
/// </summary>
public sealed class WarmUp(IServiceProvider services) : IHostedService
{
    private volatile bool _completed;

    /// <summary>The knowledge base and the models are loaded (for <c>/healthz/ready</c>).</summary>
    public bool Completed => _completed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Opens the store: a damaged database stops the start here, with a message saying how to restore it.
        services.GetRequiredService<IConversationStore>();
        services.GetRequiredService<TextCatalog>();
        services.GetRequiredService<KnowledgeBaseProvider>();
        services.GetRequiredService<MessageReader>().Read("warm up", "en");
        services.GetRequiredService<ISentimentScorer>().Score("warm up");
        services.GetRequiredService<HandoffQueueNotifier>();
        _completed = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
