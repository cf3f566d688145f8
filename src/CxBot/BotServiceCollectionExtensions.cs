using CxBot.Attachments;
using CxBot.Bot;
using CxBot.Knowledge;
using CxBot.Knowledge.Generative;
using CxBot.Knowledge.Teaching;
using CxBot.Privacy;
using CxBot.Sentiment;
using CxBot.Surveys;
using CxBot.Conversations;
using CxBot.Handoff;
using CxBot.Storage;
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
        services.AddAttachments();
        services.AddSingleton<History.CustomerHistory>();

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
        services.AddSingleton<ITurnMiddleware, AttachmentMiddleware>();
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
        services.AddKnowledgeTeaching();
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
        services.AddOptions<TeamRoutingOptions>().BindConfiguration(TeamRoutingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TeamRouting>();
        services.AddSingleton<HandoffService>();
        services.AddSingleton<HandoffQueue>();
        services.AddSingleton<AgentRegistry>();
        services.AddSingleton<WaitEstimator>();
        services.AddSingleton<BusinessHours>();
        services.AddSingleton<TicketStore>();
        services.AddDocumentIndex(TicketStore.Collection, timeProperty: "createdAt", statusProperty: "status");
        services.AddSingleton<HandoffGradeStore>();
        services.AddDocumentIndex(HandoffGradeStore.Collection, timeProperty: HandoffGradeStore.TimeProperty);
        services.AddSingleton<HandoffQueueNotifier>();
        services.AddSingleton<AgentPresenceSync>();
        services.AddHostedService(sp => sp.GetRequiredService<AgentPresenceSync>());
        return services;
    }

    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SurveyStore>();
        services.AddDocumentIndex(SurveyStore.Responses, timeProperty: "endedAt");
        services.AddDocumentIndex(SurveyStore.Gaps, timeProperty: "at");
        services.AddSingleton<SurveyService>();
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

}
