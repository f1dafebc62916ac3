using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EditorialPortal.Components.Reader;
using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Production.Jats;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace EditorialPortal.Reader;

/// <summary>Where things are on the reader site.</summary>
public static class ReaderLinks
{
    public static string Journal(Journal journal) => $"/read/{(journal.Publication.Path is { Length: > 0 } path ? path : journal.Id.ToString())}";

    public static string Article(PublishedArticle article) => $"/articles/{article.Id}";

    public static string Issues(Journal journal) => $"{Journal(journal)}/issues";

    public static string Issue(Journal journal, int volume, int number) => $"{Issues(journal)}/{volume}/{number}";

    public static string Galley(PublishedArticle article, PublishedGalley galley) => $"/articles/{article.Id}/galleys/{galley.Id}";

    /// <summary>A version of record as it was published, for good: the current one is also the article's own address.</summary>
    public static string Version(PublishedArticle article, ArticleVersion version) => $"/articles/{article.Id}/versions/{version.Number}";

    /// <summary>A galley of the version named, as that version had it.</summary>
    public static string Galley(PublishedArticle article, ArticleVersion version, PublishedGalley galley) =>
        version.Number == article.CurrentVersion?.Number ? Galley(article, galley) : $"{Version(article, version)}/galleys/{galley.Id}";

    public static string Notice(PublishedArticle article, ArticleNotice notice) => $"/articles/{article.Id}/notices/{notice.Id}";

    /// <summary>A search of the journal, as an address a reader can keep, share or go back to.</summary>
    public static string Search(Journal journal, ArticleSearch search) =>
        QueryHelpers.AddQueryString($"{Journal(journal)}/search", new Dictionary<string, string?>
        {
            ["q"] = search.Words,
            ["year"] = search.Year?.ToString(CultureInfo.InvariantCulture),
            ["section"] = search.Section,
            ["type"] = search.Type?.ToString(),
            ["page"] = search.Page > 1 ? search.Page.ToString(CultureInfo.InvariantCulture) : null
        }.Where(p => p.Value is { Length: > 0 }));
}

/// <summary>
/// The public reader site: journal homes, article landing pages, citations and galleys, for anonymous readers and
/// indexers. Rendered statically on the server without a circuit or a cookie, with validators (ETag and Last-Modified)
/// and a short public cache lifetime, so that a CDN or any number of nodes can serve it, and each node keeps its pages as
/// rendered (<see cref="ReaderPageCache"/>). What is not published, or not
/// yet, is not found, whichever way it is asked for.
/// </summary>
public static class ReaderSite
{
    private const int PageSize = 20;

    // Readers see a publication within a minute; a cache may keep a page that long and then revalidate it.
    private static readonly CacheControlHeaderValue Caching = new() { Public = true, MaxAge = TimeSpan.FromSeconds(60) };

