namespace EditorialPortal.Domain.Notifications;

/// <summary>An email to one person, as plain text.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string Body);

/// <summary>Where email leaves the portal: an SMTP server, or a folder of .eml files when none is configured.</summary>
public interface IPostOffice
{
    Task Send(OutgoingMail mail, CancellationToken cancellationToken = default);
}
