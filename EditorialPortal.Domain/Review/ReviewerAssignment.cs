namespace EditorialPortal.Domain.Review;

public enum InvitationStatus
{
    Invited,
    Accepted,
    Declined,
    Rescinded,
    Submitted
}

public sealed record Review(Recommendation Recommendation, string CommentsToAuthor, string ConfidentialCommentsToEditor, DateTimeOffset SubmittedAt);

/// <summary>One person's invitation to review one round, and their review once it is in.</summary>
public sealed record ReviewerAssignment(
    Guid Id,
    Guid Reviewer,
    int Round,
    int ReviewerNumber,
    InvitationStatus Status,
    DateTimeOffset InvitedAt,
    DateTimeOffset RespondBy,
    DateTimeOffset ReviewDue,
    Review? Review = null,
    string? DeclineReason = null,
    string? SuggestedReviewer = null)
{
    public IReadOnlyList<SentReminder> Reminders { get; init; } = [];

    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>Still waiting for an answer after the date to answer by: the invitation has expired.</summary>
    public bool IsExpired(DateTimeOffset now) => Status == InvitationStatus.Invited && now > RespondBy;

    public bool IsOverdue(DateTimeOffset now) => Status == InvitationStatus.Accepted && now > ReviewDue;

    /// <summary>Invited or accepted, and not yet finished: the reviewer still has something to do.</summary>
    public bool IsOpen(DateTimeOffset now) => Status is InvitationStatus.Accepted || (Status is InvitationStatus.Invited && !IsExpired(now));

    public string Describe(DateTimeOffset now) => Status switch
    {
        _ when IsExpired(now) => "Invitation expired",
        _ when IsOverdue(now) => "Review overdue",
        InvitationStatus.Invited => "Invited",
        InvitationStatus.Accepted => "Reviewing",
        InvitationStatus.Declined => "Declined",
        InvitationStatus.Rescinded => "Invitation withdrawn",
        InvitationStatus.Submitted => "Review submitted",
        _ => Status.ToString()
    };
}
