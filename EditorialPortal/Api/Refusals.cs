using EditorialPortal.Domain.Common;

namespace EditorialPortal.Api;

/// <summary>Refusals as problem details (RFC 9457): the status a client expects, and the refusal named in the body.</summary>
public static class Refusals
{
    /// <param name="visible">Whether the caller may see the resource at all: a refusal about a hidden one reads as 404, so ids cannot be probed.</param>
    public static IResult ToProblem(this Refusal refusal, bool visible, bool hadExpectedVersion)
    {
        var status = refusal switch
        {
            _ when !visible => StatusCodes.Status404NotFound,
            Refusal.NotAuthorised => StatusCodes.Status403Forbidden,
            Refusal.NotAllowedInState => StatusCodes.Status409Conflict,
            Refusal.Invalid => StatusCodes.Status422UnprocessableEntity,
            Refusal.ConcurrentChange when hadExpectedVersion => StatusCodes.Status412PreconditionFailed,
            Refusal.ConcurrentChange => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest
        };
        var extensions = new Dictionary<string, object?> { ["refusal"] = refusal.Kind };
        if (refusal is Refusal.Invalid invalid)
            extensions["errors"] = invalid.Errors.Select(e => new { field = e.Field, message = e.Message }).ToArray();
        return Results.Problem(
            type: $"urn:editorialportal:refusal:{refusal.Kind}",
            title: refusal.Kind,
            detail: visible ? refusal.Message : "There is no such submission.",
            statusCode: status,
            extensions: extensions);
    }

    public static IResult NotFound(string what) =>
        Results.Problem(type: "urn:editorialportal:refusal:NotAuthorised", title: "NotAuthorised", detail: $"There is no such {what}.",
            statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["refusal"] = "NotAuthorised" });
}
