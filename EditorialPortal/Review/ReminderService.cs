namespace EditorialPortal.Review;

/// <summary>Runs the reviewers' and production's reminder rounds at a fixed interval of the portal's clock (Reminders:IntervalMinutes, 10 by default).</summary>
public sealed class ReminderService(ReminderRound round, Production.ProductionReminderRound production, TimeProvider clock, IConfiguration configuration, ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(configuration.GetValue("Reminders:IntervalMinutes", 10.0)), clock);
        do
        {
            try
            {
                await round.Run(stoppingToken);
                await production.Run(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The reminder round failed; it runs again at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }
}
