using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Production;

/// <summary>One article on the production dashboard: where it is, since when, and when its open work is due.</summary>
/// <param name="NextDue">The earliest due date of its open tasks; null when none is open.</param>
public sealed record ProductionQueueItem(Guid Submission, string Title, string CorrespondingAuthor, ProductionStep Step, DateTimeOffset StepSince,
    DateTimeOffset? NextDue, bool Overdue)
{
    public static ProductionQueueItem Of(ArticleProduction p, DateTimeOffset now)
    {
        var due = ProductionAccess.OpenTasks(p).Select(t => (DateTimeOffset?)t.Due).Min();
        return new(p.Submission, p.Title, p.Authors.FirstOrDefault(a => a.IsCorresponding)?.Name ?? "", p.Step, p.StepSince, due, due < now);
    }
}

/// <summary>The production dashboard of one journal: how many articles are at each step and how many are overdue, and one page of them.</summary>
public sealed record ProductionDashboard(IReadOnlyDictionary<ProductionStep, int> Counts, int Overdue, Page<ProductionQueueItem> Articles);

/// <summary>Something of an article's production that waits for the actor.</summary>
/// <param name="What">The task in words: "Copyedit 1", "Review the copyedits", "Proofs, round 2".</param>
public sealed record ProductionTaskItem(Guid Submission, string Title, string What, DateTimeOffset? Due, bool Overdue);

/// <summary>What the screens and the API read about production. Every query answers only what the actor may see.</summary>
public interface IProductionQueries
{
    /// <summary>The production of the accepted manuscript, or null if it has none the actor may see.</summary>
    Task<ArticleProduction?> OfSubmission(Guid submission, Actor actor);

    /// <summary>The journal's production dashboard at one step (all steps but finished ones when none), or null unless the actor is its production staff.</summary>
    /// <param name="overdueOnly">Only articles with a task past its date.</param>
    Task<ProductionDashboard?> Dashboard(Guid journal, ProductionStep? step, bool overdueOnly, int pageNumber, int pageSize, Actor actor, DateTimeOffset now);

    /// <summary>Everything of production that waits for the actor: their copyedits, rounds and proofs, and, as author, the copyedits to review.</summary>
    Task<IReadOnlyList<ProductionTaskItem>> TasksOf(Actor actor, DateTimeOffset now);

    /// <summary>The production's facts told in domain words, oldest first, or null if the actor may not see it.</summary>
    Task<IReadOnlyList<HistoryEntry>?> History(Guid submission, Actor actor);

    /// <summary>Accepted manuscripts with no production, which the portal begins: those accepted before production was part of it.</summary>
    Task<IReadOnlyList<(Guid Submission, Guid Journal)>> AcceptedWithoutProduction(int take);

    /// <summary>The productions the portal reminds about: open ones, after <paramref name="after"/>, in id order.</summary>
    Task<IReadOnlyList<(ArticleProduction Production, Journal Journal)>> Open(Guid? after, int take);
}

/// <summary>
/// Who sees an article's production. From acceptance on, the production staff and the authors work with names; the
/// journal's editors and record keepers follow it; reviewers learn nothing new.
/// </summary>
public static class ProductionAccess
{
    public static bool IsAuthor(this ArticleProduction p, Actor actor) =>
        p.SubmittingAuthor == actor.Account || (!actor.IsSystem && p.Authors.Any(a => EmailAddress.Same(a.Email, actor.Email)));

    public static bool IsStaff(this ArticleProduction p, Actor actor, Journal? journal) =>
        journal is not null && journal.Id == p.Journal && journal.RolesOf(actor.Account).Any(JournalRoles.Production.Contains);

    public static bool MaySee(this ArticleProduction p, Actor actor, Journal? journal) =>
        p.IsAuthor(actor) || p.IsStaff(actor, journal) || p.Assignees.Contains(actor.Account)
        || (journal is not null && journal.Id == p.Journal && (journal.IsEditor(actor.Account) || journal.KeepsRecord(actor.Account)));

