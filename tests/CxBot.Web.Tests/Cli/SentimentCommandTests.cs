using System.Text.Json;

namespace CxBot.Web.Tests.Cli;

/// <summary>The stable <c>sentiment</c> command line: JSON lines in, one JSON line out per input, in order.</summary>
public sealed class SentimentCommandTests
{
    [Fact]
    public async Task Scores_each_input_line_in_order()
    {
        var inputs = new[]
        {
            ("CZEKAM JUŻ 2 TYGODNIE!!!", "pl", "negative"),
            ("dzieki, super szybko", "pl", "positive"),
            ("gdzie jest moja paczka", "pl", "neutral"),
            ("great, another week of waiting…", "en", "negative"),
            ("how much is delivery", "en", "neutral"),
        };
        var stdin = string.Join('\n', inputs.Select(i => JsonSerializer.Serialize(new { text = i.Item1, lang = i.Item2 }))) + "\n";

        var result = await CliProcess.RunAsync(stdin, "sentiment");

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(inputs.Length, lines.Length);
        foreach (var ((text, _, label), line) in inputs.Zip(lines))
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(text, json.RootElement.GetProperty("text").GetString());
            Assert.Equal(label, json.RootElement.GetProperty("label").GetString());
            Assert.InRange(json.RootElement.GetProperty("score").GetDouble(), -1, 1);
        }
    }

    [Fact]
    public async Task A_malformed_line_is_reported_and_the_rest_still_scored()
    {
        var result = await CliProcess.RunAsync("{\"text\": \"dzięki!\"}\nnot json\n{\"lang\": \"en\"}\n{\"text\": \"this is a joke, still no refund\"}\n", "sentiment");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("\"label\"", lines[0]);
        Assert.Contains("error", lines[1]);
        Assert.Contains("error", lines[2]);
        Assert.Contains("\"negative\"", lines[3]);
        Assert.Contains("line 2", result.Error);
        Assert.Contains("line 3", result.Error);
    }
}
