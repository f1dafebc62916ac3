using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Tests.Direct;

/// <summary>The publication read side in memory, answering as the Marten one does.</summary>
public sealed partial class InMemoryEditorialRecord
{
    public Task<PublishedArticle?> Published(Guid article)
    {
        lock (_gate) return Task.FromResult(Documents<PublishedArticle>().GetValueOrDefault(article) is { IsPublic: true } published ? published : null);
    }

    public Task<PublishedArticle?> Unpublished(Guid article)
    {
        lock (_gate) return Task.FromResult(Documents<PublishedArticle>().GetValueOrDefault(article) is { Status: PublicationStatus.Unpublished } removed ? removed : null);
    }

    public Task<ArchivePage> PublishedIn(Guid journal, ArchivePlace? from, int size)
    {
        lock (_gate)
        {
            var newestFirst = Documents<PublishedArticle>().Values.Where(a => a.Journal == journal && a.IsPublic)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).ToList();
            var key = (PublishedArticle a) => (a.PublishedAt ?? a.ReadyAt, a.Id);
            var read = from switch
            {
                null => newestFirst.Take(size + 1).ToList(),
                { Older: true } => newestFirst.Where(a => Before(key(a), (from.PublishedAt, from.Article))).Take(size + 1).ToList(),
                _ => newestFirst.Where(a => Before((from.PublishedAt, from.Article), key(a))).TakeLast(size + 1).ToList()
            };
            return Task.FromResult(ArchivePage.Of(read, from, size, newestFirst.Count));
        }
    }

    // PostgreSQL's row comparison of (published_at, id), whose uuids compare as their bytes in order.
    private static bool Before((DateTimeOffset At, Guid Id) a, (DateTimeOffset At, Guid Id) b) =>
        a.At < b.At || a.At == b.At && string.CompareOrdinal(a.Id.ToString("N"), b.Id.ToString("N")) < 0;

    public Task<Journal?> JournalAt(string address)
    {
        lock (_gate)
            return Task.FromResult(Guid.TryParse(address, out var id) ? _journals.GetValueOrDefault(id) : _journals.Values.FirstOrDefault(j => j.Publication.Path == address));
    }

    private PublishedArticle? SeenBy(Guid submission, Actor actor)
    {
        var production = Documents<ArticleProduction>().GetValueOrDefault(ArticleProduction.StreamOf(submission));
        return production is not null && production.MaySee(actor, _journals.GetValueOrDefault(production.Journal))
            ? Documents<PublishedArticle>().GetValueOrDefault(PublishedArticle.StreamOf(submission))
            : null;
    }

    Task<PublishedArticle?> IPublicationQueries.OfSubmission(Guid submission, Actor actor)
    {
        lock (_gate) return Task.FromResult(SeenBy(submission, actor));
    }

    Task<IReadOnlyList<HistoryEntry>?> IPublicationQueries.History(Guid submission, Actor actor)
    {
        lock (_gate)
        {
            if (SeenBy(submission, actor) is not { } article) return Task.FromResult<IReadOnlyList<HistoryEntry>?>(null);
            var facts = _streams[article.Id].Select((fact, i) => ((long)i + 1, fact)).ToList();
            var names = facts.Select(f => f.fact.By).Distinct().Where(_accounts.ContainsKey).ToDictionary(a => a, a => _accounts[a].Name);
            return Task.FromResult<IReadOnlyList<HistoryEntry>?>(PublicationNotices.Told(facts, names));
        }
    }

    public Task<IReadOnlyList<Guid>> DueForPublication(DateTimeOffset now)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<Guid>>([.. Documents<PublishedArticle>().Values
                .Where(a => a.Status == PublicationStatus.Scheduled && a.ScheduledFor <= now).OrderBy(a => a.ScheduledFor).Select(a => a.Id)]);
    }

    public Task<bool> DoiTaken(string doi)
    {
        lock (_gate) return Task.FromResult(Documents<PublishedArticle>().Values.Any(a => a.Doi == doi || a.Notices.Any(n => n.Doi == doi)));
    }

    public Task<(IReadOnlyList<PublishedArticle> Articles, long Total)> Changed(Guid? journal, DateTimeOffset? from, DateTimeOffset? until, int skip, int take)
    {
        lock (_gate)
        {
            var changed = Documents<PublishedArticle>().Values
                .Where(a => a.IsHarvested && (journal is null || a.Journal == journal) && (from is null || a.LastChangedAt >= from) && (until is null || a.LastChangedAt <= until))
                .OrderBy(a => a.LastChangedAt).ThenBy(a => a.Id).ToList();
            return Task.FromResult<(IReadOnlyList<PublishedArticle>, long)>(([.. changed.Skip(skip).Take(take)], changed.Count));
        }
    }

    public Task<IReadOnlyList<PublishedArticle>> DepositsDue(DateTimeOffset now, int take)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<PublishedArticle>>([.. Documents<PublishedArticle>().Values.Where(a => a.DepositDue <= now).OrderBy(a => a.DepositDue).Take(take)]);
    }

    public Task<long> PublishedCount()
    {
        lock (_gate) return Task.FromResult((long)Documents<PublishedArticle>().Values.Count(a => a.IsPublic));
    }

    public Task<IReadOnlyList<PublishedArticle>> ReportsDue(DateTimeOffset now, int take)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<PublishedArticle>>([.. Documents<PublishedArticle>().Values.Where(a => a.ReportDue <= now).OrderBy(a => a.ReportDue).Take(take)]);
    }

    public Task<IReadOnlyList<(Guid Article, DateTimeOffset Changed)>> PublishedAddresses(int page, int size)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<(Guid, DateTimeOffset)>>([.. Documents<PublishedArticle>().Values.Where(a => a.IsPublic).OrderBy(a => a.Id)
                .Skip((page - 1) * size).Take(size).Select(a => (a.Id, a.LastChangedAt))]);
    }

    public Task<int> DoisIn(Guid journal)
    {
        lock (_gate) return Task.FromResult(Documents<PublishedArticle>().Values.Count(a => a.Journal == journal && a.Doi is not null));
    }

    // A plain match of whole words, or their beginnings, standing in for PostgreSQL's stemmed full-text search: every word
    // must be found, and where it is found weighs as it does there (title and authors, then keywords, then the abstract).
    public Task<SearchResults> Search(ArticleSearch search)
    {
        if (search.IsEmpty) return Task.FromResult(SearchResults.None(search));
        var words = Words(search.Words).Distinct().ToList();
        lock (_gate)
        {
            var found = Documents<PublishedArticle>().Values.Where(a => a.IsPublic && a.Journal == search.Journal)
                .Select(a => (Article: a, Rank: Rank(a.Metadata, words))).Where(r => r.Rank > 0).ToList();
            var narrowed = found.Where(r => (search.Year is null || r.Article.PublishedAt?.Year == search.Year)
                    && (search.Section is not { Length: > 0 } || r.Article.Metadata.Details.Section == search.Section)
                    && (search.Type is null || r.Article.Metadata.Type == search.Type))
                .OrderByDescending(r => r.Rank).ThenByDescending(r => r.Article.PublishedAt).ThenBy(r => r.Article.Id).ToList();
            return Task.FromResult(new SearchResults(search,
                [.. narrowed.Skip(search.Skip).Take(ArticleSearch.PageSize).Select(r => new SearchHit(r.Article, Snippet(r.Article.Metadata.Abstract, words)))],
                narrowed.Count,
                [.. found.GroupBy(r => r.Article.PublishedAt!.Value.Year).Select(g => new SearchFacet<int>(g.Key, g.Count())).OrderByDescending(f => f.Value)],
                [.. found.GroupBy(r => r.Article.Metadata.Details.Section).Select(g => new SearchFacet<string>(g.Key, g.Count())).OrderByDescending(f => f.Count).ThenBy(f => f.Value)],
                [.. found.GroupBy(r => r.Article.Metadata.Type).Select(g => new SearchFacet<ManuscriptType>(g.Key, g.Count())).OrderByDescending(f => f.Count)]));
        }
    }

    private static IEnumerable<string> Words(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text.ToLowerInvariant(), @"[\p{L}\p{N}]+").Select(m => m.Value);

    private static bool Holds(string text, string word) => Words(text).Any(w => w.StartsWith(word, StringComparison.Ordinal));

    private static double Rank(ArticleMetadata m, IReadOnlyList<string> words)
    {
        double Weight(string word) =>
            (Holds(m.Title, word) || m.Authors.Any(a => Holds(a.Name, word)) ? 1.0 : 0)
            + (m.Keywords.Any(k => Holds(k, word)) ? 0.4 : 0)
            + (Holds(m.Abstract, word) ? 0.2 : 0);
        var weights = words.Select(Weight).ToList();
        return weights.Count > 0 && weights.All(w => w > 0) ? weights.Sum() : 0;
    }

    private static IReadOnlyList<SnippetPart> Snippet(string text, IReadOnlyList<string> words) =>
        [.. System.Text.RegularExpressions.Regex.Split(text, @"([\p{L}\p{N}]+)").Where(p => p.Length > 0)
            .Select(p => new SnippetPart(p, words.Any(w => p.ToLowerInvariant().StartsWith(w, StringComparison.Ordinal))))];
}
