using BenchmarkDotNet.Attributes;
using CxBot.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Benchmarks;

/// <summary>
/// Answering a customer's question with the sentence-embedding model in the path: every call is a sentence the model has
/// not seen (the embedder remembers the last few hundred), so each one runs the model (Polish: twice, as written and in English).
/// </summary>
[MemoryDiagnoser]
[MedianColumn, MaxColumn]
public class AnswerBenchmarks
{
    private static readonly string[] Polish =
    [
        "gdzie jest moja paczka zamówiłam w poniedziałek", "ile kosztuje dostawa do paczkomatu", "jak zwrócić za małe buty", "czy mogę zapłacić blikiem",
        "nie pamiętam hasła do konta", "kiedy dostanę zwrot pieniędzy", "czy wysyłacie do Niemiec", "jak zmienić adres w zamówieniu",
    ];

    private static readonly string[] English =
    [
        "where is my parcel, I ordered on Monday", "how much is delivery to a parcel locker", "how do I return shoes that are too small",
        "can I pay with PayPal", "I forgot my account password", "when will I get my money back", "do you ship to Germany", "how to change the address on my order",
    ];

    private AnswerService _answers = null!;
    private int _call;

    [GlobalSetup]
    public void Setup()
    {
        var options = Options.Create(new KnowledgeOptions
        {
            Folder = PathResolver.FindUpwards("knowledge-base"), WatchForChanges = false, CacheFolder = Path.Combine(Path.GetTempPath(), "cxbot-bench-cache"),
        });
        _answers = new AnswerService(new KnowledgeBaseProvider(options, TimeProvider.System, NullLogger<KnowledgeBaseProvider>.Instance), options);
    }

    [Benchmark(Description = "answer a new Polish question (model runs)")]
    public Task<KnowledgeAnswer> AnswerPolish() => _answers.AnswerAsync($"{Polish[_call % Polish.Length]} {_call++}", "pl", default);

    [Benchmark(Description = "answer a new English question (model runs)")]
    public Task<KnowledgeAnswer> AnswerEnglish() => _answers.AnswerAsync($"{English[_call % English.Length]} {_call++}", "en", default);
}
