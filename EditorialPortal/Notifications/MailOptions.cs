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

    /// <summary>Use TLS when the server offers it (STARTTLS); off only for a local test server.</summary>
    public bool UseTls { get; set; } = true;
}
