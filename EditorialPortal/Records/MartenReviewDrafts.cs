using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Review;
using Marten;

namespace EditorialPortal.Records;

/// <summary>Review drafts: a stream per invitation, saved through the desk, its latest draft an inline document only its reviewer reads.</summary>
public sealed class MartenReviewDrafts(IDocumentStore store, IEditorialDesk desk) : IReviewDrafts
{
    public async Task<ReviewDraft?> Find(Guid submission, Guid assignment, Actor reviewer)
    {
        await using var session = store.QuerySession();
        var draft = await session.LoadAsync<ReviewDraft>(assignment);
        return draft is not null && draft.Submission == submission && draft.Reviewer == reviewer.Account ? draft : null;
    }

    // A draft's stream is the invitation's id, apart from the submission's, so saving never races the editors.
    public Task<CommandOutcome> Save(Guid submission, Guid assignment, Recommendation recommendation, string commentsToAuthor,
        string confidentialCommentsToEditor, Actor reviewer) =>
        desk.Execute(assignment, new SaveReviewDraft(submission, recommendation, commentsToAuthor, confidentialCommentsToEditor), reviewer);
}
