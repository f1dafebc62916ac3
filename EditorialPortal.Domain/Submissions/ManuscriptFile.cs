namespace EditorialPortal.Domain.Submissions;

/// <summary>A manuscript file as the record knows it: content-addressed by its SHA-256, for one version of the manuscript.</summary>
/// <param name="EmbeddedAuthor">Whom the PDF's own properties name as author: a give-away in double-blind review.</param>
public sealed record ManuscriptFile(string FileName, string MediaType, long Size, string Sha256, DateTimeOffset AttachedAt, int ForVersion = 1, string? EmbeddedAuthor = null)
{
    /// <summary>Whether whoever sees the file this way receives a copy without the document properties that name its authors (reviewers do).</summary>
    public bool Anonymised { get; init; }
}
