using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Publication;

/// <summary>What the reader site, the production page and the publishing round read about publication.</summary>
public interface IPublicationQueries
{
    /// <summary>The article as readers get it; null unless it is published, so an unknown and an embargoed article look alike.</summary>
    Task<PublishedArticle?> Published(Guid article);

    /// <summary>The article taken down, as its tombstone tells it; null unless it was published and then unpublished.</summary>
    Task<PublishedArticle?> Unpublished(Guid article);

    /// <summary>
    /// A page of the journal's published articles, newest first: the newest, or those just older (or just newer) than a
    /// place in the list, found from the index at that place however deep in the archive it is.
    /// </summary>
    Task<ArchivePage> PublishedIn(Guid journal, ArchivePlace? from, int size);

    /// <summary>The journal at a reader-site address: its path, or its id.</summary>
    Task<Journal?> JournalAt(string address);

    /// <summary>The article's publication as someone who may see its production sees it; null otherwise, or before it is ready.</summary>
    Task<PublishedArticle?> OfSubmission(Guid submission, Actor actor);

    /// <summary>The history of the article's publication in words, for whoever may see its production.</summary>
    Task<IReadOnlyList<HistoryEntry>?> History(Guid submission, Actor actor);

    /// <summary>Scheduled articles whose time has come.</summary>
    Task<IReadOnlyList<Guid>> DueForPublication(DateTimeOffset now);

    /// <summary>Whether any article or notice in the portal holds this DOI.</summary>
    Task<bool> DoiTaken(string doi);

    /// <summary>How many of the journal's articles have a DOI: the next pattern number is one more.</summary>
    Task<int> DoisIn(Guid journal);

    /// <summary>
    /// Published articles, and those since unpublished, last changed within [<paramref name="from"/>, <paramref name="until"/>],
    /// of one journal or all, oldest change first, and how many there are in all: what a harvester pages through, the
    /// unpublished as deleted records.
    /// </summary>
    Task<(IReadOnlyList<PublishedArticle> Articles, long Total)> Changed(Guid? journal, DateTimeOffset? from, DateTimeOffset? until, int skip, int take);

    /// <summary>Articles whose DOI deposit is due to go to Crossref, first due first.</summary>
    Task<IReadOnlyList<PublishedArticle>> DepositsDue(DateTimeOffset now, int take);

    /// <summary>Articles with a deposit Crossref took in whose report is due to be asked for, longest waiting first.</summary>
    Task<IReadOnlyList<PublishedArticle>> ReportsDue(DateTimeOffset now, int take);

    /// <summary>How many articles are published in the whole portal.</summary>
    Task<long> PublishedCount();

    /// <summary>
    /// The journal's published articles that hold the words, best first: a word in the title or an author's name weighs
    /// most, then the keywords, then the abstract, then the full text. Nothing not published is ever among them.
    /// </summary>
    Task<SearchResults> Search(ArticleSearch search);

    /// <summary>Every published article's id and last change, a page at a time in a fixed order: what the sitemap lists.</summary>
    Task<IReadOnlyList<(Guid Article, DateTimeOffset Changed)>> PublishedAddresses(int page, int size);
}

/// <summary>The DOI the portal offers the production editor: the journal's rule, past any taken by another article or notice.</summary>
public static class DoiSuggestion
{
    public static async Task<string?> For(PublishedArticle article, Journal journal, IPublicationQueries queries) =>
        article.Doi ?? await Free(article.Id, article.ReadyAt.Year, journal, queries);

    /// <summary>A DOI for a notice about to be published, in the year it is published.</summary>
    public static Task<string?> ForNotice(Guid notice, int year, Journal journal, IPublicationQueries queries) => Free(notice, year, journal, queries);

    private static async Task<string?> Free(Guid item, int year, Journal journal, IPublicationQueries queries)
    {
        var count = journal.Publication.SuffixRule == DoiSuffixRule.Pattern ? await queries.DoisIn(journal.Id) : 0;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (Dois.Suggest(journal.Publication, item, year, count + 1, attempt) is not { } doi) return null;
            if (!await queries.DoiTaken(doi)) return doi;
        }
        return null;
    }
}
