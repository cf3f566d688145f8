using System.Text.Json;
using CxBot.Activities;

namespace CxBot.Web.DirectLine;

/// <summary>Reads a posted activity within the size limits, turning every kind of bad input into a clear 4xx.</summary>
public static class ActivityReader
{
    private static readonly HashSet<string> AcceptedTypes =
        [ActivityTypes.Message, ActivityTypes.Typing, ActivityTypes.Event, ActivityTypes.EndOfConversation];

    public static async Task<(Activity? Activity, IResult? Error)> ReadAsync(HttpRequest request, DirectLineOptions options, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxActivityBytes) return (null, TooLarge(options));
        using var body = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > options.MaxActivityBytes) return (null, TooLarge(options));
        }

        if (body.Length == 0) return (null, DirectLineErrors.BadSyntax("The body is empty; send an activity as JSON."));
        Activity activity;
        try
        {
            activity = ActivitySerializer.FromUtf8(body.GetBuffer().AsSpan(0, (int)body.Length));
        }
        catch (JsonException e) when (e.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return (null, DirectLineErrors.Error(400, "MissingProperty", "The activity has no 'type'."));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return (null, DirectLineErrors.BadSyntax($"The body is not a valid activity: {e.Message}"));
        }

        if (string.IsNullOrEmpty(activity.Type)) return (null, DirectLineErrors.Error(400, "MissingProperty", "The activity has no 'type'."));
        if (!AcceptedTypes.Contains(activity.Type))
            return (null, DirectLineErrors.BadArgument($"Activity type '{activity.Type}' is not accepted from a client."));
        // Files come through the upload, which checks and re-encodes them; an attachment a client writes itself could point anywhere.
        if (activity.Attachments is { Count: > 0 })
            return (null, DirectLineErrors.BadArgument("Attach files with POST /v3/directline/conversations/{id}/upload (Web Chat's attachment button does)."));
        if (activity.Text is { } text && text.Length > options.MaxTextLength)
            return (null, DirectLineErrors.TooBig($"The message text has {text.Length} characters; the limit is {options.MaxTextLength}."));
        return (activity, null);
    }

    private static IResult TooLarge(DirectLineOptions options) =>
        DirectLineErrors.TooBig($"The activity is larger than {options.MaxActivityBytes} bytes.");
}
