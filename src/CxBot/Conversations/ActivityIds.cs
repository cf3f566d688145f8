using System.Globalization;

namespace CxBot.Conversations;

/// <summary>Activity ids in the Direct Line form <c>{conversationId}|{sequence}</c>.</summary>
public static class ActivityIds
{
    public static string For(string conversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");

    /// <summary>The sequence in an id made by <see cref="For"/>.</summary>
    public static long SequenceOf(string activityId) =>
        long.Parse(activityId.AsSpan(activityId.LastIndexOf('|') + 1), NumberStyles.None, CultureInfo.InvariantCulture);
}
