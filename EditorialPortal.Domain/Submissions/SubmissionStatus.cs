namespace EditorialPortal.Domain.Submissions;

public enum SubmissionStatus
{
    Draft,
    Submitted,
    WithEditor,
    UnderReview,
    RevisionRequested,
    Accepted,
    Rejected,
    Withdrawn
}

public static class SubmissionStatuses
{
    /// <summary>The status in the words an author or editor uses.</summary>
    public static string Describe(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.Draft => "Draft",
        SubmissionStatus.Submitted => "Submitted",
        SubmissionStatus.WithEditor => "With a handling editor",
        SubmissionStatus.UnderReview => "Under review",
        SubmissionStatus.RevisionRequested => "Revision requested",
        SubmissionStatus.Accepted => "Accepted",
        SubmissionStatus.Withdrawn => "Withdrawn",
        SubmissionStatus.Rejected => "Rejected",
        _ => status.ToString()
    };
}
