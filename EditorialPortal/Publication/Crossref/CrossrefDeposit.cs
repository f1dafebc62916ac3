using System.Globalization;
using System.Xml.Linq;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Reader;

namespace EditorialPortal.Publication.Crossref;

/// <summary>Who deposits with Crossref, as the deposit's head names them (<c>Crossref:DepositorName</c>, <c>Crossref:DepositorEmail</c>).</summary>
public sealed record Depositor(string Name, string Email);

/// <summary>
/// An article's Crossref deposit (schema 5.3.1): journal metadata, the article's titles, contributors with ORCID iDs
/// and affiliations, abstract, dates, licence and DOI with its landing page; or the deposit of a notice about it, its
/// text as the abstract and, where the journal is in Crossmark, the article it updates. Written from the record alone,
/// so the same article as it stands writes the same deposit; its timestamp only ever grows.
/// </summary>
public static class CrossrefDeposit
{
    private static readonly XNamespace Cr = "http://www.crossref.org/schema/5.3.1";
    private static readonly XNamespace Jats = "http://www.ncbi.nlm.nih.gov/JATS1";
    private static readonly XNamespace Ai = "http://www.crossref.org/AccessIndicators.xsd";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The batch's id: the article and the version of its record, unique per deposit and the same on a replay.</summary>
    public static string BatchId(PublishedArticle article) => $"{article.Id:N}-{article.Version}";

