using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Journals;

public abstract record JournalCommand;

public sealed record CreateJournal(
    string Title,
    string? Issn,
    string Description,
    IReadOnlyList<ManuscriptType> ManuscriptTypes,
    ReviewMode ReviewMode = ReviewMode.SingleBlind,
    int ReviewsRequired = 2,
    IReadOnlyList<DecisionLetterTemplate>? DecisionLetters = null) : JournalCommand;

public sealed record GrantJournalRole(Guid Account, JournalRole Role) : JournalCommand;

public sealed record RevokeJournalRole(Guid Account, JournalRole Role) : JournalCommand;
