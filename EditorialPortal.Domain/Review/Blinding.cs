using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>
/// What of a submission each person may learn, by the journal's review mode. Applied where data leaves the
/// server (pages, API, history), so that hiding never depends on markup.
/// </summary>
public static class Blinding
{
    /// <summary>How a person stands to a submission, for deciding what they see.</summary>
    public enum Viewer
    {
        Editor,
        Author,
        Reviewer
    }

    public static Viewer ViewerOf(Submission s, Journal? journal, Actor actor) =>
        (s.IsEditorOf(actor, journal) || s.KeepsRecordOf(actor, journal)) && !s.IsAuthor(actor) ? Viewer.Editor
        : s.IsAuthor(actor) ? Viewer.Author
        : Viewer.Reviewer;

    /// <summary>The submission as <paramref name="actor"/> may see it.</summary>
    public static Submission AsSeenBy(Submission s, Journal? journal, Actor actor)
    {
        var mode = journal?.ReviewMode ?? ReviewMode.SingleBlind;
        return ViewerOf(s, journal, actor) switch
        {
            Viewer.Editor => s,
            // Authors learn what reviewers wrote for them, never what they wrote for the editor, and never who they are unless review is open.
            // Reviews reach the author with the decision on their round, not before.
            Viewer.Author => s with
            {
                PendingRecommendation = null,
                DeclaredConflicts = [],
                Assignments = [.. s.Assignments.Where(a => a.Status == InvitationStatus.Submitted && (a.Round < s.Round || s.LastDecision is not null)).Select(a => a with
                {
                    Reviewer = mode == ReviewMode.Open ? a.Reviewer : Guid.Empty,
                    Review = a.Review! with { ConfidentialCommentsToEditor = "" },
                    DeclineReason = null,
                    SuggestedReviewer = null
                })]
            },
            // A reviewer sees their own invitation only; in double-blind review, nothing that names the authors.
            _ => s with
            {
                Assignments = [.. s.Assignments.Where(a => a.Reviewer == actor.Account)],
                Authors = mode == ReviewMode.DoubleBlind ? [] : s.Authors,
                ReviewerPreferences = [],
                PendingRecommendation = null,
                DeclaredConflicts = [],
                Versions = mode == ReviewMode.DoubleBlind ? [.. s.Versions.Select(v => v with { Authors = [], Manuscript = v.Manuscript is null ? null : v.Manuscript with { EmbeddedAuthor = null } })] : s.Versions,
                Manuscript = mode == ReviewMode.DoubleBlind && s.Manuscript is not null ? s.Manuscript with { EmbeddedAuthor = null } : s.Manuscript,
                SubmittingAuthor = mode == ReviewMode.DoubleBlind ? Guid.Empty : s.SubmittingAuthor,
                MessageToAuthor = null
            }
        };
    }

