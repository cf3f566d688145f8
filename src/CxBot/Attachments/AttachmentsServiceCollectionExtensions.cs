using CxBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CxBot.Attachments;

public static class AttachmentsServiceCollectionExtensions
{
    /// <summary>Photos and documents from customers: limits, type checks, re-encoding, storage beside the conversation.</summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ImageSanitizer>();
        services.AddSingleton<AttachmentService>();
        return services;
    }
}
