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

    /// <summary>
    /// Folder of the bot's texts, one YAML file per language (<c>pl.yml</c>, <c>en.yml</c>); relative paths are looked for in the
    /// working directory and its parents.
    /// </summary>
    [Required]
    public string TextsFolder { get; set; } = "knowledge-base/texts";

    /// <summary>Reload the texts when their files change (no restart).</summary>
    public bool WatchTexts { get; set; } = true;
}
