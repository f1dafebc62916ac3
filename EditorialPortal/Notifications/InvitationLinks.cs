using Microsoft.AspNetCore.DataProtection;

namespace EditorialPortal.Notifications;

/// <summary>
/// Links that let an invited reviewer answer without signing in. The token names the invitation and is signed with the
/// portal's keys; it is made when the mail leaves and never stored. Whether it still works is the invitation's state:
/// once answered, withdrawn, expired or the round over, the link only tells so.
/// </summary>
public sealed class InvitationLinks(IDataProtectionProvider protection, PortalLinks links, TimeProvider clock)
{
    // Time-limited as well: whatever the record says, a link never works past the date it was made for.
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("EditorialPortal.InvitationAnswer.v2").ToTimeLimitedDataProtector();

    /// <param name="worksUntil">When the link stops working at the latest; a link made without one works for the grace period.</param>
    public string LinkFor(Guid submission, Guid invitation, DateTimeOffset? worksUntil) =>
        links.To($"/invitations/{_protector.Sign(submission, invitation, worksUntil ?? clock.GetUtcNow() + Domain.Notifications.Notices.InvitationLinkGrace)}");

    public (Guid Submission, Guid Invitation)? Read(string token) => _protector.Read(token);
}
