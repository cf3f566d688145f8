using CxBot.Activities;

namespace CxBot.Turns;

/// <summary>How the bot appears in conversations.</summary>
public static class BotIdentity
{
    public const string Id = "cxbot";
    public const string Name = "CxBot";

    public static ChannelAccount Account { get; } = new() { Id = Id, Name = Name, Role = "bot" };
}
