using System.Security.Claims;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.People;

namespace EditorialPortal.People;

/// <summary>The signed-in person as claims in the cookie or bearer token, and back as an <see cref="Actor"/>.</summary>
public static class ActorClaims
{
    public static ClaimsPrincipal ToPrincipal(this Account account, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new Claim(ClaimTypes.Name, account.Name),
            new Claim(ClaimTypes.Email, account.Email),
            new Claim(SignInStamps.ClaimType, SignInStamps.Of(account))
        ], scheme));

    /// <summary>The actor behind a principal, or null when nobody is signed in.</summary>
    public static Actor? ToActor(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? new Actor(id, user.FindFirstValue(ClaimTypes.Name) ?? "", user.FindFirstValue(ClaimTypes.Email) ?? "")
            : null;
}
