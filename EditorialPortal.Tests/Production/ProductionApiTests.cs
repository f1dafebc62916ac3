using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Tests.Http;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Production;

/// <summary>An accepted manuscript's production over the REST API of the real portal: every hand-over by its own person, with files.</summary>
public sealed class ProductionApiTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed record Staff(JournalRef Journal, PersonAccount Author, PersonAccount Pia, PersonAccount Cora, PersonAccount Tess, PersonAccount Rita, Guid Submission);

    /// <summary>A manuscript accepted after one review, in a journal with a production editor, a copyeditor and a typesetter.</summary>
    private async Task<Staff> Accepted()
    {
        var backstage = fixture.Backstage;
        var journal = await backstage.NewJournal();
        var erin = await backstage.NewAccount("Erin Editor");
        var author = await backstage.NewAccount("Alice Author");
        var pia = await backstage.NewAccount("Pia Production");
        var cora = await backstage.NewAccount("Cora Copyeditor");
        var tess = await backstage.NewAccount("Tess Typesetter");
        var rita = await backstage.NewAccount("Rita Reviewer");
        await backstage.Grant(journal, erin, JournalRole.EditorInChief);
        await backstage.Grant(journal, pia, JournalRole.ProductionEditor);
        await backstage.Grant(journal, cora, JournalRole.Copyeditor);
        await backstage.Grant(journal, tess, JournalRole.Typesetter);
        var submission = await fixture.SubmittedManuscript(journal, author, "Tidal mixing feeds coastal plankton");
        var desk = fixture.Portal.Services.GetRequiredService<IEditorialDesk>();
        var now = DateTimeOffset.UtcNow;
        var invitation = Guid.CreateVersion7();
        foreach (var (command, by) in new (Domain.Submissions.SubmissionCommand, PersonAccount)[]
                 {
                     (new AssignHandlingEditor(erin.Id), erin), (new InviteReviewer(invitation, rita.Id, now.AddDays(7), now.AddDays(28)), erin), (new AcceptInvitation(invitation), rita),
                     (new SubmitReview(invitation, Recommendation.Accept, "Clear and careful.", ""), rita), (new RecordDecision(DecisionKind.Accept, "Dear Alice, accepted.", "One review is enough here."), erin)
                 })
            Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(submission, command, new Actor(by.Id, by.Name, by.Email)));
        return new(journal, author, pia, cora, tess, rita, submission);
    }

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Token)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    private static string Link(JsonElement production, string rel) =>
        production.GetProperty("_links").TryGetProperty(rel, out var link) ? link.GetProperty("href").GetString()! : throw new Xunit.Sdk.XunitException($"No link {rel}.");

    private static async Task<byte[]> ReadAll(System.IO.Compression.ZipArchiveEntry entry)
    {
        using var bytes = new MemoryStream();
        await using (var content = entry.Open()) await content.CopyToAsync(bytes, Token);
        return bytes.ToArray();
    }

    private static ByteArrayContent File(byte[] bytes, string name, string mediaType) =>
        new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType), ContentDisposition = new("attachment") { FileName = name } } };

    [Fact]
    public async Task An_accepted_manuscript_is_produced_over_the_api_from_copyedit_to_ready_to_publish()
    {
        var staff = await Accepted();
        using var pia = await fixture.ApiClient(staff.Pia);
        using var cora = await fixture.ApiClient(staff.Cora);
        using var tess = await fixture.ApiClient(staff.Tess);
        using var author = await fixture.ApiClient(staff.Author);
        using var rita = await fixture.ApiClient(staff.Rita);
        var self = $"/api/production/{staff.Submission}";

        // Acceptance started production in its own commit: the production editor finds it on the dashboard.
        var dashboard = await Ok(await pia.GetAsync($"/api/journals/{staff.Journal.Id}/production", Token));
        Assert.Equal(staff.Submission, dashboard.GetProperty("articles").GetProperty("items").EnumerateArray().Single().GetProperty("submission").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await rita.GetAsync(self, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rita.GetAsync($"/api/journals/{staff.Journal.Id}/production", Token)).StatusCode);

        var production = await Ok(await pia.GetAsync(self, Token));
        production = await Ok(await pia.PostAsJsonAsync(Link(production, "assign-copyedit"), new { assignee = staff.Cora.Id, due = DateTimeOffset.UtcNow.AddDays(7), notes = "House style." }, HttpProtocol.Json, Token));
        var task = production.GetProperty("copyedits")[0].GetProperty("id").GetGuid();

        var asCora = await Ok(await cora.GetAsync(self, Token));
        var copyedited = Encoding.UTF8.GetBytes("Tidal mixing feeds coastal plankton. Copyedited.");
        await Ok(await cora.PostAsync(Link(asCora, $"upload-copyedited-file:{task}"), File(copyedited, "copyedited.txt", "text/plain"), Token));
        var same = await Problem(await cora.PostAsync($"{self}/copyedits/{task}/files", File(copyedited, "again.txt", "text/plain"), Token), HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("Nothing changed", same.GetProperty("errors")[0].GetProperty("message").GetString());
        await Ok(await cora.PostAsync($"{self}/copyedits/{task}/completion", null, Token));

        var tasks = await Ok(await author.GetAsync("/api/me/production-tasks", Token));
        Assert.Equal("Review the copyedits", tasks.EnumerateArray().Single().GetProperty("what").GetString());
        production = await Ok(await author.PostAsync(Link(await Ok(await author.GetAsync(self, Token)), "accept-copyedits"), null, Token));
        Assert.Equal("Typesetting", production.GetProperty("step").GetString());

        production = await Ok(await pia.PostAsJsonAsync($"{self}/rounds", new { assignee = staff.Tess.Id, due = DateTimeOffset.UtcNow.AddDays(7) }, HttpProtocol.Json, Token));
        var round = production.GetProperty("rounds")[0].GetProperty("id").GetGuid();
        using (var handoff = new System.IO.Compression.ZipArchive(new MemoryStream(await tess.GetByteArrayAsync($"{self}/handoff", Token))))
        {
            Assert.Equal(copyedited, await ReadAll(handoff.GetEntry("sources/copyedited.txt")!));
            Assert.Empty(EditorialPortal.Production.Jats.JatsValidation.Problems(handoff.GetEntry(EditorialPortal.Production.HandOff.FrontMatterEntry)!.Open()));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await rita.GetAsync($"{self}/handoff", Token)).StatusCode);
        var unsaid = await Problem(await tess.PostAsync($"{self}/rounds/{round}/galleys", File(SamplePdfs.Titled("Typeset"), "article.pdf", "application/pdf"), Token),
            HttpStatusCode.BadRequest);
        Assert.Contains("format", unsaid.GetProperty("detail").GetString());
        var invalid = await Problem(await tess.PostAsync($"{self}/rounds/{round}/galleys?format=JatsXml&label=JATS&language=en&order=2",
            File(Encoding.UTF8.GetBytes("<article><front><surprise/></front></article>"), "article.xml", "application/xml"), Token), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("not valid JATS 1.3", invalid.GetProperty("errors")[0].GetProperty("message").GetString());
        var jats = await pia.GetStringAsync($"{self}/jats", Token);
        await Ok(await tess.PostAsync($"{self}/rounds/{round}/galleys?format=JatsXml&label=JATS&language=en&order=2", File(Encoding.UTF8.GetBytes(jats), "article.xml", "application/xml"), Token));
        await Ok(await tess.PostAsync($"{self}/rounds/{round}/galleys?format=Pdf&label=PDF&language=en&order=1", File(SamplePdfs.Titled("Typeset"), "article.pdf", "application/pdf"), Token));
        production = await Ok(await tess.PostAsync($"{self}/rounds/{round}/completion", null, Token));
        Assert.Equal(["PDF", "JATS"], production.GetProperty("galleys").EnumerateArray().Select(g => g.GetProperty("label").GetString()));

        production = await Ok(await pia.PostAsJsonAsync($"{self}/proofs", new { reader = "Author", due = DateTimeOffset.UtcNow.AddDays(3) }, HttpProtocol.Json, Token));
        var proof = production.GetProperty("proofs")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await pia.PostAsJsonAsync($"{self}/proofs/{proof}/approval", new { notes = (string?)null }, HttpProtocol.Json, Token)).StatusCode);
        await Ok(await author.PostAsJsonAsync(Link(await Ok(await author.GetAsync(self, Token)), $"approve-proofs:{proof}"), new { notes = "All correct." }, HttpProtocol.Json, Token));

        var missing = await Problem(await pia.PostAsync($"{self}/readiness", null, Token), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("details", missing.GetProperty("errors")[0].GetProperty("field").GetString());
        await Ok(await pia.PostAsJsonAsync($"{self}/details",
            new { licenceName = "CC BY 4.0", licenceUrl = "https://creativecommons.org/licenses/by/4.0/", copyrightHolder = "The authors", copyrightYear = DateTimeOffset.UtcNow.Year, section = "Research articles" },
            HttpProtocol.Json, Token));
        production = await Ok(await pia.PostAsync($"{self}/readiness", null, Token));
        Assert.Equal("ReadyToPublish", production.GetProperty("step").GetString());

        var galley = production.GetProperty("galleys")[0].GetProperty("versions")[0].GetProperty("file").GetProperty("sha256").GetString();
        Assert.Equal("application/pdf", (await author.GetAsync($"{self}/files/{galley}", Token)).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await rita.GetAsync($"{self}/files/{galley}", Token)).StatusCode);
        Assert.Contains(await fixture.Mailbox(staff.Author.Email), m => m.Subject.Contains("ready to publish", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_production_stream_is_in_the_journals_record_and_in_the_case_file_with_a_chain_of_its_own()
    {
        var staff = await Accepted();
        var ivan = await fixture.Backstage.NewAccount("Ivan Integrity");
        await fixture.Backstage.Grant(staff.Journal, ivan, JournalRole.IntegrityAnalyst);
        using var analyst = await fixture.ApiClient(ivan);

        var record = await Ok(await analyst.GetAsync($"/api/history/facts?journal={staff.Journal.Id}&limit=1000", Token));
        Assert.Contains(record.GetProperty("facts").EnumerateArray(), f => f.GetProperty("type").GetString() == nameof(ProductionStarted));

        var zip = new System.IO.Compression.ZipArchive(await analyst.GetStreamAsync($"/api/history/submissions/{staff.Submission}/case-file", Token));
        var production = await new StreamReader(zip.GetEntry(EditorialPortal.History.CaseFiles.ProductionFactsEntry)!.Open()).ReadToEndAsync(Token);
        Assert.Contains(nameof(ProductionStarted), production);
        using var manifest = JsonDocument.Parse(zip.GetEntry(EditorialPortal.History.CaseFiles.ManifestEntry)!.Open());
        Assert.True(manifest.RootElement.GetProperty("production").GetProperty("chainIntact").GetBoolean());
    }
}
