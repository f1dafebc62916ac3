using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Journals;

public abstract record JournalCommand : Command;

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

/// <summary>Sets when the journal reminds its reviewers.</summary>
public sealed record ChangeReminderSchedule(ReminderSchedule Schedule) : JournalCommand;

/// <summary>Whether the journal's editor-in-chief confirms each handling editor's decision before the author hears of it.</summary>
public sealed record ChangeDecisionConfirmation(bool EditorInChiefConfirmsDecisions) : JournalCommand;

/// <summary>Whether the journal tells its reviewers the decision on a manuscript they reviewed, in a notice of their own that names no author.</summary>
public sealed record ChangeDecisionNoticeToReviewers(bool ReviewersAreTold) : JournalCommand;

/// <summary>Rewords one of the journal's emails; without a subject and body, the kind goes back to the portal's default.</summary>
public sealed record ChangeMailTemplate(Notifications.NoticeKind Kind, string? Subject, string? Body) : JournalCommand;

/// <summary>Which production steps the journal runs, and the licence and publisher its articles carry; articles already in production keep theirs.</summary>
public sealed record ChangeProductionSettings(Production.ProductionSettings Settings) : JournalCommand;

public sealed record ChangePublicationSettings(Publication.PublicationSettings Settings) : JournalCommand;
