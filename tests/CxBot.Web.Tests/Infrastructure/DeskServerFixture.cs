using Microsoft.AspNetCore.Identity;

namespace CxBot.Web.Tests.Infrastructure;

/// <summary>A host with two agent accounts and consultants always "in hours", for handoff and desk tests.</summary>
public sealed class DeskServerFixture : IAsyncLifetime
{
    public const string Password = "correct-horse-battery";

    public CxBotServer Server { get; private set; } = null!;
    public DirectLineClient Client { get; private set; } = null!;

    public static Dictionary<string, string> Settings()
    {
        var hasher = new PasswordHasher<object>();
        return new Dictionary<string, string>
        {
            ["BusinessHours:AlwaysOpen"] = "true",
            ["AgentDesk:Accounts:0:UserName"] = "anna",
            ["AgentDesk:Accounts:0:DisplayName"] = "Anna",
            ["AgentDesk:Accounts:0:PasswordHash"] = hasher.HashPassword(new object(), Password),
            ["AgentDesk:Accounts:0:Roles:0"] = "Agent",
            ["AgentDesk:Accounts:1:UserName"] = "lena",
            ["AgentDesk:Accounts:1:DisplayName"] = "Lena",
            ["AgentDesk:Accounts:1:PasswordHash"] = hasher.HashPassword(new object(), Password),
            ["AgentDesk:Accounts:1:Roles:0"] = "Lead",
            ["AgentDesk:Accounts:1:Roles:1"] = "Agent",
            ["AgentDesk:LockoutAttempts"] = "3",
        };
    }

    public async Task InitializeAsync()
    {
        Server = await CxBotServer.StartAsync(settings: Settings());
        Client = new DirectLineClient(Server.Http);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
