using System.Text.RegularExpressions;
using Serilog.AspNetCore;
using Serilog.Events;

namespace EditorialPortal.Hosting;

/// <summary>One line a request, with the secrets some paths carry taken out: an invitation's answer link works without signing in.</summary>
public static partial class RequestLogging
{
    public static void Configure(RequestLoggingOptions options) =>
        options.GetMessageTemplateProperties = (http, path, elapsed, status) =>
        [
            new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
            new LogEventProperty("RequestPath", new ScalarValue(Redacted(path))),
            new LogEventProperty("StatusCode", new ScalarValue(status)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsed))
        ];

    /// <summary>The path with any invitation token replaced by a placeholder.</summary>
    public static string Redacted(string path) => InvitationToken().Replace(path, "$1/invitations/[token]");

    [GeneratedRegex("^(/api)?/invitations/[^/?]+", RegexOptions.IgnoreCase)]
    private static partial Regex InvitationToken();
}
