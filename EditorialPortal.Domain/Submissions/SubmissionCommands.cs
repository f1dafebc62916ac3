namespace EditorialPortal.Domain.Submissions;

/// <summary>A command on one submission; the desk names the submission it is for.</summary>
public abstract record SubmissionCommand;

public sealed record StartSubmission(Guid Journal, ManuscriptType Type) : SubmissionCommand;

public sealed record SetTitle(string Title) : SubmissionCommand;

public sealed record SetAbstract(string Abstract) : SubmissionCommand;

public sealed record SetKeywords(IReadOnlyList<string> Keywords) : SubmissionCommand;

public sealed record SetAuthors(IReadOnlyList<ContributingAuthor> Authors) : SubmissionCommand;

/// <summary>Attaches a file already received by the file store, which vouches for its size and SHA-256.</summary>
/// <param name="EmbeddedAuthor">Whom the file's own properties name as its author, as the intake read them.</param>
/// <summary>The reviewers the authors suggest and those they ask the editors not to invite, with reasons; replaces the earlier list.</summary>
public sealed record SetReviewerPreferences(IReadOnlyList<Review.ReviewerPreference> Preferences) : SubmissionCommand;

public sealed record AttachManuscript(string FileName, string MediaType, long Size, string Sha256, string? EmbeddedAuthor = null) : SubmissionCommand;

public sealed record SubmitManuscript : SubmissionCommand;