    /// <summary>The open tasks of the article: who holds each, what it is, and when it is due.</summary>
    public static IEnumerable<(Guid Task, Guid Holder, string What, DateTimeOffset Due)> OpenTasks(ArticleProduction p) =>
        p.Stopped || p.ReadyAt is not null ? []
        : p.Copyedits.Where(c => !c.Done).Select(c => (c.Id, c.Assignee, $"Copyedit {c.Number}", c.Due))
            .Concat(p.Rounds.Where(r => !r.Done).Select(r => (r.Id, r.Typesetter, $"Typesetting, round {r.Number}", r.Due)))
            .Concat(p.Proofs.Where(t => t.Status == ProofStatus.Waiting).Select(t => (t.Id, t.Reader, $"Proofs, round {t.Number}", t.Due)));

    /// <summary>How many reminders of the task have gone out.</summary>
    public static int RemindersOf(ArticleProduction p, Guid task) =>
        (p.Copyedit(task)?.Reminders ?? p.Round(task)?.Reminders ?? p.Proof(task)?.Reminders ?? []).Count;

    /// <summary>A production's facts, with their versions, as history entries naming who did each.</summary>
    public static IReadOnlyList<HistoryEntry> Told(IEnumerable<(long Version, IHistoricalFact Fact)> facts, IReadOnlyDictionary<Guid, string> names) =>
        HistoryEntry.Told(facts, names, ProductionNarrative.Tell);

    /// <summary>What of the article waits for this person now.</summary>
    public static IEnumerable<ProductionTaskItem> WaitingFor(ArticleProduction p, Actor actor, DateTimeOffset now)
    {
        foreach (var (_, holder, what, due) in OpenTasks(p).Where(t => t.Holder == actor.Account))
            yield return new ProductionTaskItem(p.Submission, p.Title, what, due, due < now);
        if (!p.Stopped && p.SubmittingAuthor == actor.Account && p.AuthorReview.Status == CopyeditReviewStatus.Waiting)
            yield return new ProductionTaskItem(p.Submission, p.Title, "Review the copyedits", null, false);
    }
}

/// <summary>The production dashboard, worked out from a journal's productions as the adapters load them.</summary>
public static class ProductionDashboards
{
    /// <summary>The steps the dashboard shows, in the order work goes through them.</summary>
    public static readonly IReadOnlyList<ProductionStep> Steps =
        [ProductionStep.Copyediting, ProductionStep.WithTheAuthor, ProductionStep.Typesetting, ProductionStep.InProof, ProductionStep.Finishing, ProductionStep.ReadyToPublish];

    public static ProductionDashboard Of(IReadOnlyCollection<ArticleProduction> productions, ProductionStep? step, bool overdueOnly, int pageNumber, int pageSize, DateTimeOffset now)
    {
        var items = productions.Where(p => !p.Stopped).Select(p => ProductionQueueItem.Of(p, now)).ToList();
        var chosen = items.Where(i => (step is null ? i.Step != ProductionStep.ReadyToPublish : i.Step == step) && (!overdueOnly || i.Overdue))
            .OrderBy(i => i.StepSince).ThenBy(i => i.Submission).ToList();
        var size = Math.Clamp(pageSize, 1, 100);
        var number = Math.Max(pageNumber, 1);
        return new ProductionDashboard(Steps.ToDictionary(s => s, s => items.Count(i => i.Step == s)), items.Count(i => i.Overdue),
            new Page<ProductionQueueItem>([.. chosen.Skip((number - 1) * size).Take(size)], chosen.Count, number, size));
    }

    public static string Describe(this ProductionStep step) => step switch
    {
        ProductionStep.Copyediting => "To copyedit",
        ProductionStep.WithTheAuthor => "With the author",
        ProductionStep.Typesetting => "Typesetting",
        ProductionStep.InProof => "In proof",
        ProductionStep.Finishing => "Approved: details to finish",
        ProductionStep.ReadyToPublish => "Ready to publish",
        _ => "Stopped"
    };
}
