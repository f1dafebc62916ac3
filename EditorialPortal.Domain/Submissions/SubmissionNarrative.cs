using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;

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

    /// <summary>The kind of a fact (for filtering) and what happened, without who did it, in the words of its use case.</summary>
    /// <param name="mayRead">Whether the reader may read a field of the fact (see <see cref="TextAudiences"/>); a text they may not is left out of the telling.</param>
    public static (string Kind, string Description) Tell(object fact, IReadOnlyDictionary<Guid, string> names, Func<string, bool>? mayRead = null)
    {
        var useCase = SubmissionUseCases.All.Facts.For(fact.GetType());
        return (useCase.Kind, useCase.Tell(fact, new Telling(names, mayRead ?? (_ => true))));
    }

    /// <summary>The kinds a fact is told as, for filtering a history.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Submission, Metadata, Files, Triage, ReviewKind, Decisions];

    /// <summary>Everyone a fact names, so that the history can call them by name.</summary>
    public static IEnumerable<Guid> PeopleNamedIn(IHistoricalFact fact) => SubmissionUseCases.All.Facts.For(fact.GetType()).Named(fact);

    /// <summary>The history as <paramref name="actor"/> may read it: only the facts they may learn of, naming people as they may know them.</summary>
    public static IReadOnlyList<HistoryEntry> HistoryAsSeenBy(IEnumerable<(long Version, IHistoricalFact Fact)> facts, Submission state, Journal? journal,
        Actor actor, IReadOnlyDictionary<Guid, string> names) =>
        [.. History(facts.Where(f => Blinding.Shows(f.Fact, state, journal, actor)), Blinding.NamesFor(state, journal, actor, names),
                fact => Blinding.HiddenFields(fact, state, journal, actor))
            .Select(e => Blinding.PseudonymsFor(state, journal, actor).ContainsKey(e.By) ? e with { By = Guid.Empty } : e)];

    /// <summary>A stream's facts (with their versions) as history entries, naming who did each.</summary>
    /// <param name="hiddenFrom">The fields of each fact its reader may not read; none when omitted.</param>
    public static IReadOnlyList<HistoryEntry> History(IEnumerable<(long Version, IHistoricalFact Fact)> facts, IReadOnlyDictionary<Guid, string> names,
        Func<IHistoricalFact, IReadOnlySet<string>>? hiddenFrom = null) =>
        [.. facts.Select(f =>
        {
            var hidden = hiddenFrom?.Invoke(f.Fact);
            var (kind, description) = Tell(f.Fact, names, hidden is null ? null : field => !hidden.Contains(field));
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
