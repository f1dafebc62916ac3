namespace EditorialPortal.Domain.Submissions;

/// <summary>One author as listed on the manuscript, in byline order.</summary>
public sealed record ContributingAuthor(string Name, string Email, string Affiliation, string? Orcid, bool IsCorresponding);