    /// <summary>Crossref's timestamp: the article's last change to the millisecond, strictly later for every new deposit of its DOI.</summary>
    public static long Timestamp(PublishedArticle article) =>
        long.Parse(article.LastChangedAt.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <param name="deposit">
    /// The queued deposit it is, whose batch and timestamp it carries, and whose DOI says whether it is the article's or
    /// one of its notices'; none for the article's deposit read as it would be now.
    /// </param>
    public static XDocument Of(PublishedArticle article, Journal journal, Depositor depositor, string siteBaseUrl, DoiDeposit? deposit = null)
    {
        var doi = article.Doi ?? throw new InvalidOperationException("An article without a DOI has nothing to deposit.");
        var m = article.Metadata;
        var policy = journal.Publication.CrossmarkPolicy;
        var about = deposit?.Doi is { } deposited && deposited != doi ? article.Notices.FirstOrDefault(n => n.Doi == deposited) : null;
        var item = about is { } notice
            ? Item(notice.Title, [], notice.Text, notice.PublishedAt, null, null, m.Details.LicenceUrl, policy,
                new XElement(Cr + "updates", new XElement(Cr + "update",
                    new XAttribute("type", notice.Kind switch
                    {
                        ArticleNoticeKind.Correction => "correction",
                        ArticleNoticeKind.ExpressionOfConcern => "expression_of_concern",
                        _ => "retraction"
                    }),
                    new XAttribute("date", notice.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), doi)),
                notice.Doi!, $"{siteBaseUrl}{ReaderLinks.Notice(article, notice)}")
            : Item(m.Title, m.Authors, m.Abstract, article.PublishedAt ?? article.ScheduledFor ?? article.ReadyAt, m.Accepted, Place(article.Locator), m.Details.LicenceUrl, policy, null,
                doi, $"{siteBaseUrl}{ReaderLinks.Article(article)}");
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Cr + "doi_batch",
                new XAttribute("version", "5.3.1"),
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                new XAttribute(XNamespace.Xmlns + "jats", Jats),
                new XAttribute(XNamespace.Xmlns + "ai", Ai),
                new XAttribute(Xsi + "schemaLocation", "http://www.crossref.org/schema/5.3.1 https://www.crossref.org/schemas/crossref5.3.1.xsd"),
                new XElement(Cr + "head",
                    new XElement(Cr + "doi_batch_id", deposit?.Batch ?? BatchId(article)),
                    new XElement(Cr + "timestamp", deposit?.Timestamp ?? Timestamp(article)),
                    new XElement(Cr + "depositor", new XElement(Cr + "depositor_name", depositor.Name), new XElement(Cr + "email_address", depositor.Email)),
                    new XElement(Cr + "registrant", journal.Production.Publisher is { Length: > 0 } publisher ? publisher : journal.Title)),
                new XElement(Cr + "body",
                    new XElement(Cr + "journal",
                        new XElement(Cr + "journal_metadata", new XAttribute("language", "en"),
                            new XElement(Cr + "full_title", journal.Title),
                            journal.Issn is { Length: > 0 } issn ? new XElement(Cr + "issn", new XAttribute("media_type", "electronic"), issn) : null),
                        // A notice is published on its own, in no issue.
                        about is null && article.Issue is { } issue ? Issue(issue, journal, siteBaseUrl) : null,
                        item))));
    }

    // One journal_article, an article's or a notice's, in the order the schema sets. In Crossmark the licence is part of
    // the Crossmark metadata; outside it, it stands alone.
    // The issue travels with each of its articles' deposits, and its DOI, if it has one, is registered with the first.
    private static XElement Issue(IssuePlacement issue, Journal journal, string siteBaseUrl) =>
        new(Cr + "journal_issue",
            issue.Title.Length > 0 ? new XElement(Cr + "titles", new XElement(Cr + "title", issue.Title)) : null,
            new XElement(Cr + "publication_date", new XAttribute("media_type", "online"), new XElement(Cr + "year", issue.Year.ToString(CultureInfo.InvariantCulture))),
            new XElement(Cr + "journal_volume", new XElement(Cr + "volume", issue.Volume.ToString(CultureInfo.InvariantCulture))),
            new XElement(Cr + "issue", issue.Number.ToString(CultureInfo.InvariantCulture)),
            issue.Doi is { } doi
                ? new XElement(Cr + "doi_data", new XElement(Cr + "doi", doi), new XElement(Cr + "resource", $"{siteBaseUrl}{ReaderLinks.Issue(journal, issue.Volume, issue.Number)}"))
                : null);

    // A page range is pages; an article number is the publisher's item number.
    private static XElement? Place(string? locator) =>
        locator is not { } pages ? null
        : Domain.Issues.IssuePages.Split(pages) is (var first, { } last)
            ? new XElement(Cr + "pages", new XElement(Cr + "first_page", first), new XElement(Cr + "last_page", last))
            : new XElement(Cr + "publisher_item", new XElement(Cr + "item_number", new XAttribute("item_number_type", "article_number"), pages));

    private static XElement Item(string title, IReadOnlyList<Domain.Submissions.ContributingAuthor> authors, string abstractText, DateTimeOffset published,
        DateTimeOffset? accepted, XElement? placement, string licence, string? crossmarkPolicy, XElement? updates, string doi, string resource)
    {
        var licensing = new XElement(Ai + "program", new XAttribute("name", "AccessIndicators"), new XElement(Ai + "license_ref", new XAttribute("applies_to", "vor"), licence));
        return new(Cr + "journal_article", new XAttribute("publication_type", "full_text"),
            new XElement(Cr + "titles", new XElement(Cr + "title", title)),
            authors.Count == 0 ? null : new XElement(Cr + "contributors", authors.Select((author, i) => Person(author, i == 0))),
            string.IsNullOrWhiteSpace(abstractText) ? null : new XElement(Jats + "abstract", new XElement(Jats + "p", abstractText)),
            Date("publication_date", published, new XAttribute("media_type", "online")),
            accepted is { } at ? Date("acceptance_date", at) : null,
            placement,
            crossmarkPolicy is { } policy
                // Updates live on the reader site alone: the journal says so, and Crossmark's button points readers there.
                ? new XElement(Cr + "crossmark",
                    new XElement(Cr + "crossmark_policy", policy),
                    new XElement(Cr + "crossmark_domain_exclusive", "false"),
                    updates,
                    new XElement(Cr + "custom_metadata", licensing))
                : licensing,
            new XElement(Cr + "doi_data", new XElement(Cr + "doi", doi), new XElement(Cr + "resource", resource)));
    }

    private static XElement Person(Domain.Submissions.ContributingAuthor author, bool first)
    {
        var words = author.Name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new XElement(Cr + "person_name", new XAttribute("sequence", first ? "first" : "additional"), new XAttribute("contributor_role", "author"),
            words.Length > 1 ? new XElement(Cr + "given_name", string.Join(' ', words[..^1])) : null,
            new XElement(Cr + "surname", words.Length > 0 ? words[^1] : author.Name),
            author.Affiliation is { Length: > 0 } affiliation
                ? new XElement(Cr + "affiliations", new XElement(Cr + "institution", new XElement(Cr + "institution_name", affiliation)))
                : null,
            author.Orcid is { Length: > 0 } orcid ? new XElement(Cr + "ORCID", $"https://orcid.org/{orcid}") : null);
    }

    private static XElement Date(string name, DateTimeOffset at, params object[] attributes) =>
        new(Cr + name, attributes,
            new XElement(Cr + "month", at.UtcDateTime.Month.ToString("00", CultureInfo.InvariantCulture)),
            new XElement(Cr + "day", at.UtcDateTime.Day.ToString("00", CultureInfo.InvariantCulture)),
            new XElement(Cr + "year", at.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture)));
}
