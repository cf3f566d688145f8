using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace CxBot.Web.Tests.Infrastructure;

/// <summary>
/// The real CxBot host in its own process on 127.0.0.1, started from its build output, with its own
/// data folder. Tests can stop it gently (SIGTERM), kill it (SIGKILL) and start it again on the same data.
/// </summary>
public sealed class CxBotServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CxBotServer(Process process, Uri baseAddress, string dataDirectory, string secret)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Secret = secret;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }
    public string DataDirectory { get; }

    /// <summary>One knowledge cache for the whole test run, keyed by content like the product's own.</summary>
    public static string SharedKnowledgeCache { get; } = Path.Combine(Path.GetTempPath(), "cxbot-tests-knowledge-cache");
    public string Secret { get; }
    public HttpClient Http { get; }
    /// <summary>What the host printed; once it has exited, all of it (waits for the last lines still in the pipes).</summary>
    public string Output
    {
        get
        {
            if (_process.HasExited) _process.WaitForExit();
            lock (_output) return _output.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    private static readonly SemaphoreSlim FirstStart = new(1, 1);
    private static volatile bool _cacheWarm;

    public static async Task<CxBotServer> StartAsync(
        string? dataDirectory = null, IReadOnlyDictionary<string, string>? settings = null, string secret = "test-secret-0123456789",
        bool waitUntilHealthy = true)
    {
        // The first host of a run computes what is learnt from the articles (sentence embeddings, the classifier) into the
        // shared cache, which takes a while on a fresh machine; the others wait for it rather than all computing it at once.
        if (_cacheWarm || !waitUntilHealthy) return await StartCoreAsync(dataDirectory, settings, secret, waitUntilHealthy, TimeSpan.FromSeconds(120));
        await FirstStart.WaitAsync();
        try
        {
            if (_cacheWarm) return await StartCoreAsync(dataDirectory, settings, secret, waitUntilHealthy, TimeSpan.FromSeconds(120));
            var server = await StartCoreAsync(dataDirectory, settings, secret, waitUntilHealthy, TimeSpan.FromMinutes(5));
            _cacheWarm = true;
            return server;
        }
        finally
        {
            FirstStart.Release();
        }
    }

    private static async Task<CxBotServer> StartCoreAsync(
        string? dataDirectory, IReadOnlyDictionary<string, string>? settings, string secret, bool waitUntilHealthy, TimeSpan readyTimeout)
    {
        if (!File.Exists(RepoPaths.WebAssembly)) throw new InvalidOperationException($"Build CxBot.Web first: {RepoPaths.WebAssembly} is missing.");
        dataDirectory ??= Directory.CreateTempSubdirectory("cxbot-server-").FullName;
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { RepoPaths.WebAssembly, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", RepoPaths.WebProject })
            info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Storage__DataDirectory"] = Path.Combine(dataDirectory, "data");
        info.Environment["DirectLine__Secret"] = secret;
        // Every test server shares what is learnt from the demo articles (embeddings, classifier), as restarts of one host do.
        info.Environment["Knowledge__CacheFolder"] = SharedKnowledgeCache;
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        info.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(dataDirectory, "logs", "cxbot-.log");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) info.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new CxBotServer(process, new Uri($"http://127.0.0.1:{port}"), dataDirectory, secret);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(waitUntilHealthy, readyTimeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            // A host that never became ready must not outlive the test that started it.
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw;
        }

        return server;
    }

    /// <summary>Starts a new process on the same data folder and secret, as after a restart.</summary>
    public Task<CxBotServer> RestartedAsync(IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(DataDirectory, settings, Secret);

    /// <summary>Asks the host to shut down, as systemd or Kubernetes would, and waits for it.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        _ = Kill(_process.Id, 15);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Kills the host without warning, as a crash or OOM kill would.</summary>
    public async Task CrashAsync()
    {
        if (_process.HasExited) return;
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); }
        catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        Http.Dispose();
        _process.Dispose();
    }

    /// <summary>Waits until <c>/healthz</c> is green, or with <paramref name="healthy"/> false until it answers at all.</summary>
    private async Task WaitReadyAsync(bool healthy, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow.Add(timeout);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"CxBot exited with {_process.ExitCode}:\n{Output}");
            try
            {
                var status = (await Http.GetAsync("/healthz")).StatusCode;
                if (status == HttpStatusCode.OK || !healthy) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }

        throw new TimeoutException($"CxBot did not become ready:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
