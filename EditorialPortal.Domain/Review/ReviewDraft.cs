using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>What a reviewer has written so far, saved as they type so that another device, or a crashed browser, loses nothing.</summary>
public sealed record ReviewDraftSaved(Guid Submission, Guid Assignment, Recommendation Recommendation, string CommentsToAuthor,
    string ConfidentialCommentsToEditor, Guid By, DateTimeOffset At) : IHistoricalFact;

/// <summary>The latest draft of one review; its stream is the invitation's id, apart from the submission's, so saving never races the editors.</summary>
public sealed record ReviewDraft(Guid Id, Guid Submission, Guid Reviewer, Recommendation Recommendation, string CommentsToAuthor,
    string ConfidentialCommentsToEditor, DateTimeOffset SavedAt) : IVersioned
{
    public long Version { get; init; }

    public static ReviewDraft? Fold(ReviewDraft? state, object fact) => fact is ReviewDraftSaved f
        ? new ReviewDraft(f.Assignment, f.Submission, f.By, f.Recommendation, f.CommentsToAuthor, f.ConfidentialCommentsToEditor, f.At)
        : state;

    public static readonly IReadOnlyList<Type> FactTypes = [typeof(ReviewDraftSaved)];

    /// <summary>A draft is saved only for a review the person is writing now, and within the review's limits.</summary>
    public static Decision Save(Submission s, Guid assignment, Recommendation recommendation, string toAuthor, string toEditor, ReviewDraft? current,
        Actor actor, DateTimeOffset now)
    {
        var a = s.Assignments.FirstOrDefault(x => x.Id == assignment);
        if (a is null || a.Reviewer != actor.Account || !actor.IsPerson)
            return new Refusal.NotAuthorised(actor.Account, "save a review draft", assignment, "only the person invited writes its review");
        if (a.Status != InvitationStatus.Accepted || s.Status != SubmissionStatus.UnderReview)
            return new Refusal.NotAllowedInState("save a review draft", a.Describe(now).ToLowerInvariant(), "drafts are kept while the review is being written", Of: "");
        if (toAuthor.Length > ReviewDecisions.CommentsMaxLength || toEditor.Length > ReviewDecisions.CommentsMaxLength)
            return new Refusal.Invalid("commentsToAuthor", $"Keep each set of comments under {ReviewDecisions.CommentsMaxLength} characters.");
        if (current is not null && current.Recommendation == recommendation && current.CommentsToAuthor == toAuthor && current.ConfidentialCommentsToEditor == toEditor)
            return Decision.NothingToRecord;
        return Decision.Record(new ReviewDraftSaved(s.Id, assignment, recommendation, toAuthor, toEditor, actor.Account, now));
    }
}

public interface IReviewDrafts
{
    /// <summary>The person's draft of this review; null if there is none, or it is not theirs.</summary>
    Task<ReviewDraft?> Find(Guid submission, Guid assignment, Actor reviewer);

    Task<CommandOutcome> Save(Guid submission, Guid assignment, Recommendation recommendation, string commentsToAuthor, string confidentialCommentsToEditor, Actor reviewer);
}
