using System.Security.Claims;
using EditorialPortal.Domain.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EditorialPortal.People;

/// <summary>
/// What ties a sign-in to the password it was made with: a short digest of the password's hash, carried in the cookie and
/// in bearer tokens. A new password changes it, so that every sign-in made with the old one ends on its next request,
/// in every browser and program, and open pages end at their next check.
/// </summary>
public static class SignInStamps
{
    public const string ClaimType = "editorialportal:stamp";

    public static string Of(Account account) => Passwords.Digest(account.PasswordHash)[..16];

    /// <summary>Whether a sign-in still stands: its account exists and has the password it was made with.</summary>
    public static bool StillHolds(ClaimsPrincipal user, Account? account) => account is not null && user.FindFirstValue(ClaimType) == Of(account);

    /// <summary>
    /// Ends, on this request, a sign-in whose password has changed since: the request goes on as anonymous, and a cookie is
    /// taken back. Personal access tokens are not tied to the password; their holder revokes them.
    /// </summary>
    public static IApplicationBuilder UseSignInStamps(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.ToActor() is { } actor && context.User.Identity?.AuthenticationType != AccessTokenAuthentication.SchemeName
            && !StillHolds(context.User, await context.RequestServices.GetRequiredService<IAccountQueries>().Find(actor.Account)))
        {
            if (context.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next();
    });
}
