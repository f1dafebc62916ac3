using EditorialPortal.Domain.Common;
using EditorialPortal.Review;

namespace EditorialPortal.Api;

/// <summary>Answering an invitation to review with the token from its email, without signing in.</summary>
public static class InvitationsApi
{
    public sealed record DeclineRequest(string? Reason = null, string? SuggestedReviewer = null);

    public static void MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/invitations").AllowAnonymous().WithTags("Invitations");

        api.MapGet("/{token}", async (string token, InvitationAnswers answers) =>
            await answers.Open(token) is { } summary ? Results.Ok(summary) : Refusals.NotFound("invitation"));

        api.MapPost("/{token}/accept", async (string token, HttpContext http, InvitationAnswers answers) =>
            Answered(await answers.Answer(token, accept: true, options: http.CommandOptions())));

        api.MapPost("/{token}/decline", async (string token, DeclineRequest request, HttpContext http, InvitationAnswers answers) =>
            Answered(await answers.Answer(token, accept: false, request.Reason, request.SuggestedReviewer, http.CommandOptions())));
    }

    private static IResult Answered(CommandOutcome? outcome) => outcome switch
    {
        null => Refusals.NotFound("invitation"),
        CommandOutcome.Refused refused => refused.Refusal.ToProblem(visible: true, hadExpectedVersion: false),
        _ => Results.NoContent()
    };
}
