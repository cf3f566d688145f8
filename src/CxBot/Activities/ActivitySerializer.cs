using System.Text.Json;

namespace CxBot.Activities;

/// <summary>Reads and writes activities in their wire form.</summary>
public static class ActivitySerializer
{
    public static byte[] ToUtf8(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJsonContext.Default.Activity);

    public static string ToJson(Activity activity) =>
        JsonSerializer.Serialize(activity, ActivityJsonContext.Default.Activity);

    /// <exception cref="JsonException">The input is not a JSON object of the activity schema.</exception>
    public static Activity FromUtf8(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, ActivityJsonContext.Default.Activity)
        ?? throw new JsonException("The activity is null.");

    public static Activity FromJson(string json) =>
        JsonSerializer.Deserialize(json, ActivityJsonContext.Default.Activity)
        ?? throw new JsonException("The activity is null.");
}
