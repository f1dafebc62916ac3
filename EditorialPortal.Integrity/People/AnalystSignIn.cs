using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using EditorialPortal.Integrity.Portal;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EditorialPortal.Integrity.People;

/// <summary>
/// Analysts sign in with their portal account: the portal checks the password, and only someone who keeps a journal's
/// record there (an integrity analyst or a journal administrator) is let in. This application keeps no passwords.
/// </summary>
public sealed class AnalystSignIn(HttpClient http)
{
    public const string AccountClaim = "portal-account";

    /// <summary>The analyst's own personal access token, made at sign-in for as long as the sign-in lasts: the portal records what they do there as theirs.</summary>
    public const string TokenClaim = "portal-token";

    public static readonly TimeSpan Lasts = TimeSpan.FromHours(8);

    private sealed record Token(string AccessToken);

    private sealed record AccessToken(string Token);

    public sealed record Me(Guid Id, string Name, string Email);

    /// <summary>Why a sign-in failed, as the address of the sign-in page says it: a code, so that no link can put words on the page.</summary>
    public enum Refusal
    {
        Credentials,
        KeepsNoRecord,
        PortalUnreachable,
        PortalFailed
    }

    public static string Describe(Refusal refusal) => refusal switch
    {
        Refusal.Credentials => "The portal did not accept that address and password.",
        Refusal.KeepsNoRecord => "Only a journal's integrity analysts and administrators use this application: your portal account keeps no journal's record.",
        Refusal.PortalFailed => "The portal answered with an error; try again, and tell the portal's administrators if it goes on.",
        _ => "The portal cannot be reached just now; try again in a minute."
    };

    public abstract record Outcome
    {
        public sealed record SignedIn(ClaimsPrincipal Analyst) : Outcome;

        public sealed record Refused(Refusal Why) : Outcome;
    }

    public async Task<Outcome> SignIn(string email, string password, CancellationToken token = default)
    {
        try
        {
            return await Ask(email, password, token);
        }
        catch (HttpRequestException e) when (e.StatusCode is not null)
        {
            return new Outcome.Refused(Refusal.PortalFailed);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
        {
            return new Outcome.Refused(Refusal.PortalUnreachable);
        }
    }

    private async Task<Outcome> Ask(string email, string password, CancellationToken token)
    {
        using var signIn = await http.PostAsJsonAsync("api/auth/token", new { email, password }, token);
        if (signIn.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest) return new Outcome.Refused(Refusal.Credentials);
        signIn.EnsureSuccessStatusCode();
        var bearer = (await signIn.Content.ReadFromJsonAsync<Token>(PortalClient.Json, token))!.AccessToken;
        if (await Vouch(bearer, token) is not { } me) return new Outcome.Refused(Refusal.KeepsNoRecord);

        using var mint = new HttpRequestMessage(HttpMethod.Post, "api/me/tokens")
        {
            Content = JsonContent.Create(new { name = $"Research integrity, signed in {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC", expiresIn = (int)Lasts.TotalSeconds })
        };
        mint.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var minted = await http.SendAsync(mint, token);
        minted.EnsureSuccessStatusCode();
        var own = (await minted.Content.ReadFromJsonAsync<AccessToken>(PortalClient.Json, token))!.Token;
        return new Outcome.SignedIn(Principal(me, own, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>
    /// Who holds the portal token, if the portal takes it and they keep a journal's record there; null if it does not
    /// take it, or they keep none.
    /// </summary>
    public async Task<Me?> Vouch(string bearer, CancellationToken token = default)
    {
        using var record = new HttpRequestMessage(HttpMethod.Get, "api/history/facts?limit=1");
        record.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var kept = await http.SendAsync(record, token);
        if (kept.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) return null;
        kept.EnsureSuccessStatusCode();

        using var whoAmI = new HttpRequestMessage(HttpMethod.Get, "api/me");
        whoAmI.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var answer = await http.SendAsync(whoAmI, token);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<Me>(PortalClient.Json, token))!;
    }

    /// <summary>The analyst as this application knows them: their portal account, and the token they act there with.</summary>
    public static ClaimsPrincipal Principal(Me me, string portalToken, string scheme) => new(new ClaimsIdentity(
        [new Claim(AccountClaim, me.Id.ToString()), new Claim(ClaimTypes.Name, me.Name), new Claim(ClaimTypes.Email, me.Email), new Claim(TokenClaim, portalToken)],
        scheme));

    /// <summary>Who is acting, as the portal vouched for them, and with which token; null for a request not signed in.</summary>
    public static (Cases.Analyst Analyst, string Token)? Of(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AccountClaim), out var account) && user.FindFirstValue(TokenClaim) is { Length: > 0 } own
            ? (new Cases.Analyst(account, user.Identity?.Name ?? "An analyst"), own)
            : null;

    public static void MapSignIn(IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-in", async (HttpContext context, AnalystSignIn analysts, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
            var form = await context.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString() is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//") ? url : "/";
            var outcome = await analysts.SignIn(form["email"].ToString().Trim(), form["password"].ToString(), context.RequestAborted);
            if (outcome is Outcome.SignedIn signedIn)
            {
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, signedIn.Analyst);
                return Results.LocalRedirect(returnUrl);
            }
            return Results.LocalRedirect($"/sign-in?failed={((Outcome.Refused)outcome).Why}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }).AllowAnonymous();

        app.MapPost("/account/sign-out", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/sign-in");
        });
    }
}
