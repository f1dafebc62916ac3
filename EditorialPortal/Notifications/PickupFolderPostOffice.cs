using EditorialPortal.Domain.Notifications;
using MimeKit;

namespace EditorialPortal.Notifications;

/// <summary>Without a mail server, messages land as .eml files in a folder, where the Outbox page lists them.</summary>
public sealed class PickupFolderPostOffice(MailOptions options, ILogger<PickupFolderPostOffice> logger) : IPostOffice
{
    public string Folder { get; } = options.PickupFolder ?? throw new InvalidOperationException("Mail:PickupFolder is not set.");

    public async Task Send(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmssfff}-{Guid.NewGuid():N}.eml");
        await MimeMail.Compose(mail, options).WriteToAsync(path, cancellationToken);
        logger.LogInformation("Mail \"{Subject}\" to {To} written to {Path}", mail.Subject, mail.ToAddress, path);
    }

    /// <summary>The messages written so far, newest first.</summary>
    public async Task<IReadOnlyList<(string Id, MimeMessage Message)>> Messages(int take = 200)
    {
        if (!Directory.Exists(Folder)) return [];
        var messages = new List<(string, MimeMessage)>();
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles("*.eml").OrderByDescending(f => f.Name).Take(take))
            messages.Add((Path.GetFileNameWithoutExtension(file.Name), await MimeMessage.LoadAsync(file.FullName)));
        return messages;
    }
}
