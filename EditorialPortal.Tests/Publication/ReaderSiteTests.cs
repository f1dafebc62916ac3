using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Publication;

/// <summary>The reader site as browsers, caches and indexers meet it: no cookie, validators and 304s, Highwire tags, and nothing before its time.</summary>
// An issue scheduled three hours ahead comes out when the clock moves past it, which would end others' one-hour bearer tokens.
[Collection(nameof(TimeTravel))]
public sealed class ReaderSiteTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Anonymous() => fixture.Portal.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    private async Task<(JournalRef Journal, Guid Submission, Guid Article, PersonAccount Pia)> Ready(string? prefix = "10.55555")
    {
        var (journal, people) = await PublishingJournal(prefix);
        var submission = await ReadyIn(journal, people, "Tides <i>and</i> \"plankton\"", author: "Alice Marie Author");
        return (journal, submission, PublishedArticle.StreamOf(submission), people.Pia);
    }

    private sealed record Staff(PersonAccount Erin, PersonAccount Rita, PersonAccount Pia);

    private async Task<(JournalRef Journal, Staff People)> PublishingJournal(string? prefix = "10.55555")
    {
        var backstage = fixture.Backstage;
        var journal = await backstage.NewJournal();
        await backstage.ChangePublicationSettings(journal, new PublicationSettings($"site-{journal.Id.ToString()[^8..]}", prefix));
        var (erin, rita, pia) = (await backstage.NewAccount("Erin Editor"), await backstage.NewAccount("Rita Reviewer"), await backstage.NewAccount("Pia Production"));
        await backstage.Grant(journal, erin, JournalRole.EditorInChief);
        await backstage.Grant(journal, pia, JournalRole.ProductionEditor);
        return (journal, new Staff(erin, rita, pia));
    }

    /// <summary>A manuscript of the journal's, accepted and produced: answers the manuscript's id.</summary>
    private async Task<Guid> ReadyIn(JournalRef journal, Staff people, string title, string author = "Alice Author", string? fullText = null)
    {
        var backstage = fixture.Backstage;
        return (await backstage.ArticleReadyToPublish(journal, await backstage.NewAccount(author), people.Erin, people.Rita, people.Pia, title, fullText)).Id;
    }

    private async Task Publish(Guid article, PersonAccount pia, DateTimeOffset? at = null)
    {
        var desk = fixture.Portal.Services.GetRequiredService<IEditorialDesk>();
        var actor = new Actor(pia.Id, pia.Name, pia.Email);
        if ((await desk.Execute(article, new AssignDoi($"10.55555/{Dois.RandomSuffix(article)}"), actor)) is CommandOutcome.Refused refused) Assert.Fail(refused.Refusal.Message);
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(article, new PublishArticle(at), actor));
    }

    [Fact]
    public async Task A_landing_page_carries_the_highwire_tags_sets_no_cookie_and_answers_304_to_a_reader_whose_copy_is_current()
    {
        var (journal, _, article, pia) = await Ready();
        await Publish(article, pia);
        using var client = Anonymous();

        var response = await client.GetAsync($"/articles/{article}", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), "An anonymous reader was given a cookie.");
        Assert.True(response.Headers.CacheControl is { Public: true, MaxAge: not null });
        var etag = response.Headers.ETag!;
        Assert.NotNull(response.Content.Headers.LastModified);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Token));
        string? Meta(string name) => page.QuerySelector($"meta[name={name}]")?.GetAttribute("content");
        Assert.Equal("Tides <i>and</i> \"plankton\"", Meta("citation_title"));
        Assert.Equal("Tides <i>and</i> \"plankton\"", page.QuerySelector("article h1")!.TextContent);
        Assert.Equal(["Alice Marie Author"], page.QuerySelectorAll("meta[name=citation_author]").Select(m => m.GetAttribute("content")));
        Assert.Equal("University of Alice Marie Author", Meta("citation_author_institution"));
        Assert.Equal($"10.55555/{Dois.RandomSuffix(article)}", Meta("citation_doi"));
        Assert.Equal(journal.Title, Meta("citation_journal_title"));
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}$", Meta("citation_publication_date")!);
        var pdf = new Uri(Meta("citation_pdf_url")!);
        Assert.Equal(client.BaseAddress!.Host, pdf.Host);
        var galley = await client.GetAsync(pdf.PathAndQuery, Token);
        Assert.Equal("application/pdf", galley.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await galley.Content.ReadAsByteArrayAsync(Token))[..4]);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/articles/{article}");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again, Token)).StatusCode);

        var ris = await client.GetStringAsync($"/articles/{article}/cite.ris", Token);
        Assert.Contains($"DO  - 10.55555/{Dois.RandomSuffix(article)}", ris);
    }

    [Fact]
    public async Task A_scheduled_article_an_unknown_one_and_one_merely_ready_are_alike_not_found_everywhere()
    {
        var (journal, _, scheduled, pia) = await Ready();
        await Publish(scheduled, pia, at: fixture.Clock.GetUtcNow().AddDays(30));
        var (_, _, ready, _) = await Ready();
        using var client = Anonymous();

        foreach (var article in new[] { scheduled, ready, Guid.NewGuid() })
            foreach (var path in new[] { $"/articles/{article}", $"/articles/{article}/cite.bib", $"/articles/{article}/cite.ris", $"/articles/{article}/galleys/{Guid.NewGuid()}" })
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path, Token)).StatusCode);
        var home = await client.GetStringAsync($"/read/{journal.Id}", Token);
        Assert.Contains("Nothing is published here yet.", home);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/read/no-such-journal", Token)).StatusCode);
    }

    [Fact]
    public async Task Publishing_twice_over_the_api_publishes_once_and_a_taken_doi_is_refused()
    {
        var (_, submission, article, pia) = await Ready();
        using var api = await fixture.ApiClient(pia);
        var offered = (await api.GetFromJsonAsync<PublicationSnapshot>($"/api/publication/{submission}", Http.HttpProtocol.Json, Token))!;
        Assert.Equal($"10.55555/{Dois.RandomSuffix(article)}", offered.SuggestedDoi);
        Assert.True((await api.PostAsJsonAsync($"/api/publication/{submission}/doi", new { doi = offered.SuggestedDoi }, Token)).IsSuccessStatusCode);
        Assert.True((await api.PostAsync($"/api/publication/{submission}/publishing", null, Token)).IsSuccessStatusCode);
        Assert.True((await api.PostAsync($"/api/publication/{submission}/publishing", null, Token)).IsSuccessStatusCode);
        var facts = await fixture.Portal.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession().Events.FetchStreamAsync(article, token: Token);
        Assert.Single(facts, e => e.Data is ArticlePublished);

        var deposit = await api.GetAsync($"/api/publication/{submission}/crossref", Token);
        Assert.Equal("application/xml", deposit.Content.Headers.ContentType?.MediaType);
        Assert.Empty(EditorialPortal.Publication.Crossref.CrossrefValidation.Problems(await deposit.Content.ReadAsStringAsync(Token)));
        using (var anonymous = Anonymous())
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/publication/{submission}/crossref", Token)).StatusCode);

        var (_, other, _, otherPia) = await Ready();
        using (var early = await fixture.ApiClient(otherPia))
            Assert.Equal(HttpStatusCode.Conflict, (await early.GetAsync($"/api/publication/{other}/crossref", Token)).StatusCode);
        using var otherApi = await fixture.ApiClient(otherPia);
        var taken = await otherApi.PostAsJsonAsync($"/api/publication/{other}/doi", new { doi = offered.SuggestedDoi }, Token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        Assert.Contains("never reused", await taken.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task The_atom_feed_and_the_sitemap_list_what_is_published_and_nothing_scheduled()
    {
        var (journal, _, published, pia) = await Ready();
        await Publish(published, pia);
        var (_, _, scheduled, otherPia) = await Ready();
        await Publish(scheduled, otherPia, at: fixture.Clock.GetUtcNow().AddDays(30));
        using var client = Anonymous();

        var feed = await client.GetAsync($"/read/{journal.Id}/feed.atom", Token);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var atom = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync(Token));
        System.Xml.Linq.XNamespace a = "http://www.w3.org/2005/Atom";
        var root = atom.Root!;
        Assert.Equal(a + "feed", root.Name);
        Assert.Single(root.Elements(a + "id"));
        Assert.Equal(journal.Title, root.Element(a + "title")!.Value);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", root.Element(a + "updated")!.Value);
        var entry = Assert.Single(root.Elements(a + "entry"));
        Assert.Equal(Dois.Link($"10.55555/{Dois.RandomSuffix(published)}"), entry.Element(a + "id")!.Value);
        Assert.EndsWith($"/articles/{published}", entry.Element(a + "link")!.Attribute("href")!.Value);
        var landing = new HtmlParser().ParseDocument(await client.GetStringAsync($"/articles/{published}", Token));
        Assert.EndsWith("/feed.atom", landing.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));

        System.Xml.Linq.XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var index = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/sitemap.xml", Token));
        var pages = index.Root!.Elements(sm + "sitemap").Select(e => new Uri(e.Element(sm + "loc")!.Value).AbsolutePath).ToList();
        Assert.Contains("/sitemaps/journals.xml", pages);
        var listed = new List<string>();
        foreach (var page in pages.Where(p => p.StartsWith("/sitemaps/articles-")))
            listed.AddRange(System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(page, Token)).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value));
        Assert.Contains(listed, l => l.EndsWith($"/articles/{published}"));
        Assert.DoesNotContain(listed, l => l.EndsWith($"/articles/{scheduled}"));
        Assert.Contains("Sitemap: ", await client.GetStringAsync("/robots.txt", Token));
    }

    private static readonly System.Xml.Linq.XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";

    private async Task<System.Xml.Linq.XElement> Harvest(HttpClient client, string query) =>
        System.Xml.Linq.XDocument.Parse(await client.GetStringAsync($"/oai?{query}", Token)).Root!;

    [Fact]
    public async Task A_harvester_gets_published_articles_over_oai_pmh_in_dublin_core_and_jats_and_protocol_errors_for_bad_requests()
    {
        var (journal, _, published, pia) = await Ready();
        await Publish(published, pia);
        var (_, _, scheduled, otherPia) = await Ready();
        await Publish(scheduled, otherPia, at: fixture.Clock.GetUtcNow().AddDays(30));
        using var client = Anonymous();
        var set = $"site-{journal.Id.ToString()[^8..]}";

        var identify = await Harvest(client, "verb=Identify");
        Assert.Equal("2.0", identify.Element(Oai + "Identify")!.Element(Oai + "protocolVersion")!.Value);
        Assert.Contains(set, (await Harvest(client, "verb=ListSets")).Descendants(Oai + "setSpec").Select(e => e.Value));

        var records = (await Harvest(client, $"verb=ListRecords&metadataPrefix=oai_dc&set={set}")).Element(Oai + "ListRecords")!.Elements(Oai + "record").ToList();
        var record = Assert.Single(records);
        var identifier = record.Element(Oai + "header")!.Element(Oai + "identifier")!.Value;
        Assert.EndsWith(published.ToString(), identifier);
        System.Xml.Linq.XNamespace dc = "http://purl.org/dc/elements/1.1/";
        Assert.Contains(Dois.Link($"10.55555/{Dois.RandomSuffix(published)}"), record.Descendants(dc + "identifier").Select(e => e.Value));

        var jats = (await Harvest(client, $"verb=GetRecord&identifier={Uri.EscapeDataString(identifier)}&metadataPrefix=jats")).Descendants("article").Single();
        Assert.Equal($"10.55555/{Dois.RandomSuffix(published)}", jats.Descendants("article-id").Single(e => (string?)e.Attribute("pub-id-type") == "doi").Value);
        using (var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(jats.ToString())))
            Assert.Empty(EditorialPortal.Production.Jats.JatsValidation.Problems(stream));

        string Error(System.Xml.Linq.XElement root) => (string)root.Element(Oai + "error")!.Attribute("code")!;
        Assert.Equal("badVerb", Error(await Harvest(client, "verb=Harvest")));
        Assert.Equal("badVerb", Error(await Harvest(client, "")));
        Assert.Equal("badArgument", Error(await Harvest(client, "verb=ListRecords")));
        Assert.Equal("badArgument", Error(await Harvest(client, "verb=Identify&extra=1")));
        Assert.Equal("badArgument", Error(await Harvest(client, "verb=ListRecords&metadataPrefix=oai_dc&from=yesterday")));
        Assert.Equal("cannotDisseminateFormat", Error(await Harvest(client, $"verb=ListRecords&metadataPrefix=marc&set={set}")));
        Assert.Equal("idDoesNotExist", Error(await Harvest(client, $"verb=GetRecord&identifier=oai:editorialportal:article/{scheduled}&metadataPrefix=oai_dc")));
        Assert.Equal("badResumptionToken", Error(await Harvest(client, "verb=ListRecords&resumptionToken=not-a-token")));
        Assert.Equal("noRecordsMatch", Error(await Harvest(client, "verb=ListRecords&metadataPrefix=oai_dc&set=no-such-journal")));
    }

    [Fact]
    public async Task An_issue_scheduled_with_its_articles_is_unseen_before_its_time_then_its_table_of_contents_citations_jats_and_deposit_carry_volume_issue_and_pages()
    {
        var (journal, people) = await PublishingJournal();
        var (first, second) = (PublishedArticle.StreamOf(await ReadyIn(journal, people, "Estuary fronts")), PublishedArticle.StreamOf(await ReadyIn(journal, people, "Salt wedges")));
        var desk = fixture.Portal.Services.GetRequiredService<IEditorialDesk>();
        var pia = new Actor(people.Pia.Id, people.Pia.Name, people.Pia.Email);
        async Task Do(Guid stream, Command command)
        {
            if (await desk.Execute(stream, command, pia) is CommandOutcome.Refused refused) Assert.Fail(refused.Refusal.Message);
        }
        foreach (var article in new[] { first, second }) await Do(article, new AssignDoi($"10.55555/{Dois.RandomSuffix(article)}"));
        var issue = Domain.Issues.JournalIssue.StreamOf(journal.Id, 7, 2);
        await Do(issue, new Domain.Issues.CreateIssue(journal.Id, 7, 2, 2026, "Estuaries"));
        await Do(issue, new Domain.Issues.PlanArticle(first, Pages: "101-119"));
        await Do(issue, new Domain.Issues.PlanArticle(second, Position: 0, Pages: "e1002"));
        var due = fixture.Clock.GetUtcNow().AddHours(3);
        await Do(issue, new Domain.Issues.PublishIssue(due));
        using var client = Anonymous();
        var path = $"site-{journal.Id.ToString()[^8..]}";

        await fixture.Backstage.PublishingRuns();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/read/{path}/issues/7/2", Token)).StatusCode);
        Assert.DoesNotContain($"/read/{path}/issues/7/2<", await client.GetStringAsync("/sitemaps/journals.xml", Token));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/articles/{first}", Token)).StatusCode);

        fixture.Clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        try
        {
            await fixture.Backstage.PublishingRuns();
            var toc = new HtmlParser().ParseDocument(await client.GetStringAsync($"/read/{path}/issues/7/2", Token));
            Assert.Equal("Volume 7, Issue 2 (2026)", toc.QuerySelector("h1")!.TextContent);
            Assert.Equal(["Salt wedges", "Estuary fronts"], toc.QuerySelectorAll(".article-title").Select(a => a.TextContent));
            Assert.Contains("Volume 7, Issue 2 (2026)", await client.GetStringAsync($"/read/{path}/issues", Token));
            Assert.Contains($"/read/{path}/issues/7/2</loc>", await client.GetStringAsync("/sitemaps/journals.xml", Token));

            var landing = new HtmlParser().ParseDocument(await client.GetStringAsync($"/articles/{first}", Token));
            string? Meta(string name) => landing.QuerySelector($"meta[name={name}]")?.GetAttribute("content");
            Assert.Equal(["7", "2", "101", "119"], new[] { "citation_volume", "citation_issue", "citation_firstpage", "citation_lastpage" }.Select(Meta));
            Assert.Contains("pages = {101--119}", await client.GetStringAsync($"/articles/{first}/cite.bib", Token));
            Assert.Contains("volume = {7}", await client.GetStringAsync($"/articles/{first}/cite.bib", Token));

            var publications = fixture.Portal.Services.GetRequiredService<IPublicationQueries>();
            var published = (await publications.Published(first))!;
            Assert.Equal(due, published.PublishedAt);
            var found = (await fixture.Portal.Services.GetRequiredService<IJournalQueries>().Find(journal.Id))!;
            var jats = EditorialPortal.Production.Jats.JatsArticle.FrontMatter(published, found, null).ToString();
            Assert.Contains("<fpage>101</fpage>", jats);
            using (var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(jats)))
                Assert.Empty(EditorialPortal.Production.Jats.JatsValidation.Problems(stream));
            var numbered = EditorialPortal.Production.Jats.JatsArticle.FrontMatter((await publications.Published(second))!, found, null).ToString();
            Assert.Contains("<elocation-id>e1002</elocation-id>", numbered);
            var deposit = EditorialPortal.Publication.Crossref.CrossrefDeposit.Of(published, found, new("Coastal Press", "crossref@coastal.example"), "https://j.example");
            Assert.Empty(EditorialPortal.Publication.Crossref.CrossrefValidation.Problems($"{deposit.Declaration}\n{deposit.Root}"));
            Assert.Contains("<issue>2</issue>", deposit.ToString());
        }
        finally
        {
            fixture.Clock.Advance(-(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1)));
        }
    }

    [Fact]
    public async Task A_journal_publishing_continuously_numbers_its_articles_in_the_order_they_come_out_and_its_jats_and_deposit_carry_the_number()
    {
        var (journal, people) = await PublishingJournal();
        await fixture.Backstage.ChangePublicationSettings(journal, new PublicationSettings($"site-{journal.Id.ToString()[^8..]}", "10.55555", NumbersArticles: true));
        var (first, second) = (PublishedArticle.StreamOf(await ReadyIn(journal, people, "Upwelling one")), PublishedArticle.StreamOf(await ReadyIn(journal, people, "Upwelling two")));
        await Publish(second, people.Pia);
        await Publish(first, people.Pia);
        using var client = Anonymous();

        var publications = fixture.Portal.Services.GetRequiredService<IPublicationQueries>();
        Assert.Equal(["e1", "e2"], new[] { (await publications.Published(second))!.ArticleNumber, (await publications.Published(first))!.ArticleNumber });
        var landing = new HtmlParser().ParseDocument(await client.GetStringAsync($"/articles/{first}", Token));
        Assert.Equal("e2", landing.QuerySelector("meta[name=citation_firstpage]")?.GetAttribute("content"));
        Assert.Null(landing.QuerySelector("meta[name=citation_volume]"));

        var published = (await publications.Published(first))!;
        var found = (await fixture.Portal.Services.GetRequiredService<IJournalQueries>().Find(journal.Id))!;
        var jats = EditorialPortal.Production.Jats.JatsArticle.FrontMatter(published, found, null).ToString();
        Assert.Contains("<elocation-id>e2</elocation-id>", jats);
        using (var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(jats)))
            Assert.Empty(EditorialPortal.Production.Jats.JatsValidation.Problems(stream));
        var deposit = EditorialPortal.Publication.Crossref.CrossrefDeposit.Of(published, found, new("Coastal Press", "crossref@coastal.example"), "https://j.example");
        Assert.Empty(EditorialPortal.Publication.Crossref.CrossrefValidation.Problems($"{deposit.Declaration}\n{deposit.Root}"));
        Assert.Contains("article_number\">e2</item_number>", deposit.ToString());
    }

    [Fact]
    public async Task The_archive_pages_by_place_older_and_newer_each_article_once_in_order_the_articles_of_an_issue_too()
    {
        var journal = Guid.CreateVersion7();
        var at = fixture.Clock.GetUtcNow().AddYears(-1);
        var metadata = new ArticleMetadata(Domain.Submissions.ManuscriptType.ResearchArticle, "Paged", "Paged.", [], [], new Domain.Production.PublicationDetails("CC BY 4.0", "", "", 2026, ""),
            at, [], at, []);
        // Twelve published at one moment, as an issue's are, among 33 published a day apart; one scheduled, not listed.
        var articles = Enumerable.Range(0, 45).Select(n => new PublishedArticle(Guid.NewGuid(), Guid.NewGuid(), journal, Guid.Empty, metadata with { Title = $"Paged {n}" }, at)
        {
            Status = n == 44 ? PublicationStatus.Scheduled : PublicationStatus.Published, PublishedAt = n < 12 ? at.AddDays(40) : at.AddDays(n), LastChangedAt = at
        }).ToList();
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Store<PublishedArticle>([.. articles]);
            await session.SaveChangesAsync(Token);
        }
        var expected = articles.Where(a => a.IsPublic).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id.ToString("N"), StringComparer.Ordinal)
            .Select(a => a.Id).ToList();
        var publications = fixture.Portal.Services.GetRequiredService<IPublicationQueries>();

        var seen = new List<Guid>();
        var page = await publications.PublishedIn(journal, null, 10);
        Assert.Null(page.Newer);
        seen.AddRange(page.Items.Select(a => a.Id));
        while (page.Older is { } older)
        {
            page = await publications.PublishedIn(journal, ArchivePlace.Parse(older.ToString()), 10);
            seen.AddRange(page.Items.Select(a => a.Id));
        }
        Assert.Equal(expected, seen);
        Assert.Equal((44, 4), (page.Total, page.Items.Count));

        var back = new List<Guid>(page.Items.Select(a => a.Id));
        while (page.Newer is { } newer)
        {
            page = await publications.PublishedIn(journal, newer, 10);
            back.InsertRange(0, page.Items.Select(a => a.Id));
        }
        Assert.Equal(expected, back);
        Assert.Null(ArchivePlace.Parse("before-99999999999999999999-x"));
    }

    private const string CourtOrder = "A court ordered the journal to take the article down: Figure 3 shows a person who can be recognised and did not consent.";

    [Fact]
    public async Task An_unpublished_article_leaves_a_tombstone_at_its_address_is_deleted_for_harvesters_and_gone_from_every_list()
    {
        var (journal, people) = await PublishingJournal();
        var article = PublishedArticle.StreamOf(await ReadyIn(journal, people, "Harbour seals counted from drones"));
        await Publish(article, people.Pia);
        var desk = fixture.Portal.Services.GetRequiredService<IEditorialDesk>();
        var pia = new Actor(people.Pia.Id, people.Pia.Name, people.Pia.Email);
        using var client = Anonymous();
        var path = $"site-{journal.Id.ToString()[^8..]}";
        var identifier = Uri.EscapeDataString($"oai:editorialportal:article/{article}");

        var refused = Assert.IsType<CommandOutcome.Refused>(await desk.Execute(article, new UnpublishArticle("   "), pia));
        Assert.Equal("reason", Assert.IsType<Refusal.Invalid>(refused.Refusal).Errors.Single().Field);
        Assert.IsType<CommandOutcome.Refused>(await desk.Execute(article, new UnpublishArticle(CourtOrder), new Actor(people.Erin.Id, people.Erin.Name, people.Erin.Email)));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(article, new UnpublishArticle(CourtOrder), pia));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(article, new UnpublishArticle(CourtOrder), pia));
        await fixture.Backstage.PublishingRuns();

        var tombstone = await client.GetAsync($"/articles/{article}", Token);
        Assert.Equal(HttpStatusCode.Gone, tombstone.StatusCode);
        var page = new HtmlParser().ParseDocument(await tombstone.Content.ReadAsStringAsync(Token));
        Assert.Equal("Harbour seals counted from drones", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("This article has been removed.", page.QuerySelector(".notice-banner strong")!.TextContent);
        Assert.Contains(CourtOrder, page.QuerySelector(".notice-text")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("meta[name^=citation_]"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/articles/{article}/cite.bib", Token)).StatusCode);
        Assert.DoesNotContain("Harbour seals", await client.GetStringAsync($"/read/{path}", Token));
        Assert.DoesNotContain("Harbour seals", await client.GetStringAsync($"/read/{path}/search?q=seals", Token));
        Assert.DoesNotContain("Harbour seals", await client.GetStringAsync($"/read/{path}/feed.atom", Token));

        Assert.Equal("persistent", (await Harvest(client, "verb=Identify")).Descendants(Oai + "deletedRecord").Single().Value);
        var record = (await Harvest(client, $"verb=GetRecord&identifier={identifier}&metadataPrefix=oai_dc")).Descendants(Oai + "record").Single();
        Assert.Equal("deleted", (string?)record.Element(Oai + "header")!.Attribute("status"));
        Assert.Null(record.Element(Oai + "metadata"));
        var listed = (await Harvest(client, $"verb=ListIdentifiers&metadataPrefix=oai_dc&set={path}")).Descendants(Oai + "header").Single();
        Assert.Equal("deleted", (string?)listed.Attribute("status"));

        Assert.IsType<CommandOutcome.Refused>(await desk.Execute(article, new PublishArticle(), pia));
        Assert.IsType<CommandOutcome.Refused>(await desk.Execute(article, new PublishNotice(Guid.NewGuid(), ArticleNoticeKind.Correction, "Late.", null), pia));
        Assert.Equal(PublicationStatus.Unpublished, (await fixture.Portal.Services.GetRequiredService<IPublicationQueries>().Unpublished(article))?.Status);
    }

    [Fact]
    public async Task A_new_version_of_record_is_what_readers_get_while_each_earlier_version_stays_readable_as_it_was_marked_superseded_and_the_doi_is_deposited_again()
    {
        var (journal, people) = await PublishingJournal();
        var submission = await ReadyIn(journal, people, "Tidal plankton countd by hand");
        var (article, production) = (PublishedArticle.StreamOf(submission), EditorialPortal.Domain.Production.ArticleProduction.StreamOf(submission));
        await Publish(article, people.Pia);
        await fixture.Backstage.PublishingRuns();
        var desk = fixture.Portal.Services.GetRequiredService<IEditorialDesk>();
        var publications = fixture.Portal.Services.GetRequiredService<IPublicationQueries>();
        var pia = new Actor(people.Pia.Id, people.Pia.Name, people.Pia.Email);
        const string Note = "The title's typing slip is corrected.";

        Assert.Equal("note", Assert.IsType<Refusal.Invalid>(Assert.IsType<CommandOutcome.Refused>(
            await desk.Execute(article, new BeginNewVersion(VersionKind.Minor, "  "), pia)).Refusal).Errors.Single().Field);
        Assert.IsType<CommandOutcome.Refused>(await desk.Execute(article, new BeginNewVersion(VersionKind.Minor, Note), new Actor(people.Erin.Id, people.Erin.Name, people.Erin.Email)));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(article, new BeginNewVersion(VersionKind.Minor, Note), pia));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(article, new BeginNewVersion(VersionKind.Minor, Note), pia));
        Assert.IsType<CommandOutcome.Refused>(await desk.Execute(article, new BeginNewVersion(VersionKind.Major, "Something else."), pia));
        Assert.IsType<CommandOutcome.Refused>(await desk.Execute(article, new PublishNewVersion(), pia));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(production, new EditorialPortal.Domain.Production.CorrectArticleMetadata("Tidal plankton counted by hand",
            "We counted plankton by hand at every tide for a year.", ["plankton", "tides"]), pia));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(production, new EditorialPortal.Domain.Production.MarkReadyToPublish(), pia));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(article, new PublishNewVersion(), pia));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(article, new PublishNewVersion(), pia));
        await fixture.Backstage.PublishingRuns();

        var published = (await publications.Published(article))!;
        Assert.Equal([1, 2], published.Versions.Select(v => v.Number));
        Assert.Null(published.Preparing);
        Assert.Equal(2, published.Deposits.Count);
        Assert.All(published.Deposits, d => Assert.NotEqual(DepositStatus.Queued, d.Status));
        var found = (await fixture.Portal.Services.GetRequiredService<IJournalQueries>().Find(journal.Id))!;
        var deposit = EditorialPortal.Publication.Crossref.CrossrefDeposit.Of(published, found, new("Coastal Press", "crossref@coastal.example"), "https://j.example");
        Assert.Empty(EditorialPortal.Publication.Crossref.CrossrefValidation.Problems($"{deposit.Declaration}\n{deposit.Root}"));
        Assert.Contains("Tidal plankton counted by hand", deposit.ToString());
        var jats = EditorialPortal.Production.Jats.JatsArticle.FrontMatter(published, found, null);
        Assert.Equal("2", jats.Descendants("article-version").Single().Value);
        using (var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(jats.ToString())))
            Assert.Empty(EditorialPortal.Production.Jats.JatsValidation.Problems(stream));

        using var client = Anonymous();
        var current = new HtmlParser().ParseDocument(await client.GetStringAsync($"/articles/{article}", Token));
        Assert.Equal("Tidal plankton counted by hand", current.QuerySelector("h1")!.TextContent);
        Assert.Equal("Tidal plankton counted by hand", current.QuerySelector("meta[name=citation_title]")?.GetAttribute("content"));
        Assert.Contains(Note, current.QuerySelector(".versions")!.TextContent);
        Assert.Null(current.QuerySelector(".notice-superseded"));

        var first = await client.GetAsync($"/articles/{article}/versions/1", Token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var superseded = new HtmlParser().ParseDocument(await first.Content.ReadAsStringAsync(Token));
        Assert.Equal("Tidal plankton countd by hand", superseded.QuerySelector("h1")!.TextContent);
        Assert.Contains("It has been superseded.", superseded.QuerySelector(".notice-superseded")!.TextContent);
        Assert.Empty(superseded.QuerySelectorAll("meta[name^=citation_]"));
        Assert.EndsWith($"/articles/{article}", superseded.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var oldPdf = superseded.QuerySelector("a.galley")!.GetAttribute("href")!;
        Assert.StartsWith($"/articles/{article}/versions/1/galleys/", oldPdf);
        var kept = await client.GetAsync(oldPdf, Token);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Contains("immutable", kept.Headers.CacheControl!.ToString());

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/articles/{article}/versions/2", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/articles/{article}/versions/3", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/articles/{Guid.NewGuid()}/versions/1", Token)).StatusCode);
    }

    [Fact]
    public async Task A_major_version_takes_new_galleys_through_typesetting_and_the_superseded_version_keeps_the_galley_it_had()
    {
        var (journal, people) = await PublishingJournal();
        var submission = await ReadyIn(journal, people, "Seagrass meadows mapped from kayaks");
        var (article, production) = (PublishedArticle.StreamOf(submission), EditorialPortal.Domain.Production.ArticleProduction.StreamOf(submission));
        await Publish(article, people.Pia);
        var desk = fixture.Portal.Services.GetRequiredService<IEditorialDesk>();
        var pia = new Actor(people.Pia.Id, people.Pia.Name, people.Pia.Email);
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(article, new BeginNewVersion(VersionKind.Major, "Figure 2 is redrawn with the full transects."), pia));
        var produced = (await fixture.Portal.Services.GetRequiredService<EditorialPortal.Domain.Production.IProductionQueries>().OfSubmission(submission, pia))!;
        Assert.Null(produced.ReadyAt);
        Assert.Equal(2, produced.VersionOfRecord);
        var galley = produced.Galleys.Single();

        var round = Guid.CreateVersion7();
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(production, new EditorialPortal.Domain.Production.AssignTypesetting(round, people.Pia.Id, fixture.Clock.GetUtcNow().AddDays(3)), pia));
        var redrawn = SamplePdfs.Titled("Seagrass meadows mapped from kayaks, with the full transects");
        using (var pdf = new MemoryStream(redrawn))
            Assert.IsType<CommandOutcome.Accepted>(await fixture.Portal.Services.GetRequiredService<EditorialPortal.Production.ProductionIntake>().Take(submission, "article-v2.pdf", pdf,
                upload => new EditorialPortal.Domain.Production.UploadGalley(round, galley.Id, EditorialPortal.Domain.Production.GalleyFormat.Pdf, "PDF", "en", 1, upload), pia,
                EditorialPortal.Domain.Production.GalleyFormat.Pdf, cancellationToken: Token));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(production, new EditorialPortal.Domain.Production.CompleteTypesetting(round), pia));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(production, new EditorialPortal.Domain.Production.MarkReadyToPublish(), pia));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(article, new PublishNewVersion(), pia));

        using var client = Anonymous();
        Assert.Equal(redrawn, await client.GetByteArrayAsync($"/articles/{article}/galleys/{galley.Id}", Token));
        var before = await client.GetByteArrayAsync($"/articles/{article}/versions/1/galleys/{galley.Id}", Token);
        Assert.NotEqual(redrawn, before);
        Assert.Equal(galley.Current.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(before)));
    }

    private sealed record PublicationSnapshot(string? SuggestedDoi, string? Doi, PublicationStatus Status);

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> Searched(HttpClient client, JournalRef journal, string query)
    {
        var response = await client.GetAsync($"/read/{journal.Id}/search?{query}", Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), "A search gave the reader a cookie.");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Token));
    }

    private static IReadOnlyList<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".article-item a.article-title").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task Search_ranks_title_matches_first_reads_the_full_text_marks_the_words_and_never_shows_what_is_not_out()
    {
        var (journal, people) = await PublishingJournal();
        var titled = PublishedArticle.StreamOf(await ReadyIn(journal, people, "Tides of the Pacific shelf"));
        var keyworded = PublishedArticle.StreamOf(await ReadyIn(journal, people, "Estuary sediments under storms"));
        var bodied = PublishedArticle.StreamOf(await ReadyIn(journal, people, "Ocean heat budgets", fullText: "Zooplankton grazing rates doubled under warm anomalies."));
        var embargoed = PublishedArticle.StreamOf(await ReadyIn(journal, people, "Tides that come later"));
        foreach (var article in new[] { titled, keyworded, bodied }) await Publish(article, people.Pia);
        await Publish(embargoed, people.Pia, at: fixture.Clock.GetUtcNow().AddDays(30));
        var (elsewhere, others) = await PublishingJournal();
        await Publish(PublishedArticle.StreamOf(await ReadyIn(elsewhere, others, "Tides elsewhere")), others.Pia);
        await fixture.Portal.Services.GetRequiredService<EditorialPortal.Reader.SearchIndexingRound>().Run(Token);
        using var client = Anonymous();

        // Every article carries the keyword "tides": the one with it in its title comes first; the scheduled one and the other journal's not at all.
        var tides = await Searched(client, journal, "q=tides");
        Assert.Equal("Tides of the Pacific shelf", Titles(tides)[0]);
        Assert.Equal(3, Titles(tides).Count);
        Assert.Equal("3 articles found", tides.QuerySelector(".results-count")!.TextContent.Trim());
        Assert.Contains("counts most", tides.QuerySelector(".how-ranked")!.TextContent);
        Assert.Equal("noindex, follow", tides.QuerySelector("meta[name=robots]")!.GetAttribute("content"));

        var grazing = await Searched(client, journal, "q=" + Uri.EscapeDataString("zooplankton grazing"));
        Assert.Equal(["Ocean heat budgets"], Titles(grazing));
        Assert.Equal(["Zooplankton", "grazing"], grazing.QuerySelectorAll(".snippet mark").Select(m => m.TextContent));

        // A phrase in quotes, and a word left out with a minus, as readers type them into any search engine.
        Assert.Equal(["Estuary sediments under storms"], Titles(await Searched(client, journal, "q=" + Uri.EscapeDataString("\"estuary sediments\""))));
        Assert.Equal(2, Titles(await Searched(client, journal, "q=" + Uri.EscapeDataString("tides -pacific"))).Count);

        // Narrowed by type and year from the facets the page offers; a garbled narrowing is left out, not an error.
        var facetLink = tides.QuerySelectorAll(".facets a").First(a => a.TextContent.StartsWith("Research article", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Equal(3, Titles(await Searched(client, journal, facetLink.Split('?')[1])).Count);
        Assert.Empty(Titles(await Searched(client, journal, $"q=tides&year={fixture.Clock.GetUtcNow().Year - 5}")));
        Assert.Equal(3, Titles(await Searched(client, journal, "q=tides&year=soon&type=Poem&page=-4")).Count);

        // What a reader types is shown as text, and a search of nothing but noise finds nothing without failing.
        var script = await client.GetStringAsync($"/read/{journal.Id}/search?q=" + Uri.EscapeDataString("<script>alert(1)</script> tides"), Token);
        Assert.DoesNotContain("<script>alert(1)</script>", script, StringComparison.Ordinal);
        Assert.Equal("No articles found", (await Searched(client, journal, "q=" + Uri.EscapeDataString("& | ! ( ) :*"))).QuerySelector(".results-count")!.TextContent.Trim());
        Assert.Empty(Titles(await Searched(client, journal, "q=")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/read/no-such-journal/search?q=tides", Token)).StatusCode);
    }

    [Fact]
    public async Task A_retraction_has_a_page_of_its_own_and_puts_its_banner_on_the_article_its_feed_entry_and_its_jats()
    {
        var (journal, _, article, pia) = await Ready();
        await Publish(article, pia);
        using var client = Anonymous();
        // The page as kept before the retraction: the node serves it again from memory until a fact of the article's drops it.
        await client.GetStringAsync($"/articles/{article}", Token);
        Assert.NotNull((await client.GetAsync($"/articles/{article}", Token)).Headers.Age);
        var published = (await fixture.Portal.Services.GetRequiredService<IPublicationQueries>().Published(article))!;
        var noticeDoi = $"10.55555/{Dois.RandomSuffix(published.NextNoticeId)}";
        const string why = "The sensor behind Figure 2 was miscalibrated <script>alert(1)</script>; the findings cannot be relied on.";
        var desk = fixture.Portal.Services.GetRequiredService<IEditorialDesk>();
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(article, new PublishNotice(published.NextNoticeId, ArticleNoticeKind.Retraction, why, noticeDoi),
            new Actor(pia.Id, pia.Name, pia.Email)));

        var landing = new HtmlParser().ParseDocument(await client.GetStringAsync($"/articles/{article}", Token));
        Assert.Equal("This article has been retracted.", landing.QuerySelector(".notice-banner strong")!.TextContent.Trim());
        var noticeAddress = landing.QuerySelector(".notice-banner a")!.GetAttribute("href")!;
        var noticeBody = await client.GetStringAsync(noticeAddress, Token);
        Assert.DoesNotContain("<script>alert(1)</script>", noticeBody, StringComparison.Ordinal);
        var notice = new HtmlParser().ParseDocument(noticeBody);
        Assert.Equal("Retraction: Tides <i>and</i> \"plankton\"", notice.QuerySelector("article h1")!.TextContent);
        Assert.Equal(why, notice.QuerySelector(".notice-text p")!.TextContent);
        Assert.Equal(noticeDoi, notice.QuerySelector("meta[name=citation_doi]")!.GetAttribute("content"));
        Assert.EndsWith($"/articles/{article}", notice.QuerySelector(".about a.article-title")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/articles/{article}/notices/{Guid.NewGuid()}", Token)).StatusCode);

        System.Xml.Linq.XNamespace a = "http://www.w3.org/2005/Atom";
        var entry = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync($"/read/{journal.Id}/feed.atom", Token)).Root!.Element(a + "entry")!;
        Assert.StartsWith("[Retraction] ", entry.Element(a + "title")!.Value);
        Assert.StartsWith("This article has been retracted.", entry.Element(a + "summary")!.Value);

        var identifier = $"oai:editorialportal:article/{article}";
        var jats = (await Harvest(client, $"verb=GetRecord&identifier={Uri.EscapeDataString(identifier)}&metadataPrefix=jats")).Descendants("article").Single();
        var related = jats.Descendants("related-article").Single();
        Assert.Equal(("retraction-forward", noticeDoi), ((string?)related.Attribute("related-article-type"), (string?)related.Attribute(EditorialPortal.Production.Jats.JatsArticle.XLink + "href")));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(jats.ToString()));
        Assert.Empty(EditorialPortal.Production.Jats.JatsValidation.Problems(stream));
    }
}
