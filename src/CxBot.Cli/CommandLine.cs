using CxBot.Cli.Commands;

namespace CxBot.Cli;

/// <summary>Dispatches <c>dotnet run --project src/CxBot.Cli -- COMMAND …</c> to its command.</summary>
public static class CommandLine
{
    private static readonly Dictionary<string, (string Help, Func<string[], TextReader, TextWriter, TextWriter, Task<int>> Run)> Commands =
        new(StringComparer.Ordinal)
        {
            ["answer"] = (AnswerCommand.Help, AnswerCommand.RunAsync),
            ["eval"] = (EvalCommand.Help, EvalCommand.RunAsync),
            ["calibrate"] = (CalibrateCommand.Help, CalibrateCommand.RunAsync),
            ["build-lexicon"] = (BuildLexiconCommand.Help, BuildLexiconCommand.RunAsync),
            ["train-acts"] = (TrainActsCommand.Help, TrainActsCommand.RunAsync),
            ["eval-conversations"] = (EvalConversationsCommand.Help, EvalConversationsCommand.RunAsync),
            ["chat"] = (ChatCommand.Help, ChatCommand.RunAsync),
            ["sentiment"] = (SentimentCommand.Help, SentimentCommand.RunAsync),
            ["train-sentiment"] = (TrainSentimentCommand.Help, TrainSentimentCommand.RunAsync),
            ["eval-sentiment"] = (EvalSentimentCommand.Help, EvalSentimentCommand.RunAsync),
            ["hash-password"] = (HashPasswordCommand.Help, HashPasswordCommand.RunAsync),
            ["seed-demo"] = (SeedDemoCommand.Help, SeedDemoCommand.RunAsync),
            ["backup"] = (BackupCommand.Help, BackupCommand.RunAsync),
            ["load"] = (LoadCommand.Help, LoadCommand.RunAsync),
            ["perf"] = (PerfCommand.Help, PerfCommand.RunAsync),
            ["bench-intents"] = (IntentBenchmarkCommand.Help, IntentBenchmarkCommand.RunAsync),
            ["teach"] = (TeachCommand.Help, TeachCommand.RunAsync),
            ["replay"] = (ReplayCommand.Help, ReplayCommand.RunAsync),
        };

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage());
            return args.Length == 0 ? 2 : 0;
        }

        if (!Commands.TryGetValue(args[0], out var command))
        {
            await error.WriteLineAsync($"Unknown command '{args[0]}'.\n\n{Usage()}");
            return 2;
        }

        try
        {
            return await command.Run(args[1..], input, output, error);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"{args[0]}: {e.Message}");
            return 2;
        }
    }

    private static string Usage() =>
        "Usage: CxBot.Cli COMMAND [options]\n\nCommands:\n"
        + string.Join('\n', Commands.Select(c => $"  {c.Key,-16} {c.Value.Help}"));
}

/// <summary>The command line was wrong; the message says how.</summary>
public sealed class UsageException(string message) : Exception(message);
