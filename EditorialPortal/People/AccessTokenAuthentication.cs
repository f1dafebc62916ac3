using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EditorialPortal.People;

/// <summary>Signs in an API caller by a personal access token (<c>Authorization: Bearer ep_...</c>), looked up by its SHA-256 digest.</summary>
public sealed class AccessTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer " + AccountService.AccessTokenPrefix, StringComparison.Ordinal);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Carries(Request)) return AuthenticateResult.NoResult();
        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var account = await accounts.AccountForAccessToken(token);
        return account is null
            ? AuthenticateResult.Fail("Unknown or revoked access token.")
            : AuthenticateResult.Success(new AuthenticationTicket(account.ToPrincipal(SchemeName), SchemeName));
    }
}
