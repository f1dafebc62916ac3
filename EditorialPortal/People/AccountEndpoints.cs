using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Antiforgery;

namespace EditorialPortal.People;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Sign-out is a POST with an antiforgery token, so no other site can sign a person out.
        app.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();

        app.MapGet(SignInRenewal.Path, async (string ticket, HttpContext http, SignInRenewal renewal, Domain.People.IAccountQueries accounts) =>
            Results.LocalRedirect(await renewal.Renew(http, ticket, accounts) ? "/account?passwordChanged=true" : "/signin"))
            .AllowAnonymous().ExcludeFromDescription();
    }
}
