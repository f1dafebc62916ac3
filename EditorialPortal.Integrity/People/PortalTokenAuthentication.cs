using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace EditorialPortal.Integrity.People;

/// <summary>
/// The API's clients present a personal access token of the portal as their bearer token: the portal vouches for it
/// (who holds it, and that they keep a journal's record), and the analyst then acts in the portal with that same
/// token. The portal's answer is kept for a few minutes, so a token revoked there stops working here within
/// <see cref="Remembered"/>.
/// </summary>
public sealed class PortalTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AnalystSignIn portal, IMemoryCache vouched) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PortalToken";

    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(2);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var bearer = header["Bearer ".Length..].Trim();
        if (bearer.Length == 0) return AuthenticateResult.Fail("No token.");
        var key = "token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(bearer)));
        if (!vouched.TryGetValue(key, out AnalystSignIn.Me? me))
        {
            try
            {
                me = await portal.Vouch(bearer, Context.RequestAborted);
            }
            catch (HttpRequestException e)
            {
                return AuthenticateResult.Fail($"The portal could not be asked about the token: {e.Message}");
            }
            vouched.Set(key, me, Remembered);
        }
        return me is null
            ? AuthenticateResult.Fail("The portal does not take this token, or its holder keeps no journal's record.")
            : AuthenticateResult.Success(new AuthenticationTicket(AnalystSignIn.Principal(me, bearer, SchemeName), SchemeName));
    }
}
