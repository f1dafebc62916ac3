using EditorialPortal.People;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace EditorialPortal.Api;

public static class AuthApi
{
    public sealed record TokenRequest(string Email, string Password);

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        // A short-lived bearer token for programs that call the API with an account's email and password.
        app.MapPost("/api/auth/token", async (TokenRequest request, AccountSignIn signIn) =>
        {
            var account = await signIn.Verify(request.Email, request.Password);
            return account is null
                ? Results.Problem(title: "Sign-in failed", detail: "The email address or password is not right.", statusCode: StatusCodes.Status401Unauthorized)
                : Results.SignIn(account.ToPrincipal(BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        }).WithTags("Authentication").AllowAnonymous();
    }
}
