using System.Text.Json;
using CxBot.Activities;
using CxBot.Handoff;
using CxBot.Tests.Knowledge;

namespace CxBot.Tests.Handoff;

/// <summary>The team's scripted conversations (tests/data/handoff-scripts.json): half must hand over, half must not.</summary>
public sealed class ScriptedConversationTests : IDisposable
{
    private readonly BotHost _bot = new();

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var script in Load()) data.Add(script.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_HandsOverExactlyWhenItShould(string name)
    {
        var script = Load().Single(s => s.GetProperty("name").GetString() == name);
        var shouldHandOver = script.GetProperty("handoff").GetBoolean();
        _bot.Get<AgentRegistry>().Connected("anna", "Anna", 3);
        var conversation = await _bot.StartAsync(script.GetProperty("lang").GetString() == "en" ? "en-US" : "pl-PL");

        foreach (var message in script.GetProperty("messages").EnumerateArray()) await _bot.SayAsync(conversation, message.GetString()!);

        var transcript = await _bot.TranscriptAsync(conversation);
        var initiated = transcript.Any(a => a.Type == ActivityTypes.Event && a.Name == HandoffEvents.Initiate);
        Assert.True(shouldHandOver == initiated,
            $"{name}: expected handoff={shouldHandOver}\n" + string.Join("\n", transcript.Where(a => a.Type != ActivityTypes.Typing)
                .Select(a => $"{a.From?.Role}: {a.Type} {a.Name} {a.Text}")));
    }

    [Fact]
    public void Scripts_AreAtLeast40_HalfEachWay_InBothLanguages()
    {
        var scripts = Load();

        Assert.True(scripts.Count >= 40);
        Assert.True(Math.Abs(scripts.Count(s => s.GetProperty("handoff").GetBoolean()) - scripts.Count / 2.0) <= 1);
        foreach (var language in new[] { "pl", "en" })
        foreach (var handoff in new[] { true, false })
            Assert.True(scripts.Count(s => s.GetProperty("lang").GetString() == language && s.GetProperty("handoff").GetBoolean() == handoff) >= 10);
    }

    public void Dispose() => _bot.Dispose();

    private static List<JsonElement> Load() =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(TestKnowledge.RepositoryRoot, "tests", "data", "handoff-scripts.json"))).RootElement.EnumerateArray()];
}
