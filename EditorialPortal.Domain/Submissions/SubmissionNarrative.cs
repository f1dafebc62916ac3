using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Triage;

namespace EditorialPortal.Domain.Submissions;

/// <summary>Tells a submission's facts in the words of the people who work with it.</summary>
public static class SubmissionNarrative
{
    public const string Submission = "submission";
    public const string Metadata = "metadata";
    public const string Files = "files";

    public const string Triage = "triage";
    public const string ReviewKind = "review";
    public const string Decisions = "decisions";

    /// <summary>The kind of a fact (for filtering) and what happened, without who did it.</summary>
    public static (string Kind, string Description) Tell(object fact, IReadOnlyDictionary<Guid, string> names) => fact switch
    {
        SubmissionStarted f => (Submission, $"started a submission ({f.Type.Describe().ToLowerInvariant()})"),
        TitleChanged f => (Metadata, f.Title.Length == 0 ? "removed the title" : $"changed the title to “{f.Title}”"),
        AbstractChanged f => (Metadata, f.Abstract.Length == 0 ? "removed the abstract" : $"changed the abstract ({SubmissionRules.WordCount(f.Abstract)} words)"),
        KeywordsChanged f => (Metadata, f.Keywords.Count == 0 ? "removed the keywords" : $"set the keywords: {string.Join(", ", f.Keywords)}"),
        AuthorsChanged f => (Metadata, $"listed the authors: {string.Join(", ", f.Authors.Select(a => a.IsCorresponding ? $"{a.Name} (corresponding)" : a.Name))}"),
        ReviewerPreferencesChanged f => (Metadata, $"suggested {f.Preferences.Count(p => !p.Opposed)} and opposed {f.Preferences.Count(p => p.Opposed)} reviewers"),
        ManuscriptFileAttached f => (Files, $"attached the manuscript file {f.FileName} ({FileSize(f.Size)}) to version {f.ManuscriptVersion}"),
        ManuscriptSubmitted f => (Submission, $"submitted version {f.ManuscriptVersion} of the manuscript"),
        SubmissionReturnedToAuthor f => (Triage, $"returned the manuscript to its author: “{f.Message}”"),
        SubmissionDeskRejected => (Triage, "rejected the manuscript at the desk"),
        HandlingEditorAssigned f => (Triage, $"assigned {names.GetValueOrDefault(f.Editor, "an editor")} as handling editor"),
        ReviewerInvited f => (ReviewKind, $"invited {names.GetValueOrDefault(f.Reviewer, "a reviewer")} to review round {f.Round}, due {f.ReviewDue:d MMMM yyyy}"),
        InvitationAccepted => (ReviewKind, "accepted the invitation to review"),
        InvitationDeclined f => (ReviewKind, f.Reason is { } reason ? $"declined the invitation to review: “{reason}”" : "declined the invitation to review"),
        InvitationRescinded => (ReviewKind, "withdrew an invitation to review"),
        ReviewSubmitted => (ReviewKind, "submitted a review"),
        RevisionSubmitted f => (Submission, $"submitted version {f.ManuscriptVersion} of the manuscript, a revision for round {f.Round}"),
        WithdrawalRequested f => (Submission, $"asked to withdraw the manuscript: “{f.Reason}”"),
        SubmissionWithdrawn => (Submission, "confirmed the withdrawal of the manuscript"),
        DecisionRecorded f => (Decisions, $"decided: {f.Decision.Describe().ToLowerInvariant()} (round {f.Round})"),
        DecisionRecommended f => (Decisions, $"recommended: {f.Decision.Describe().ToLowerInvariant()} (round {f.Round}), for the editor-in-chief to confirm"),
        RecommendationReturned f => (Decisions, $"returned the recommended decision: “{f.Reason}”"),
        DecisionRescinded f => (Decisions, $"rescinded the decision ({f.Decision.Describe().ToLowerInvariant()}, round {f.Round}): “{f.Reason}”"),
        ConflictDeclared f => (ReviewKind, $"declared a conflict of interest: “{f.Reason}”"),
        DeadlineExtended f => (ReviewKind, $"extended a reviewer's deadlines: answer by {f.RespondBy:d MMMM yyyy}, review due {f.ReviewDue:d MMMM yyyy}"),
        ReviewerReminded f => (ReviewKind, $"sent {f.Kind.Describe()}"),
        _ => ("other", fact.GetType().Name)
    };

    /// <summary>Everyone a fact names, so that the history can call them by name.</summary>
    public static IEnumerable<Guid> PeopleNamedIn(IHistoricalFact fact) => fact switch
    {
        HandlingEditorAssigned f => [f.By, f.Editor],
        ReviewerInvited f => [f.By, f.Reviewer],
        _ => [fact.By]
    };

    /// <summary>The history as <paramref name="actor"/> may read it: only the facts they may learn of, naming people as they may know them.</summary>
    public static IReadOnlyList<HistoryEntry> HistoryAsSeenBy(IEnumerable<(long Version, IHistoricalFact Fact)> facts, Submission state, Journal? journal,
        Actor actor, IReadOnlyDictionary<Guid, string> names) =>
        [.. History(facts.Where(f => Blinding.Shows(f.Fact, state, journal, actor)), Blinding.NamesFor(state, journal, actor, names))
            .Select(e => Blinding.PseudonymsFor(state, journal, actor).ContainsKey(e.By) ? e with { By = Guid.Empty } : e)];

    /// <summary>A stream's facts (with their versions) as history entries, naming who did each.</summary>
    public static IReadOnlyList<HistoryEntry> History(IEnumerable<(long Version, IHistoricalFact Fact)> facts, IReadOnlyDictionary<Guid, string> names) =>
        [.. facts.Select(f =>
        {
            var (kind, description) = Tell(f.Fact, names);
            var who = f.Fact.By == Actor.System.Account ? Actor.System.Name : names.GetValueOrDefault(f.Fact.By, "Someone");
            return new HistoryEntry(f.Version, f.Fact.At, f.Fact.By, who, kind, description);
        })];

    /// <summary>In what capacity someone acts on a submission: recorded with each fact, as it stood when they acted.</summary>
    public static string RoleOf(Guid person, Submission? s, Journal? journal)
    {
        if (person == Actor.System.Account) return "the portal";
        if (s is null || s.SubmittingAuthor == person) return "author";
        if (s.HandlingEditor == person) return "handling editor";
        if (s.Assignments.Any(a => a.Reviewer == person)) return "reviewer";
        return journal?.RolesOf(person).Order().Select(r => r.Describe().ToLowerInvariant()).FirstOrDefault() ?? "someone";
    }

    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB"
    };
}
