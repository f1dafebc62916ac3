using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Triage;

using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.Submissions;

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

    internal static Submission Begin(SubmissionStarted f) =>
        new(f.Submission, f.Journal, f.Type, f.By, SubmissionStatus.Draft, "", "", [], [], null, 1, f.At, null, f.At);

    internal Submission When(TitleChanged f) => this with { Title = f.Title, LastChangedAt = f.At };

    internal Submission When(AbstractChanged f) => this with { Abstract = f.Abstract, LastChangedAt = f.At };

    internal Submission When(KeywordsChanged f) => this with { Keywords = f.Keywords, LastChangedAt = f.At };

    internal Submission When(AuthorsChanged f) => this with { Authors = f.Authors, LastChangedAt = f.At };

    internal Submission When(ReviewerPreferencesChanged f) => this with { ReviewerPreferences = f.Preferences, LastChangedAt = f.At };

    internal Submission When(ManuscriptFileAttached f) =>
        this with { Manuscript = new ManuscriptFile(f.FileName, f.MediaType, f.Size, f.Sha256, f.At, f.ManuscriptVersion, f.EmbeddedAuthor), LastChangedAt = f.At };

    internal Submission When(WithdrawalRequested f) => this with { WithdrawalReason = f.Reason, LastChangedAt = f.At };

    internal Submission When(SubmissionWithdrawn f) => this with { Status = SubmissionStatus.Withdrawn, LastChangedAt = f.At };

    internal Submission When(RevisionSubmitted f) =>
        this with
        {
            Status = SubmissionStatus.WithEditor,
            ManuscriptVersion = f.ManuscriptVersion,
            Round = f.Round,
            LastDecision = null,
            MessageToAuthor = null,
            ResponseToReviewers = f.ResponseToReviewers,
            Versions = WithVersion(f.ManuscriptVersion, f.At),
            LastChangedAt = f.At
        };

    // Sent again after being returned to the author, a version replaces its earlier copy.
    private IReadOnlyList<SubmittedVersion> WithVersion(int number, DateTimeOffset at) =>
        [.. Versions.Where(v => v.Number != number), new SubmittedVersion(number, Title, Abstract, Keywords, Authors, Manuscript, at)];

    internal Submission When(ManuscriptSubmitted f) =>
        this with { Status = SubmissionStatus.Submitted, SubmittedAt = f.At, LastChangedAt = f.At, MessageToAuthor = null, Versions = WithVersion(f.ManuscriptVersion, f.At) };

    internal Submission When(SubmissionReturnedToAuthor f) => this with { Status = SubmissionStatus.Draft, MessageToAuthor = f.Message, LastChangedAt = f.At };

    internal Submission When(SubmissionDeskRejected f) => this with { Status = SubmissionStatus.Rejected, MessageToAuthor = f.Letter, LastChangedAt = f.At };

    internal Submission When(ReviewerInvited f) =>
        this with
        {
            Status = SubmissionStatus.UnderReview,
            Round = f.Round,
            Assignments = [.. Assignments, new ReviewerAssignment(f.Assignment, f.Reviewer, f.Round, f.ReviewerNumber, InvitationStatus.Invited, f.At, f.RespondBy, f.ReviewDue)],
            LastChangedAt = f.At
        };

    internal Submission When(InvitationAccepted f) => Assignment(f.Assignment, a => a with { Status = InvitationStatus.Accepted, AcceptedAt = f.At }, f.At);

    internal Submission When(InvitationDeclined f) =>
        Assignment(f.Assignment, a => a with { Status = InvitationStatus.Declined, DeclineReason = f.Reason, SuggestedReviewer = f.SuggestedReviewer }, f.At);

    internal Submission When(InvitationRescinded f) => Assignment(f.Assignment, a => a with { Status = InvitationStatus.Rescinded }, f.At);

    internal Submission When(ConflictDeclared f) => this with { DeclaredConflicts = [.. DeclaredConflicts, f.Person], LastChangedAt = f.At };

    internal Submission When(DeadlineExtended f) => Assignment(f.Assignment, a => a with { RespondBy = f.RespondBy, ReviewDue = f.ReviewDue }, f.At);

    // A reminder is bookkeeping, not a change anyone waits on: the manuscript's last change stays as it was.
    internal Submission When(ReviewerReminded f) =>
        this with { Assignments = [.. Assignments.Select(a => a.Id == f.Assignment ? a with { Reminders = [.. a.Reminders, new SentReminder(f.Kind, f.At)] } : a)] };

    internal Submission When(DecisionRecommended f) => this with { PendingRecommendation = f, LastChangedAt = f.At };

    internal Submission When(RecommendationReturned f) => this with { PendingRecommendation = null, LastChangedAt = f.At };

    internal Submission When(DecisionRescinded f) =>
        this with { Status = SubmissionStatus.UnderReview, LastDecision = null, MessageToAuthor = null, LastChangedAt = f.At };

    internal Submission When(ReviewSubmitted f) =>
        Assignment(f.Assignment, a => a with
        {
            Status = InvitationStatus.Submitted,
            Review = new Review.Review(f.Recommendation, f.CommentsToAuthor, f.ConfidentialCommentsToEditor, f.At)
        }, f.At);

    internal Submission When(DecisionRecorded f) =>
        this with
        {
            Status = f.Decision switch
            {
                DecisionKind.Accept => SubmissionStatus.Accepted,
                DecisionKind.MinorRevision or DecisionKind.MajorRevision => SubmissionStatus.RevisionRequested,
                _ => SubmissionStatus.Rejected
            },
            LastDecision = f.Decision,
            PendingRecommendation = null,
            MessageToAuthor = f.Letter,
            LastChangedAt = f.At
        };

    private Submission Assignment(Guid id, Func<ReviewerAssignment, ReviewerAssignment> change, DateTimeOffset at) =>
        this with { Assignments = [.. Assignments.Select(a => a.Id == id ? change(a) : a)], LastChangedAt = at };

    internal Submission When(HandlingEditorAssigned f) =>
        this with { Status = Status == SubmissionStatus.Submitted ? SubmissionStatus.WithEditor : Status, HandlingEditor = f.Editor, LastChangedAt = f.At };

    /// <summary>One step of the fold, for every store: the Marten projection and the in-memory adapter both call it.</summary>
    public static Submission? Fold(Submission? state, object fact) =>
        Step(state, fact) is { } next && fact is IHistoricalFact happened && (state is null || next.Status != state.Status)
            ? next with { StatusSince = happened.At }
            : Step(state, fact);

    private static Submission? Step(Submission? state, object fact) => (state, fact) switch
    {
        (null, SubmissionStarted f) => Begin(f),
        ({ } s, TitleChanged f) => s.When(f),
        ({ } s, AbstractChanged f) => s.When(f),
        ({ } s, KeywordsChanged f) => s.When(f),
        ({ } s, AuthorsChanged f) => s.When(f),
        ({ } s, ReviewerPreferencesChanged f) => s.When(f),
        ({ } s, ManuscriptFileAttached f) => s.When(f),
        ({ } s, ManuscriptSubmitted f) => s.When(f),
        ({ } s, SubmissionReturnedToAuthor f) => s.When(f),
        ({ } s, SubmissionDeskRejected f) => s.When(f),
        ({ } s, HandlingEditorAssigned f) => s.When(f),
        ({ } s, ReviewerInvited f) => s.When(f),
        ({ } s, InvitationAccepted f) => s.When(f),
        ({ } s, InvitationDeclined f) => s.When(f),
        ({ } s, InvitationRescinded f) => s.When(f),
        ({ } s, ReviewSubmitted f) => s.When(f),
        ({ } s, DeadlineExtended f) => s.When(f),
        ({ } s, ConflictDeclared f) => s.When(f),
        ({ } s, ReviewerReminded f) => s.When(f),
        ({ } s, DecisionRescinded f) => s.When(f),
        ({ } s, DecisionRecommended f) => s.When(f),
        ({ } s, RecommendationReturned f) => s.When(f),
        ({ } s, DecisionRecorded f) => s.When(f),
        ({ } s, RevisionSubmitted f) => s.When(f),
        ({ } s, WithdrawalRequested f) => s.When(f),
        ({ } s, SubmissionWithdrawn f) => s.When(f),
        _ => state
    };

    public static readonly IReadOnlyList<Type> FactTypes =
        [typeof(SubmissionStarted), typeof(TitleChanged), typeof(AbstractChanged), typeof(KeywordsChanged), typeof(AuthorsChanged), typeof(ReviewerPreferencesChanged),
         typeof(ManuscriptFileAttached), typeof(ManuscriptSubmitted), typeof(SubmissionReturnedToAuthor), typeof(SubmissionDeskRejected),
         typeof(HandlingEditorAssigned), typeof(ReviewerInvited), typeof(InvitationAccepted), typeof(InvitationDeclined), typeof(InvitationRescinded),
         typeof(ReviewSubmitted), typeof(DecisionRecorded), typeof(RevisionSubmitted), typeof(DeadlineExtended), typeof(ConflictDeclared), typeof(ReviewerReminded), typeof(DecisionRescinded), typeof(DecisionRecommended), typeof(RecommendationReturned),
         typeof(WithdrawalRequested), typeof(SubmissionWithdrawn)];
}
