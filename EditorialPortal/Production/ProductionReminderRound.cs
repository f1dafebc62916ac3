using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Production;

namespace EditorialPortal.Production;

/// <summary>
/// One pass over the articles in production, reminding whoever holds an overdue task, at the journal's interval for
/// overdue reviews. Each reminder is a command decided against the production as it stands.
/// </summary>
public sealed class ProductionReminderRound(IProductionQueries productions, IEditorialDesk desk, TimeProvider clock, ILogger<ProductionReminderRound> logger)
{
    private const int Batch = 200;

    /// <summary>Answers how many reminders were sent.</summary>
    public async Task<int> Run(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        Guid? after = null;
        IReadOnlyList<(ArticleProduction Production, Domain.Journals.Journal Journal)> batch;
        do
        {
            batch = await productions.Open(after, Batch);
            foreach (var (production, journal) in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var task in Readiness.RemindersDue(production, journal.Reminders.DaysBetweenOverdueReminders, clock.GetUtcNow()))
                {
                    // The same reminder from two passes (or two portal instances) is one command, recorded once.
                    var ordinal = ProductionAccess.RemindersOf(production, task);
                    var outcome = await desk.Execute(production.Id, new SendProductionReminder(task), Actor.System,
                        new CommandOptions(DeterministicGuid.From(task, new Guid(ordinal, 0, 0, new byte[8]))));
                    if (outcome is CommandOutcome.Accepted { Repeated: false, Facts.Count: > 0 }) sent++;
                }
            }
            after = batch.Count > 0 ? batch[^1].Production.Id : after;
        } while (batch.Count == Batch);
        if (sent > 0) logger.LogInformation("Sent {Count} production reminders", sent);
        return sent;
    }
}
