using System.Buffers;
using System.Net.WebSockets;
using CxBot.Conversations;
using CxBot.Metrics;
using Microsoft.Extensions.Options;

namespace CxBot.Web.DirectLine;

/// <summary>
/// The WebSocket stream of one conversation. It replays everything after the client's watermark, then
/// pushes new activities as they are stored, as <c>ActivitySet</c> frames; an idle stream gets an empty
/// text frame as heartbeat (directlinejs skips empty frames but would show <c>{}</c> as a broken message).
/// One loop does all sending, so frames never overlap on the socket.
/// </summary>
public static partial class DirectLineStream
{
    public static async Task RunAsync(
        HttpContext context, string conversationId, string? watermark, DirectLineAuth auth, IConversationStore store,
        IActivityFeed feed, StreamConnections connections, IOptions<DirectLineOptions> options, IHostApplicationLifetime lifetime,
        CxBotMetrics metrics, ILogger<StreamConnections> logger)
    {
        var (_, error) = auth.Authorize(context.Request, conversationId, allowQueryToken: true);
        if (error is not null)
        {
            await error.ExecuteAsync(context);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await DirectLineErrors.BadArgument("The stream URL takes a WebSocket upgrade.").ExecuteAsync(context);
            return;
        }

        if (await store.GetAsync(conversationId, context.RequestAborted) is null)
        {
            await DirectLineErrors.NotFound(conversationId).ExecuteAsync(context);
            return;
        }

        using var slot = connections.TryOpen();
        if (slot is null)
        {
            metrics.StreamRejected();
            context.Response.Headers.RetryAfter = "30";
            await DirectLineErrors.Error(429, "TooManyRequests", "Too many open streams on this instance; retry shortly.").ExecuteAsync(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        using var appended = new SemaphoreSlim(0, 1);
        using var subscription = feed.Subscribe(conversationId, () =>
        {
            try { appended.Release(); }
            catch (SemaphoreFullException) { /* a wake-up is already pending */ }
        });

        var receiving = DrainClientAsync(socket, stop);
        metrics.StreamOpened();
        try
        {
            await SendLoopAsync(socket, conversationId, ActivitySetWriter.ParseWatermark(watermark), store, appended,
                TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client left or the server is stopping; the client reconnects from its watermark.
        }
        catch (ConversationNotFoundException)
        {
            // The conversation was deleted (retention or a GDPR request) while the stream was open.
        }
        catch (Exception e)
        {
            LogStreamFailed(logger, e, conversationId);
        }
        finally
        {
            metrics.StreamClosed();
            await stop.CancelAsync();
            await CloseAsync(socket);
            await receiving;
        }
    }

    private static async Task SendLoopAsync(
        WebSocket socket, string conversationId, long watermark, IConversationStore store,
        SemaphoreSlim appended, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await store.ReadAsync(conversationId, watermark, 100, cancellationToken);
            if (page.Activities.Count > 0)
            {
                buffer.ResetWrittenCount();
                ActivitySetWriter.Write(buffer, page);
                await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                watermark = page.Watermark;
                continue;
            }

            if (!await appended.WaitAsync(heartbeat, cancellationToken))
                await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
    }

    /// <summary>Reads and ignores what the client sends (directlinejs sends empty keep-alive frames) until it closes.</summary>
    private static async Task DrainClientAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static async Task CloseAsync(WebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream of conversation {ConversationId} failed")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception, string conversationId);
}
