namespace EditorialPortal.Domain.Submissions;

public enum SubmissionStatus
{
    Draft,
    Submitted,
    WithEditor,
    Rejected
}

public static class SubmissionStatuses
{
    /// <summary>The status in the words an author or editor uses.</summary>
    public static string Describe(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.Draft => "Draft",
        SubmissionStatus.Submitted => "Submitted",
        SubmissionStatus.WithEditor => "With a handling editor",
        SubmissionStatus.Rejected => "Rejected",
        _ => status.ToString()
    };
}
