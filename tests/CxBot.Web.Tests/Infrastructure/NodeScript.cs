using System.Diagnostics;
using System.Text.Json;

namespace CxBot.Web.Tests.Infrastructure;

/// <summary>Runs a script of <c>e2e/</c> with Node, where Microsoft's unmodified npm clients live.</summary>
public static class NodeScript
{
    public static async Task<JsonElement> RunAsync(string script, params string[] args)
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.E2e, "node_modules", "botframework-directlinejs")))
            throw new InvalidOperationException($"Run 'npm ci' in {RepoPaths.E2e} first (.ci/run does).");
        var info = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.E2e, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"{script} failed ({process.ExitCode}):\n{output}\n{await stderr}");
        return JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
    }

    public static string ArtifactPath(string name)
    {
        var folder = Path.Combine(RepoPaths.E2e, "artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
