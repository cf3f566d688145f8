namespace CxBot.Turns;

/// <summary>
/// Keeps turns of one conversation from overlapping. Within one process the dispatcher's queue already
/// runs them one at a time; with several instances on a shared store, a customer's messages can reach
/// different instances, and the lock keeps their turns from reading and saving the state over each other.
/// </summary>
public interface IConversationLock
{
    /// <summary>Waits until this conversation is free everywhere and holds it until the result is disposed.</summary>
    Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken);
}

/// <summary>One instance: the dispatcher's per-conversation queue is the lock.</summary>
public sealed class InProcessConversationLock : IConversationLock
{
    private static readonly Task<IAsyncDisposable> Held = Task.FromResult<IAsyncDisposable>(new Nothing());

    public Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken) => Held;

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
