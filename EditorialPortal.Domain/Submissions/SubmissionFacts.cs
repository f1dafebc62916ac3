using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.Submissions;

public sealed record SubmissionStarted(Guid Submission, Guid Journal, ManuscriptType Type, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record TitleChanged(Guid Submission, string Title, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record AbstractChanged(Guid Submission, string Abstract, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record KeywordsChanged(Guid Submission, IReadOnlyList<string> Keywords, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record AuthorsChanged(Guid Submission, IReadOnlyList<ContributingAuthor> Authors, Guid By, DateTimeOffset At) : IHistoricalFact;

/// <param name="EmbeddedAuthor">Whom the PDF's own properties name as its author, if anyone.</param>
public sealed record ManuscriptFileAttached(Guid Submission, int ManuscriptVersion, string FileName, string MediaType, long Size, string Sha256, Guid By, DateTimeOffset At,
    string? EmbeddedAuthor = null) : IHistoricalFact;

public sealed record ReviewerPreferencesChanged(Guid Submission, IReadOnlyList<Review.ReviewerPreference> Preferences, Guid By, DateTimeOffset At) : IHistoricalFact;

public sealed record ManuscriptSubmitted(Guid Submission, Guid Journal, int ManuscriptVersion, Guid By, DateTimeOffset At) : IHistoricalFact;
