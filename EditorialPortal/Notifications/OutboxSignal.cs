namespace EditorialPortal.Notifications;

/// <summary>Wakes the mail dispatcher as soon as a command has queued mail, so that it leaves within moments rather than at the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { /* already awake */ }
        }
    }

    /// <summary>Waits for a wake-up, or at most <paramref name="timeout"/>.</summary>
    public Task Wait(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
