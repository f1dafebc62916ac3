using EditorialPortal.Domain.Notifications;
using EditorialPortal.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace EditorialPortal.People;

/// <summary>
/// The links in confirmation and password reset mail. Each names its account and request and is signed with the portal's
/// keys when the mail leaves, readable until the request expires; the record keeps the request, never the link.
/// </summary>
public sealed class AccountLinks(IDataProtectionProvider protection, PortalLinks links)
{
    private readonly ITimeLimitedDataProtector _confirmation = protection.CreateProtector("EditorialPortal.EmailConfirmation.v2").ToTimeLimitedDataProtector();
    private readonly ITimeLimitedDataProtector _reset = protection.CreateProtector("EditorialPortal.PasswordReset.v2").ToTimeLimitedDataProtector();

    /// <summary>The link for a mail of this kind, or null for a kind that carries none.</summary>
    public string? LinkFor(NoticeKind kind, Guid account, Guid request, DateTimeOffset worksUntil) => kind switch
    {
        NoticeKind.EmailConfirmation => links.To($"/account/confirm?token={_confirmation.Sign(account, request, worksUntil)}"),
        NoticeKind.PasswordReset => links.To($"/account/reset-password?token={_reset.Sign(account, request, worksUntil)}"),
        _ => null
    };

    public (Guid Account, Guid Request)? ReadConfirmation(string token) => _confirmation.Read(token);

    public (Guid Account, Guid Request)? ReadReset(string token) => _reset.Read(token);
}
