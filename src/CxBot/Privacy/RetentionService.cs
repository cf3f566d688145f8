using CxBot.Conversations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxBot.Privacy;

/// <summary>
/// Erases conversations whose last activity is older than <see cref="PrivacyOptions.RetentionDays"/>, with
/// everything linked to them, in either store, and masks ended conversations at rest when configured
/// (<see cref="TranscriptRedactor"/>). Runs at start and then every <see cref="PrivacyOptions.RetentionCheckMinutes"/>.
/// With several instances each runs it; erasing is idempotent, so that is harmless.
/// </summary>
public sealed partial class RetentionService(
    IConversationStore store, CustomerDataService data, TranscriptRedactor redactor, IOptions<PrivacyOptions> options, TimeProvider time,
    ILogger<RetentionService> logger)
    : BackgroundService
{
    /// <summary>Conversations asked for and erased per step; each step is erased in small transactions, so turns keep flowing.</summary>
    public const int Batch = 20_000;

    /// <summary>Erases every conversation last active before the retention cutoff, a batch at a time; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RetentionDays;
        if (days == 0) return 0;
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(days);
        var erased = 0;
        while (true)
        {
            // The store indexes each conversation's last activity (start, customer message, end, agent) from its saved state.
            var expired = await store.ListInactiveAsync(cutoff, Batch, cancellationToken);
            if (expired.Count == 0) break;
            var count = await data.EraseConversationsAsync(expired, cancellationToken);
            erased += count;
            if (count == 0) break;
        }

        if (erased > 0) LogPurged(logger, erased, days);
        return erased;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.RetentionCheckMinutes), time);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
                await redactor.RedactEndedAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException) { LogFailed(logger, e.Message); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: erased {Count} conversations older than {Days} days")]
    private static partial void LogPurged(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention purge or masking failed, will retry: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
