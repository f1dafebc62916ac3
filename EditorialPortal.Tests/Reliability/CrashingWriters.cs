using System.Collections.Concurrent;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.History;

namespace EditorialPortal.Tests.Reliability;

/// <summary>
/// Authors editing their manuscripts as fast as the portal answers, while the database may go away under them. A
/// command that fails is given again with the same command id, as the browser does, until it is answered: if the first
/// attempt had committed, the answer is its first outcome, not a second record. What was answered is acknowledged.
/// Shared by the reliability test and the soak of the benchmarks.
/// </summary>
public sealed class CrashingWriters(IEditorialDesk desk, Guid journal, Actor author)
{
    private int _failures;

    public ConcurrentQueue<Acknowledged> Acknowledged { get; } = new();

    /// <summary>Attempts that failed (the database was gone) and were given again.</summary>
    public int Failures => _failures;

    public async Task Write(CancellationToken stop)
    {
        var submission = Guid.CreateVersion7();
        await Until(submission, new StartSubmission(journal, ManuscriptType.ResearchArticle), nameof(SubmissionStarted), CancellationToken.None);
        for (var n = 0; !stop.IsCancellationRequested; n++)
            await Until(submission, new SetTitle($"Coastal fog and redwood growth, draft {n}"), nameof(TitleChanged), stop);
    }

    private async Task Until(Guid submission, SubmissionCommand command, string fact, CancellationToken stop)
    {
        var options = CommandOptions.New();
        while (true)
        {
            CommandOutcome outcome;
            try
            {
                outcome = await desk.Execute(submission, command, author, options);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _failures);
                if (stop.IsCancellationRequested) return;
                await Task.Delay(100, CancellationToken.None);
                continue;
            }
            var accepted = outcome as CommandOutcome.Accepted
                ?? throw new InvalidOperationException($"{command.GetType().Name} was refused: {((CommandOutcome.Refused)outcome).Refusal.Message}");
            Acknowledged.Enqueue(new Acknowledged(submission, accepted.Version, [fact]));
            return;
        }
    }
}
