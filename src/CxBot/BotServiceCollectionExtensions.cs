using CxBot.Bot;
using CxBot.Knowledge;
using CxBot.Knowledge.Generative;
using CxBot.Privacy;
using CxBot.Sentiment;
using CxBot.Surveys;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Storage;
using CxBot.Storage.Embedded;
using CxBot.Storage.Redis;
using StackExchange.Redis;
using CxBot.Texts;
using CxBot.Turns;
using CxBot.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxBot;

public static class BotServiceCollectionExtensions
{
    /// <summary>The bot, its turn pipeline and the store; shared by the web host and the command line.</summary>
    public static IServiceCollection AddCxBot(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TextCatalog>();
        services.AddStorage();
        services.AddUnderstanding();
        services.AddKnowledge();
        services.AddSentiment();
        services.AddHandoff();
        services.AddSurveys();
        services.AddPrivacy();

        services.AddSingleton<ActivityLog>();
        services.AddSingleton<TurnDispatcher>();
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<IBot, SupportBot>();

        // Middleware runs in the order registered here.
        services.AddSingleton<ITurnMiddleware, LoggingMiddleware>();
        services.AddSingleton<ITurnMiddleware, TranscriptMiddleware>();
        services.AddSingleton<ITurnMiddleware, SentimentMiddleware>();
        services.AddSingleton<ITurnMiddleware, SurveyMiddleware>();
        services.AddSingleton<ITurnMiddleware, HandoffMiddleware>();
        return services;
    }

    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IOptions<StorageOptions>>((knowledge, storage) =>
            {
                // What is learnt from the articles is kept beside the rest of the data unless told otherwise.
                if (string.IsNullOrWhiteSpace(knowledge.CacheFolder)) knowledge.CacheFolder = Path.GetFullPath(storage.Value.DataDirectory);
            });
        services.AddSingleton<KnowledgeBaseProvider>();
        services.AddSingleton<IGenerativeAnswerer>(sp =>
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Llm.IsEnabled
                ? ActivatorUtilities.CreateInstance<OpenAiGenerativeAnswerer>(sp)
                : new NoGenerativeAnswerer());
        services.AddSingleton<AnswerService>();
        return services;
    }

    public static IServiceCollection AddUnderstanding(this IServiceCollection services)
    {
        services.AddOptions<UnderstandingOptions>().BindConfiguration(UnderstandingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MessageReader>();
        return services;
    }

    public static IServiceCollection AddSentiment(this IServiceCollection services)
    {
        services.AddOptions<SentimentOptions>().BindConfiguration(SentimentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ISentimentScorer, SentimentScorer>();
        return services;
    }

    public static IServiceCollection AddHandoff(this IServiceCollection services)
    {
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BusinessHoursOptions>().BindConfiguration(BusinessHoursOptions.SectionName);
        services.AddSingleton<HandoffService>();
        services.AddSingleton<HandoffQueue>();
        services.AddSingleton<AgentRegistry>();
        services.AddSingleton<WaitEstimator>();
        services.AddSingleton<BusinessHours>();
        services.AddSingleton<TicketStore>();
        services.AddSingleton<HandoffGradeStore>();
        services.AddSingleton<HandoffQueueNotifier>();
        services.AddSingleton<AgentPresenceSync>();
        services.AddHostedService(sp => sp.GetRequiredService<AgentPresenceSync>());
        return services;
    }

    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SurveyStore>();
        services.AddSingleton<SurveyService>();
        services.AddSingleton<OpenConversations>();
        services.AddSingleton<InactivityMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<InactivityMonitor>());
        return services;
    }

    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CustomerDataService>();
        services.AddSingleton<TranscriptRedactor>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        return services;
    }

    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<JournalConversationStore>();
        services.TryAddSingleton<IConnectionMultiplexer>(sp =>
        {
            var configuration = ConfigurationOptions.Parse(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Redis
                ?? throw new InvalidOperationException("Storage:Provider is Redis but Storage:Redis is empty."));
            // Keep retrying in the background when Redis is down instead of failing start-up or crash-looping.
            configuration.AbortOnConnectFail = false;
            // While disconnected, fail commands at once (the caller answers 503) rather than queue them until a timeout.
            configuration.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(configuration);
        });
        services.TryAddSingleton<RedisConversationStore>();
        services.TryAddSingleton<IConversationStore>(sp => UsesRedis(sp) ? sp.GetRequiredService<RedisConversationStore>() : sp.GetRequiredService<JournalConversationStore>());
        services.TryAddSingleton<IDocumentStore>(sp => UsesRedis(sp) ? sp.GetRequiredService<RedisConversationStore>() : sp.GetRequiredService<JournalConversationStore>());
        services.TryAddSingleton<IActivityFeed>(sp => UsesRedis(sp) ? new RedisActivityFeed(sp.GetRequiredService<IConnectionMultiplexer>()) : new LocalActivityFeed());
        services.TryAddSingleton<IConversationLock>(sp => UsesRedis(sp)
            ? new RedisConversationLock(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<TimeProvider>())
            : new InProcessConversationLock());
        return services;
    }

    private static bool UsesRedis(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == "Redis";
}
