using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;

namespace EditorialPortal.Domain.Submissions;

/// <summary>A fact of a submission's stream: what happened to one manuscript in one journal.</summary>
public interface ISubmissionFact : IHistoricalFact;

/// <summary>The current state of one manuscript's journey through one journal, folded from its facts.</summary>
public sealed record Submission(
    Guid Id,
    Guid Journal,
    ManuscriptType Type,
    Guid SubmittingAuthor,
    SubmissionStatus Status,
    string Title,
    string Abstract,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<ContributingAuthor> Authors,
    ManuscriptFile? Manuscript,
    int ManuscriptVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset LastChangedAt) : IVersioned
{
    public long Version { get; init; }

    /// <summary>The editor running this manuscript's peer review, once the editor-in-chief has assigned one.</summary>
    public Guid? HandlingEditor { get; init; }

    /// <summary>What the editors last told the author: why it came back, or the decision letter.</summary>
    public string? MessageToAuthor { get; init; }

    /// <summary>The review round under way (1 for the first version); 0 before peer review starts.</summary>
    public int Round { get; init; }

    public IReadOnlyList<ReviewerAssignment> Assignments { get; init; } = [];

    public DecisionKind? LastDecision { get; init; }

    /// <summary>The handling editor's decision while it waits for the editor-in-chief's confirmation.</summary>
    public DecisionRecommended? PendingRecommendation { get; init; }

    public bool AwaitsConfirmation => PendingRecommendation is not null;

    /// <summary>Why the author asks to withdraw the manuscript, while an editor has yet to confirm it.</summary>
    public string? WithdrawalReason { get; init; }

    /// <summary>The author's answer to the reviewers with the latest revision.</summary>
    public string? ResponseToReviewers { get; init; }

    /// <summary>Editors and reviewers who declared a conflict of interest with this manuscript: they neither handle nor review it.</summary>
    public IReadOnlyList<Guid> DeclaredConflicts { get; init; } = [];

    /// <summary>The integrity concerns open on the manuscript: the editors' business alone.</summary>
    public IReadOnlyList<Integrity.IntegrityConcern> IntegrityConcerns { get; init; } = [];

    /// <summary>Whom the authors suggest as reviewers and whom they oppose, with their reasons.</summary>
    public IReadOnlyList<ReviewerPreference> ReviewerPreferences { get; init; } = [];

    /// <summary>Each version as it was sent to the journal: its metadata and file, for comparing one round with the next.</summary>
    public IReadOnlyList<SubmittedVersion> Versions { get; init; } = [];

    public IEnumerable<ReviewerAssignment> CurrentRound => Assignments.Where(a => a.Round == Round);

    public int ReviewsIn => CurrentRound.Count(a => a.Status == InvitationStatus.Submitted);

    /// <summary>Reviewers of this round who have not said no: invited, reviewing, or done.</summary>
    public int ReviewersEngaged => CurrentRound.Count(a => a.Status is InvitationStatus.Invited or InvitationStatus.Accepted or InvitationStatus.Submitted);

    /// <summary>The earliest due date among reviews still being written this round; past it, a review is overdue.</summary>
    public DateTimeOffset? EarliestReviewDue => CurrentRound.Where(a => a.Status == InvitationStatus.Accepted).Select(a => (DateTimeOffset?)a.ReviewDue).Min();

    /// <summary>Since when the submission has had its current status: how long it has waited.</summary>
    public DateTimeOffset StatusSince { get; init; }

    /// <summary>The corresponding author's name, kept for queues so they need not unpack the author list.</summary>
    public string CorrespondingAuthor => Authors.FirstOrDefault(a => a.IsCorresponding)?.Name ?? "";

    /// <summary>The versions sent to the journal, with this one as it stands now; sent again after being returned, a version replaces its earlier copy.</summary>
    internal IReadOnlyList<SubmittedVersion> WithVersion(int number, DateTimeOffset at) =>
        [.. Versions.Where(v => v.Number != number), new SubmittedVersion(number, Title, Abstract, Keywords, Authors, Manuscript, at)];

    /// <summary>The manuscript with one invitation changed.</summary>
    internal Submission WithAssignment(Guid id, Func<ReviewerAssignment, ReviewerAssignment> change, DateTimeOffset at) =>
        this with { Assignments = [.. Assignments.Select(a => a.Id == id ? change(a) : a)], LastChangedAt = at };

    /// <summary>One step of the fold, for every store: the Marten projection and the in-memory adapter both call it.</summary>
    public static Submission? Fold(Submission? state, object fact)
    {
        var next = Step(state, fact);
        return next is not null && fact is IHistoricalFact happened && (state is null || next.Status != state.Status) ? next with { StatusSince = happened.At } : next;
    }

    // Each use case folds its own facts; a fact of no use case leaves the state as it was.
    private static Submission? Step(Submission? state, object fact) =>
        SubmissionUseCases.All.Facts.Find(fact.GetType()) is { } useCase ? useCase.Fold(state, fact) : state;

    public static readonly IReadOnlyList<Type> FactTypes = FactKinds.Of<ISubmissionFact>();
}
