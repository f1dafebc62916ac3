using EditorialPortal.Domain.Notifications;
using MailKit.Net.Smtp;

namespace EditorialPortal.Notifications;

/// <summary>Sends mail through the configured SMTP server.</summary>
public sealed class SmtpPostOffice(MailOptions options, ILogger<SmtpPostOffice> logger) : IPostOffice
{
    public async Task Send(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var smtp = options.Smtp;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(MimeMail.Compose(mail, options), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Mail \"{Subject}\" sent to {To} through {Host}", mail.Subject, mail.ToAddress, smtp.Host);
    }
}
