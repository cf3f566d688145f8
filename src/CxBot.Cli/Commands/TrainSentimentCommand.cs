using System.Diagnostics;
using CxBot.Sentiment;

namespace CxBot.Cli.Commands;

/// <summary><c>train-sentiment</c>: trains the shipped model from the project's corpus, reproducibly, and saves it.</summary>
public static class TrainSentimentCommand
{
    public const string Help = "train the sentiment model (--data data/sentiment/train.tsv --out src/CxBot/Sentiment/Model/sentiment-model.zip [--candidate name])";

    public static async Task<int> RunAsync(string[] arguments, TextReader input, TextWriter output, TextWriter error)
    {
        var args = new CommandArgs(arguments);
        var data = args.Get("data") ?? "data/sentiment/train.tsv";
        var target = args.Get("out") ?? "src/CxBot/Sentiment/Model/sentiment-model.zip";
        if (!File.Exists(data)) throw new UsageException($"Training data '{data}' does not exist.");
        var examples = SentimentTrainer.ReadTsv(data);
        var started = Stopwatch.GetTimestamp();
        var model = SentimentTrainer.Train(examples, args.Get("candidate") ?? SentimentModel.Shipped);
        SentimentTrainer.Save(model, target);
        await output.WriteLineAsync($"Trained on {examples.Count} messages in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; saved {target}.");
        return 0;
    }
}
