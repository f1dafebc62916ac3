using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.People;

namespace EditorialPortal.Api;

/// <summary>Accounts over HTTP: registration and emailed links for visitors; the signed-in person's own account and tokens.</summary>
public static class AccountApi
{
    public sealed record RegisterRequest(string Name, string Email, string Password, string? Affiliation = null, string? Orcid = null);
    /// <param name="Token">The <c>token</c> of the link in the mail.</param>
    public sealed record LinkRequest(string Token);
    public sealed record ForgotRequest(string Email);
    public sealed record ResetRequest(string Token, string Password);
    /// <param name="ExpiresAt">When the token stops working by itself, at most a year away; none for one that works until revoked.</param>
    /// <param name="ExpiresIn">Or how many seconds from now, by the portal's clock: for a program whose own clock may not agree with it.</param>
    public sealed record TokenRequest(string Name, DateTimeOffset? ExpiresAt = null, int? ExpiresIn = null);

    public static void MapAccountApi(this IEndpointRouteBuilder app)
    {
        var visitors = app.MapGroup("/api/account").AllowAnonymous().RequireRateLimiting(AuthApi.CredentialsPolicy).WithTags("Account");

        visitors.MapPost("/register", async (RegisterRequest request, AccountService accounts) =>
            Answer(await accounts.Register(request.Name, request.Email, request.Affiliation ?? "", request.Orcid, request.Password),
                Results.Accepted(value: new { message = "Check your email for the confirmation link." })));

        visitors.MapPost("/confirm", async (LinkRequest request, AccountService accounts) =>
            Answer(await accounts.ConfirmEmail(request.Token), Results.NoContent()));

        visitors.MapPost("/forgot-password", async (ForgotRequest request, AccountService accounts) =>
        {
            await accounts.RequestPasswordReset(request.Email);
            return Results.Accepted(value: new { message = "If an account uses this address, a reset link is on its way." });
        });

        visitors.MapPost("/reset-password", async (ResetRequest request, AccountService accounts) =>
            Answer(await accounts.ResetPassword(request.Token, request.Password), Results.NoContent()));

        var me = app.MapGroup("/api/me").RequireAuthorization().WithTags("Account");

        me.MapGet("/", async (HttpContext http, IAccountQueries accounts) =>
            await accounts.Find(http.Actor().Account) is { } a
                ? Results.Ok(new { id = a.Id, name = a.Name, email = a.Email, affiliation = a.Affiliation, orcid = a.Orcid, expertise = a.Expertise })
                : Refusals.NotFound("account"));

        me.MapGet("/reviewing", async (HttpContext http, IJournalQueries journals) =>
        {
            var actor = http.Actor();
            return Results.Ok((await journals.WhereStaff(actor)).Where(j => j.Grants(actor.Account, JournalRole.Reviewer))
                .Select(j => new { id = j.Id, title = j.Title, reviewMode = j.ReviewMode }));
        });

        me.MapGet("/reviews", async (HttpContext http, ISubmissionQueries submissions) =>
        {
            var actor = http.Actor();
            return Results.Ok((await submissions.ReviewedBy(actor)).SelectMany(s => s.Assignments.Where(a => a.Reviewer == actor.Account).Select(a => new
            {
                submission = s.Id, title = s.Title, assignment = a.Id, round = a.Round, status = a.Status, respondBy = a.RespondBy, reviewDue = a.ReviewDue
            })));
        });

        me.MapGet("/tokens", async (HttpContext http, IAccountQueries accounts) =>
            Results.Ok((await accounts.Find(http.Actor().Account))?.AccessTokens.Select(t => new { id = t.Id, name = t.Name, createdAt = t.CreatedAt, expiresAt = t.ExpiresAt, revokedAt = t.RevokedAt }) ?? []));

        me.MapPost("/tokens", async (TokenRequest request, HttpContext http, AccountService accounts, TimeProvider clock) =>
        {
            var expiresAt = request.ExpiresIn is { } seconds ? clock.GetUtcNow().AddSeconds(seconds) : request.ExpiresAt;
            var (outcome, token) = await accounts.CreateAccessToken(http.Actor(), request.Name, expiresAt);
            return Answer(outcome, Results.Ok(new { token, message = "Copy the token now: it is shown this once." }));
        });

        me.MapDelete("/tokens/{token:guid}", async (Guid token, HttpContext http, IEditorialDesk desk) =>
        {
            var actor = http.Actor();
            return Answer(await desk.Execute(actor.Account, new RevokeAccessToken(token), actor), Results.NoContent());
        });
    }

    private static IResult Answer(CommandOutcome outcome, IResult accepted) =>
        outcome is CommandOutcome.Refused refused ? refused.Refusal.ToProblem(visible: true, hadExpectedVersion: false) : accepted;
}
