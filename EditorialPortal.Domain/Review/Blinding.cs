using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Conflicts;
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
                IntegrityConcerns = [],
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
                IntegrityConcerns = [],
                Versions = [.. s.Versions.Select(v => v with { Authors = mode == ReviewMode.DoubleBlind ? [] : v.Authors, Manuscript = ForReviewers(v.Manuscript) })],
                Manuscript = ForReviewers(s.Manuscript),
                SubmittingAuthor = mode == ReviewMode.DoubleBlind ? Guid.Empty : s.SubmittingAuthor,
                MessageToAuthor = null,
                WithdrawalReason = null
            }
        };
    }

    /// <summary>The name a reviewer receives a manuscript file under: the author's own name for it often names the author.</summary>
    public static string NeutralFileName(ManuscriptFile file) =>
        $"manuscript-v{file.ForVersion}{(file.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? ".pdf" : "")}";

    private static ManuscriptFile? ForReviewers(ManuscriptFile? file) =>
        file is null ? null : file with { FileName = NeutralFileName(file), EmbeddedAuthor = null, Anonymised = true };

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

    /// <summary>
    /// The fields of a fact this viewer never reads, even in a fact they may see: its texts outside their audience
    /// (<see cref="TextAudiences"/>), and in double-blind review whatever names the authors.
    /// </summary>
    public static IReadOnlySet<string> HiddenFields(IHistoricalFact fact, Submission s, Journal? journal, Actor actor)
    {
        var viewer = ViewerOf(s, journal, actor);
        if (viewer == Viewer.Editor) return new HashSet<string>();
        var concernsThem = ConcernsThem(fact, s, actor);
        var hidden = fact.GetType().GetProperties().Where(p => TextAudiences.IsText(p.PropertyType))
            .Select(p => p.Name).Where(field => !TextAudiences.MayRead(fact.GetType(), field, viewer, concernsThem)).ToHashSet();
        if (viewer == Viewer.Reviewer && fact is ReviewerPreferencesChanged) hidden.Add(nameof(ReviewerPreferencesChanged.Preferences));
        if (viewer == Viewer.Reviewer && fact is AuthorsChanged && (journal?.ReviewMode ?? ReviewMode.SingleBlind) == ReviewMode.DoubleBlind)
            hidden.Add(nameof(AuthorsChanged.Authors));
        return hidden;
    }

    /// <summary>Whether the fact is about the viewer themselves: their own invitation, or the conflict they declared.</summary>
    private static bool ConcernsThem(IHistoricalFact fact, Submission s, Actor actor) =>
        fact is ConflictDeclared declared ? declared.Person == actor.Account
        : fact is IAboutAnInvitation about && s.Assignments.Any(a => a.Id == about.Assignment && a.Reviewer == actor.Account);

    /// <summary>Whether a fact of the history may be shown to this viewer at all: editors see every fact, others what its use case shows them.</summary>
    public static bool Shows(IHistoricalFact fact, Submission s, Journal? journal, Actor actor) =>
        ViewerOf(s, journal, actor) is var viewer && (viewer == Viewer.Editor
            || SubmissionUseCases.All.Facts.For(fact.GetType()).Shown(fact, new Viewing(viewer, s, journal?.ReviewMode ?? ReviewMode.SingleBlind, actor)));
}
