using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace CxBot.Tests.Storage;

/// <summary>A real redis-server on 127.0.0.1, started for the tests (./test.sh installs it).</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private Process? _process;
    private readonly TempDirectory _folder = new();

    public int Port { get; private set; }
    public ConnectionMultiplexer Connection { get; private set; } = null!;
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false";

    public async Task InitializeAsync()
    {
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo("redis-server", ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder.Path])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        try { _process = Process.Start(info); }
        catch (System.ComponentModel.Win32Exception e) { throw new InvalidOperationException("redis-server is not installed; ./test.sh installs it.", e); }

        for (var i = 0; i < 100; i++)
        {
            try
            {
                Connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port}");
                await Connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) { await Task.Delay(100); }
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
