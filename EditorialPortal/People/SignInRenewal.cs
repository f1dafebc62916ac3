using System.Security.Cryptography;
using EditorialPortal.Domain.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace EditorialPortal.People;

/// <summary>
/// Keeps the browser in which a person changed their password signed in. The change happens on an open page, which
/// cannot set a cookie; it hands the browser a ticket for the new password, good for a minute, which a plain request
/// turns into a new cookie.
/// </summary>
public sealed class SignInRenewal(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Path = "/account/signed-in-again";
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(1);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("EditorialPortal.SignInRenewal.v1").ToTimeLimitedDataProtector();

    /// <summary>Where to send the browser to be signed in with the account's password as it is now.</summary>
    public string LinkFor(Account account) =>
        $"{Path.TrimStart('/')}?ticket={Uri.EscapeDataString(_protector.Protect($"{account.Id:N}.{SignInStamps.Of(account)}", clock.GetUtcNow() + TicketLifetime))}";

    /// <summary>Signs the browser in again if the ticket is good and the password still the one it was made for.</summary>
    public async Task<bool> Renew(HttpContext http, string ticket, IAccountQueries accounts)
    {
        string[] parts;
        try
        {
            parts = _protector.Unprotect(ticket, out _).Split('.');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
        if (parts.Length != 2 || !Guid.TryParse(parts[0], out var id) || await accounts.Find(id) is not { } account || SignInStamps.Of(account) != parts[1])
            return false;
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, account.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        return true;
    }
}
