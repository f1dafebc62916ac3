namespace EditorialPortal.Domain.Submissions;

public enum SubmissionStatus
{
    Draft,
    Submitted
}

public static class SubmissionStatuses
{
    /// <summary>The status in the words an author or editor uses.</summary>
    public static string Describe(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.Draft => "Draft",
        SubmissionStatus.Submitted => "Submitted",
        _ => status.ToString()
    };
}
