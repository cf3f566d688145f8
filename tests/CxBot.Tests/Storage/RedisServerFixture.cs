using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace CxBot.Tests.Storage;

/// <summary>
/// A real redis-server on 127.0.0.1, started for the tests (./test.sh installs it). It keeps an
/// append-only file synced on every write, so a test can kill it and start it again on the same data,
/// as an outage followed by recovery.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private Process? _process;
    private readonly TempDirectory _folder = new();

    public int Port { get; private set; }
    public ConnectionMultiplexer Connection { get; private set; } = null!;
    // The contract tests check what is stored, not how fast: on a loaded CI machine 100 concurrent appends once took longer
    // than the client's default 5 s for one command, so the tests' connection waits longer (the product keeps its default).
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false,asyncTimeout=30000,syncTimeout=30000";

    public async Task InitializeAsync()
    {
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        await StartServerAsync();
        Connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
    }

    /// <summary>Kills redis-server without warning, as a crash or a network cut would look to CxBot.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false }) return;
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts redis-server again on the same port and data.</summary>
    public Task RestartAsync() => StartServerAsync();

    private async Task StartServerAsync()
    {
        var info = new ProcessStartInfo("redis-server", [
            "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "always",
            "--dir", _folder.Path, "--logfile", Path.Combine(_folder.Path, "redis.log")])
        {
            UseShellExecute = false,
        };
        try { _process = Process.Start(info); }
        catch (System.ComponentModel.Win32Exception e) { throw new InvalidOperationException("redis-server is not installed; ./test.sh installs it.", e); }

        for (var i = 0; i < 100; i++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port}");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisException) { await Task.Delay(100); }
        }

        throw new TimeoutException("redis-server did not start");
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null) await Connection.DisposeAsync();
        if (_process is { HasExited: false }) _process.Kill();
        _process?.Dispose();
        _folder.Dispose();
    }
}
