using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Notifications;
using EditorialPortal.Records;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialPortal.Bench.Benchmarks;

/// <summary>
/// B3: ten commands at once on one submission, each made from the same version of it (the handling editor moving a
/// reviewer's deadline from ten open pages), for many rounds. Exactly one may win each round and its change must be
/// the one kept (a lost update is any round where that fails); every other must be refused as a concurrent change,
/// not judged on a state its editor never saw.
/// </summary>
public sealed class Contention(int rounds) : Benchmark
{
    private const int Editors = 10;

    public override string Id => "B3";
    public override string What => $"contention: {Editors} commands at once on one submission";

    public override async Task<IReadOnlyList<Result>> Run(BenchDatabase database)
    {
        var desk = new MartenEditorialDesk(database.Store, TimeProvider.System, BenchDatabase.Links, new OutboxSignal(), NullLogger<MartenEditorialDesk>.Instance);
        var (submission, assignment, editor) = await UnderReview(database.Store);
        var refusals = new Latencies();
        var winners = new Latencies();
        var lost = 0;
        var misinformed = 0;
        string? firstProblem = null;
        for (var round = 0; round < rounds; round++)
        {
            var before = await Load(database.Store, submission);
            var due = before.Assignments.Single(a => a.Id == assignment).ReviewDue;
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = Enumerable.Range(1, Editors).Select(i => Task.Run(async () =>
            {
                await start.Task;
                var proposed = due.AddMinutes(i);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var outcome = await desk.Execute(submission, new ExtendDeadline(assignment, proposed), editor, CommandOptions.New(before.Version));
                return (outcome, proposed, elapsed: System.Diagnostics.Stopwatch.GetElapsedTime(started));
            })).ToArray();
            start.SetResult();
            var outcomes = await Task.WhenAll(attempts);

            var won = outcomes.Where(o => o.outcome is CommandOutcome.Accepted).ToArray();
            foreach (var o in outcomes)
                (o.outcome is CommandOutcome.Accepted ? winners : refusals).Add(o.elapsed);
            var after = await Load(database.Store, submission);
            var kept = after.Assignments.Single(a => a.Id == assignment).ReviewDue;
            var everyLoserToldOfTheChange = outcomes.Where(o => o.outcome is CommandOutcome.Refused)
                .All(o => o.outcome is CommandOutcome.Refused { Refusal: Refusal.ConcurrentChange });
            var updateLost = won.Length != 1 || kept != won[0].proposed || after.Version != before.Version + 1;
            if (updateLost) lost++;
            else if (!everyLoserToldOfTheChange) misinformed++;
            if (updateLost || !everyLoserToldOfTheChange)
            {
                firstProblem ??= won.Length == 0
                    ? $"round {round}: nobody won; {string.Join("; ", outcomes.Select(o => (o.outcome as CommandOutcome.Refused)?.Refusal.Message).Distinct())}"
                    : $"round {round}: {won.Length} won, proposed {won[0].proposed:O}, kept {kept:O}, version {before.Version} to {after.Version}; " +
                      string.Join("; ", outcomes.Select(o => o.outcome switch { CommandOutcome.Refused r => r.Refusal.Message, CommandOutcome.Accepted { Repeated: true } => "repeated", _ => "accepted" }).Distinct());
            }
        }
        return
        [
            new Result(Id, $"{rounds:N0} rounds, time for a loser to be refused", refusals, $"{lost} lost updates, {misinformed} rounds where a loser heard another refusal than the concurrent change",
                await database.Size(), "0 lost updates", lost == 0 && misinformed == 0, firstProblem ?? ""),
            new Result(Id, $"{rounds:N0} rounds, time for the winner", winners, $"{winners.Count:N0} won", await database.Size(), "–", null)
        ];
    }

    private static async Task<Submission> Load(IDocumentStore store, Guid submission)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<Submission>(submission))!;
    }

    // A submission in review with a reviewer writing: the generated record has many.
    private static async Task<(Guid Submission, Guid Assignment, Actor Editor)> UnderReview(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var candidates = await session.Query<Submission>()
            .Where(s => s.Status == SubmissionStatus.UnderReview && s.ReviewersEngaged > 0)
            .Take(200).ToListAsync();
        var submission = candidates.First(s => s.Assignments.Any(a => a.Round == s.Round && a.Status == InvitationStatus.Accepted));
        var assignment = submission.Assignments.First(a => a.Round == submission.Round && a.Status == InvitationStatus.Accepted);
        var editor = (await session.LoadAsync<Account>(submission.HandlingEditor!.Value))!;
        return (submission.Id, assignment.Id, new Actor(editor.Id, editor.Name, editor.Email));
    }
}
