using System.Security.Cryptography;
using System.Text;
using CxBot.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;

namespace CxBot.Knowledge.Teaching;

/// <summary>
/// What a lead does with the knowledge-base gaps: teach questions as an article or as out of scope, and revoke them. Each
/// action is stored, logged (the teach log and Serilog, with who and when) and takes effect on this instance at once; the
/// others notice the version change within <see cref="KnowledgeOptions.TaughtPollSeconds"/> (<see cref="TaughtSync"/>).
/// </summary>
public sealed partial class TeachingService(TeachingStore store, KnowledgeBaseProvider provider, TimeProvider time, ILogger<TeachingService> logger)
{
    public const int MaxQuestions = 500;
    public const int MaxLength = 1000;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    // The provider starts with no taught questions: nothing to rebuild until some exist.
    private string? _applied = Signature([]);

    /// <summary>Teaches <paramref name="questions"/> as <paramref name="articleId"/>; a question already taught as it is skipped.</summary>
    public async Task<(IReadOnlyList<TaughtQuestion> Taught, string? Error)> TeachAsync(
        IReadOnlyList<(string Text, string Language)> questions, string articleId, string by, CancellationToken cancellationToken)
    {
        if (Validate(questions, articleId) is { } error) return ([], error);
        var existing = (await store.ListAsync(cancellationToken)).Select(q => (q.Text, q.Language, q.ArticleId)).ToHashSet();
        var now = time.GetUtcNow();
        var taught = new List<TaughtQuestion>();
        foreach (var (text, language) in questions.Select(q => (q.Text.Trim(), q.Language)).Distinct())
        {
            if (existing.Contains((text, language, articleId))) continue;
            var question = new TaughtQuestion(NewId(), text, language, articleId, by, now);
            await store.PutAsync(question, cancellationToken);
            await store.AppendLogAsync(new TeachLogEntry(NewId(), "taught", question.Id, text, language, articleId, by, now), cancellationToken);
            taught.Add(question);
        }

        if (taught.Count == 0) return (taught, null);
        await store.BumpVersionAsync(now, cancellationToken);
        LogTaught(by, taught.Count, articleId);
        await RefreshAsync(cancellationToken);
        return (taught, null);
    }

    /// <summary>Revokes a taught question; null when there is none with that id.</summary>
    public async Task<TaughtQuestion?> RevokeAsync(string id, string by, CancellationToken cancellationToken)
    {
        var question = (await store.ListAsync(cancellationToken)).FirstOrDefault(q => q.Id == id);
        if (question is null) return null;
        var now = time.GetUtcNow();
        await store.DeleteAsync(id, cancellationToken);
        await store.AppendLogAsync(new TeachLogEntry(NewId(), "revoked", id, question.Text, question.Language, question.ArticleId, by, now), cancellationToken);
        await store.BumpVersionAsync(now, cancellationToken);
        LogRevoked(by, question.ArticleId, question.TaughtBy);
        await RefreshAsync(cancellationToken);
        return question;
    }

    /// <summary>Reads the taught questions and, when they changed, rebuilds the index with them.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var taught = await store.ListAsync(cancellationToken);
            var signature = Signature(taught);
            if (signature == _applied) return;
            provider.Teach([.. taught.Select(ToExample)]);
            _applied = signature;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public static LabelledExample ToExample(TaughtQuestion question) => new(question.Text, question.ArticleId, question.Language);

    private string? Validate(IReadOnlyList<(string Text, string Language)> questions, string articleId)
    {
        if (questions.Count == 0) return "Choose at least one question to teach.";
        if (questions.Count > MaxQuestions) return $"Teach at most {MaxQuestions} questions at a time.";
        if (articleId != KnowledgeBase.OutOfScopeLabel && provider.Current.Articles.All(a => a.Id != articleId))
            return $"There is no article '{articleId}' in the knowledge base.";
        foreach (var (text, language) in questions)
        {
            if (string.IsNullOrWhiteSpace(text)) return "A question is empty.";
            if (text.Length > MaxLength) return $"A question is longer than {MaxLength} characters.";
            if (language is not ("pl" or "en")) return $"'{language}' is not a supported language (pl, en).";
        }

        return null;
    }

    private static string Signature(IReadOnlyList<TaughtQuestion> taught)
    {
        var text = string.Join('\n', taught.Select(q => $"{q.Id}\t{q.ArticleId}\t{q.Language}\t{q.Text}"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string NewId() => Guid.NewGuid().ToString("N")[..16];

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {By} taught {Count} questions as {ArticleId}")]
    private partial void LogTaught(string by, int count, string articleId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead {By} revoked a question taught as {ArticleId} by {TaughtBy}")]
    private partial void LogRevoked(string by, string articleId, string taughtBy);
}
