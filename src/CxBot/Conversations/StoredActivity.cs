namespace CxBot.Conversations;

/// <summary>An activity as persisted: its position in the conversation and its wire JSON.</summary>
/// <param name="Sequence">1-based position; a Direct Line watermark is the last sequence a client has.</param>
/// <param name="Id">The activity id, <c>{conversationId}|{sequence}</c>.</param>
/// <param name="Json">UTF-8 wire form, sent to clients as is.</param>
public sealed record StoredActivity(long Sequence, string Id, byte[] Json)
{
    public Activities.Activity ToActivity() => Activities.ActivitySerializer.FromUtf8(Json);
}
