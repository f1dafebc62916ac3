namespace EditorialPortal.Notifications;

/// <summary>Runs the mail dispatcher whenever a command queues mail, and every so often for retries that have come due.</summary>
public sealed class OutboxService(MailDispatcher dispatcher, OutboxSignal signal, ILogger<OutboxService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDue(stoppingToken);
                await signal.Wait(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment; the mail waits in the outbox meanwhile.
                logger.LogWarning(e, "The outbox could not be read; trying again shortly");
                await Task.Delay(Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
