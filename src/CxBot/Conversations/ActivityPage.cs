namespace CxBot.Conversations;

/// <summary>Activities after a watermark, and the watermark to ask from next time.</summary>
public sealed record ActivityPage(IReadOnlyList<StoredActivity> Activities, long Watermark);
