using CxBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Knowledge.Teaching;

/// <summary>
/// Keeps this instance's index in step with the taught questions: loads them at start, then reads the version document
/// every <see cref="KnowledgeOptions.TaughtPollSeconds"/> and rebuilds when another instance taught or revoked something.
/// One small read per interval, whatever the number of questions.
/// </summary>
public sealed partial class TaughtSync(
    TeachingStore store, TeachingService teaching, IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<TaughtSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? seen = null;
        var loaded = false;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var version = await store.VersionAsync(stoppingToken);
                if (!loaded || version != seen)
                {
                    await teaching.RefreshAsync(stoppingToken);
                    (seen, loaded) = (version, true);
                }

                failing = false;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && (StoreFailures.IsUnavailable(e) || e is System.Text.Json.JsonException))
            {
                if (!failing) LogUnavailable(e);
                failing = true;
            }

            try { await Task.Delay(TimeSpan.FromSeconds(options.Value.TaughtPollSeconds), time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The taught questions could not be read; retrying")]
    private partial void LogUnavailable(Exception exception);
}
