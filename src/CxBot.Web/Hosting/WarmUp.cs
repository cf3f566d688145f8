using CxBot.Handoff;
using CxBot.Knowledge;
using CxBot.Sentiment;
using CxBot.Understanding.Embeddings;

namespace CxBot.Web.Hosting;

/// <summary>
/// Loads the knowledge base with the answering model (one sentence embedded, so the first customer does not pay for
/// the model's first run either) and the sentiment model, and starts the queue notifier, before
/// the host listens and reports ready, so the first customer does not pay for them and a broken setup fails at
/// start, not mid-chat.
/// </summary>
public sealed class WarmUp(IServiceProvider services) : IHostedService
{
    private volatile bool _completed;

    /// <summary>The knowledge base and the models are loaded (for <c>/healthz/ready</c>).</summary>
    public bool Completed => _completed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<KnowledgeBaseProvider>();
        SentenceEmbedder.Shared.Embed("ile kosztuje dostawa");
        services.GetRequiredService<ISentimentScorer>().Score("warm up");
        services.GetRequiredService<HandoffQueueNotifier>();
        _completed = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
