using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace EditorialPortal.Records;

/// <summary>Review drafts on Marten: a stream per invitation, its latest draft an inline document only its reviewer reads.</summary>
public sealed class MartenReviewDrafts(IDocumentStore store, TimeProvider clock) : IReviewDrafts
{
    public async Task<ReviewDraft?> Find(Guid submission, Guid assignment, Actor reviewer)
    {
        await using var session = store.QuerySession();
        var draft = await session.LoadAsync<ReviewDraft>(assignment);
        return draft is not null && draft.Submission == submission && draft.Reviewer == reviewer.Account ? draft : null;
    }

    public async Task<CommandOutcome> Save(Guid submission, Guid assignment, Recommendation recommendation, string commentsToAuthor,
        string confidentialCommentsToEditor, Actor reviewer)
    {
        await using var session = store.LightweightSession();
        var state = await session.LoadAsync<Submission>(submission);
        if (state is null) return new CommandOutcome.Refused(new Refusal.NotAuthorised(reviewer.Account, "save a review draft", assignment, "there is no such review"));
        var writing = await session.Events.FetchForWriting<ReviewDraft>(assignment);
        var decision = ReviewDraft.Save(state, assignment, recommendation, commentsToAuthor ?? "", confidentialCommentsToEditor ?? "", writing.Aggregate, reviewer, clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return new CommandOutcome.Refused(refusal);
        if (decision.Facts.Count == 0) return new CommandOutcome.Accepted(assignment, writing.CurrentVersion ?? 0, []);
        writing.AppendMany(decision.Facts.ToArray());
        try
        {
            await session.SaveChangesAsync();
        }
        catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
        {
            // Two saves of the same draft at once (two tabs): the other one is kept, and the next keystroke saves again.
            return new CommandOutcome.Refused(new Refusal.ConcurrentChange(writing.CurrentVersion ?? 0, (writing.CurrentVersion ?? 0) + 1));
        }
        return new CommandOutcome.Accepted(assignment, (writing.CurrentVersion ?? 0) + decision.Facts.Count, decision.Facts);
    }
}
