using EditorialPortal.Domain.Notifications;
using MimeKit;

namespace EditorialPortal.Notifications;

public static class MimeMail
{
    public static MimeMessage Compose(OutgoingMail mail, MailOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        if (!string.IsNullOrWhiteSpace(options.ReplyTo)) message.ReplyTo.Add(MailboxAddress.Parse(options.ReplyTo));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}
