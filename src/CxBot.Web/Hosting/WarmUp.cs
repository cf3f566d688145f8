using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Knowledge;
using CxBot.Sentiment;

namespace CxBot.Web.Hosting;

/// <summary>
/// Opens the store, loads the knowledge base and the sentiment model and starts the queue notifier before the host reports
/// ready, so the first customer does not pay for them and a broken setup fails at start, not mid-chat.
/// </summary>
public sealed class WarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Opens the store: a damaged database stops the start here, with a message saying how to restore it.
        services.GetRequiredService<IConversationStore>();
        services.GetRequiredService<KnowledgeBaseProvider>();
        services.GetRequiredService<ISentimentScorer>().Score("warm up");
        services.GetRequiredService<HandoffQueueNotifier>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
