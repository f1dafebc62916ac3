namespace EditorialPortal.Notifications;

/// <summary>The <c>Mail</c> settings: the sender, and the SMTP server if there is one.</summary>
public sealed class MailOptions
{
    /// <summary>The From address. Sending domains check SPF, DKIM and DMARC against it, so it must be one the server may send for.</summary>
    public string From { get; set; } = "EditorialPortal <no-reply@editorialportal.invalid>";

    /// <summary>Where replies go, if not to <see cref="From"/>.</summary>
    public string? ReplyTo { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Without an SMTP host, messages are written here as .eml files (default: the data folder's mail/).</summary>
    public string? PickupFolder { get; set; }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// Always TLS: STARTTLS, or TLS from the first byte on port 465. A server that does not offer it is not sent to,
    /// so a connection stripped of STARTTLS never carries the password in plain text. Off only for a local relay.
    /// </summary>
    public bool UseTls { get; set; } = true;

    public MailKit.Security.SecureSocketOptions Security =>
        !UseTls ? MailKit.Security.SecureSocketOptions.None
        : Port == 465 ? MailKit.Security.SecureSocketOptions.SslOnConnect
        : MailKit.Security.SecureSocketOptions.StartTls;

    /// <summary>What is wrong with these settings, in words; null if nothing.</summary>
    public string? Problem => !UseTls && !string.IsNullOrEmpty(UserName)
        ? "Mail:Smtp has a user name but UseTls is false: the password would cross the network in plain text. Turn TLS on, or leave out the credentials for a local relay."
        : null;
}
