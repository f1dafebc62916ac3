using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace EditorialPortal.Tests.Security;

/// <summary>What the browser and the network are told: headers, cookies, antiforgery, rate limits, links in mail, shared keys.</summary>
public sealed class WebSecurityTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Browser() => fixture.Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs in through the statically rendered form, as a browser does; answers the response and its cookie.</summary>
    /// <param name="browserCookie">A cookie the browser already holds, sent along with the form.</param>
    internal static async Task<(HttpResponseMessage Response, string? Cookie)> SignInThroughTheForm(HttpClient client, PersonAccount person, string? browserCookie = null)
    {
        var form = await client.GetAsync("/signin", Token);
        var html = await form.Content.ReadAsStringAsync(Token);
        var antiforgery = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "signin", ["__RequestVerificationToken"] = antiforgery, ["Input.Email"] = person.Email, ["Input.Password"] = person.Password
            })
        };
        post.Headers.Add("Cookie", string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Append(browserCookie).OfType<string>()));
        var response = await client.SendAsync(post, Token);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.FirstOrDefault(c => c.StartsWith("editorialportal=", StringComparison.Ordinal)) : null;
        return (response, cookie);
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_and_the_other_security_headers()
    {
        using var client = Browser();
        var page = await client.GetAsync("/signin", Token);
        Assert.Contains("script-src 'self';", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_lax()
    {
        var person = await fixture.Backstage.NewAccount("Cookie Carter");
        using var client = Browser();
        var (response, cookie) = await SignInThroughTheForm(client, person);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var person = await fixture.Backstage.NewAccount("Forger Finch");
        using var client = Browser();
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["Input.Email"] = person.Email, ["Input.Password"] = person.Password
        }), Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("editorialportal=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Emailed_links_ignore_a_forged_host_header()
    {
        var person = await fixture.Backstage.NewAccount("Hostile Host");
        using var client = fixture.Portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/forgot-password") { Content = JsonContent.Create(new { email = person.Email }) };
        request.Headers.Host = "attacker.example";
        request.Headers.Add("X-Forwarded-Host", "attacker.example");
        (await client.SendAsync(request, Token)).EnsureSuccessStatusCode();

        var link = TestMailServer.LinkIn(await fixture.Mail.WaitFor(person.Email, "Reset your EditorialPortal password"), "/account/reset-password");
        Assert.Equal(new Uri(fixture.Portal.PublicUrl).Host, link.Host);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_address()
    {
        var connectionString = await fixture.Postgres.NewDatabase("ratelimit");
        await using var strict = new PortalFactory(connectionString, fixture.Mail, fixture.Clock) { RateLimit = 3 };
        using var client = strict.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/auth/token", new { email = "nobody@example.org", password = "guess" }, Token)).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_cookie_issued_by_one_node_is_honoured_by_another_sharing_the_database()
    {
        var connectionString = await fixture.Postgres.NewDatabase("nodes");
        await using var first = new PortalFactory(connectionString, fixture.Mail, fixture.Clock);
        await using var second = new PortalFactory(connectionString, fixture.Mail, fixture.Clock);
        var person = await new Backstage(first.Services.GetService(typeof(EditorialPortal.Domain.Common.IEditorialDesk)) as EditorialPortal.Domain.Common.IEditorialDesk
            ?? throw new InvalidOperationException(), fixture.Clock).NewAccount("Node Nash");
        using var viaFirst = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var (_, cookie) = await SignInThroughTheForm(viaFirst, person);
        Assert.NotNull(cookie);

        using var viaSecond = second.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var me = await viaSecond.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(person.Email, (await me.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_personal_access_token_works_as_a_bearer_token_until_revoked()
    {
        var person = await fixture.Backstage.NewAccount("Token Tate");
        using var client = fixture.Portal.CreateClient();
        var signIn = await (await client.PostAsJsonAsync("/api/auth/token", new { person.Email, person.Password }, Token)).Content.ReadFromJsonAsync<JsonElement>(Token);
        client.DefaultRequestHeaders.Authorization = new("Bearer", signIn.GetProperty("accessToken").GetString());
        var created = await (await client.PostAsJsonAsync("/api/me/tokens", new { name = "CI" }, Token)).Content.ReadFromJsonAsync<JsonElement>(Token);
        var pat = created.GetProperty("token").GetString()!;
        Assert.StartsWith("ep_", pat);

        using var program = fixture.Portal.CreateClient();
        program.DefaultRequestHeaders.Authorization = new("Bearer", pat);
        Assert.Equal(HttpStatusCode.OK, (await program.GetAsync("/api/me", Token)).StatusCode);

        var tokenId = (await client.GetFromJsonAsync<JsonElement>("/api/me/tokens", Token)).EnumerateArray().Single().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/me/tokens/{tokenId}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await program.GetAsync("/api/me", Token)).StatusCode);
    }
}
