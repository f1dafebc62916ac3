using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>Invites someone to review this round, with a date to answer by and a date for the review.</summary>
/// <param name="ConflictOverride">Why to invite despite a possible conflict of interest; required when there is one.</param>
public sealed record InviteReviewer(Guid Assignment, Guid Reviewer, DateTimeOffset RespondBy, DateTimeOffset ReviewDue, string? ConflictOverride = null) : SubmissionCommand;

public sealed record AcceptInvitation(Guid Assignment) : SubmissionCommand;

public sealed record DeclineInvitation(Guid Assignment, string? Reason = null, string? SuggestedReviewer = null) : SubmissionCommand;

public sealed record RescindInvitation(Guid Assignment, string Reason) : SubmissionCommand;

public sealed record SubmitReview(Guid Assignment, Recommendation Recommendation, string CommentsToAuthor, string ConfidentialCommentsToEditor) : SubmissionCommand;

/// <summary>The handling editor's decision on this round, with the letter the author receives.</summary>
/// <param name="EarlyDecisionReason">Why to decide before the journal's required number of reviews is in.</param>
public sealed record RecordDecision(DecisionKind Decision, string Letter, string? EarlyDecisionReason = null) : SubmissionCommand;

/// <summary>The author sends the revised version, with a response to the reviewers, for the next round.</summary>
public sealed record SubmitRevision(string ResponseToReviewers) : SubmissionCommand;

/// <summary>Invites everyone who reviewed the previous round to review the revised version.</summary>
public sealed record ReinvitePreviousReviewers(DateTimeOffset RespondBy, DateTimeOffset ReviewDue) : SubmissionCommand;

/// <summary>The author asks to withdraw the manuscript before a final decision; an editor confirms.</summary>
public sealed record RequestWithdrawal(string Reason) : SubmissionCommand;

public sealed record ConfirmWithdrawal : SubmissionCommand;
