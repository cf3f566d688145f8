using System.Text.Json;

namespace CxBot.Web.Tests.Cli;

/// <summary>
/// The conversation judgement on the test half of the blind scripted conversations (tests/data/conversations/test.jsonl,
/// never tuned on), through the eval-conversations command: floors a little under the measured figures (README), so a
/// regression of the flow or of the message-act model fails here.
/// </summary>
public sealed class EvalConversationsCommandTests
{
    [Fact]
    public async Task TestHalf_HandsOverRight_AsksCsatAtEveryGoodbyeOnce_AndGreetsInTheRightLanguage()
    {
        var result = await CliProcess.RunAsync("", "eval-conversations", "--cases", "tests/data/conversations/test.jsonl", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var figures = JsonDocument.Parse(result.Output).RootElement;
        foreach (var language in new[] { "en", "pl" })
        {
            var f = figures.GetProperty(language);
            Assert.True(f.GetProperty("conversations").GetDouble() >= 80, $"{language}: too few conversations");
            Assert.True(f.GetProperty("handoffRight").GetDouble() >= 0.85, $"{language}: handoff decided right {f.GetProperty("handoffRight")}");
            Assert.True(f.GetProperty("csatAtGoodbyes").GetDouble() >= 0.9, $"{language}: CSAT at goodbyes {f.GetProperty("csatAtGoodbyes")}");
            Assert.Equal(0, f.GetProperty("csatTwice").GetDouble());
            Assert.True(f.GetProperty("greetingRight").GetDouble() >= 0.97, $"{language}: greeting right {f.GetProperty("greetingRight")}");
        }
    }

    [Fact]
    public async Task ASituationToldWhileAlreadyWaiting_CountsAsUrgent_ByWhatTheQueueHoldsAtTheEnd()
    {
        // Queued first as a plain request for a person, then a safety situation: the conversation moves to the front with
        // that reason, and urgency is judged by the queue, not by the reason the handoff started with.
        var cases = Path.Combine(Path.GetTempPath(), $"cxbot-eval-urgent-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(cases, JsonSerializer.Serialize(new
        {
            id = "urgent-after-request", lang = "en", locale = "en-US", category = "protected-safety",
            messages = new[] { "I want to talk to a person please", "the kettle I bought from you sparked and burned my hand" },
            expect = new { handoff = true, at = 0, urgent = true, csat = false, greeting = "en" },
        }) + "\n");
        try
        {
            var result = await CliProcess.RunAsync("", "eval-conversations", "--cases", cases, "--json");

            Assert.True(result.ExitCode == 0, result.Error);
            var en = JsonDocument.Parse(result.Output).RootElement.GetProperty("en");
            Assert.Equal(1, en.GetProperty("handoffRight").GetDouble());
            Assert.Equal(1, en.GetProperty("urgentRight").GetDouble());
        }
        finally
        {
            File.Delete(cases);
        }
    }
}
