namespace CxBot.Knowledge;

/// <summary>The answering service's decision for one message.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Language">The customer's language for this message: the reply follows it.</param>
/// <param name="Confidence">How sure the match is, 0–1 (1 for recognised smalltalk).</param>
/// <param name="Article">The article answered with (<see cref="AnswerAction.Answer"/>).</param>
/// <param name="Candidates">Best articles, best first (up to three), for "Did you mean…" and agent assist.</param>
/// <param name="GeneratedText">The answer an LLM wrote from the articles, when generative mode is on and it succeeded.</param>
public sealed record KnowledgeAnswer(
    AnswerAction Action,
    string Language,
    double Confidence,
    KnowledgeArticle? Article,
    IReadOnlyList<KnowledgeArticle> Candidates,
    string? GeneratedText = null);
