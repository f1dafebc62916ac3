using System.Globalization;
using System.Text;
using System.Xml.Linq;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Production.Jats;

namespace EditorialPortal.Reader;

/// <summary>
/// OAI-PMH 2.0 at <c>/oai</c>: the six verbs over published articles, Dublin Core (<c>oai_dc</c>) and JATS front matter
/// (<c>jats</c>), a set per journal, resumption tokens, and the protocol's own errors for bad requests. Nothing
/// embargoed is ever listed, since nothing unpublished is a record.
/// </summary>
public static class OaiPmh
{
    private static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    private static readonly XNamespace OaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>How many records or identifiers a page of a list holds.</summary>
    public const int PageSize = 100;

    private static readonly (string Prefix, string Schema, string Namespace)[] Formats =
    [
        ("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OaiDc.NamespaceName),
        ("jats", "https://jats.nlm.nih.gov/publishing/1.3/xsd/JATS-journalpublishing1-3.xsd", "https://jats.nlm.nih.gov/ns/archiving/1.3/")
    ];

    private static readonly Dictionary<string, string[]> Arguments = new()
    {
        ["Identify"] = [],
        ["ListMetadataFormats"] = ["identifier"],
        ["ListSets"] = ["resumptionToken"],
        ["GetRecord"] = ["identifier", "metadataPrefix"],
        ["ListIdentifiers"] = ["metadataPrefix", "from", "until", "set", "resumptionToken"],
        ["ListRecords"] = ["metadataPrefix", "from", "until", "set", "resumptionToken"]
    };

    public static void MapOaiPmh(this IEndpointRouteBuilder app)
    {
        app.MapGet("/oai", (HttpContext http, IPublicationQueries publications, IJournalQueries journals, TimeProvider clock) =>
            Answer(http, http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToArray()), publications, journals, clock))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/oai", async (HttpContext http, IPublicationQueries publications, IJournalQueries journals, TimeProvider clock) =>
            {
                var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
                return await Answer(http, form?.ToDictionary(f => f.Key, f => f.Value.ToArray()) ?? [], publications, journals, clock);
            })
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private sealed class Fault(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }

