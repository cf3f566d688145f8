namespace CxBot.Knowledge;

/// <summary>One article of the knowledge base in one language: a Markdown file with YAML front matter.</summary>
/// <param name="Id">Stable id shared by the article's language versions, e.g. <c>delivery-cost</c>.</param>
/// <param name="Language"><c>pl</c> or <c>en</c>.</param>
/// <param name="Title">Shown as the answer's citation.</param>
/// <param name="Tags">Keywords, inflected forms and synonyms.</param>
/// <param name="Questions">Sample phrasings customers use.</param>
/// <param name="Body">The answer, in Markdown.</param>
/// <param name="Escalate">A topic a person should take (complaints): the bot answers and offers a consultant.</param>
/// <param name="Related">Ids of related articles.</param>
/// <param name="SourceFile">Path relative to the knowledge-base folder, for error messages.</param>
/// <param name="Team">The team of agents a handoff about this article goes to first (front matter <c>team:</c>), if any.</param>
public sealed record KnowledgeArticle(
    string Id,
    string Language,
    string Title,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Questions,
    string Body,
    bool Escalate,
    IReadOnlyList<string> Related,
    string SourceFile,
    string? Team = null);
