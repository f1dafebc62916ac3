using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Journals;

public abstract record JournalCommand;

public sealed record CreateJournal(string Title, string? Issn, string Description, IReadOnlyList<ManuscriptType> ManuscriptTypes) : JournalCommand;

public sealed record GrantJournalRole(Guid Account, JournalRole Role) : JournalCommand;
