using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EditorialPortal.Demo;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Authorisation;

/// <summary>
/// Every API route the portal has, found from its own routing table, replayed by someone else with Alice's ids:
/// never a success, never a change, and never an answer that differs from the one for an id that does not exist.
/// </summary>
public sealed class ApiReplayTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Routes for people not signed in; invitation answers carry a signed token instead (see <see cref="Forged_invitation_tokens_find_nothing_and_answer_nothing"/>).</summary>
    private static readonly string[] OpenToVisitors = ["/api/auth/token", "/api/account/", "/api/invitations/"];

    private sealed record Route(string Method, string Pattern);

    private IReadOnlyList<Route> ApiRoutes() =>
        [.. fixture.Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new Route(m, e.RoutePattern.RawText!)))
            .Distinct()];

    private Task<HttpClient> Client(PersonAccount person) => fixture.ApiClient(person);

    /// <summary>A body every command route accepts the shape of, so that only authority decides the answer.</summary>
    private static readonly object AnyBody = new
    {
        title = "Replayed", @abstract = "Replayed", keywords = new[] { "replayed" }, email = "mallory@example.org", role = "EditorInChief", name = "replayed",
        authors = new[] { new { name = "Mallory", email = "mallory@example.org", affiliation = "Nowhere", isCorresponding = true } },
        journal = Guid.Empty, type = "ResearchArticle"
    };

    private static async Task<HttpResponseMessage> Send(HttpClient client, Route route, IReadOnlyDictionary<string, string> values)
    {
        var path = route.Pattern;
        foreach (var (name, value) in values)
            path = System.Text.RegularExpressions.Regex.Replace(path, $@"\{{{name}(:[a-z]+)?\}}", value);
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method is "POST" or "PUT" or "PATCH")
            request.Content = path.EndsWith("/manuscript", StringComparison.Ordinal)
                ? new ByteArrayContent(SamplePdf.WithTitle("Replayed")) { Headers = { ContentType = new("application/pdf"), ContentDisposition = new("attachment") { FileName = "replayed.pdf" } } }
                : JsonContent.Create(AnyBody);
        return await client.SendAsync(request, Token);
    }

    [Fact]
    public async Task Every_api_route_replayed_with_someone_elses_ids_and_tokens_reveals_and_changes_nothing()
    {
        var backstage = fixture.Backstage;
        var journal = await backstage.NewJournal();
        var alice = await backstage.NewAccount("Alice Owner");
        await backstage.Grant(journal, alice, JournalRole.JournalAdministrator);
        await backstage.Grant(journal, alice, JournalRole.EditorInChief);
        var mallory = await backstage.NewAccount("Mallory Meddler");

        using var asAlice = await Client(alice);
        var submission = (await (await asAlice.PostAsJsonAsync("/api/submissions", new { journal = journal.Id, type = "ResearchArticle" }, Token)).Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        var aliceToken = (await (await asAlice.PostAsJsonAsync("/api/me/tokens", new { name = "alice's" }, Token)).Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("token").GetString()!;
        var aliceTokenId = (await asAlice.GetFromJsonAsync<JsonElement>("/api/me/tokens", Token)).EnumerateArray().Single().GetProperty("id").GetGuid();
        var before = await asAlice.GetStringAsync($"/api/submissions/{submission}", Token);
        var staffBefore = await asAlice.GetStringAsync($"/api/journals/{journal.Id}/staff", Token);

        using var asMallory = await Client(mallory);
        using var anonymous = fixture.Portal.CreateClient();
        using var withRevokedToken = fixture.Portal.CreateClient();
        var revoked = (await (await asAlice.PostAsJsonAsync("/api/me/tokens", new { name = "to revoke" }, Token)).Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("token").GetString()!;
        var revokedId = (await asAlice.GetFromJsonAsync<JsonElement>("/api/me/tokens", Token)).EnumerateArray().Single(t => t.GetProperty("name").GetString() == "to revoke").GetProperty("id").GetGuid();
        (await asAlice.DeleteAsync($"/api/me/tokens/{revokedId}", Token)).EnsureSuccessStatusCode();
        withRevokedToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", revoked);

        var routes = ApiRoutes();
        foreach (var route in routes.Where(r => !OpenToVisitors.Any(open => r.Pattern.StartsWith(open, StringComparison.Ordinal))))
        {
            var kind = route.Pattern.StartsWith("/api/journals", StringComparison.Ordinal) ? journal.Id : submission;
            var alices = new Dictionary<string, string> { ["id"] = kind.ToString(), ["account"] = alice.Id.ToString(), ["role"] = "EditorInChief", ["token"] = aliceTokenId.ToString(), ["assignment"] = Guid.NewGuid().ToString(), ["queue"] = "NeedsReviewers", ["task"] = Guid.NewGuid().ToString(), ["sha256"] = new string('a', 64), ["article"] = submission.ToString() };
            var nobodys = new Dictionary<string, string> { ["id"] = Guid.NewGuid().ToString(), ["account"] = Guid.NewGuid().ToString(), ["role"] = "EditorInChief", ["token"] = Guid.NewGuid().ToString(), ["assignment"] = Guid.NewGuid().ToString(), ["queue"] = "NeedsReviewers", ["task"] = Guid.NewGuid().ToString(), ["sha256"] = new string('b', 64), ["article"] = Guid.NewGuid().ToString() };
            var hasIds = route.Pattern.Contains('{');

            var asStranger = await Send(asMallory, route, alices);
            if (hasIds)
            {
                Assert.False(asStranger.IsSuccessStatusCode, $"{route.Method} {route.Pattern} answered {(int)asStranger.StatusCode} to a stranger with Alice's ids.");
                var unknown = await Send(asMallory, route, nobodys);
                Assert.True(unknown.StatusCode == asStranger.StatusCode,
                    $"{route.Method} {route.Pattern} tells Alice's ids ({(int)asStranger.StatusCode}) from unknown ones ({(int)unknown.StatusCode}).");
            }
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(anonymous, route, alices)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(withRevokedToken, route, alices)).StatusCode);
        }

        Assert.True(routes.Count >= 20, $"Only {routes.Count} API routes were found.");
        Assert.Equal(before, await asAlice.GetStringAsync($"/api/submissions/{submission}", Token));
        Assert.Equal(staffBefore, await asAlice.GetStringAsync($"/api/journals/{journal.Id}/staff", Token));
        using var withAlicesToken = fixture.Portal.CreateClient();
        withAlicesToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", aliceToken);
        Assert.Equal(HttpStatusCode.OK, (await withAlicesToken.GetAsync("/api/me", Token)).StatusCode);
    }

    [Fact]
    public async Task Forged_invitation_tokens_find_nothing_and_answer_nothing()
    {
        using var anonymous = fixture.Portal.CreateClient();
        string[] forged = ["not-a-token", "a+b", Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('/', '_'), new string('A', 120)];
        foreach (var token in forged)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/invitations/{token}", Token)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync($"/api/invitations/{token}/accept", null, Token)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsJsonAsync($"/api/invitations/{token}/decline", new { reason = "no" }, Token)).StatusCode);
        }
    }
}
