using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxBot.Knowledge.Retrieval;

/// <summary>
/// Per-language retrieval calibration of one knowledge base, read from <c>retrieval.json</c> beside its articles (written by
/// <c>calibrate</c>); a language it does not name uses the defaults measured on the demo store.
/// </summary>
public sealed record RetrievalCalibration
{
    public const string FileName = "retrieval.json";

    /// <summary>Calibration per two-letter language.</summary>
    public Dictionary<string, LanguageCalibration> Languages { get; init; } = [];

    /// <summary>Where the figures come from (data, command, date), for the people who read the file.</summary>
    public string? MeasuredOn { get; init; }

    public static RetrievalCalibration Default { get; } = new();

    public LanguageCalibration For(string language) => Languages.GetValueOrDefault(language) ?? new LanguageCalibration();

    /// <summary>The folder's calibration, or the defaults and a problem to report when the file is missing or broken.</summary>
    public static (RetrievalCalibration Calibration, KnowledgeProblem? Problem) Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return (Default, null);
        try
        {
            var calibration = JsonSerializer.Deserialize(File.ReadAllText(path), RetrievalJsonContext.Default.RetrievalCalibration);
            return (calibration ?? Default, null);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return (Default, new KnowledgeProblem(FileName, "(file)", $"The retrieval calibration could not be read, defaults are used: {e.Message}"));
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, RetrievalJsonContext.Default.RetrievalCalibration);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(RetrievalCalibration))]
internal sealed partial class RetrievalJsonContext : JsonSerializerContext;
