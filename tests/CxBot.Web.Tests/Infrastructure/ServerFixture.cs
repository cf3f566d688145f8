namespace CxBot.Web.Tests.Infrastructure;

/// <summary>One CxBot host shared by the tests of a class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public CxBotServer Server { get; private set; } = null!;
    public DirectLineClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await CxBotServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["DirectLine:HeartbeatSeconds"] = "1",
            ["DirectLine:MaxTextLength"] = "500",
        });
        Client = new DirectLineClient(Server.Http);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
