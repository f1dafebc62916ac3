namespace EditorialPortal.Notifications;

/// <summary>
/// Absolute links for emails, built from the configured public address, never from a request's Host or
/// X-Forwarded-Host header, which an attacker controls (the OJS password-reset hijack, CVE-2022-24181).
/// </summary>
public sealed class PortalLinks(string publicUrl)
{
    private readonly Uri _base = new(publicUrl.TrimEnd('/') + "/");

    public string To(string relativePath) => new Uri(_base, relativePath.TrimStart('/')).ToString();
}
