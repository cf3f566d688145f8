using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using CxBot.Analytics;
using CxBot.Handoff;
using CxBot.Storage;
using CxBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxBot.Benchmarks;

/// <summary>
/// Agents' grades of handoffs at a busy store's year: 50,000 handoffs (about 140 a day), four in five graded, in the
/// embedded SQLite store. What a lead's dashboard and an agent's click cost as the grades pile up.
/// </summary>
[MemoryDiagnoser]
public class HandoffGradeBenchmarks
{
    private const int Handoffs = 50_000;
    private static readonly string[] Agents = ["anna", "piotr", "ola", "jan"];
    private static readonly string[] Reasons = [HandoffReason.CustomerRequest, HandoffReason.Frustration, HandoffReason.RepeatedFailure, HandoffReason.Complaint, HandoffReason.Safety];

    private SqliteConversationStore _store = null!;
    private HandoffGradeStore _grades = null!;
    private string _folder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("cxbot-bench-grades-").FullName;
        _store = new SqliteConversationStore(Options.Create(new StorageOptions { DataDirectory = _folder }),
            [new DocumentIndex(HandoffGradeStore.Collection, HandoffGradeStore.TimeProperty)], TimeProvider.System, NullLogger<SqliteConversationStore>.Instance);
        _grades = new HandoffGradeStore(_store, TimeProvider.System);
        // Written as the store writes them (same key and JSON), directly: going through the store's own checks would take minutes.
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        var start = DateTimeOffset.UtcNow.AddDays(-365);
        Task.WhenAll(Enumerable.Range(0, Handoffs).Select(i =>
        {
            var at = start.AddMinutes(i * 10.5);
            var agent = Agents[i % Agents.Length];
            var grade = i % 5 == 0 ? null : HandoffGrades.All[i % 7 % 3];
            var handled = new HandledHandoff($"c{i:D6}", agent, agent, i % 3 == 0 ? "en" : "pl", Reasons[i % Reasons.Length], at, at.AddMinutes(3),
                grade, grade is null ? null : at.AddMinutes(12));
            return _store.PutAsync(HandoffGradeStore.Collection, $"{handled.ConversationId}|{agent}|{at.UtcTicks}", JsonSerializer.SerializeToUtf8Bytes(handled, json), default);
        })).GetAwaiter().GetResult();
        if (_grades.ListForAgentAsync("jan", 1, default).GetAwaiter().GetResult().Count != 1) throw new InvalidOperationException("The seeded grades are not the store's.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "dashboard handoff judgement, 50,000 handoffs, per week")]
    public async Task<HandoffGradeFigures> Dashboard() => HandoffGradeFigures.From(await _grades.ListAsync(CxFilter.All, default), CxFilter.All, weekly: true);

    [Benchmark(Description = "agent grades a handoff, 50,000 stored")]
    public Task<HandledHandoff?> Grade() => _grades.GradeAsync("c049999", "jan", HandoffGrades.NotNeeded, default);

    [Benchmark(Description = "agent's recently handled list, 50,000 stored")]
    public Task<IReadOnlyList<HandledHandoff>> Handled() => _grades.ListForAgentAsync("jan", 20, default);
}
