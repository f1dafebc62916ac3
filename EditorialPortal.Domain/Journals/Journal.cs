using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Journals;

/// <summary>A fact of a journal's own stream: its settings and staff.</summary>
public interface IJournalFact : IHistoricalFact;

public sealed record JournalCreated(
    Guid Journal,
    string Title,
    string? Issn,
    string Description,
    IReadOnlyList<ManuscriptType> ManuscriptTypes,
    Guid By,
    DateTimeOffset At,
    ReviewMode ReviewMode = ReviewMode.SingleBlind,
    int ReviewsRequired = 2,
    IReadOnlyList<DecisionLetterTemplate>? DecisionLetters = null) : IJournalFact;

public sealed record JournalRoleGranted(Guid Journal, Guid Account, JournalRole Role, Guid By, DateTimeOffset At) : IJournalFact;

public sealed record JournalRoleRevoked(Guid Journal, Guid Account, JournalRole Role, Guid By, DateTimeOffset At) : IJournalFact;

public sealed record ReminderScheduleChanged(Guid Journal, ReminderSchedule Schedule, Guid By, DateTimeOffset At) : IJournalFact;

public sealed record DecisionConfirmationChanged(Guid Journal, bool EditorInChiefConfirmsDecisions, Guid By, DateTimeOffset At) : IJournalFact;

public sealed record DecisionNoticeToReviewersChanged(Guid Journal, bool ReviewersAreTold, Guid By, DateTimeOffset At) : IJournalFact;

public sealed record ProductionSettingsChanged(Guid Journal, ProductionSettings Settings, Guid By, DateTimeOffset At) : IJournalFact;

public sealed record PublicationSettingsChanged(Guid Journal, PublicationSettings Settings, Guid By, DateTimeOffset At) : IJournalFact;

/// <param name="Template">The journal's wording; null returns the kind to the portal's default.</param>
public sealed record MailTemplateChanged(Guid Journal, NoticeKind Kind, MailTemplate? Template, Guid By, DateTimeOffset At) : IJournalFact;

public sealed record StaffMember(Guid Account, JournalRole Role);

/// <summary>A journal: what it publishes, how it reviews, and who works for it.</summary>
public sealed record Journal(Guid Id, string Title, string? Issn, string Description, IReadOnlyList<ManuscriptType> ManuscriptTypes, IReadOnlyList<StaffMember> Staff) : IVersioned
{
    public long Version { get; init; }
    public ReviewMode ReviewMode { get; init; }
    public int ReviewsRequired { get; init; } = 2;
    public IReadOnlyList<DecisionLetterTemplate> DecisionLetters { get; init; } = DecisionLetterTemplate.Defaults;
    public ReminderSchedule Reminders { get; init; } = ReminderSchedule.Default;

    /// <summary>Whether a handling editor's decision is a recommendation until an editor-in-chief confirms it.</summary>
    public bool EditorInChiefConfirmsDecisions { get; init; }

    /// <summary>Whether reviewers hear the decision on a manuscript they reviewed; never the letter to the authors, which may name them.</summary>
    public bool TellsReviewersTheDecision { get; init; }

    /// <summary>How the journal produces its accepted articles: its steps, and its articles' licence and publisher.</summary>
    public ProductionSettings Production { get; init; } = ProductionSettings.Default;

    /// <summary>How the journal publishes: its reader site's address and its DOIs.</summary>
    public PublicationSettings Publication { get; init; } = PublicationSettings.Default;

    /// <summary>The journal's own wording of its emails; a kind not here uses the portal's default.</summary>
    public IReadOnlyList<MailTemplate> MailTemplates { get; init; } = [];

    internal static Journal Begin(JournalCreated f) =>
        new(f.Journal, f.Title, f.Issn, f.Description, f.ManuscriptTypes, [])
        {
            ReviewMode = f.ReviewMode,
            ReviewsRequired = f.ReviewsRequired,
            DecisionLetters = f.DecisionLetters ?? DecisionLetterTemplate.Defaults
        };

    internal Journal When(JournalRoleGranted f) => this with { Staff = [.. Staff, new StaffMember(f.Account, f.Role)] };

    internal Journal When(JournalRoleRevoked f) => this with { Staff = [.. Staff.Where(s => s != new StaffMember(f.Account, f.Role))] };

    internal Journal When(ReminderScheduleChanged f) => this with { Reminders = f.Schedule };

    internal Journal When(MailTemplateChanged f) =>
        this with { MailTemplates = [.. MailTemplates.Where(t => t.Kind != f.Kind), .. f.Template is null ? [] : new[] { f.Template }] };

    internal Journal When(DecisionConfirmationChanged f) => this with { EditorInChiefConfirmsDecisions = f.EditorInChiefConfirmsDecisions };

    internal Journal When(DecisionNoticeToReviewersChanged f) => this with { TellsReviewersTheDecision = f.ReviewersAreTold };

    internal Journal When(ProductionSettingsChanged f) => this with { Production = f.Settings };

    internal Journal When(PublicationSettingsChanged f) => this with { Publication = f.Settings };

    public bool Grants(Guid account, JournalRole role) => Staff.Contains(new StaffMember(account, role));

    public bool IsEditor(Guid account) => Staff.Any(s => s.Account == account && JournalRoles.Editorial.Contains(s.Role));

    /// <summary>Whether the account may read the journal's whole historical record.</summary>
    public bool KeepsRecord(Guid account) => Staff.Any(s => s.Account == account && JournalRoles.RecordKeeping.Contains(s.Role));

    public IEnumerable<JournalRole> RolesOf(Guid account) => Staff.Where(s => s.Account == account).Select(s => s.Role);

    /// <summary>One step of the fold, for every store.</summary>
    public static Journal? Fold(Journal? state, object fact) => (state, fact) switch
    {
        (null, JournalCreated f) => Begin(f),
        ({ } j, JournalRoleGranted f) => j.When(f),
        ({ } j, JournalRoleRevoked f) => j.When(f),
        ({ } j, ReminderScheduleChanged f) => j.When(f),
        ({ } j, DecisionConfirmationChanged f) => j.When(f),
        ({ } j, DecisionNoticeToReviewersChanged f) => j.When(f),
        ({ } j, MailTemplateChanged f) => j.When(f),
        ({ } j, ProductionSettingsChanged f) => j.When(f),
        ({ } j, PublicationSettingsChanged f) => j.When(f),
        _ => state
    };

    public static readonly IReadOnlyList<Type> FactTypes = FactKinds.Of<IJournalFact>();
}
