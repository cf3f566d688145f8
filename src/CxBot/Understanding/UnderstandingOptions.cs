using System.ComponentModel.DataAnnotations;

namespace CxBot.Understanding;

/// <summary>How customer messages are read.</summary>
public sealed class UnderstandingOptions
{
    public const string SectionName = "Understanding";

    /// <summary>The trained message-act model; relative paths are resolved against the application folder, where the build puts the shipped one.</summary>
    [Required]
    public string ActModelPath { get; set; } = "acts-model.zip";
}
