using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>Peer review of one round: invitations, answers, reviews, and the handling editor's decision.</summary>
public static class ReviewDecisions
{
    public const int CommentsMaxLength = 20_000;

    /// <param name="reviewer">The invited person's account as it stands now; null if there is no such account.</param>
    public static Decision Invite(Submission s, InviteReviewer c, Account? reviewer, IReadOnlySet<string> coauthorsElsewhere, Actor actor, DateTimeOffset now)
    {
        if (s.Status is not (SubmissionStatus.WithEditor or SubmissionStatus.UnderReview))
            return new Refusal.NotAllowedInState("invite a reviewer", s.Status.Describe(), "reviewers are invited once a handling editor has the manuscript and before the decision");
        if (reviewer is null) return new Refusal.Invalid("reviewer", "There is no account with this email address.");
        if (ReviewerConflicts.RulesOut(s, reviewer))
            return new Refusal.Invalid("reviewer", Triage.Conflicts.HasDeclaredConflict(s, reviewer)
                ? $"{reviewer.Name} has declared a conflict of interest with this manuscript and cannot review it."
                : $"{reviewer.Name} is an author of this manuscript and cannot review it.");
        if (reviewer.Id == s.HandlingEditor)
            return new Refusal.Invalid("reviewer", "The handling editor cannot also review the manuscript.");
        var round = Math.Max(s.Round, 1);
        if (s.Assignments.Any(a => a.Round == round && a.Reviewer == reviewer.Id && a.Status is InvitationStatus.Invited or InvitationStatus.Accepted or InvitationStatus.Submitted))
            return new Refusal.Invalid("reviewer", $"{reviewer.Name} is invited to this round already.");
        if (c.RespondBy <= now) return new Refusal.Invalid("respondBy", "The date to answer by must be in the future.");
        if (c.ReviewDue <= c.RespondBy) return new Refusal.Invalid("reviewDue", "The review is due after the date to answer the invitation.");
        var warnings = ReviewerConflicts.Warnings(s, reviewer, coauthorsElsewhere);
        if (warnings.Count > 0 && string.IsNullOrWhiteSpace(c.ConflictOverride))
            return new Refusal.Invalid("conflict", string.Join(" ", warnings) + " To invite them anyway, give your reason.");
        var number = s.Assignments.FirstOrDefault(a => a.Reviewer == reviewer.Id)?.ReviewerNumber
            ?? s.Assignments.Select(a => a.ReviewerNumber).DefaultIfEmpty(0).Max() + 1;
        return Decision.Record(new ReviewerInvited(s.Id, c.Assignment, reviewer.Id, round, number, c.RespondBy, c.ReviewDue,
            warnings.Count > 0 ? c.ConflictOverride!.Trim() : null, actor.Account, now));
    }

    public static Decision Accept(Submission s, ReviewerAssignment a, Actor actor, DateTimeOffset now) => a switch
    {
        { Status: InvitationStatus.Accepted } => Decision.NothingToRecord,
        { Status: not InvitationStatus.Invited } => Closed("accept the invitation", a, now),
        _ when a.IsExpired(now) => new Refusal.NotAllowedInState("accept the invitation", "invitation expired", $"the invitation asked for an answer by {a.RespondBy:d MMMM yyyy}", Of: ""),
        _ when s.Status != SubmissionStatus.UnderReview => new Refusal.NotAllowedInState("accept the invitation", s.Status.Describe(), "the round has ended"),
        _ => Decision.Record(new InvitationAccepted(s.Id, a.Id, actor.Account, now))
    };

    public static Decision Decline(Submission s, ReviewerAssignment a, DeclineInvitation c, Actor actor, DateTimeOffset now) => a switch
    {
        { Status: InvitationStatus.Declined } => Decision.NothingToRecord,
        { Status: not InvitationStatus.Invited } => Closed("decline the invitation", a, now),
        _ when (c.Reason?.Length ?? 0) > 2000 || (c.SuggestedReviewer?.Length ?? 0) > 500 => new Refusal.Invalid("reason", "Keep the reason and the suggestion short."),
        _ => Decision.Record(new InvitationDeclined(s.Id, a.Id, Blank(c.Reason), Blank(c.SuggestedReviewer), actor.Account, now))
    };

