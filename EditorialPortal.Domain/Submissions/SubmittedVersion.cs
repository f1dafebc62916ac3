namespace EditorialPortal.Domain.Submissions;

/// <summary>One version of the manuscript as it was when sent to the journal.</summary>
public sealed record SubmittedVersion(
    int Number,
    string Title,
    string Abstract,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<ContributingAuthor> Authors,
    ManuscriptFile? Manuscript,
    DateTimeOffset SubmittedAt);
