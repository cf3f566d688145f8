using System.ComponentModel.DataAnnotations;

namespace CxBot.Sentiment;

/// <summary>The sentiment model and the rolling conversation sentiment.</summary>
public sealed class SentimentOptions
{
    public const string SectionName = "Sentiment";

    /// <summary>The trained model; relative paths are resolved against the application folder, where the build puts the shipped model.</summary>
    [Required]
    public string ModelPath { get; set; } = "sentiment-model.zip";

    /// <summary>Training data used when the model file is missing (looked for in the working directory and its parents).</summary>
    [Required]
    public string TrainingData { get; set; } = "data/sentiment/train.tsv";

    /// <summary>How many recent customer messages the rolling conversation sentiment averages.</summary>
    [Range(1, 50)]
    public int RollingWindow { get; set; } = 3;
}
