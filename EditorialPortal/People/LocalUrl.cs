namespace EditorialPortal.People;

public static class LocalUrl
{
    /// <summary>The path if it stays inside the portal, else the home page: a crafted returnUrl must not send a person to another site.</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && Uri.TryCreate(url, UriKind.Relative, out _) && !url.StartsWith("//") && !url.StartsWith("/\\") && !url.Contains(':')
            ? (url.StartsWith('/') ? url : "/" + url)
            : "/";
}
