using System.Diagnostics;
using CxBot.Web.Tests.Infrastructure;

namespace CxBot.Web.Tests.Cli;

/// <summary>Runs the built command line (<c>src/CxBot.Cli</c>) as a process, as scripts do.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Task<Result> RunAsync(string stdin, params string[] arguments) => RunAsync(TimeSpan.FromMinutes(5), stdin, arguments);

    /// <summary>As <see cref="RunAsync(string, string[])"/>, for a long command (seeding runs the whole bot for every message).</summary>
    public static async Task<Result> RunAsync(TimeSpan timeLimit, string stdin, params string[] arguments)
    {
        if (!File.Exists(RepoPaths.CliAssembly)) throw new InvalidOperationException($"Build CxBot.Cli first: {RepoPaths.CliAssembly} is missing.");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        // What is learnt from the demo articles is shared with the test hosts, instead of rebuilt in every data folder.
        info.Environment["Knowledge__CacheFolder"] = CxBotServer.SharedKnowledgeCache;
        info.ArgumentList.Add(RepoPaths.CliAssembly);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(timeLimit);
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
