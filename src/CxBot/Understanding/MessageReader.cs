using CxBot.Knowledge.Text;
using CxBot.Understanding.Acts;
using CxBot.Understanding.Embeddings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Understanding;

/// <summary>
/// Reads what a customer's message does (<see cref="MessageActs"/>) and its language, once per message: the message-act
/// model over the message's words and its sentence embedding — the same embedding the knowledge base searches with, so a
/// message runs through the model once; the exact closing phrases (<see cref="ClosingPhrases"/>) add a goodbye the model
/// missed, the exact openings of a correction (<see cref="CorrectionPhrases"/>) a not-understood it missed, and asking to
/// be passed on to someone (<see cref="PersonPhrases"/>) a request for a person it read only weakly; frustration
/// said in so many words (<see cref="FrustrationPhrases"/>) is read here too, once. The flow (<see cref="Bot.SupportBot"/>)
/// decides from the reading; the bot's own buttons are applied there.
/// </summary>
public sealed partial class MessageReader
{
    private readonly ActModel _model;
    private readonly float[] _thresholds;
    private readonly SentenceEmbedder _embedder = SentenceEmbedder.Shared;

    public MessageReader(IOptions<UnderstandingOptions> options, ILogger<MessageReader> logger)
    {
        var path = Path.IsPathRooted(options.Value.ActModelPath) ? options.Value.ActModelPath : Path.Combine(AppContext.BaseDirectory, options.Value.ActModelPath);
        if (!File.Exists(path)) throw new FileNotFoundException($"The message-act model '{path}' is missing: build the project, or run train-acts.", path);
        _model = ActModel.Load(path);
        _thresholds = [.. _model.Thresholds];
        LogLoaded(logger, path);
    }

    /// <summary>
    /// <see cref="Read"/>, with the sentence embeddings computed first on the model's own threads (the knowledge base's
    /// search of the same message then finds them too).
    /// </summary>
    public async Task<MessageReading> ReadAsync(string text, string fallbackLanguage)
    {
        var language = LanguageDetector.Detect(text, fallbackLanguage);
        if (!text.Any(char.IsLetterOrDigit)) return Nothing(text, language);
        var english = EnglishReading(text, language);
        await _embedder.PrepareAsync(text, english);
        return Read(text, language, english);
    }

    public MessageReading Read(string text, string fallbackLanguage)
    {
        var language = LanguageDetector.Detect(text, fallbackLanguage);
        return text.Any(char.IsLetterOrDigit) ? Read(text, language, EnglishReading(text, language)) : Nothing(text, language);
    }

    private static MessageReading Nothing(string text, string language) => new(text, language, MessageActs.None, new float[ActLabels.All.Length]);

    /// <summary>A Polish message's word-by-word English reading, which the act model reads beside it; null for English.</summary>
    private static string? EnglishReading(string text, string language) => language == "pl" ? PolishToEnglish.Translate(text) : null;

    private MessageReading Read(string text, string language, string? english)
    {
        var probabilities = _model.Probabilities(text, Embedding(text, english));
        var acts = MessageActs.None;
        for (var a = 0; a < probabilities.Length; a++)
            if (probabilities[a] >= _thresholds[a]) acts |= ActLabels.All[a].Act;
        if (ClosingPhrases.Close(text) || (acts & MessageActs.Thanks) != 0 && EndsWithAWave(text)) acts |= MessageActs.Goodbye;
        var correction = CorrectionPhrases.Opens(text, out var rest) ? rest : null;
        if (correction is not null) acts |= MessageActs.NotUnderstood;
        if (PersonPhrases.Ask(text)) acts |= MessageActs.Person;
        return new MessageReading(text, language, acts, probabilities) { Correction = correction, SaysFrustration = FrustrationPhrases.Say(text) };
    }

    /// <summary>
    /// The message's sentence embedding as the act model learnt it (<see cref="ActModel.BlendPolish"/>): a Polish message's
    /// embedding is blended with that of its word-by-word English reading (the model's vocabulary is English). The
    /// knowledge base asks for the same two embeddings, so they are computed once per message.
    /// </summary>
    private float[] Embedding(string text, string? english)
    {
        if (english is null) return _embedder.Embed(text);
        var (polish, read) = _embedder.EmbedPair(text, english);
        return ActModel.Mix(polish, read);
    }

    /// <summary>"thanks a lot 👋": a wave after thanks waves goodbye (a wave alone, or after "hi", is a greeting).</summary>
    private static bool EndsWithAWave(string text)
    {
        if (text.Contains('?')) return false;
        var end = text.TrimEnd().TrimEnd('\uFE0F');
        // A skin tone (U+1F3FB–U+1F3FF) follows the wave as a surrogate pair.
        if (end.Length >= 2 && char.IsSurrogatePair(end[^2], end[^1]) && char.ConvertToUtf32(end[^2], end[^1]) is >= 0x1F3FB and <= 0x1F3FF) end = end[..^2];
        return end.EndsWith("👋", StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message-act model loaded from {Path}")]
    private static partial void LogLoaded(ILogger logger, string path);
}
