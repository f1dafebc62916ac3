using EditorialPortal.Domain.Common;
using EditorialPortal.People;
using Microsoft.Net.Http.Headers;

namespace EditorialPortal.Api;

/// <summary>What an API request says about its caller and the command it carries.</summary>
public static class ApiCaller
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static Actor Actor(this HttpContext http) =>
        http.User.ToActor() ?? throw new InvalidOperationException("API endpoints require an authenticated caller.");

    /// <summary>The command id from the Idempotency-Key header (a UUID), or a new one; and the expected version from If-Match.</summary>
    public static CommandOptions CommandOptions(this HttpContext http)
    {
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        var commandId = Guid.TryParse(key, out var id) ? id : Guid.CreateVersion7();
        return new CommandOptions(commandId, ExpectedVersion(http), http.TraceIdentifier);
    }

    public static long? ExpectedVersion(HttpContext http)
    {
        var ifMatch = http.Request.Headers[HeaderNames.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*") return null;
        var tag = ifMatch.Trim();
        if (tag.StartsWith("W/", StringComparison.Ordinal)) tag = tag[2..];
        return long.TryParse(tag.Trim('"'), out var version) ? version : -1;
    }

    public static void SetVersion(this HttpResponse response, long version) => response.Headers.ETag = $"\"{version}\"";
}
