using EditorialPortal.People;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace EditorialPortal.Api;

public static class AuthApi
{
    public const string CredentialsPolicy = "credentials";

    public sealed record TokenRequest(string Email, string Password);

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        // A short-lived bearer token for programs that sign in with an email and password; the same lockout applies as on the sign-in page.
        app.MapPost("/api/auth/token", async (TokenRequest request, AccountService accounts) =>
        {
            var result = await accounts.SignIn(request.Email, request.Password);
            return result.Account is null
                ? Results.Problem(title: "Sign-in failed", detail: result.Problem, statusCode: StatusCodes.Status401Unauthorized)
                : Results.SignIn(result.Account.ToPrincipal(BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        }).WithTags("Authentication").AllowAnonymous().RequireRateLimiting(CredentialsPolicy);
    }
}
