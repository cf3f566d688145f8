namespace CxBot.Knowledge.Replay;

/// <summary>
/// Past questions the bot did not answer outright, decided again by the current knowledge base: how many of each decision
/// before and now, how many are now answered and by which article, and each question's before and after.
/// </summary>
/// <param name="Total">Questions replayed.</param>
/// <param name="Before">Decisions when they were asked (<c>fallback</c>, <c>clarify</c>, <c>confirm</c>), with counts.</param>
/// <param name="After">Decisions now (<c>answer</c>, <c>confirm</c>, <c>clarify</c>, <c>fallback</c>).</param>
/// <param name="NowAnswered">Questions the bot would now answer outright.</param>
/// <param name="ByArticle">The articles that would now answer them, most first.</param>
/// <param name="Items">Every question, newest first.</param>
public sealed record ReplayReport(
    int Total,
    IReadOnlyDictionary<string, int> Before,
    IReadOnlyDictionary<string, int> After,
    int NowAnswered,
    IReadOnlyList<ReplayArticleCount> ByArticle,
    IReadOnlyList<ReplayItem> Items);

/// <summary>An article and how many replayed questions it would now answer.</summary>
public sealed record ReplayArticleCount(string ArticleId, string Title, int Count);

/// <summary>One replayed question: what the bot did then and what it would do now.</summary>
public sealed record ReplayItem(
    string ActivityId, string ConversationId, DateTimeOffset At, string Text, string Language,
    string Before, string? BeforeArticleId, string After, string? AfterArticleId, double Confidence);
