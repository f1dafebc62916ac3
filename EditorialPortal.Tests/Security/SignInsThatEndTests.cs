using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.People;
using EditorialPortal.People;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Security;

/// <summary>
/// A sign-in ends when its password changes, everywhere; access tokens end when revoked or at their expiry date; and
/// guessing a password from elsewhere never keeps its holder out of their own browser.
/// </summary>
[Collection(nameof(TimeTravel))]
public sealed class SignInsThatEndTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Browser() => fixture.Portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<HttpStatusCode> Me(HttpClient client, string? cookie = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        if (cookie is not null) request.Headers.Add("Cookie", cookie.Split(';')[0]);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return (await client.SendAsync(request, Token)).StatusCode;
    }

    private async Task<string> BearerToken(HttpClient client, PersonAccount person) =>
        (await (await client.PostAsJsonAsync("/api/auth/token", new { person.Email, person.Password }, Token)).Content.ReadFromJsonAsync<JsonElement>(Token))
        .GetProperty("accessToken").GetString()!;

    private AccountService Accounts => fixture.Portal.Services.GetRequiredService<AccountService>();

    private async Task<Account> AccountOf(PersonAccount person) =>
        (await fixture.Portal.Services.GetRequiredService<IAccountQueries>().Find(person.Id))!;

    [Fact]
    public async Task Changing_the_password_signs_the_person_out_of_every_browser_and_program_but_keeps_the_browser_that_changed_it()
    {
        var person = await fixture.Backstage.NewAccount("Wendy Wary");
        using var client = Browser();
        var (_, laptop) = await WebSecurityTests.SignInThroughTheForm(client, person);
        var (_, phone) = await WebSecurityTests.SignInThroughTheForm(client, person);
        var program = await BearerToken(client, person);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [await Me(client, laptop), await Me(client, phone), await Me(client, bearer: program)]);

        var actor = new Actor(person.Id, person.Name, person.Email);
        Assert.IsType<CommandOutcome.Accepted>(await Accounts.ChangePassword(actor, person.Password, "a new and longer passphrase"));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            [await Me(client, laptop), await Me(client, phone), await Me(client, bearer: program)]);

        // The browser that changed it is handed a ticket, which a plain request turns into a cookie for the new password.
        var renewal = fixture.Portal.Services.GetRequiredService<SignInRenewal>();
        var renewed = await client.GetAsync("/" + renewal.LinkFor(await AccountOf(person)), Token);
        Assert.Equal("/account?passwordChanged=true", renewed.Headers.Location?.ToString());
        var cookie = renewed.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("editorialportal=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await Me(client, cookie));
    }

    [Fact]
    public async Task A_sign_in_ticket_made_for_an_older_password_or_forged_signs_nobody_in()
    {
        var person = await fixture.Backstage.NewAccount("Tina Ticket");
        var renewal = fixture.Portal.Services.GetRequiredService<SignInRenewal>();
        var stale = renewal.LinkFor(await AccountOf(person));
        await Accounts.ChangePassword(new Actor(person.Id, person.Name, person.Email), person.Password, "a new and longer passphrase");

        using var client = Browser();
        foreach (var link in new[] { stale, SignInRenewal.Path.TrimStart('/') + "?ticket=forged" })
        {
            var answer = await client.GetAsync("/" + link, Token);
            Assert.Equal("/signin", answer.Headers.Location?.ToString());
            Assert.False(answer.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("editorialportal=", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Personal_access_tokens_outlive_a_password_change_until_their_holder_revokes_them_all()
    {
        var person = await fixture.Backstage.NewAccount("Paul Program");
        var actor = new Actor(person.Id, person.Name, person.Email);
        var (_, token) = await Accounts.CreateAccessToken(actor, "nightly export");
        using var client = Browser();

        await Accounts.ChangePassword(actor, person.Password, "a new and longer passphrase");
        Assert.Equal(HttpStatusCode.OK, await Me(client, bearer: token));

        Assert.IsType<CommandOutcome.Accepted>(await fixture.Portal.Services.GetRequiredService<IEditorialDesk>().Execute(person.Id, new RevokeAllAccessTokens(), actor));
        Assert.Equal(HttpStatusCode.Unauthorized, await Me(client, bearer: token));
    }

    [Fact]
    public async Task An_access_token_given_an_expiry_date_or_a_lifetime_by_the_portals_clock_stops_working_then()
    {
        var person = await fixture.Backstage.NewAccount("Esther Expiry");
        using var api = await fixture.ApiClient(person);
        async Task<string?> Made(object request) =>
            (await (await api.PostAsJsonAsync("/api/me/tokens", request, Token)).Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("token").GetString();
        var dated = await Made(new { name = "one month", expiresAt = fixture.Clock.GetUtcNow().AddDays(30) });
        var lasting = await Made(new { name = "one month, by the portal's clock", expiresIn = (int)TimeSpan.FromDays(30).TotalSeconds });
        using var client = Browser();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (await Me(client, bearer: dated), await Me(client, bearer: lasting)));
        // The clock is put back, for the scenarios that move it after this one.
        fixture.Backstage.TimePasses(TimeSpan.FromDays(30));
        try
        {
            Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (await Me(client, bearer: dated), await Me(client, bearer: lasting)));
        }
        finally
        {
            fixture.Backstage.TimePasses(-TimeSpan.FromDays(30));
        }
    }

    [Fact]
    public async Task Wrong_passwords_given_elsewhere_never_slow_a_sign_in_from_a_browser_the_holder_has_signed_in_with()
    {
        var person = await fixture.Backstage.NewAccount("Gina Guarded");
        using var client = Browser();
        var (first, _) = await WebSecurityTests.SignInThroughTheForm(client, person);
        var browser = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(KnownBrowsers.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

        for (var guess = 0; guess < 8; guess++)
            await Accounts.SignIn(person.Email, $"guess number {guess}");
        Assert.Contains("try again in", (await Accounts.SignIn(person.Email, person.Password)).Problem);

        var (fromTheirBrowser, cookie) = await WebSecurityTests.SignInThroughTheForm(client, person, browser);
        Assert.Equal(HttpStatusCode.Redirect, fromTheirBrowser.StatusCode);
        Assert.NotNull(cookie);
    }
}
