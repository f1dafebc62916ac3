using System.Globalization;
using System.Xml.Linq;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Production.Jats;

/// <summary>
/// The JATS 1.3 front matter of an article, written from the record: the journal, the article's title, authors with
/// their ORCID iDs and affiliations, its history from the facts, its licence, abstract and keywords. With the PDF galley
/// as <c>self-uri</c> when the typesetter provided no JATS of their own.
/// </summary>
public static class JatsArticle
{
    public static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";
    public static readonly XNamespace Ali = "http://www.niso.org/schemas/ali/1.0/";
    private static readonly XNamespace Xml = XNamespace.Xml;

    /// <summary>The article's JATS front matter as the portal serves it, naming its PDF galley, if any, as the full text.</summary>
    public static string Served(ArticleProduction p, Journal journal)
    {
        var pdf = p.Galleys.FirstOrDefault(g => g.Format == GalleyFormat.Pdf) is { } galley ? $"/api/production/{p.Submission}/files/{galley.Current.Sha256}" : null;
        var jats = FrontMatter(p, journal, pdf);
        return $"{jats.Declaration}\n{jats}";
    }

    /// <param name="pdf">The address of the PDF galley, to name as the article's full text; none when there is no PDF.</param>
    public static XDocument FrontMatter(ArticleProduction p, Journal journal, string? pdf = null) =>
        Write(new Front(p.Submission, p.Type, p.Title, p.Abstract, p.Keywords, p.Authors, p.Details, p.Details?.LicenceName ?? p.Settings.LicenceName,
            p.Details?.LicenceUrl ?? p.Settings.LicenceUrl, p.Received, p.Revised, p.Accepted, null, null, []), journal, pdf);

    /// <summary>A published article's JATS front matter, with its DOI and its date of publication, as harvesters get it.</summary>
    public static XDocument FrontMatter(Domain.Publication.PublishedArticle a, Journal journal, string? pdf = null)
    {
        var m = a.Metadata;
        return Write(new Front(a.Submission, m.Type, m.Title, m.Abstract, m.Keywords, m.Authors, m.Details, m.Details.LicenceName, m.Details.LicenceUrl,
            m.Received, m.Revised, m.Accepted, a.Doi, a.PublishedAt, a.Notices, a.Issue, a.Locator, a.CurrentVersion), journal, pdf);
    }

    /// <summary>What the front matter says of an article, whether in production or published.</summary>
    private sealed record Front(Guid Submission, ManuscriptType Type, string Title, string Abstract, IReadOnlyList<string> Keywords, IReadOnlyList<ContributingAuthor> Authors,
        PublicationDetails? Details, string LicenceName, string LicenceUrl, DateTimeOffset Received, IReadOnlyList<DateTimeOffset> Revised, DateTimeOffset Accepted,
        string? Doi, DateTimeOffset? Published, IReadOnlyList<Domain.Publication.ArticleNotice> Notices, Domain.Publication.IssuePlacement? Issue = null,
        string? Locator = null, Domain.Publication.ArticleVersion? Version = null);