    public static Decision Rescind(Submission s, ReviewerAssignment a, RescindInvitation c, Actor actor, DateTimeOffset now) => a switch
    {
        { Status: not (InvitationStatus.Invited or InvitationStatus.Accepted) } => Closed("withdraw the invitation", a, now),
        _ when string.IsNullOrWhiteSpace(c.Reason) => new Refusal.Invalid("reason", "Say why the invitation is withdrawn; the reviewer is told."),
        _ => Decision.Record(new InvitationRescinded(s.Id, a.Id, c.Reason.Trim(), actor.Account, now))
    };

    public const int LongestExtensionDays = 180;

    /// <summary>The declaration stands for good; a reviewer's open invitation on it is declined with it.</summary>
    public static Decision DeclareConflict(Submission s, DeclareConflict c, Actor actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(c.Reason)) return new Refusal.Invalid("reason", "Say what the conflict is; only the editors see it.");
        if (c.Reason.Length > 2000) return new Refusal.Invalid("reason", "Keep the reason under 2,000 characters.");
        if (s.DeclaredConflicts.Contains(actor.Account)) return Decision.NothingToRecord;
        var declared = new ConflictDeclared(s.Id, actor.Account, c.Reason.Trim(), actor.Account, now);
        var open = s.CurrentRound.FirstOrDefault(a => a.Reviewer == actor.Account && a.Status == InvitationStatus.Invited);
        return open is null
            ? Decision.Record(declared)
            : Decision.Record(declared, new InvitationDeclined(s.Id, open.Id, "A conflict of interest", null, actor.Account, now));
    }

    public static Decision ExtendDeadline(Submission s, ReviewerAssignment a, ExtendDeadline c, Actor actor, DateTimeOffset now)
    {
        if (s.Status != SubmissionStatus.UnderReview) return new Refusal.NotAllowedInState("extend a deadline", s.Status.Describe(), "the round has ended");
        if (a.Round != s.Round || a.Status is not (InvitationStatus.Invited or InvitationStatus.Accepted)) return Closed("extend a deadline", a, now);
        var current = a.Status == InvitationStatus.Invited ? a.RespondBy : a.ReviewDue;
        if (c.NewDate <= now || c.NewDate <= current) return new Refusal.Invalid("newDate", $"Choose a date after {current:d MMMM yyyy} and in the future.");
        if (c.NewDate > now.AddDays(LongestExtensionDays)) return new Refusal.Invalid("newDate", $"Extend by at most {LongestExtensionDays} days from today.");
        // Answering later leaves the reviewer as long to write as they were first given.
        var (respondBy, reviewDue) = a.Status == InvitationStatus.Invited
            ? (c.NewDate, a.ReviewDue + (c.NewDate - a.RespondBy))
            : (a.RespondBy, c.NewDate);
        return Decision.Record(new DeadlineExtended(s.Id, a.Id, respondBy, reviewDue, actor.Account, now));
    }

    public static Decision Remind(Submission s, ReviewerAssignment a, SendReminder c, Journal journal, Actor actor, DateTimeOffset now) =>
        Reminders.IsDue(s, a, c.Kind, journal.Reminders, now)
            ? Decision.Record(new ReviewerReminded(s.Id, a.Id, c.Kind, actor.Account, now))
            : new Refusal.NotAllowedInState("send " + c.Kind.Describe(), a.Describe(now).ToLowerInvariant(), "no such reminder is due now", Of: "");

    public static Decision RescindDecision(Submission s, RescindDecision c, Actor actor, DateTimeOffset now)
    {
        if (s.LastDecision is not { } decision || s.Status is not (SubmissionStatus.Accepted or SubmissionStatus.Rejected or SubmissionStatus.RevisionRequested))
            return new Refusal.NotAllowedInState("rescind the decision", s.Status.Describe(), "there is no decision on this round to take back");
        if (string.IsNullOrWhiteSpace(c.Reason)) return new Refusal.Invalid("reason", "Say why the decision is rescinded; the author is told.");
        if (c.Reason.Length > 2000) return new Refusal.Invalid("reason", "Keep the reason under 2,000 characters.");
        return Decision.Record(new DecisionRescinded(s.Id, s.Round, decision, c.Reason.Trim(), actor.Account, now));
    }

    public static Decision Submit(Submission s, ReviewerAssignment a, SubmitReview c, Actor actor, DateTimeOffset now)
    {
        if (a.Status != InvitationStatus.Accepted) return Closed("submit a review", a, now);
        if (s.Status != SubmissionStatus.UnderReview) return new Refusal.NotAllowedInState("submit a review", s.Status.Describe(), "the round has ended");
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(c.CommentsToAuthor)) errors.Add(new("commentsToAuthor", "Write your comments for the author."));
        if (c.CommentsToAuthor.Length > CommentsMaxLength || c.ConfidentialCommentsToEditor.Length > CommentsMaxLength)
            errors.Add(new("commentsToAuthor", $"Keep each set of comments under {CommentsMaxLength} characters."));
        if (errors.Count > 0) return new Refusal.Invalid(errors);
        return Decision.Record(new ReviewSubmitted(s.Id, a.Id, c.Recommendation, c.CommentsToAuthor.Trim(), c.ConfidentialCommentsToEditor.Trim(), actor.Account, now));
    }

    /// <param name="byEditorInChief">An editor-in-chief's decision needs nobody's confirmation.</param>
    public static Decision Decide(Submission s, RecordDecision c, Journal journal, Actor actor, DateTimeOffset now, bool byEditorInChief)
    {
        if (s.Status != SubmissionStatus.UnderReview)
            return new Refusal.NotAllowedInState("record a decision", s.Status.Describe(), "a decision follows peer review");
        if (s.PendingRecommendation is not null && !byEditorInChief)
            return new Refusal.NotAllowedInState("record a decision", "awaiting the editor-in-chief", "a recommended decision waits for the editor-in-chief's confirmation");
        if (c.Decision is DecisionKind.DeskReject) return new Refusal.Invalid("decision", "After peer review, decide to accept, ask for a revision, or reject.");
        if (s.ReviewsIn < journal.ReviewsRequired && string.IsNullOrWhiteSpace(c.EarlyDecisionReason))
            return new Refusal.Invalid("earlyDecisionReason", $"{s.ReviewsIn} of the {journal.ReviewsRequired} reviews the journal requires are in. To decide now, give your reason.");
        if (string.IsNullOrWhiteSpace(c.Letter)) return new Refusal.Invalid("letter", "Write the letter the author receives.");
        var early = s.ReviewsIn < journal.ReviewsRequired ? c.EarlyDecisionReason!.Trim() : null;
        return journal.EditorInChiefConfirmsDecisions && !byEditorInChief
            ? Decision.Record(new DecisionRecommended(s.Id, s.Round, c.Decision, c.Letter.Trim(), early, actor.Account, now))
            : Decision.Record(new DecisionRecorded(s.Id, s.Round, c.Decision, c.Letter.Trim(), early, actor.Account, now));
    }

    public static Decision Confirm(Submission s, ConfirmDecision c, Actor actor, DateTimeOffset now)
    {
        if (s.Status != SubmissionStatus.UnderReview || s.PendingRecommendation is not { } recommended)
            return new Refusal.NotAllowedInState("confirm the decision", s.Status.Describe(), "no recommended decision waits for confirmation");
        if (string.IsNullOrWhiteSpace(c.Letter)) return new Refusal.Invalid("letter", "Write the letter the author receives.");
        return Decision.Record(new DecisionRecorded(s.Id, s.Round, recommended.Decision, c.Letter.Trim(), recommended.EarlyDecisionReason, actor.Account, now));
    }

    public static Decision Return(Submission s, ReturnRecommendation c, Actor actor, DateTimeOffset now)
    {
        if (s.Status != SubmissionStatus.UnderReview || s.PendingRecommendation is null)
            return new Refusal.NotAllowedInState("return the recommendation", s.Status.Describe(), "no recommended decision waits for confirmation");
        if (string.IsNullOrWhiteSpace(c.Reason)) return new Refusal.Invalid("reason", "Tell the handling editor why the recommendation comes back.");
        return Decision.Record(new RecommendationReturned(s.Id, s.Round, c.Reason.Trim(), actor.Account, now));
    }

    public static Decision SubmitRevision(Submission s, SubmitRevision c, Actor actor, DateTimeOffset now)
    {
        if (s.Status != SubmissionStatus.RevisionRequested)
            return new Refusal.NotAllowedInState("submit a revision", s.Status.Describe(), "a revision answers a decision that asked for one");
        var errors = new List<FieldError>();
        if (s.Manuscript?.ForVersion != s.ManuscriptVersion + 1) errors.Add(new("manuscript", $"Upload the revised manuscript (version {s.ManuscriptVersion + 1}) first."));
        if (string.IsNullOrWhiteSpace(c.ResponseToReviewers)) errors.Add(new("response", "Say how the revision answers the reviewers."));
        else if (c.ResponseToReviewers.Length > CommentsMaxLength) errors.Add(new("response", $"Keep the response under {CommentsMaxLength} characters."));
        if (errors.Count > 0) return new Refusal.Invalid(errors);
        return Decision.Record(new RevisionSubmitted(s.Id, s.ManuscriptVersion + 1, s.Round + 1, c.ResponseToReviewers.Trim(), actor.Account, now));
    }

    public static Decision Reinvite(Submission s, ReinvitePreviousReviewers c, Actor actor, DateTimeOffset now)
    {
        if (s.Status is not (SubmissionStatus.WithEditor or SubmissionStatus.UnderReview) || s.Round < 2)
            return new Refusal.NotAllowedInState("invite the previous reviewers again", s.Status.Describe(), "this is for a revised version in its new round");
        var previous = s.Assignments.Where(a => a.Round == s.Round - 1 && a.Status == InvitationStatus.Submitted)
            .Where(a => !s.CurrentRound.Any(current => current.Reviewer == a.Reviewer)).ToList();
        if (previous.Count == 0)
            return new Refusal.NotAllowedInState("invite the previous reviewers again", s.Status.Describe(), "everyone who reviewed the previous round is invited already, or nobody did");
        if (c.RespondBy <= now || c.ReviewDue <= c.RespondBy) return new Refusal.Invalid("reviewDue", "Answer by a future date, with the review due after it.");
        return Decision.Record([.. previous.Select(a => new ReviewerInvited(s.Id, DeterministicGuid.From(s.Id, new Guid(s.Round, 0, 0, new byte[8]), a.Reviewer),
            a.Reviewer, s.Round, a.ReviewerNumber, c.RespondBy, c.ReviewDue, null, actor.Account, now))]);
    }

    /// <summary>Before a final decision, that is: submitted, with an editor, under review, or waiting for a revision.</summary>
    private static bool MayStillBeWithdrawn(Submission s) =>
        s.Status is SubmissionStatus.Submitted or SubmissionStatus.WithEditor or SubmissionStatus.UnderReview or SubmissionStatus.RevisionRequested;

    public static Decision RequestWithdrawal(Submission s, RequestWithdrawal c, Actor actor, DateTimeOffset now)
    {
        if (!MayStillBeWithdrawn(s))
            return new Refusal.NotAllowedInState("ask to withdraw the manuscript", s.Status.Describe(), "withdrawal is possible between submission and the final decision");
        if (string.IsNullOrWhiteSpace(c.Reason)) return new Refusal.Invalid("reason", "Tell the editors why you withdraw the manuscript.");
        if (s.WithdrawalReason is not null) return Decision.NothingToRecord;
        return Decision.Record(new WithdrawalRequested(s.Id, c.Reason.Trim(), actor.Account, now));
    }

    public static Decision ConfirmWithdrawal(Submission s, Actor actor, DateTimeOffset now)
    {
        if (!MayStillBeWithdrawn(s) || s.WithdrawalReason is null)
            return new Refusal.NotAllowedInState("confirm the withdrawal", s.Status.Describe(), "the author has not asked to withdraw this manuscript");
        return Decision.Record(new SubmissionWithdrawn(s.Id, actor.Account, now));
    }

    private static Refusal Closed(string action, ReviewerAssignment a, DateTimeOffset now) =>
        new Refusal.NotAllowedInState(action, a.Describe(now).ToLowerInvariant(), "this invitation is closed", Of: "");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
