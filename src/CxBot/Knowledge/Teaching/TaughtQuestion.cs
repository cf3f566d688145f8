namespace CxBot.Knowledge.Teaching;

/// <summary>
/// A customer question a lead taught the bot: it is an example of an article, or of questions the knowledge base does not
/// answer (<see cref="KnowledgeBase.OutOfScopeLabel"/>). Kept in the document store until revoked or exported into the articles.
/// </summary>
/// <param name="Id">Stable key.</param>
/// <param name="Text">The question as the customer wrote it.</param>
/// <param name="Language"><c>pl</c> or <c>en</c>.</param>
/// <param name="ArticleId">The article it asks for, or <see cref="KnowledgeBase.OutOfScopeLabel"/>.</param>
/// <param name="TaughtBy">The lead's user name.</param>
/// <param name="TaughtAt">When.</param>
public sealed record TaughtQuestion(string Id, string Text, string Language, string ArticleId, string TaughtBy, DateTimeOffset TaughtAt)
{
    public bool OutOfScope => ArticleId == KnowledgeBase.OutOfScopeLabel;
}
