using System.Text;
using System.Xml;
using System.Xml.Linq;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Publication;

namespace EditorialPortal.Reader;

/// <summary>
/// What feed readers and crawlers read of the reader site: an Atom feed per journal (RFC 4287), the sitemap protocol's
/// index and pages, and robots.txt. Written from published articles only, so nothing embargoed is in any of them.
/// </summary>
public static class Feeds
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>At most this many addresses to a sitemap page; the protocol allows 50,000.</summary>
    public const int SitemapPageSize = 10_000;

    // RFC 3339, in UTC, as Atom wants its dates.
    private static string Rfc3339(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    public static string AtomOf(Journal journal, IReadOnlyList<PublishedArticle> newest, string baseUrl)
    {
        var home = $"{baseUrl}{ReaderLinks.Journal(journal)}";
        var updated = newest.Select(a => a.LastChangedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", $"urn:uuid:{journal.Id}"),
            new XElement(Atom + "title", journal.Title),
            new XElement(Atom + "subtitle", journal.Description),
            new XElement(Atom + "updated", Rfc3339(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", $"{home}/feed.atom")),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", home)),
            newest.Select(article => Entry(article, baseUrl)));
        return Written(new XDocument(new XDeclaration("1.0", "utf-8", null), feed));
    }

    private static XElement Entry(PublishedArticle article, string baseUrl) =>
        new(Atom + "entry",
            new XElement(Atom + "id", article.Doi is { } doi ? Dois.Link(doi) : $"urn:uuid:{article.Id}"),
            new XElement(Atom + "title", article.Standing is { } notice ? $"[{notice.Kind.Describe()}] {article.Metadata.Title}" : article.Metadata.Title),
            new XElement(Atom + "updated", Rfc3339(article.LastChangedAt)),
            new XElement(Atom + "published", Rfc3339(article.PublishedAt ?? article.LastChangedAt)),
            article.Metadata.Authors.Select(a => new XElement(Atom + "author", new XElement(Atom + "name", a.Name))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{baseUrl}{ReaderLinks.Article(article)}")),
            new XElement(Atom + "category", new XAttribute("term", article.Metadata.Details.Section)),
            new XElement(Atom + "rights", article.Metadata.Details.LicenceName),
            new XElement(Atom + "summary", article.Standing is { } standing
                ? $"{standing.Kind.Banner()} {standing.Title} ({standing.PublishedAt:d MMMM yyyy}): {standing.Text}\n\n{article.Metadata.Abstract}"
                : article.Metadata.Abstract));

    /// <summary>The sitemap index: the journals' homes and issues, then the published articles in pages.</summary>
    public static string SitemapIndex(int articlePages, string baseUrl) =>
        Written(new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemaps + "sitemapindex",
            new XElement(Sitemaps + "sitemap", new XElement(Sitemaps + "loc", $"{baseUrl}/sitemaps/journals.xml")),
            Enumerable.Range(1, articlePages).Select(n => new XElement(Sitemaps + "sitemap", new XElement(Sitemaps + "loc", $"{baseUrl}/sitemaps/articles-{n}.xml"))))));

    public static string Sitemap(IEnumerable<(string Path, DateTimeOffset? Changed)> pages, string baseUrl) =>
        Written(new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemaps + "urlset",
            pages.Select(p => new XElement(Sitemaps + "url", new XElement(Sitemaps + "loc", $"{baseUrl}{p.Path}"),
                p.Changed is { } changed ? new XElement(Sitemaps + "lastmod", Rfc3339(changed)) : null)))));

    /// <summary>Crawlers are welcome on the reader site, and kept off the editorial screens and the API, which answer only the signed in.</summary>
    public static string Robots(string baseUrl) =>
        $"""
         User-agent: *
         Allow: /read/
         Allow: /articles/
         Disallow: /api/
         Disallow: /submissions
         Disallow: /production
         Disallow: /journals/
         Disallow: /reviews/
         Disallow: /invitations/
         Disallow: /account
         Disallow: /admin/
         Sitemap: {baseUrl}/sitemap.xml

         """;

    private static string Written(XDocument document)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriterWithUtf8(text), new XmlWriterSettings { Indent = false, Encoding = new UTF8Encoding(false) }))
            document.Save(writer);
        return text.ToString();
    }

    // A StringWriter says UTF-16 in the declaration unless told otherwise; the responses are UTF-8.
    private sealed class StringWriterWithUtf8(StringBuilder text) : StringWriter(text)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
