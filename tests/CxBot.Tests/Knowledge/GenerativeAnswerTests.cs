using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CxBot.Knowledge;
using CxBot.Knowledge.Generative;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Tests.Knowledge;

/// <summary>
/// Generative answers through the real Semantic Kernel OpenAI connector against <see cref="FakeOpenAiServer"/>:
/// what the model is sent, and that every failure falls back to the extractive answer.
/// </summary>
public sealed class GenerativeAnswerTests : IAsyncLifetime
{
    private const string Model = "test-model-1";
    private const string ApiKey = "sk-test-123";
    private const string DeliveryQuestion = "ile kosztuje dostawa do paczkomatu";

    private static readonly Lazy<KnowledgeBaseProvider> Provider = new(() =>
    {
        var options = Options.Create(new KnowledgeOptions { Folder = TestKnowledge.RepositoryFolder, WatchForChanges = false });
        return new KnowledgeBaseProvider(options, TimeProvider.System, NullLogger<KnowledgeBaseProvider>.Instance);
    });

    private readonly FakeOpenAiServer _server = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ConfidentQuestion_IsAnsweredByTheModel_FromTheRetrievedArticle()
    {
        const string reply = "Dostawa do Paczkomatu InPost kosztuje **11,99 zł**.\n\nSource: Koszt dostawy i darmowa dostawa";
        _server.ReplyWith(reply);
        var sut = CreateSut();

        var answer = await sut.AnswerAsync(DeliveryQuestion, "pl", default);

        Assert.Equal(AnswerAction.Answer, answer.Action);
        Assert.Equal("delivery-cost", answer.Article?.Id);
        Assert.Equal(reply, answer.GeneratedText);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Authorization);
        var json = request.Json;
        Assert.Equal(Model, json.GetProperty("model").GetString());
        Assert.False(json.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True, "streaming was requested");
        var prompt = string.Join('\n', json.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").ToString()));
        Assert.Contains("11,99", prompt);
        Assert.Contains("Koszt dostawy i darmowa dostawa", prompt);
        Assert.Contains(DeliveryQuestion, prompt);
        Assert.Contains(OpenAiGenerativeAnswerer.DeclineMarker, prompt);
        Assert.Contains("Polish", prompt);
    }

    [Fact]
    public async Task ModelDeclines_KeepsTheExtractiveAnswer()
    {
        _server.Decline();
        var sut = CreateSut();

        var answer = await sut.AnswerAsync(DeliveryQuestion, "pl", default);

        Assert.Single(_server.Requests);
        Assert.Null(answer.GeneratedText);
        Assert.Equal(AnswerAction.Answer, answer.Action);
        Assert.Equal("delivery-cost", answer.Article?.Id);
    }

    [Fact]
    public async Task AMalformedResponse_FallsBackToTheExtractiveAnswer_WithoutThrowing()
    {
        _server.ReplyMalformed();
        var sut = CreateSut();

        var answer = await sut.AnswerAsync(DeliveryQuestion, "pl", default);

        Assert.Single(_server.Requests);
        Assert.Null(answer.GeneratedText);
        Assert.Equal("delivery-cost", answer.Article?.Id);
    }

    [Fact]
    public async Task ServerError_FallsBackToTheExtractiveAnswer_WithoutThrowing()
    {
        _server.FailWith(HttpStatusCode.InternalServerError);
        var sut = CreateSut();

        var answer = await sut.AnswerAsync(DeliveryQuestion, "pl", default);

        // One request: SK's kernel-builder registration hands the OpenAI client an HttpClient, which turns its 5xx retries off.
        Assert.Single(_server.Requests);
        Assert.Null(answer.GeneratedText);
        Assert.Equal(AnswerAction.Answer, answer.Action);
        Assert.Equal("delivery-cost", answer.Article?.Id);
    }

    [Fact]
    public async Task SlowModel_PastTheTimeout_FallsBackWithinSeconds()
    {
        _server.DelayBy(TimeSpan.FromSeconds(30));
        var sut = CreateSut();
        // The first question builds the index (embeddings, stemmer) — seconds on a loaded machine; an off-topic one never
        // reaches the model, so only the slow model is timed below.
        await sut.AnswerAsync("what's the weather in Paris tomorrow", "en", default);
        var clock = Stopwatch.StartNew();

        var answer = await sut.AnswerAsync(DeliveryQuestion, "pl", default);

        // The model answers after 30 s; the 1 s timeout must give up long before that, however busy the machine is.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Single(_server.Requests);
        Assert.Null(answer.GeneratedText);
        Assert.Equal(AnswerAction.Answer, answer.Action);
        Assert.Equal("delivery-cost", answer.Article?.Id);
    }

    [Fact]
    public async Task OutOfScopeQuestion_NeverCallsTheModel()
    {
        var sut = CreateSut();

        var answer = await sut.AnswerAsync("what's the weather in Paris tomorrow", "en", default);

        Assert.NotEqual(AnswerAction.Answer, answer.Action);
        Assert.Null(answer.GeneratedText);
        Assert.Empty(_server.Requests);
    }

    private AnswerService CreateSut()
    {
        var options = Options.Create(new KnowledgeOptions
        {
            Folder = TestKnowledge.RepositoryFolder,
            WatchForChanges = false,
            Llm = new LlmOptions { Endpoint = _server.Endpoint, ApiKey = ApiKey, Model = Model, TimeoutSeconds = 1 },
        });
        var generative = new OpenAiGenerativeAnswerer(options, NullLogger<OpenAiGenerativeAnswerer>.Instance);
        return new AnswerService(Provider.Value, options, generative);
    }
}