    private static async Task<IResult> Answer(HttpContext http, Dictionary<string, string?[]> query, IPublicationQueries publications, IJournalQueries journals,
        TimeProvider clock)
    {
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}/oai";
        var verb = query.GetValueOrDefault("verb") is [{ } one] ? one : null;
        XElement request = new(Oai + "request", baseUrl);
        XElement body;
        try
        {
            if (verb is null || !Arguments.TryGetValue(verb, out var allowed)) throw new Fault("badVerb", "The verb is missing, repeated or not one of OAI-PMH's six.");
            var named = query.Keys.Where(k => k != "verb").ToList();
            if (named.Any(k => !allowed.Contains(k)) || query.Any(q => q.Value.Length != 1))
                throw new Fault("badArgument", $"{verb} takes {(allowed.Length == 0 ? "no arguments" : string.Join(", ", allowed))}, each at most once.");
            string? Arg(string name) => query.GetValueOrDefault(name)?[0];
            if (Arg("resumptionToken") is not null && named.Count > 1) throw new Fault("badArgument", "A resumption token comes alone.");
            body = verb switch
            {
                "Identify" => await Identify(baseUrl, publications),
                "ListMetadataFormats" => await ListMetadataFormats(Arg("identifier"), publications),
                "ListSets" => Arg("resumptionToken") is not null ? throw new Fault("badResumptionToken", "Sets come in one list.") : await ListSets(journals),
                "GetRecord" => await GetRecord(Arg("identifier") ?? throw Missing("identifier"), Arg("metadataPrefix") ?? throw Missing("metadataPrefix"),
                    http, publications, journals),
                _ => await List(verb == "ListRecords", Arg("metadataPrefix"), Arg("from"), Arg("until"), Arg("set"), Arg("resumptionToken"), http, publications, journals)
            };
            request = new XElement(Oai + "request", query.Select(q => new XAttribute(q.Key, q.Value[0] ?? "")), baseUrl);
        }
        catch (Fault fault)
        {
            // The request is echoed with its arguments only when they were sound; the protocol says so.
            if (fault.Code is not ("badVerb" or "badArgument")) request = new XElement(Oai + "request", query.Select(q => new XAttribute(q.Key, q.Value[0] ?? "")), baseUrl);
            body = new XElement(Oai + "error", new XAttribute("code", fault.Code), fault.Message);
        }
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Oai + "OAI-PMH",
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                new XAttribute(Xsi + "schemaLocation", "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"),
                new XElement(Oai + "responseDate", Stamp(clock.GetUtcNow())), request, body));
        return Results.Text(document.Declaration + "\n" + document.Root, "text/xml; charset=utf-8");
    }

    private static Fault Missing(string argument) => new("badArgument", $"{argument} is required.");

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Identifier(PublishedArticle a) => $"oai:editorialportal:article/{a.Id}";

    private static async Task<PublishedArticle> Named(string identifier, IPublicationQueries publications) =>
        identifier.StartsWith("oai:editorialportal:article/", StringComparison.Ordinal) && Guid.TryParse(identifier["oai:editorialportal:article/".Length..], out var id)
        && (await publications.Published(id) ?? await publications.Unpublished(id)) is { } article
            ? article
            : throw new Fault("idDoesNotExist", "There is no published article with this identifier.");

    private static async Task<XElement> Identify(string baseUrl, IPublicationQueries publications)
    {
        var (oldest, _) = await publications.Changed(null, null, null, 0, 1);
        return new XElement(Oai + "Identify",
            new XElement(Oai + "repositoryName", "EditorialPortal"),
            new XElement(Oai + "baseURL", baseUrl),
            new XElement(Oai + "protocolVersion", "2.0"),
            new XElement(Oai + "adminEmail", "editorial-office@editorialportal.example"),
            new XElement(Oai + "earliestDatestamp", Stamp(oldest.FirstOrDefault()?.LastChangedAt ?? DateTimeOffset.UnixEpoch)),
            // An unpublished article stays in the lists as deleted, for good: harvesters learn to drop it.
            new XElement(Oai + "deletedRecord", "persistent"),
            new XElement(Oai + "granularity", "YYYY-MM-DDThh:mm:ssZ"));
    }

    private static async Task<XElement> ListMetadataFormats(string? identifier, IPublicationQueries publications)
    {
        if (identifier is not null) await Named(identifier, publications);
        return new XElement(Oai + "ListMetadataFormats", Formats.Select(f => new XElement(Oai + "metadataFormat",
            new XElement(Oai + "metadataPrefix", f.Prefix), new XElement(Oai + "schema", f.Schema), new XElement(Oai + "metadataNamespace", f.Namespace))));
    }

    private static async Task<XElement> ListSets(IJournalQueries journals) =>
        new(Oai + "ListSets", (await journals.All()).Select(j => new XElement(Oai + "set", new XElement(Oai + "setSpec", SetOf(j)), new XElement(Oai + "setName", j.Title))));

    private static string SetOf(Journal journal) => journal.Publication.Path is { Length: > 0 } path ? path : journal.Id.ToString();

    private static async Task<XElement> GetRecord(string identifier, string prefix, HttpContext http, IPublicationQueries publications, IJournalQueries journals)
    {
        CheckFormat(prefix);
        var article = await Named(identifier, publications);
        var journal = await journals.Find(article.Journal) ?? throw new Fault("idDoesNotExist", "There is no published article with this identifier.");
        return new XElement(Oai + "GetRecord", Record(article, journal, prefix, http));
    }

    private static void CheckFormat(string prefix)
    {
        if (Formats.All(f => f.Prefix != prefix)) throw new Fault("cannotDisseminateFormat", $"Records come as {string.Join(" or ", Formats.Select(f => f.Prefix))}.");
    }

    // A token is the list's request and where the next page starts, so any node can answer it.
    private sealed record Resumption(string Prefix, DateTimeOffset? From, DateTimeOffset? Until, string? Set, int Offset);

    private static string Token(Resumption r) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(r))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Resumption Untoken(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            return System.Text.Json.JsonSerializer.Deserialize<Resumption>(Convert.FromBase64String(padded)) is { Offset: >= 0 } r
                ? r
                : throw new Fault("badResumptionToken", "This resumption token is not one the portal gave.");
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            throw new Fault("badResumptionToken", "This resumption token is not one the portal gave.");
        }
    }

    private static DateTimeOffset? Moment(string? text, bool endOfDay)
    {
        if (text is null) return null;
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact)) return exact;
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day))
            return endOfDay ? day.AddDays(1).AddTicks(-1) : day;
        throw new Fault("badArgument", "Dates are YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.");
    }

    private static async Task<XElement> List(bool records, string? prefix, string? from, string? until, string? set, string? token, HttpContext http,
        IPublicationQueries publications, IJournalQueries journals)
    {
        var request = token is not null ? Untoken(token)
            : new Resumption(prefix ?? throw Missing("metadataPrefix"), Moment(from, false), Moment(until, true), set, 0);
        CheckFormat(request.Prefix);
        if (from is not null && until is not null && from.Length != until.Length) throw new Fault("badArgument", "from and until are given at the same granularity.");
        if (request.From > request.Until) throw new Fault("badArgument", "from comes after until.");
        Guid? journal = null;
        Journal? only = null;
        if (request.Set is { } spec)
        {
            only = await publications.JournalAt(spec) ?? throw new Fault("noRecordsMatch", "There is no such set.");
            journal = only.Id;
        }
        var (articles, total) = await publications.Changed(journal, request.From, request.Until, request.Offset, PageSize);
        if (total == 0) throw new Fault("noRecordsMatch", "No published article matches.");
        if (articles.Count == 0) throw new Fault("badResumptionToken", "This resumption token is past the end of its list.");
        var titles = only is not null ? new Dictionary<Guid, Journal> { [only.Id] = only }
            : (await Task.WhenAll(articles.Select(a => a.Journal).Distinct().Select(journals.Find))).OfType<Journal>().ToDictionary(j => j.Id);
        var next = request.Offset + articles.Count;
        var resumption = new XElement(Oai + "resumptionToken", new XAttribute("completeListSize", total), new XAttribute("cursor", request.Offset),
            next < total ? Token(request with { Offset = next }) : "");
        return new XElement(Oai + (records ? "ListRecords" : "ListIdentifiers"),
            articles.Where(a => titles.ContainsKey(a.Journal)).Select(a => records ? Record(a, titles[a.Journal], request.Prefix, http) : Header(a, titles[a.Journal])),
            request.Offset > 0 || next < total ? resumption : null);
    }

    private static XElement Header(PublishedArticle a, Journal journal) =>
        new(Oai + "header", a.Status == PublicationStatus.Unpublished ? new XAttribute("status", "deleted") : null, new XElement(Oai + "identifier", Identifier(a)), new XElement(Oai + "datestamp", Stamp(a.LastChangedAt)), new XElement(Oai + "setSpec", SetOf(journal)));

    private static XElement Record(PublishedArticle a, Journal journal, string prefix, HttpContext http)
    {
        // A deleted record is its header alone.
        if (a.Status == PublicationStatus.Unpublished) return new XElement(Oai + "record", Header(a, journal));
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var pdf = a.Metadata.Galleys.FirstOrDefault(g => g.Format == Domain.Production.GalleyFormat.Pdf) is { } galley ? $"{site}{ReaderLinks.Galley(a, galley)}" : null;
        var metadata = prefix == "jats" ? JatsArticle.FrontMatter(a, journal, pdf).Root! : DublinCore(a, journal, site);
        return new XElement(Oai + "record", Header(a, journal), new XElement(Oai + "metadata", metadata));
    }

    private static XElement DublinCore(PublishedArticle a, Journal journal, string site)
    {
        var m = a.Metadata;
        return new XElement(OaiDc + "dc",
            new XAttribute(XNamespace.Xmlns + "oai_dc", OaiDc), new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XAttribute(Xsi + "schemaLocation", "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd"),
            new XElement(Dc + "title", m.Title),
            m.Authors.Select(x => new XElement(Dc + "creator", x.Name)),
            m.Keywords.Select(k => new XElement(Dc + "subject", k)),
            new XElement(Dc + "description", m.Abstract),
            string.IsNullOrWhiteSpace(journal.Production.Publisher) ? null : new XElement(Dc + "publisher", journal.Production.Publisher),
            new XElement(Dc + "date", a.PublishedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new XElement(Dc + "type", "Text"),
            new XElement(Dc + "type", m.Details.Section),
            m.Galleys.Select(g => new XElement(Dc + "format", g.File.MediaType)).DistinctBy(e => e.Value),
            new XElement(Dc + "identifier", $"{site}{ReaderLinks.Article(a)}"),
            a.Doi is { } doi ? new XElement(Dc + "identifier", Dois.Link(doi)) : null,
            new XElement(Dc + "source", journal.Issn is { Length: > 0 } issn ? $"{journal.Title}; ISSN {issn}" : journal.Title),
            new XElement(Dc + "language", m.Galleys.FirstOrDefault()?.Language ?? "en"),
            new XElement(Dc + "rights", m.Details.LicenceUrl));
    }
}
