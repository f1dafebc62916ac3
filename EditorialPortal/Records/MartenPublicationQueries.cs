using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;
using Marten;

namespace EditorialPortal.Records;

/// <summary>The publication read side on Marten: published articles for readers, and their publication for the staff who see the production.</summary>
public sealed class MartenPublicationQueries(IDocumentStore store) : IPublicationQueries
{
    public async Task<PublishedArticle?> Published(Guid article)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<PublishedArticle>(article) is { IsPublic: true } published ? published : null;
    }

    public async Task<PublishedArticle?> Unpublished(Guid article)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<PublishedArticle>(article) is { Status: PublicationStatus.Unpublished } removed ? removed : null;
    }

    // Keyset paging on (published_at, id): a page deep in the archive starts at its place in the index, not after the rows before it.
    public async Task<ArchivePage> PublishedIn(Guid journal, ArchivePlace? from, int size)
    {
        await using var session = store.QuerySession();
        var total = await session.Query<PublishedArticle>().CountAsync(a => a.Journal == journal && a.Status == PublicationStatus.Published);
        const string Published = "journal = ? and status = ?";
        var read = from switch
        {
            null => await session.QueryAsync<PublishedArticle>($"where {Published} order by published_at desc, id desc limit ?", journal, nameof(PublicationStatus.Published), size + 1),
            { Older: true } => await session.QueryAsync<PublishedArticle>($"where {Published} and (published_at, id) < (?, ?) order by published_at desc, id desc limit ?",
                journal, nameof(PublicationStatus.Published), from.PublishedAt, from.Article, size + 1),
            _ => [.. (await session.QueryAsync<PublishedArticle>($"where {Published} and (published_at, id) > (?, ?) order by published_at, id limit ?",
                journal, nameof(PublicationStatus.Published), from.PublishedAt, from.Article, size + 1)).Reverse()]
        };
        return ArchivePage.Of(read, from, size, total);
    }


    public async Task<Journal?> JournalAt(string address)
    {
        await using var session = store.QuerySession();
        return Guid.TryParse(address, out var id)
            ? await session.LoadAsync<Journal>(id)
            : await session.Query<Journal>().FirstOrDefaultAsync(j => j.Publication.Path == address);
    }

    public async Task<PublishedArticle?> OfSubmission(Guid submission, Actor actor)
    {
        await using var session = store.QuerySession();
        return await Seen(session, submission, actor);
    }

    private static async Task<PublishedArticle?> Seen(IQuerySession session, Guid submission, Actor actor)
    {
        var production = await session.LoadAsync<ArticleProduction>(ArticleProduction.StreamOf(submission));
        if (production is null || !production.MaySee(actor, await session.LoadAsync<Journal>(production.Journal))) return null;
        return await session.LoadAsync<PublishedArticle>(PublishedArticle.StreamOf(submission));
    }

    public async Task<IReadOnlyList<HistoryEntry>?> History(Guid submission, Actor actor)
    {
        await using var session = store.QuerySession();
        if (await Seen(session, submission, actor) is not { } article) return null;
        var facts = (await session.Events.FetchStreamAsync(article.Id)).Where(e => e.Data is IHistoricalFact).Select(e => (e.Version, Fact: (IHistoricalFact)e.Data)).ToList();
        var names = (await session.LoadManyAsync<Account>(facts.Select(f => f.Fact.By).Distinct())).ToDictionary(a => a.Id, a => a.Name);
        return PublicationNotices.Told(facts, names);
    }

    public async Task<IReadOnlyList<Guid>> DueForPublication(DateTimeOffset now)
    {
        await using var session = store.QuerySession();
        return await session.Query<PublishedArticle>().Where(a => a.Status == PublicationStatus.Scheduled && a.ScheduledFor <= now)
            .OrderBy(a => a.ScheduledFor).Select(a => a.Id).Take(500).ToListAsync();
    }

    public async Task<bool> DoiTaken(string doi)
    {
        await using var session = store.QuerySession();
        return await session.Query<PublishedArticle>().AnyAsync(a => a.Doi == doi || a.Notices.Any(n => n.Doi == doi));
    }

    public async Task<(IReadOnlyList<PublishedArticle> Articles, long Total)> Changed(Guid? journal, DateTimeOffset? from, DateTimeOffset? until, int skip, int take)
    {
        await using var session = store.QuerySession();
        var query = session.Query<PublishedArticle>().Where(a => a.Status == PublicationStatus.Published || a.Status == PublicationStatus.Unpublished);
        if (journal is { } j) query = query.Where(a => a.Journal == j);
        if (from is { } start) query = query.Where(a => a.LastChangedAt >= start);
        if (until is { } end) query = query.Where(a => a.LastChangedAt <= end);
        var total = await query.CountAsync();
        var articles = await query.OrderBy(a => a.LastChangedAt).ThenBy(a => a.Id).Skip(skip).Take(take).ToListAsync();
        return (articles, total);
    }

    public async Task<IReadOnlyList<PublishedArticle>> DepositsDue(DateTimeOffset now, int take)
    {
        await using var session = store.QuerySession();
        return await session.Query<PublishedArticle>().Where(a => a.DepositDue != null && a.DepositDue <= now).OrderBy(a => a.DepositDue).Take(take).ToListAsync();
    }

    public async Task<IReadOnlyList<PublishedArticle>> ReportsDue(DateTimeOffset now, int take)
    {
        await using var session = store.QuerySession();
        return await session.Query<PublishedArticle>().Where(a => a.ReportDue != null && a.ReportDue <= now).OrderBy(a => a.ReportDue).Take(take).ToListAsync();
    }

    public async Task<long> PublishedCount()
    {
        await using var session = store.QuerySession();
        return await session.Query<PublishedArticle>().CountAsync(a => a.Status == PublicationStatus.Published);
    }

    public async Task<SearchResults> Search(ArticleSearch search)
    {
        await using var session = store.QuerySession();
        return await ArticleSearchIndex.Search(session, search);
    }

    public async Task<IReadOnlyList<(Guid Article, DateTimeOffset Changed)>> PublishedAddresses(int page, int size)
    {
        await using var session = store.QuerySession();
        var addresses = await session.Query<PublishedArticle>().Where(a => a.Status == PublicationStatus.Published).OrderBy(a => a.Id)
            .Skip((page - 1) * size).Take(size).Select(a => new { a.Id, a.LastChangedAt }).ToListAsync();
        return [.. addresses.Select(a => (a.Id, a.LastChangedAt))];
    }

    public async Task<int> DoisIn(Guid journal)
    {
        await using var session = store.QuerySession();
        return await session.Query<PublishedArticle>().CountAsync(a => a.Journal == journal && a.Doi != null);
    }
}
