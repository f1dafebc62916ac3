using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Publication;
using Marten;

namespace EditorialPortal.Records;

/// <summary>Issues on Marten: a journal's archive by its indexed journal column, and the issues the publishing round is due to act on.</summary>
public sealed class MartenIssueQueries(IDocumentStore store) : IIssueQueries
{
    public async Task<JournalIssue?> Issue(Guid issue)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<JournalIssue>(issue);
    }

    public async Task<IReadOnlyList<JournalIssue>> IssuesOf(Guid journal, bool publishedOnly)
    {
        await using var session = store.QuerySession();
        var query = session.Query<JournalIssue>().Where(i => i.Journal == journal);
        if (publishedOnly) query = query.Where(i => i.Status == IssueStatus.Published);
        return await query.OrderByDescending(i => i.Volume).ThenByDescending(i => i.Number).ToListAsync();
    }

    public async Task<IReadOnlyList<Domain.Submissions.HistoryEntry>> History(Guid issue)
    {
        await using var session = store.QuerySession();
        var facts = (await session.Events.FetchStreamAsync(issue)).Where(e => e.Data is IIssueFact).Select(e => (e.Version, Fact: (Domain.Common.IHistoricalFact)e.Data)).ToList();
        var names = (await session.LoadManyAsync<Domain.People.Account>(facts.Select(f => f.Fact.By).Distinct())).ToDictionary(a => a.Id, a => a.Name);
        return IssueFacts.Told(facts, names);
    }

    public async Task<JournalIssue?> CurrentIssue(Guid journal)
    {
        await using var session = store.QuerySession();
        return await session.Query<JournalIssue>().Where(i => i.Journal == journal && i.Status == IssueStatus.Published)
            .OrderByDescending(i => i.Volume).ThenByDescending(i => i.Number).FirstOrDefaultAsync();
    }

    public async Task<IReadOnlyList<PublishedArticle>> PublicAmong(IReadOnlyList<Guid> articles)
    {
        if (articles.Count == 0) return [];
        await using var session = store.QuerySession();
        var found = (await session.LoadManyAsync<PublishedArticle>(articles)).Where(a => a.IsPublic).ToDictionary(a => a.Id);
        return [.. articles.Where(found.ContainsKey).Select(id => found[id])];
    }

    public async Task<IReadOnlyList<Guid>> IssuesDue(DateTimeOffset now)
    {
        await using var session = store.QuerySession();
        return await session.Query<JournalIssue>().Where(i => i.Status == IssueStatus.Scheduled && i.ScheduledFor <= now).OrderBy(i => i.ScheduledFor)
            .Select(i => i.Id).Take(100).ToListAsync();
    }

    public async Task<IReadOnlyList<JournalIssue>> PublishedSince(DateTimeOffset since)
    {
        await using var session = store.QuerySession();
        return await session.Query<JournalIssue>().Where(i => i.Status == IssueStatus.Published && i.PublishedAt >= since).ToListAsync();
    }
}
