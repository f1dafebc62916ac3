using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;

namespace EditorialPortal.Domain.Review;

/// <param name="ReviewerNumber">How the authors know this reviewer ("Reviewer 2"), the same in every round.</param>
public sealed record ReviewerInvited(Guid Submission, Guid Assignment, Guid Reviewer, int Round, int ReviewerNumber, DateTimeOffset RespondBy,
    DateTimeOffset ReviewDue, string? ConflictOverride, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record InvitationAccepted(Guid Submission, Guid Assignment, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record InvitationDeclined(Guid Submission, Guid Assignment, string? Reason, string? SuggestedReviewer, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record InvitationRescinded(Guid Submission, Guid Assignment, string Reason, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record ConflictDeclared(Guid Submission, Guid Person, string Reason, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record DeadlineExtended(Guid Submission, Guid Assignment, DateTimeOffset RespondBy, DateTimeOffset ReviewDue, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record ReviewerReminded(Guid Submission, Guid Assignment, ReminderKind Kind, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record DecisionRescinded(Guid Submission, int Round, DecisionKind Decision, string Reason, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record ReviewSubmitted(Guid Submission, Guid Assignment, Recommendation Recommendation, string CommentsToAuthor, string ConfidentialCommentsToEditor,
    Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record DecisionRecorded(Guid Submission, int Round, DecisionKind Decision, string Letter, string? EarlyDecisionReason, Guid By, DateTimeOffset At) : IHistoricalFact;

/// <summary>A handling editor's decision that waits for an editor-in-chief's confirmation before the author hears of it.</summary>
public sealed record DecisionRecommended(Guid Submission, int Round, DecisionKind Decision, string Letter, string? EarlyDecisionReason, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record RecommendationReturned(Guid Submission, int Round, string Reason, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record RevisionSubmitted(Guid Submission, int ManuscriptVersion, int Round, string ResponseToReviewers, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record WithdrawalRequested(Guid Submission, string Reason, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record SubmissionWithdrawn(Guid Submission, Guid By, DateTimeOffset At) : IHistoricalFact;
