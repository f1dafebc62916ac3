using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Submissions;
using Marten;

namespace EditorialPortal.Records;

/// <summary>The production read side on Marten: the productions of accepted manuscripts, kept inline with their facts.</summary>
public sealed class MartenProductionQueries(IDocumentStore store) : IProductionQueries
{
    public async Task<ArticleProduction?> OfSubmission(Guid submission, Actor actor)
    {
        await using var session = store.QuerySession();
        var production = await session.LoadAsync<ArticleProduction>(ArticleProduction.StreamOf(submission));
        if (production is null) return null;
        return production.MaySee(actor, await session.LoadAsync<Journal>(production.Journal)) ? production : null;
    }

    public async Task<ProductionDashboard?> Dashboard(Guid journal, ProductionStep? step, bool overdueOnly, int pageNumber, int pageSize, Actor actor, DateTimeOffset now)
    {
        await using var session = store.QuerySession();
        var staffed = await session.LoadAsync<Journal>(journal);
        if (staffed is null || !staffed.RolesOf(actor.Account).Any(JournalRoles.Production.Contains)) return null;
        // A journal's articles in production are few beside its submissions: they are read whole and grouped here.
        var productions = await session.Query<ArticleProduction>().Where(p => p.Journal == journal && !p.Stopped).ToListAsync();
        return ProductionDashboards.Of(productions, step, overdueOnly, pageNumber, pageSize, now);
    }

    public async Task<IReadOnlyList<ProductionTaskItem>> TasksOf(Actor actor, DateTimeOffset now)
    {
        await using var session = store.QuerySession();
        var account = actor.Account;
        var mine = await session.Query<ArticleProduction>()
            .Where(p => !p.Stopped && p.ReadyAt == null)
            .Where(p => p.SubmittingAuthor == account || p.Copyedits.Any(c => c.Assignee == account) || p.Rounds.Any(r => r.Typesetter == account)
                || p.Proofs.Any(t => t.Reader == account))
            .OrderBy(p => p.StepSince).Take(500).ToListAsync();
        return [.. mine.SelectMany(p => ProductionAccess.WaitingFor(p, actor, now)).OrderBy(t => t.Due ?? DateTimeOffset.MaxValue)];
    }

    public async Task<IReadOnlyList<HistoryEntry>?> History(Guid submission, Actor actor)
    {
        await using var session = store.QuerySession();
        var production = await session.LoadAsync<ArticleProduction>(ArticleProduction.StreamOf(submission));
        if (production is null || !production.MaySee(actor, await session.LoadAsync<Journal>(production.Journal))) return null;
        var facts = (await session.Events.FetchStreamAsync(production.Id)).Where(e => e.Data is IHistoricalFact).Select(e => (e.Version, Fact: (IHistoricalFact)e.Data)).ToList();
        var people = facts.SelectMany(f => ProductionNarrative.PeopleNamedIn(f.Fact)).Distinct().ToList();
        var names = (await session.LoadManyAsync<Account>(people)).ToDictionary(a => a.Id, a => a.Name);
        return ProductionAccess.Told(facts, names);
    }

    public async Task<IReadOnlyList<(Guid Submission, Guid Journal)>> AcceptedWithoutProduction(int take)
    {
        await using var session = store.QuerySession();
        var accepted = await session.Query<Submission>().Where(s => s.Status == SubmissionStatus.Accepted).OrderBy(s => s.Id).Select(s => new { s.Id, s.Journal }).ToListAsync();
        var begun = new HashSet<Guid>();
        foreach (var chunk in accepted.Chunk(500))
            foreach (var production in await session.LoadManyAsync<ArticleProduction>(chunk.Select(a => ArticleProduction.StreamOf(a.Id))))
                begun.Add(production.Submission);
        return [.. accepted.Where(a => !begun.Contains(a.Id)).Take(take).Select(a => (a.Id, a.Journal))];
    }

    public async Task<IReadOnlyList<(ArticleProduction Production, Journal Journal)>> Open(Guid? after, int take)
    {
        await using var session = store.QuerySession();
        var query = session.Query<ArticleProduction>().Where(p => !p.Stopped && p.ReadyAt == null);
        if (after is { } last) query = query.Where(p => p.Id.CompareTo(last) > 0);
        var productions = await query.OrderBy(p => p.Id).Take(take).ToListAsync();
        var journals = (await session.LoadManyAsync<Journal>(productions.Select(p => p.Journal).Distinct())).ToDictionary(j => j.Id);
        return [.. productions.Where(p => journals.ContainsKey(p.Journal)).Select(p => (p, journals[p.Journal]))];
    }
}
