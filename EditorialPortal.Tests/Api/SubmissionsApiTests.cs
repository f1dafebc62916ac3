using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EditorialPortal.Demo;
using EditorialPortal.Tests.Http;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.Tests.Api;

/// <summary>The REST API: current state with an ETag and links to what the caller may do now, If-Match, problem details, and 404 for what a caller may not know of.</summary>
public sealed class SubmissionsApiTests(PortalFixture fixture) : IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private JournalRef _journal = null!;
    private PersonAccount _alice = null!;
    private HttpClient _asAlice = null!;
    private HttpClient _asBob = null!;

    public async ValueTask InitializeAsync()
    {
        _journal = await fixture.Backstage.NewJournal();
        _alice = await fixture.Backstage.NewAccount("Alice Smith");
        _asAlice = await SignedIn(_alice);
        _asBob = await SignedIn(await fixture.Backstage.NewAccount("Bob Brown"));
    }

    public ValueTask DisposeAsync()
    {
        _asAlice.Dispose();
        _asBob.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<HttpClient> SignedIn(PersonAccount account) => fixture.ApiClient(account);

    private async Task<(Guid Id, JsonElement Body, string ETag)> Start(string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = JsonContent.Create(new { journal = _journal.Id, type = "ResearchArticle" }) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await _asAlice.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal($"/api/submissions/{body.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);
        return (body.GetProperty("id").GetGuid(), body, response.Headers.ETag!.Tag);
    }

    private static string[] Links(JsonElement body) => [.. body.GetProperty("_links").EnumerateObject().Select(l => l.Name).Order()];

    private async Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return await client.SendAsync(request, Token);
    }

    private async Task<HttpResponseMessage> Upload(HttpClient client, Guid id, byte[] content, string fileName = "paper.pdf")
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        body.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName };
        return await client.PostAsync($"/api/submissions/{id}/manuscript", body, Token);
    }

    private async Task Complete(Guid id)
    {
        (await Post(_asAlice, $"/api/submissions/{id}/title", new { title = "Complete" })).EnsureSuccessStatusCode();
        (await Post(_asAlice, $"/api/submissions/{id}/abstract", new { @abstract = "All there." })).EnsureSuccessStatusCode();
        (await Post(_asAlice, $"/api/submissions/{id}/keywords", new { keywords = new[] { "api" } })).EnsureSuccessStatusCode();
        (await Post(_asAlice, $"/api/submissions/{id}/authors", new { authors = new[] { new { name = "Alice Smith", email = _alice.Email, affiliation = "Bristol", isCorresponding = true } } })).EnsureSuccessStatusCode();
        (await Upload(_asAlice, id, SamplePdf.WithTitle("Complete"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_portal_names_a_new_submission_itself_whatever_id_the_client_sends()
    {
        var wanted = Guid.CreateVersion7();
        var response = await Post(_asAlice, "/api/submissions", new { journal = _journal.Id, type = "ResearchArticle", id = wanted });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(wanted, (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await _asAlice.GetAsync($"/api/submissions/{wanted}", Token)).StatusCode);
    }

    [Fact]
    public async Task A_submission_carries_its_version_as_etag_and_links_only_to_what_the_caller_may_do_now()
    {
        var (id, body, etag) = await Start();
        Assert.Equal("\"1\"", etag);
        Assert.Equal(["attach-manuscript", "history", "self", "set-abstract", "set-authors", "set-keywords", "set-reviewer-preferences", "set-title"], Links(body));
        Assert.Contains(body.GetProperty("missing").EnumerateArray(), m => m.GetProperty("field").GetString() == "manuscript");

        await Complete(id);
        var complete = await _asAlice.GetAsync($"/api/submissions/{id}", Token);
        Assert.Equal("\"6\"", complete.Headers.ETag!.Tag);
        Assert.Contains("submit", Links(await complete.Content.ReadFromJsonAsync<JsonElement>(Token)));

        var submitted = await Post(_asAlice, $"/api/submissions/{id}/submit", new { }, ifMatch: "\"6\"");
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(["history", "manuscript", "request-withdrawal", "self"], Links(await submitted.Content.ReadFromJsonAsync<JsonElement>(Token)));
    }

    [Fact]
    public async Task A_command_on_a_stale_version_is_refused_with_412_and_records_nothing()
    {
        var (id, _, etag) = await Start();
        (await Post(_asAlice, $"/api/submissions/{id}/title", new { title = "First" }, ifMatch: etag)).EnsureSuccessStatusCode();

        var stale = await Post(_asAlice, $"/api/submissions/{id}/title", new { title = "Second, from a stale page" }, ifMatch: etag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        Assert.Equal("ConcurrentChange", (await stale.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("refusal").GetString());
        var now = await _asAlice.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}", HttpProtocol.Json, Token);
        Assert.Equal("First", now.GetProperty("title").GetString());
        Assert.Equal(2, now.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Invalid_input_is_answered_422_naming_each_field()
    {
        var (id, _, _) = await Start();
        var response = await Post(_asAlice, $"/api/submissions/{id}/authors", new { authors = new[] { new { name = "", email = "nope", affiliation = "", orcid = "0000-0002-1825-0098", isCorresponding = true } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("Invalid", problem.GetProperty("refusal").GetString());
        Assert.Equal(["authors[0].affiliation", "authors[0].email", "authors[0].name", "authors[0].orcid"],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).Order());
    }

    [Fact]
    public async Task Someone_elses_submission_answers_exactly_like_one_that_does_not_exist()
    {
        var (id, _, _) = await Start();
        var probes = new[] { id, Guid.NewGuid() };
        var answers = new List<string>();
        foreach (var probe in probes)
        {
            var read = await _asBob.GetAsync($"/api/submissions/{probe}", Token);
            var change = await Post(_asBob, $"/api/submissions/{probe}/title", new { title = "Mine now" });
            var download = await _asBob.GetAsync($"/api/submissions/{probe}/manuscript", Token);
            Assert.All([read, change, download], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
            var problem = System.Text.Json.Nodes.JsonNode.Parse(await change.Content.ReadAsStringAsync(Token))!.AsObject();
            problem.Remove("traceId");
            answers.Add(problem.ToJsonString());
        }
        Assert.Equal(answers[0], answers[1]);
        Assert.Equal("NotAuthorised", JsonDocument.Parse(answers[0]).RootElement.GetProperty("refusal").GetString());
    }

    [Fact]
    public async Task The_manuscript_downloads_as_an_attachment_to_those_who_may_see_it()
    {
        var (id, _, _) = await Start();
        var pdf = SamplePdf.WithTitle("Download me");
        (await Upload(_asAlice, id, pdf, "download-me.pdf")).EnsureSuccessStatusCode();

        var download = await _asAlice.GetAsync($"/api/submissions/{id}/manuscript", Token);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("download-me.pdf", download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact]
    public async Task Uploads_over_the_limit_or_not_pdf_are_refused_with_a_clear_message()
    {
        var (id, _, _) = await Start();
        var tooBig = await Upload(_asAlice, id, [.. "%PDF-1.7"u8, .. new byte[3 * 1024 * 1024]]);
        var notPdf = await Upload(_asAlice, id, "PK\u0003\u0004 a zip renamed .pdf"u8.ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooBig.StatusCode);
        Assert.Contains("larger than the limit of 2 MB", (await tooBig.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString());
        Assert.Contains("not a PDF", (await notPdf.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString());
        var state = await _asAlice.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}", Token);
        Assert.Equal(JsonValueKind.Null, state.GetProperty("manuscript").ValueKind);
    }

    [Fact]
    public async Task Starting_twice_with_one_idempotency_key_makes_one_submission()
    {
        var key = Guid.NewGuid().ToString();
        var first = await Start(key);
        var second = await Start(key);
        Assert.Equal(first.Id, second.Id);
        var mine = await _asAlice.GetFromJsonAsync<JsonElement>("/api/submissions", Token);
        Assert.Single(mine.EnumerateArray(), s => s.GetProperty("id").GetGuid() == first.Id);
    }

    [Fact]
    public async Task The_api_asks_for_credentials_and_reports_its_health()
    {
        using var anonymous = fixture.Portal.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/submissions", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { _alice.Email, Password = "wrong" }, Token)).StatusCode);
        var health = await anonymous.GetAsync("/health", Token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(Token));
    }
}