    /// <summary>The reviewers a text meant for the authors names, unless review is open: the last guard on letters editors write by hand.</summary>
    public static IReadOnlyList<string> ReviewersNamedIn(string? text, Submission s, Journal? journal, IReadOnlyDictionary<Guid, string>? names) =>
        text is null || names is null || (journal?.ReviewMode ?? ReviewMode.SingleBlind) == ReviewMode.Open
            ? []
            : [.. s.Assignments.Select(a => names.GetValueOrDefault(a.Reviewer)).OfType<string>().Distinct()
                .Where(name => name.Trim().Length >= 3 && text.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase))];

    /// <summary>How the history names a person for this viewer: reviewers appear to authors as "Reviewer 2", authors to double-blind reviewers as "An author".</summary>
    public static IReadOnlyDictionary<Guid, string> NamesFor(Submission s, Journal? journal, Actor actor, IReadOnlyDictionary<Guid, string> names)
    {
        var seen = new Dictionary<Guid, string>(names);
        foreach (var (person, pseudonym) in PseudonymsFor(s, journal, actor)) seen[person] = pseudonym;
        return seen;
    }

    /// <summary>The people whose identity this viewer may not learn, with what they are called instead.</summary>
    public static IReadOnlyDictionary<Guid, string> PseudonymsFor(Submission s, Journal? journal, Actor actor)
    {
        var mode = journal?.ReviewMode ?? ReviewMode.SingleBlind;
        var viewer = ViewerOf(s, journal, actor);
        var hidden = new Dictionary<Guid, string>();
        if (viewer == Viewer.Author && mode != ReviewMode.Open)
            foreach (var a in s.Assignments) hidden[a.Reviewer] = $"Reviewer {a.ReviewerNumber}";
        if (viewer == Viewer.Reviewer)
        {
            if (mode == ReviewMode.DoubleBlind) hidden[s.SubmittingAuthor] = "An author";
            foreach (var other in s.Assignments.Where(a => a.Reviewer != actor.Account)) hidden[other.Reviewer] = $"Reviewer {other.ReviewerNumber}";
        }
        hidden.Remove(actor.Account);
        return hidden;
    }

    /// <summary>What facts say that this viewer never reads, even in a fact they may see: the editors' eyes-only parts.</summary>
    public static IReadOnlySet<string> HiddenDetails(Submission s, Journal? journal, Actor actor) => ViewerOf(s, journal, actor) switch
    {
        Viewer.Editor => new HashSet<string>(),
        Viewer.Author => new HashSet<string> { nameof(ReviewSubmitted.ConfidentialCommentsToEditor), nameof(InvitationDeclined.SuggestedReviewer) },
        _ => (journal?.ReviewMode ?? ReviewMode.SingleBlind) == ReviewMode.DoubleBlind
            ? new HashSet<string> { nameof(Submissions.ManuscriptFileAttached.EmbeddedAuthor), nameof(Submissions.AuthorsChanged.Authors), nameof(ReviewerPreferencesChanged.Preferences) }
            : new HashSet<string> { nameof(ReviewerPreferencesChanged.Preferences) }
    };

    /// <summary>Whether a fact of the history may be shown to this viewer at all.</summary>
    public static bool Shows(IHistoricalFact fact, Submission s, Journal? journal, Actor actor)
    {
        var viewer = ViewerOf(s, journal, actor);
        var mode = journal?.ReviewMode ?? ReviewMode.SingleBlind;
        return (viewer, fact) switch
        {
            (Viewer.Editor, _) => true,
            // What the editors weigh before a decision goes out is theirs alone.
            (_, DecisionRecommended or RecommendationReturned) => false,
            (Viewer.Author, ConflictDeclared) => false,
            // When each review came in would tell authors who is quick and who is not: they learn of reviews with the decision.
            (Viewer.Author, ReviewSubmitted f) => s.Assignments.FirstOrDefault(a => a.Id == f.Assignment) is { } reviewed
                && (reviewed.Round < s.Round || s.LastDecision is not null),
            (Viewer.Reviewer, ConflictDeclared f) => f.Person == actor.Account,
            // Invitations, answers and withdrawals are the editors' business; authors see reviews arrive and decisions.
            (Viewer.Author, ReviewerInvited or InvitationAccepted or InvitationDeclined or InvitationRescinded or DeadlineExtended or ReviewerReminded) => false,
            (Viewer.Reviewer, AuthorsChanged) => mode != ReviewMode.DoubleBlind,
            (Viewer.Reviewer, ReviewerPreferencesChanged) => false,
            (Viewer.Reviewer, ReviewerInvited f) => f.Reviewer == actor.Account,
            (Viewer.Reviewer, InvitationAccepted or InvitationDeclined or InvitationRescinded or ReviewSubmitted or DeadlineExtended or ReviewerReminded) =>
                s.Assignments.Any(a => a.Reviewer == actor.Account && AssignmentOf(fact) == a.Id),
            _ => true
        };
    }

    private static Guid? AssignmentOf(IHistoricalFact fact) => fact switch
    {
        InvitationAccepted f => f.Assignment,
        InvitationDeclined f => f.Assignment,
        InvitationRescinded f => f.Assignment,
        ReviewSubmitted f => f.Assignment,
        DeadlineExtended f => f.Assignment,
        ReviewerReminded f => f.Assignment,
        _ => null
    };
}
