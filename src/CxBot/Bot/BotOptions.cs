using System.ComponentModel.DataAnnotations;

namespace CxBot.Bot;

/// <summary>How the bot presents itself.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>Address of the privacy note the greeting links to; <c>{lang}</c> becomes <c>pl</c> or <c>en</c>.</summary>
    [Required]
    public string PrivacyUrl { get; set; } = "/privacy.html#{lang}";

    /// <summary>Send a typing indicator before each answer, as a person would be seen typing.</summary>
    public bool SendTyping { get; set; } = true;
}