    public static void MapReaderSite(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("").AllowAnonymous().ExcludeFromDescription();
        // Galleys are files served with ranges from the file store; every page is kept as rendered.
        var pages = site.MapGroup("").CacheOutput(ReaderPageCache.Policy);

        // A garbled place in the archive reads as its newest page.
        pages.MapGet("/read/{journal}", async (string journal, string? from, HttpContext http, IPublicationQueries publications, IIssueQueries issues) =>
        {
            if (await publications.JournalAt(journal) is not { } found) return NotFound();
            var place = ArchivePlace.Parse(from);
            var articles = await publications.PublishedIn(found.Id, place, PageSize);
            var current = await issues.CurrentIssue(found.Id);
            var newest = articles.Items.Select(a => a.LastChangedAt).Append(current?.LastChangedAt ?? DateTimeOffset.UnixEpoch).Max();
            return Cached(http, Tag($"{found.Id}/{found.Version}/{articles.Total}/{articles.Newer}/{articles.Older}/{string.Join(",", articles.Items.Select(a => $"{a.Id:N}.{a.Version}"))}/{current?.Id}.{current?.Version}"),
                newest, () => new RazorComponentResult<JournalHome>(new { Journal = found, Articles = articles, From = place, CurrentIssue = current, BaseUrl = BaseUrl(http) }));
        });

        pages.MapGet("/read/{journal}/issues", async (string journal, HttpContext http, IPublicationQueries publications, IIssueQueries issues) =>
        {
            if (await publications.JournalAt(journal) is not { } found) return NotFound();
            var published = await issues.IssuesOf(found.Id, publishedOnly: true);
            return Cached(http, Tag($"{found.Id}/{found.Version}/issues/{string.Join(",", published.Select(i => $"{i.Id:N}.{i.Version}"))}"),
                published.Select(i => i.LastChangedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max(),
                () => new RazorComponentResult<IssueArchive>(new { Journal = found, Issues = published, BaseUrl = BaseUrl(http) }));
        });

        // An issue not yet out answers as an unknown one does: its contents are the production editors' plan, not the readers'.
        pages.MapGet("/read/{journal}/issues/{volume:int}/{number:int}", async (string journal, int volume, int number, HttpContext http, IPublicationQueries publications,
            IIssueQueries issues) =>
        {
            if (await publications.JournalAt(journal) is not { } found || await issues.Issue(JournalIssue.StreamOf(found.Id, volume, number)) is not { IsPublic: true } issue)
                return NotFound();
            var articles = await issues.PublicAmong([.. issue.Contents.Select(e => e.Article)]);
            return Cached(http, Tag($"{found.Id}/{found.Version}/{issue.Id}/{issue.Version}/{string.Join(",", articles.Select(a => $"{a.Id:N}.{a.Version}"))}"),
                articles.Select(a => a.LastChangedAt).Append(issue.LastChangedAt).Max(),
                () => new RazorComponentResult<IssuePage>(new { Journal = found, Issue = issue, Articles = articles, BaseUrl = BaseUrl(http) }));
        });

        pages.MapGet("/articles/{id:guid}", async (Guid id, HttpContext http, IPublicationQueries publications, IJournalQueries journals, IManuscriptFileStore files) =>
        {
            // An article taken down is gone, not missing: its tombstone says when and why.
            if (await publications.Unpublished(id) is { } removed && await journals.Find(removed.Journal) is { } from)
                return Cached(http, Tag($"{removed.Id}/{removed.Version}/{from.Version}"), removed.LastChangedAt,
                    () => new RazorComponentResult<ArticleRemoved>(new { Article = removed, Journal = from, BaseUrl = BaseUrl(http) }) { StatusCode = StatusCodes.Status410Gone });
            if (await publications.Published(id) is not { } article || await journals.Find(article.Journal) is not { } journal) return NotFound();
            return await Landing(http, article, journal, article.CurrentVersion!, files);
        });

        // An earlier version of record stays as it was published, marked as superseded; the current one is the article's own page.
        pages.MapGet("/articles/{id:guid}/versions/{number:int}", async (Guid id, int number, HttpContext http, IPublicationQueries publications, IJournalQueries journals,
            IManuscriptFileStore files) =>
        {
            if (await publications.Published(id) is not { } article || article.VersionNumbered(number) is not { } version
                || await journals.Find(article.Journal) is not { } journal)
                return NotFound();
            return version == article.CurrentVersion ? Results.Redirect(ReaderLinks.Article(article)) : await Landing(http, article, journal, version, files);
        });

        // Results change as articles are published, so a search is kept for the same short while as a page, with no validators.
        // A narrowing the address garbles (a year that is not a number, a type there is not) is left out rather than refused.
        pages.MapGet("/read/{journal}/search", async (string journal, string? q, string? year, string? section, string? type, string? page, HttpContext http,
            IPublicationQueries publications) =>
        {
            if (await publications.JournalAt(journal) is not { } found) return NotFound();
            var results = await publications.Search(new ArticleSearch(found.Id, q ?? "",
                int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null, section,
                Enum.TryParse<ManuscriptType>(type, out var t) && Enum.IsDefined(t) ? t : null,
                int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, 10_000) : 1));
            http.Response.GetTypedHeaders().CacheControl = Caching;
            return new RazorComponentResult<SearchPage>(new { Journal = found, Results = results });
        });

        pages.MapGet("/articles/{id:guid}/notices/{notice:guid}", async (Guid id, Guid notice, HttpContext http, IPublicationQueries publications, IJournalQueries journals) =>
        {
            if (await publications.Published(id) is not { } article || article.Notices.FirstOrDefault(n => n.Id == notice) is not { } found
                || await journals.Find(article.Journal) is not { } journal)
                return NotFound();
            return Cached(http, Tag($"{article.Id}/{article.Version}/{journal.Version}/{found.Id}"), article.LastChangedAt,
                () => new RazorComponentResult<NoticePage>(new { Article = article, Notice = found, Journal = journal, BaseUrl = BaseUrl(http) }));
        });

        pages.MapGet("/read/{journal}/feed.atom", async (string journal, HttpContext http, IPublicationQueries publications) =>
        {
            if (await publications.JournalAt(journal) is not { } found) return NotFound();
            var newest = (await publications.PublishedIn(found.Id, null, PageSize)).Items;
            return Cached(http, Tag($"{found.Id}/{found.Version}/feed/{string.Join(",", newest.Select(a => $"{a.Id:N}.{a.Version}"))}"),
                newest.Select(a => a.LastChangedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max(),
                () => Results.Text(Feeds.AtomOf(found, newest, BaseUrl(http)), "application/atom+xml; charset=utf-8"));
        });

        pages.MapGet("/robots.txt", (HttpContext http) => Results.Text(Feeds.Robots(BaseUrl(http)), "text/plain; charset=utf-8"));

        pages.MapGet("/sitemap.xml", async (HttpContext http, IPublicationQueries publications) =>
            Results.Text(Feeds.SitemapIndex((int)((await publications.PublishedCount() + Feeds.SitemapPageSize - 1) / Feeds.SitemapPageSize), BaseUrl(http)),
                "application/xml; charset=utf-8"));

        // Each journal's home, its archive and its published issues: a few hundred addresses a journal, in one page.
        pages.MapGet("/sitemaps/journals.xml", async (HttpContext http, IJournalQueries journals, IIssueQueries issues) =>
        {
            var pages = new List<(string, DateTimeOffset?)>();
            foreach (var journal in await journals.All())
            {
                pages.Add((ReaderLinks.Journal(journal), null));
                var published = await issues.IssuesOf(journal.Id, publishedOnly: true);
                if (published.Count == 0) continue;
                pages.Add((ReaderLinks.Issues(journal), published.Max(i => i.PublishedAt)));
                pages.AddRange(published.Select(i => (ReaderLinks.Issue(journal, i.Volume, i.Number), i.PublishedAt)));
            }
            return Results.Text(Feeds.Sitemap(pages, BaseUrl(http)), "application/xml; charset=utf-8");
        });

        pages.MapGet("/sitemaps/articles-{page:int}.xml", async (int page, HttpContext http, IPublicationQueries publications) =>
        {
            var addresses = page < 1 ? [] : await publications.PublishedAddresses(page, Feeds.SitemapPageSize);
            if (addresses.Count == 0) return NotFound();
            return Results.Text(Feeds.Sitemap(addresses.Select(a => ($"/articles/{a.Article}", (DateTimeOffset?)a.Changed)), BaseUrl(http)), "application/xml; charset=utf-8");
        });

        pages.MapGet("/articles/{id:guid}/cite.bib", (Guid id, HttpContext http, IPublicationQueries publications, IJournalQueries journals) =>
            Citation(id, http, publications, journals, Citations.BibTeX, "application/x-bibtex", "bib"));

        pages.MapGet("/articles/{id:guid}/cite.ris", (Guid id, HttpContext http, IPublicationQueries publications, IJournalQueries journals) =>
            Citation(id, http, publications, journals, Citations.Ris, "application/x-research-info-systems", "ris"));

        site.MapGet("/articles/{id:guid}/galleys/{galley:guid}", async (Guid id, Guid galley, HttpContext http, IPublicationQueries publications, IManuscriptFileStore files) =>
            await publications.Published(id) is { } article ? Galley(http, article.Metadata, galley, files, forGood: false) : NotFound());

        site.MapGet("/articles/{id:guid}/versions/{number:int}/galleys/{galley:guid}", async (Guid id, int number, Guid galley, HttpContext http,
                IPublicationQueries publications, IManuscriptFileStore files) =>
            await publications.Published(id) is { } article && article.VersionNumbered(number) is { } version ? Galley(http, version.Metadata, galley, files, forGood: true) : NotFound());
    }

    private static async Task<IResult> Landing(HttpContext http, PublishedArticle article, Journal journal, ArticleVersion version, IManuscriptFileStore files) =>
        await CachedAsync(http, Tag($"{article.Id}/{article.Version}/{journal.Version}/{version.Number}"), article.LastChangedAt, async () =>
        {
            var html = version.Metadata.Galleys.FirstOrDefault(g => g.Format == GalleyFormat.Html) is { } galley && files.Open(galley.File.Sha256) is { } stored
                ? await FullText(galley, stored)
                : null;
            return new RazorComponentResult<ArticlePage>(new { Article = article, Showing = version, Journal = journal, BaseUrl = BaseUrl(http), FullText = html });
        });

    /// <param name="forGood">Whether the address names the version of record, whose galleys never change; the article's own galley addresses follow its current version.</param>
    private static IResult Galley(HttpContext http, ArticleMetadata metadata, Guid galley, IManuscriptFileStore files, bool forGood)
    {
        if (metadata.Galleys.FirstOrDefault(g => g.Id == galley) is not { } found || files.Open(found.File.Sha256) is not { } content)
            return NotFound();
        http.Response.Headers.CacheControl = forGood ? "public, max-age=31536000, immutable" : Caching.ToString();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // An HTML galley is read inside the landing page, sanitised; as a file it downloads rather than running as a page of the site.
        return found.Format == GalleyFormat.Html
            ? Results.File(content, "application/octet-stream", found.File.FileName)
            : Results.File(content, found.File.MediaType, found.File.FileName, entityTag: new EntityTagHeaderValue($"\"{found.File.Sha256}\""), enableRangeProcessing: true);
    }

    private static async Task<string?> FullText(PublishedGalley galley, Stream stored)
    {
        await using (stored) return (await GalleyHtml.Of(galley.Format, stored)).Html;
    }

    private static async Task<IResult> Citation(Guid id, HttpContext http, IPublicationQueries publications, IJournalQueries journals,
        Func<PublishedArticle, Journal, string> write, string mediaType, string extension)
    {
        if (await publications.Published(id) is not { } article || await journals.Find(article.Journal) is not { } journal) return NotFound();
        return Cached(http, Tag($"{article.Id}/{article.Version}/{journal.Version}/{extension}"), article.LastChangedAt, () =>
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{article.Id}.{extension}\"";
            return Results.Text(write(article, journal), $"{mediaType}; charset=utf-8");
        });
    }

