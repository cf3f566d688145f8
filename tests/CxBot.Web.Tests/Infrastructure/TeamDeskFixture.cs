using Microsoft.AspNetCore.Identity;

namespace CxBot.Web.Tests.Infrastructure;

/// <summary>
/// A host whose agents have teams and languages: Anna takes anything, Kasia is in B2B and speaks English, Lena (a lead) is in
/// complaints. A conversation stays with its team for ten minutes, so a test sees the offer before it opens to all.
/// </summary>
public sealed class TeamDeskFixture : IAsyncLifetime
{
    public CxBotServer Server { get; private set; } = null!;
    public DirectLineClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = DeskServerFixture.Settings();
        var hash = new PasswordHasher<object>().HashPassword(new object(), DeskServerFixture.Password);
        settings["AgentDesk:Accounts:1:Teams:0"] = "complaints";
        settings["AgentDesk:Accounts:2:UserName"] = "kasia";
        settings["AgentDesk:Accounts:2:DisplayName"] = "Kasia";
        settings["AgentDesk:Accounts:2:PasswordHash"] = hash;
        settings["AgentDesk:Accounts:2:Roles:0"] = "Agent";
        settings["AgentDesk:Accounts:2:Teams:0"] = "b2b";
        settings["AgentDesk:Accounts:2:Languages:0"] = "en";
        settings["Handoff:Routing:TeamFirstSeconds"] = "600";
        Server = await CxBotServer.StartAsync(settings: settings);
        Client = new DirectLineClient(Server.Http);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
