using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>A fact of a review draft's stream.</summary>
public interface IReviewDraftFact : IHistoricalFact;

/// <summary>What a reviewer has written so far, saved as they type so that another device, or a crashed browser, loses nothing.</summary>
public sealed record ReviewDraftSaved(Guid Submission, Guid Assignment, Recommendation Recommendation, string CommentsToAuthor,
    string ConfidentialCommentsToEditor, Guid By, DateTimeOffset At) : IReviewDraftFact;

/// <summary>The latest draft of one review; its stream is the invitation's id, apart from the submission's, so saving never races the editors.</summary>
public sealed record ReviewDraft(Guid Id, Guid Submission, Guid Reviewer, Recommendation Recommendation, string CommentsToAuthor,
    string ConfidentialCommentsToEditor, DateTimeOffset SavedAt) : IVersioned
{
    public long Version { get; init; }

    public static ReviewDraft? Fold(ReviewDraft? state, object fact) => fact is ReviewDraftSaved f
        ? new ReviewDraft(f.Assignment, f.Submission, f.By, f.Recommendation, f.CommentsToAuthor, f.ConfidentialCommentsToEditor, f.At)
        : state;

    public static readonly IReadOnlyList<Type> FactTypes = FactKinds.Of<IReviewDraftFact>();

    /// <summary>A draft is saved only for a review the person is writing now, and within the review's limits.</summary>
    public static Decision Save(Submission s, Guid assignment, SaveReviewDraft c, ReviewDraft? current, Actor actor, DateTimeOffset now)
    {
        var a = s.Assignments.FirstOrDefault(x => x.Id == assignment);
        var standing = new Standing(actor.IsPerson, IsInvitedReviewer: a is not null && a.Reviewer == actor.Account, IsAuthorOfIt: s.IsAuthor(actor),
            HasDeclaredConflict: s.DeclaredConflicts.Contains(actor.Account));
        if (Permissions.Check(c, actor, assignment, standing) is { } refusal) return refusal;
        if (a!.Status != InvitationStatus.Accepted || s.Status != SubmissionStatus.UnderReview || a.Round != s.Round)
            return new Refusal.NotAllowedInState("save a review draft", a.Describe(now).ToLowerInvariant(), "drafts are kept while the review is being written", Of: "");
        if (c.CommentsToAuthor.Length > Reviewing.CommentsMaxLength || c.ConfidentialCommentsToEditor.Length > Reviewing.CommentsMaxLength)
            return new Refusal.Invalid("commentsToAuthor", $"Keep each set of comments under {Reviewing.CommentsMaxLength} characters.");
        if (current is not null && current.Recommendation == c.Recommendation && current.CommentsToAuthor == c.CommentsToAuthor
            && current.ConfidentialCommentsToEditor == c.ConfidentialCommentsToEditor)
            return Decision.NothingToRecord;
        return Decision.Record(new ReviewDraftSaved(s.Id, assignment, c.Recommendation, c.CommentsToAuthor, c.ConfidentialCommentsToEditor, actor.Account, now));
    }
}

/// <summary>Saves what the reviewer has written so far of the review of <paramref name="Submission"/>; the draft's stream is the invitation's id.</summary>
public sealed record SaveReviewDraft(Guid Submission, Recommendation Recommendation, string CommentsToAuthor, string ConfidentialCommentsToEditor) : Command;

/// <summary>A review draft's stream at the desk: it reads the manuscript it belongs to, and tells no one.</summary>
public sealed class ReviewDraftStream() : StreamKind<ReviewDraft, SaveReviewDraft>(ReviewDraft.FactTypes, ReviewDraft.Fold)
{
    public override ReviewDraft AtVersion(ReviewDraft state, long version) => state with { Version = version };

    public override ContextNeeds Needs(Guid stream, SaveReviewDraft command, ReviewDraft? state, Actor actor) => new() { Submission = command.Submission };

    public override Decision Decide(Guid stream, SaveReviewDraft command, ReviewDraft? state, Actor actor, DecisionContext context) =>
        context.Submission is { } submission && (state is null || state.Submission == submission.Id)
            ? ReviewDraft.Save(submission, stream, command with { CommentsToAuthor = command.CommentsToAuthor ?? "", ConfidentialCommentsToEditor = command.ConfidentialCommentsToEditor ?? "" },
                state, actor, context.Now)
            : new Refusal.NotAuthorised(actor.Account, "save a review draft", stream, "there is no such review");

    public override string RoleOf(Guid stream, ReviewDraft? state, Actor actor, DecisionContext context) => "reviewer";
}

public interface IReviewDrafts
{
    /// <summary>The person's draft of this review; null if there is none, or it is not theirs.</summary>
    Task<ReviewDraft?> Find(Guid submission, Guid assignment, Actor reviewer);

    Task<CommandOutcome> Save(Guid submission, Guid assignment, Recommendation recommendation, string commentsToAuthor, string confidentialCommentsToEditor, Actor reviewer);
}