    private static IResult NotFound() => new RazorComponentResult<ReaderNotFound> { StatusCode = StatusCodes.Status404NotFound };

    private static string Tag(string identity) => $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..20]}\"";

    private static IResult Cached(HttpContext http, string etag, DateTimeOffset lastModified, Func<IResult> render) =>
        Validators(http, etag, lastModified) ?? render();

    private static async Task<IResult> CachedAsync(HttpContext http, string etag, DateTimeOffset lastModified, Func<Task<IResult>> render) =>
        Validators(http, etag, lastModified) ?? await render();

    /// <summary>Sets the page's validators and cache lifetime; answers 304 when the reader's copy is still the page.</summary>
    private static IResult? Validators(HttpContext http, string etag, DateTimeOffset lastModified)
    {
        var headers = http.Response.GetTypedHeaders();
        headers.CacheControl = Caching;
        headers.ETag = new EntityTagHeaderValue(etag);
        headers.LastModified = lastModified;
        var request = http.Request.GetTypedHeaders();
        var unchanged = request.IfNoneMatch is { Count: > 0 } tags
            ? tags.Any(t => t.Tag == etag || t.Equals(EntityTagHeaderValue.Any))
            : request.IfModifiedSince is { } since && lastModified <= since.AddSeconds(1);
        return unchanged ? Results.StatusCode(StatusCodes.Status304NotModified) : null;
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
