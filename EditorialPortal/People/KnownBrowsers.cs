using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace EditorialPortal.People;

/// <summary>
/// The browsers a person has signed in with, remembered in a cookie of their own signed with the portal's keys (the
/// device cookie OWASP describes against online guessing): wrong passwords given elsewhere never slow a sign-in from one.
/// </summary>
public sealed class KnownBrowsers(IDataProtectionProvider protection, TimeProvider clock, IHostEnvironment environment)
{
    public const string CookieName = "editorialportal.browser";
    private static readonly TimeSpan Remembered = TimeSpan.FromDays(365);
    private const int AccountsRemembered = 10;
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("EditorialPortal.KnownBrowser.v1").ToTimeLimitedDataProtector();

    public bool Knows(HttpRequest request, Guid account) => Read(request).Contains(account);

    /// <summary>Remembers that this browser signed in as <paramref name="account"/>, beside the last few others that did.</summary>
    public void Remember(HttpContext http, Guid account)
    {
        var accounts = Read(http.Request).Where(a => a != account).Prepend(account).Take(AccountsRemembered);
        http.Response.Cookies.Append(CookieName, _protector.Protect(string.Join('.', accounts.Select(a => a.ToString("N"))), clock.GetUtcNow() + Remembered),
            // Secure as the sign-in cookie is: always outside Development, where a proxy may end TLS before the portal.
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps || !environment.IsDevelopment(), MaxAge = Remembered, IsEssential = true });
    }

    private IReadOnlyList<Guid> Read(HttpRequest request)
    {
        if (request.Cookies[CookieName] is not { Length: > 0 } cookie) return [];
        try
        {
            return [.. _protector.Unprotect(cookie, out _).Split('.').Select(id => Guid.TryParse(id, out var account) ? account : Guid.Empty).Where(a => a != Guid.Empty)];
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return [];
        }
    }
}
