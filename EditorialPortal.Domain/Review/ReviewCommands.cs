using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>Invites someone to review this round, with a date to answer by and a date for the review.</summary>
/// <param name="ConflictOverride">Why to invite despite a possible conflict of interest; required when there is one.</param>
public sealed record InviteReviewer(Guid Assignment, Guid Reviewer, DateTimeOffset RespondBy, DateTimeOffset ReviewDue, string? ConflictOverride = null) : SubmissionCommand;

public sealed record AcceptInvitation(Guid Assignment) : SubmissionCommand;

public sealed record DeclineInvitation(Guid Assignment, string? Reason = null, string? SuggestedReviewer = null) : SubmissionCommand;

public sealed record RescindInvitation(Guid Assignment, string Reason) : SubmissionCommand;

/// <summary>An editor or reviewer declares that they cannot judge this manuscript fairly; from then on they neither handle nor review it.</summary>
public sealed record DeclareConflict(string Reason) : SubmissionCommand;

/// <summary>Gives a reviewer more time: a later date to answer an invitation by, or, once accepted, a later due date for the review.</summary>
public sealed record ExtendDeadline(Guid Assignment, DateTimeOffset NewDate) : SubmissionCommand;

/// <summary>The portal reminds a reviewer; refused unless the reminder is due by the journal's schedule at this moment.</summary>
public sealed record SendReminder(Guid Assignment, ReminderKind Kind) : SubmissionCommand;

public sealed record SubmitReview(Guid Assignment, Recommendation Recommendation, string CommentsToAuthor, string ConfidentialCommentsToEditor) : SubmissionCommand;

/// <summary>The handling editor's decision on this round, with the letter the author receives.</summary>
/// <param name="EarlyDecisionReason">Why to decide before the journal's required number of reviews is in.</param>
public sealed record RecordDecision(DecisionKind Decision, string Letter, string? EarlyDecisionReason = null) : SubmissionCommand;

/// <summary>The editor-in-chief confirms the handling editor's recommended decision, with the letter as it is to go (edited or not).</summary>
public sealed record ConfirmDecision(string Letter) : SubmissionCommand;

/// <summary>The editor-in-chief sends a recommended decision back to the handling editor, saying why.</summary>
public sealed record ReturnRecommendation(string Reason) : SubmissionCommand;

/// <summary>The editor-in-chief takes back the round's decision; the round is open again for a new one.</summary>
public sealed record RescindDecision(string Reason) : SubmissionCommand;

/// <summary>The author sends the revised version, with a response to the reviewers, for the next round.</summary>
public sealed record SubmitRevision(string ResponseToReviewers) : SubmissionCommand;

/// <summary>Invites everyone who reviewed the previous round to review the revised version.</summary>
public sealed record ReinvitePreviousReviewers(DateTimeOffset RespondBy, DateTimeOffset ReviewDue) : SubmissionCommand;

/// <summary>The author asks to withdraw the manuscript before a final decision; an editor confirms.</summary>
public sealed record RequestWithdrawal(string Reason) : SubmissionCommand;

public sealed record ConfirmWithdrawal : SubmissionCommand;
