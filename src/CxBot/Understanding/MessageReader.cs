using CxBot.Knowledge.Text;
using CxBot.Understanding.Acts;
using CxBot.Understanding.Embeddings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Understanding;

/// <summary>
/// Reads what a customer's message does (<see cref="MessageActs"/>) and its language, once per message: the message-act
/// model over the message's words and its sentence embedding — the same embedding the knowledge base searches with, so a
/// message runs through the model once (a long story is also read in parts, see <see cref="ReadParts"/>); the exact closing phrases (<see cref="ClosingPhrases"/>) add a goodbye the model
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
        var parts = Parts(text, language);
        await Task.WhenAll([_embedder.PrepareAsync(text, english), .. parts.Select(p => _embedder.PrepareAsync(p.Text, p.English))]);
        return Read(text, language, english, parts);
    }

    public MessageReading Read(string text, string fallbackLanguage)
    {
        var language = LanguageDetector.Detect(text, fallbackLanguage);
        return text.Any(char.IsLetterOrDigit) ? Read(text, language, EnglishReading(text, language), Parts(text, language)) : Nothing(text, language);
    }

    private static MessageReading Nothing(string text, string language) => new(text, language, MessageActs.None, new float[ActLabels.All.Length]);

    /// <summary>A Polish message's word-by-word English reading, which the act model reads beside it; null for English.</summary>
    private static string? EnglishReading(string text, string language) => language == "pl" ? PolishToEnglish.Translate(text) : null;

    private MessageReading Read(string text, string language, string? english, List<(string Text, string? English)> parts)
    {
        var probabilities = _model.Probabilities(text, Embedding(text, english));
        ReadParts(parts, probabilities);
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

    /// <summary>
    /// A long story, read again in parts of a few sentences: the sentence model reads only a message's first and last
    /// tokens, and its words' weight thins out in a long message, so "… the rim snapped off and cut my hand, we ended up
    /// in A&amp;E. Anyway, does the blanket come in grey?" hid the injury. For the acts that must never be missed (a person
    /// asked for, a protected situation), a part that does one counts for the message.
    /// </summary>
    private void ReadParts(List<(string Text, string? English)> parts, float[] probabilities)
    {
        foreach (var (part, english) in parts)
        {
            var read = _model.Probabilities(part, Embedding(part, english));
            foreach (var a in PartActs) probabilities[a] = Math.Max(probabilities[a], read[a]);
        }
    }

    /// <summary>
    /// A long message's parts, whole sentences up to <see cref="PartWords"/> words each, with their English readings (see
    /// <see cref="EnglishReading"/>); none for a short message.
    /// </summary>
    private static List<(string Text, string? English)> Parts(string text, string language)
    {
        if (TextNormalizer.Words(text).Count < LongMessageWords) return [];
        var parts = new List<string>();
        var part = new System.Text.StringBuilder();
        var words = 0;
        foreach (var sentence in SentenceEnds().Split(text))
        {
            var count = TextNormalizer.Words(sentence).Count;
            if (words > 0 && words + count > PartWords)
            {
                parts.Add(part.ToString().TrimEnd());
                part.Clear();
                words = 0;
            }

            part.Append(sentence).Append(' ');
            words += count;
        }

        if (words > 0) parts.Add(part.ToString().TrimEnd());
        return parts.Count < 2 ? [] : [.. parts.Select(p => (p, EnglishReading(p, language)))];
    }

    /// <summary>Words from which a message is long enough to be read in parts, and the most words in a part (whole sentences).</summary>
    private const int LongMessageWords = 25;
    private const int PartWords = 30;

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.!?;…\n])\s+")]
    private static partial System.Text.RegularExpressions.Regex SentenceEnds();

    /// <summary>The acts one part of a long message stands for: a person asked for, a protected situation.</summary>
    private static readonly int[] PartActs = [.. Enumerable.Range(0, ActLabels.All.Length).Where(a => ActLabels.All[a].Act is
        MessageActs.Person or MessageActs.Safety or MessageActs.Health or MessageActs.Legal or MessageActs.Fraud or MessageActs.Vulnerable)];

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
