using Microsoft.Extensions.Options;

namespace CxBot.Web.DirectLine;

/// <summary>Counts open WebSocket streams so one instance never holds more than it is configured for.</summary>
public sealed class StreamConnections(IOptions<DirectLineOptions> options)
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    /// <summary>A slot to hold while the stream is open, or null when the instance is full.</summary>
    public IDisposable? TryOpen()
    {
        if (Interlocked.Increment(ref _open) <= options.Value.MaxWebSockets) return new Slot(this);
        Interlocked.Decrement(ref _open);
        return null;
    }

    private sealed class Slot(StreamConnections owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) Interlocked.Decrement(ref owner._open);
        }
    }
}
