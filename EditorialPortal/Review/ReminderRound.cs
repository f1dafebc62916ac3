using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Review;

namespace EditorialPortal.Review;

/// <summary>
/// One pass over the reviews under way, sending each reminder the journal's schedule makes due. Each reminder is a
/// command the decider checks against the submission as it stands, so a review submitted a moment ago gets none.
/// </summary>
public sealed class ReminderRound(IReviewRounds rounds, IEditorialDesk desk, TimeProvider clock, ILogger<ReminderRound> logger)
{
    private const int Batch = 200;

    /// <summary>Answers how many reminders were sent.</summary>
    public async Task<int> Run(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        Guid? after = null;
        IReadOnlyList<(Domain.Submissions.Submission Submission, Domain.Journals.Journal Journal)> batch;
        do
        {
            batch = await rounds.UnderReview(after, Batch);
            foreach (var (submission, journal) in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var (assignment, kind) in Reminders.Due(submission, journal.Reminders, clock.GetUtcNow()))
                {
                    // The same reminder from two passes (or two portal instances) is one command, recorded once.
                    var ordinal = assignment.Reminders.Count(r => r.Kind == kind);
                    var id = DeterministicGuid.From(assignment.Id, new Guid((int)kind, (short)ordinal, 0, new byte[8]));
                    var outcome = await desk.Execute(submission.Id, new SendReminder(assignment.Id, kind), Actor.System, new CommandOptions(id));
                    if (outcome is CommandOutcome.Accepted { Repeated: false, Facts.Count: > 0 }) sent++;
                }
            }
            after = batch.Count > 0 ? batch[^1].Submission.Id : after;
        } while (batch.Count == Batch);
        if (sent > 0) logger.LogInformation("Sent {Count} reviewer reminders", sent);
        return sent;
    }
}
