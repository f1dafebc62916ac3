using Microsoft.AspNetCore.DataProtection;

namespace EditorialPortal.Notifications;

/// <summary>
/// Links that let an invited reviewer answer without signing in. The token names the invitation and is signed with the
/// portal's keys; it is made when the mail leaves and never stored. Whether it still works is the invitation's state:
/// once answered, withdrawn, expired or the round over, the link only tells so.
/// </summary>
public sealed class InvitationLinks(IDataProtectionProvider protection, PortalLinks links)
{
    private readonly IDataProtector _protector = protection.CreateProtector("EditorialPortal.InvitationAnswer.v1");

    public string LinkFor(Guid submission, Guid invitation) => links.To($"/invitations/{_protector.Protect($"{submission:N}.{invitation:N}")}");

    public (Guid Submission, Guid Invitation)? Read(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token).Split('.');
            return parts.Length == 2 && Guid.TryParse(parts[0], out var submission) && Guid.TryParse(parts[1], out var invitation) ? (submission, invitation) : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