    // The version of record in NISO's Journal Article Versions vocabulary, as JATS4R recommends: the first as it came out, each later one corrected.
    private static XElement? VersionOfRecord(Domain.Publication.ArticleVersion? version) =>
        version is null ? null
        : new XElement("article-version",
            new XAttribute("vocab", "JAV"),
            new XAttribute("vocab-identifier", "http://www.niso.org/publications/rp/RP-8-2008.pdf"),
            new XAttribute("article-version-type", version.Kind == Domain.Publication.VersionKind.Original ? "VoR" : "CVoR"),
            new XAttribute("iso-8601-date", version.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            version.Number.ToString(CultureInfo.InvariantCulture));

    // A range is its first and last page; a single value is the article's number, its electronic location.
    private static IEnumerable<XElement> Pages(string? pages) =>
        pages is null ? []
        : Domain.Issues.IssuePages.Split(pages) is (var first, { } last) ? [new XElement("fpage", first), new XElement("lpage", last)]
        : [new XElement("elocation-id", pages)];

    private static XDocument Write(Front p, Journal journal, string? pdf)
    {
        var affiliations = p.Authors.Select(a => a.Affiliation.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        var articleMeta = new XElement("article-meta",
            new XElement("article-id", new XAttribute("pub-id-type", "publisher-id"), p.Submission.ToString()),
            p.Doi is { } doi ? new XElement("article-id", new XAttribute("pub-id-type", "doi"), doi) : null,
            VersionOfRecord(p.Version),
            p.Details is { } details
                ? new XElement("article-categories", new XElement("subj-group", new XAttribute("subj-group-type", "heading"), new XElement("subject", details.Section)))
                : null,
            new XElement("title-group", new XElement("article-title", p.Title)),
            new XElement("contrib-group", p.Authors.Select(a => Contributor(a, affiliations))),
            affiliations.Select((name, i) => new XElement("aff", new XAttribute("id", $"aff{i + 1}"), new XElement("institution", name))),
            p.Published is { } published
                ? new XElement("pub-date", new XAttribute("publication-format", "electronic"), new XAttribute("date-type", "pub"),
                    new XAttribute("iso-8601-date", published.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    new XElement("day", published.UtcDateTime.Day.ToString("00", CultureInfo.InvariantCulture)),
                    new XElement("month", published.UtcDateTime.Month.ToString("00", CultureInfo.InvariantCulture)),
                    new XElement("year", published.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture)))
                : new XElement("pub-date-not-available"),
            p.Issue is { } issue ? new XElement("volume", issue.Volume.ToString(CultureInfo.InvariantCulture)) : null,
            p.Issue is { } placed ? new XElement("issue", placed.Number.ToString(CultureInfo.InvariantCulture)) : null,
            Pages(p.Locator),
            new XElement("history",
                Date("received", p.Received),
                p.Revised.Select(r => Date("rev-recd", r)),
                Date("accepted", p.Accepted)),
            Permissions(p),
            pdf is null ? null : new XElement("self-uri", new XAttribute(XLink + "href", pdf), new XAttribute("content-type", "pdf")),
            p.Notices.Select(Related),
            string.IsNullOrWhiteSpace(p.Abstract) ? null : new XElement("abstract", Paragraphs(p.Abstract)),
            p.Keywords.Count == 0 ? null : new XElement("kwd-group", new XAttribute("kwd-group-type", "author"), p.Keywords.Select(k => new XElement("kwd", k))));

        var journalMeta = new XElement("journal-meta",
            new XElement("journal-id", new XAttribute("journal-id-type", "publisher-id"), journal.Id.ToString()),
            new XElement("journal-title-group", new XElement("journal-title", journal.Title)),
            // JATS asks for an ISSN; a journal still waiting for one writes it empty rather than invent one.
            new XElement("issn", new XAttribute("publication-format", "electronic"), journal.Issn ?? ""),
            string.IsNullOrWhiteSpace(journal.Production.Publisher) ? null : new XElement("publisher", new XElement("publisher-name", journal.Production.Publisher)));

        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("article",
                new XAttribute(XNamespace.Xmlns + "xlink", XLink),
                new XAttribute(XNamespace.Xmlns + "ali", Ali),
                new XAttribute("article-type", ArticleType(p.Type)),
                new XAttribute("dtd-version", "1.3"),
                new XAttribute(Xml + "lang", "en"),
                new XElement("front", journalMeta, articleMeta)));
    }

    /// <summary>The JATS article type of a manuscript type.</summary>
    // The article points forward to each notice about it, as JATS4R recommends: by the notice's DOI where it has one.
    private static XElement Related(Domain.Publication.ArticleNotice notice) =>
        new("related-article",
            new XAttribute("id", $"notice-{notice.Id:N}"),
            new XAttribute("related-article-type", notice.Kind switch
            {
                Domain.Publication.ArticleNoticeKind.Correction => "correction-forward",
                Domain.Publication.ArticleNoticeKind.ExpressionOfConcern => "expression-of-concern",
                _ => "retraction-forward"
            }),
            notice.Doi is { } doi ? new object[] { new XAttribute("ext-link-type", "doi"), new XAttribute(XLink + "href", doi) } : null,
            notice.Title);

    public static string ArticleType(ManuscriptType type) => type switch
    {
        ManuscriptType.ResearchArticle => "research-article",
        ManuscriptType.ReviewArticle => "review-article",
        ManuscriptType.ShortCommunication => "brief-report",
        ManuscriptType.Letter => "letter",
        _ => "other"
    };

    private static XElement Contributor(ContributingAuthor author, List<string> affiliations)
    {
        var (surname, given) = Split(author.Name);
        var affiliation = affiliations.IndexOf(author.Affiliation.Trim());
        return new XElement("contrib", new XAttribute("contrib-type", "author"), author.IsCorresponding ? new XAttribute("corresp", "yes") : null,
            author.Orcid is { Length: > 0 } orcid
                ? new XElement("contrib-id", new XAttribute("contrib-id-type", "orcid"), new XAttribute("authenticated", "false"), $"https://orcid.org/{orcid}")
                : null,
            new XElement("name", new XElement("surname", surname), given is null ? null : new XElement("given-names", given)),
            author.IsCorresponding ? new XElement("email", author.Email) : null,
            affiliation < 0 ? null : new XElement("xref", new XAttribute("ref-type", "aff"), new XAttribute("rid", $"aff{affiliation + 1}")));
    }

    // Names are kept as the authors typed them; the last word is taken as the surname, as bylines put it.
    private static (string Surname, string? Given) Split(string name)
    {
        var words = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 1 ? (name.Trim(), null) : (words[^1], string.Join(' ', words[..^1]));
    }

    private static XElement Date(string type, DateTimeOffset at) =>
        new("date", new XAttribute("date-type", type), new XAttribute("iso-8601-date", at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new XElement("day", at.UtcDateTime.Day.ToString("00", CultureInfo.InvariantCulture)),
            new XElement("month", at.UtcDateTime.Month.ToString("00", CultureInfo.InvariantCulture)),
            new XElement("year", at.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture)));

    private static XElement Permissions(Front p)
    {
        var (licenceName, licenceUrl) = (p.LicenceName, p.LicenceUrl);
        return new XElement("permissions",
            p.Details is { } d ? new XElement("copyright-statement", $"© {d.CopyrightYear} {d.CopyrightHolder}") : null,
            p.Details is { } year ? new XElement("copyright-year", year.CopyrightYear) : null,
            p.Details is { } holder ? new XElement("copyright-holder", holder.CopyrightHolder) : null,
            new XElement(Ali + "free_to_read"),
            new XElement("license",
                new XElement(Ali + "license_ref", licenceUrl),
                new XElement("license-p", $"This article is distributed under the terms of the {licenceName} licence ({licenceUrl}).")));
    }

    private static IEnumerable<XElement> Paragraphs(string text) =>
        text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(paragraph => new XElement("p", paragraph));
}
