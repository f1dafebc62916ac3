using EditorialPortal.Contracts;
using EditorialPortal.Files;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Submissions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace EditorialPortal.Api;

/// <summary>Submissions over HTTP: current state with links to what the caller may do now, and commands as POSTs.</summary>
public static class SubmissionsApi
{
    public const string SubmissionRoute = "submission";
    public const string ManuscriptRoute = "submission-manuscript";

    public sealed record StartRequest(Guid Journal, ManuscriptType Type);
    public sealed record InviteRequest(string Email, DateTimeOffset RespondBy, DateTimeOffset ReviewDue, string? ConflictOverride = null);
    public sealed record DeclineRequest(string? Reason = null, string? SuggestedReviewer = null);
    public sealed record ReasonRequest(string Reason);
    public sealed record ReviewRequest(Recommendation Recommendation, string CommentsToAuthor, string? ConfidentialCommentsToEditor = null);
    public sealed record DeadlineRequest(DateTimeOffset NewDate);

    public static void MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/submissions").RequireAuthorization().WithTags("Submissions");

        api.MapGet("/", async (HttpContext http, ISubmissionQueries queries, LinkGenerator links) =>
        {
            var mine = await queries.SubmissionsOf(http.Actor());
            return Results.Ok(mine.Select(s => new
            {
                id = s.Id, title = s.Title, status = s.Status, version = s.Version, lastChangedAt = s.LastChangedAt,
                _links = new { self = new Link(links.GetPathByName(SubmissionRoute, new { id = s.Id })!) }
            }));
        });

        api.MapPost("/", async (StartRequest request, HttpContext http, IEditorialDesk desk, IJournalQueries journals, LinkGenerator links, TimeProvider clock) =>
        {
            // The portal names every new thing itself, at random: nobody can take an id that something of another kind will be given later.
            var outcome = await desk.Execute(Guid.CreateVersion7(), new StartSubmission(request.Journal, request.Type), http.Actor(), http.CommandOptions());
            if (outcome is CommandOutcome.Refused refused) return refused.Refusal.ToProblem(visible: true, hadExpectedVersion: false);
            var accepted = (CommandOutcome.Accepted)outcome;
            return await Represent(accepted.Stream, http, http.RequestServices.GetRequiredService<ISubmissionQueries>(), journals, links, clock,
                (location, body) => Results.Created(location, body));
        });

        api.MapGet("/{id:guid}", (Guid id, HttpContext http, ISubmissionQueries queries, IJournalQueries journals, LinkGenerator links, TimeProvider clock) =>
            Represent(id, http, queries, journals, links, clock, (_, body) => Results.Ok(body)))
            .WithName(SubmissionRoute);

        api.MapGet("/{id:guid}/manuscript", async (Guid id, HttpContext http, ISubmissionQueries queries, Domain.Files.IManuscriptFileStore files) =>
        {
            var submission = await queries.Find(id, http.Actor());
            if (submission?.Manuscript is not { } file || files.Open(file.Sha256) is not { } original) return Refusals.NotFound("manuscript file");
            Stream content = original;
            if (file.Anonymised)
                await using (original) content = new MemoryStream(AnonymisedCopies.WithoutAuthorMetadata(original));
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (http.Request.Query["inline"] != "true") return Results.File(content, file.MediaType, file.FileName, enableRangeProcessing: true);
            // Shown inside the portal's own pages, and only there.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'self'";
            http.Response.Headers.XFrameOptions = "SAMEORIGIN";
            return Results.File(content, file.MediaType, enableRangeProcessing: true);
        }).WithName(ManuscriptRoute);

        foreach (var route in SubmissionRoutes.Commands) route.Map?.Invoke(api, Decide);

        // The journal's reviewers who match, with load and turnaround, for the manuscript's editors only.
        api.MapGet("/{id:guid}/reviewer-candidates", async (Guid id, string? search, HttpContext http, IReviewerPool pool) =>
            await pool.Search(id, http.Actor(), search) is { } candidates ? Results.Ok(candidates) : Refusals.NotFound("submission"));

        // The invitation names the reviewer by email; the decider answers a stranger before it says whether such an account exists.
        api.MapPost("/{id:guid}/reviewers", async (Guid id, InviteRequest request, HttpContext http, IAccountQueries accounts) =>
        {
            var reviewer = await accounts.FindByEmail(request.Email ?? "");
            return await Decide(id, new InviteReviewer(Guid.CreateVersion7(), reviewer?.Id ?? Guid.Empty, request.RespondBy, request.ReviewDue, request.ConflictOverride), http);
        });
        api.MapPost("/{id:guid}/invitations/{assignment:guid}/acceptance", (Guid id, Guid assignment, HttpContext http) =>
            Decide(id, new AcceptInvitation(assignment), http));
        api.MapPost("/{id:guid}/invitations/{assignment:guid}/declination", (Guid id, Guid assignment, DeclineRequest request, HttpContext http) =>
            Decide(id, new DeclineInvitation(assignment, request.Reason, request.SuggestedReviewer), http));
        api.MapPost("/{id:guid}/invitations/{assignment:guid}/rescission", (Guid id, Guid assignment, ReasonRequest request, HttpContext http) =>
            Decide(id, new RescindInvitation(assignment, request.Reason ?? ""), http));
        api.MapPost("/{id:guid}/invitations/{assignment:guid}/review", (Guid id, Guid assignment, ReviewRequest request, HttpContext http) =>
            Decide(id, new SubmitReview(assignment, request.Recommendation, request.CommentsToAuthor ?? "", request.ConfidentialCommentsToEditor ?? ""), http));
        api.MapPost("/{id:guid}/invitations/{assignment:guid}/deadline", (Guid id, Guid assignment, DeadlineRequest request, HttpContext http) =>
            Decide(id, new ExtendDeadline(assignment, request.NewDate), http));
        // The reviewer's draft, saved as they write: only theirs to read, and only while the review is being written.
        api.MapGet("/{id:guid}/invitations/{assignment:guid}/draft", async (Guid id, Guid assignment, HttpContext http, IReviewDrafts drafts) =>
            await drafts.Find(id, assignment, http.Actor()) is { } draft
                ? Results.Ok(new { draft.Recommendation, draft.CommentsToAuthor, draft.ConfidentialCommentsToEditor, draft.SavedAt })
                : Refusals.NotFound("draft"));
        api.MapPut("/{id:guid}/invitations/{assignment:guid}/draft", async (Guid id, Guid assignment, ReviewRequest request, HttpContext http, IReviewDrafts drafts) =>
            await drafts.Save(id, assignment, request.Recommendation, request.CommentsToAuthor ?? "", request.ConfidentialCommentsToEditor ?? "", http.Actor()) switch
            {
                CommandOutcome.Refused { Refusal: Refusal.NotAuthorised } => Refusals.NotFound("draft"),
                CommandOutcome.Refused refused => refused.Refusal.ToProblem(visible: true, hadExpectedVersion: false),
                _ => Results.NoContent()
            });

        // The body is the PDF itself, streamed straight into the file store; the name comes from Content-Disposition.
        api.MapPost("/{id:guid}/manuscript", async (Guid id, HttpContext http, ManuscriptIntake intake) =>
        {
            var disposition = ContentDispositionHeaderValue.TryParse(http.Request.Headers.ContentDisposition.ToString(), out var parsed) ? parsed : null;
            var fileName = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? default).ToString();
            // Kestrel's default body limit (30 MB) would cut uploads off before the portal's own limit could explain itself.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit) bodyLimit.MaxRequestBodySize = intake.MaxFileBytes + 1;
            if (http.Request.ContentLength > intake.MaxFileBytes)
                return new Refusal.Invalid("manuscript", $"The file is larger than the limit of {SubmissionNarrative.FileSize(intake.MaxFileBytes)}.")
                    .ToProblem(visible: true, hadExpectedVersion: false);
            var outcome = await intake.Attach(id, fileName, http.Request.Body, http.Actor(), http.CommandOptions(), http.RequestAborted);
            return await Answer(id, outcome, http);
        }).DisableAntiforgery();
    }

    private static async Task<IResult> Decide(Guid id, SubmissionCommand command, HttpContext http)
    {
        var desk = http.RequestServices.GetRequiredService<IEditorialDesk>();
        return await Answer(id, await desk.Execute(id, command, http.Actor(), http.CommandOptions()), http);
    }

    private static async Task<IResult> Answer(Guid id, CommandOutcome outcome, HttpContext http)
    {
        var services = http.RequestServices;
        var queries = services.GetRequiredService<ISubmissionQueries>();
        if (outcome is CommandOutcome.Refused refused)
        {
            var visible = await queries.Find(id, http.Actor()) is not null;
            return refused.Refusal.ToProblem(visible, ApiCaller.ExpectedVersion(http) is not null);
        }
        // A manuscript returned to its author is theirs alone again: the editor who returned it is told it worked, and no more.
        if (await queries.Find(id, http.Actor()) is null) return Results.NoContent();
        return await Represent(id, http, queries, services.GetRequiredService<IJournalQueries>(), services.GetRequiredService<LinkGenerator>(),
            services.GetRequiredService<TimeProvider>(), (_, body) => Results.Ok(body));
    }

    private static async Task<IResult> Represent(Guid id, HttpContext http, ISubmissionQueries queries, IJournalQueries journals,
        LinkGenerator links, TimeProvider clock, Func<string, object, IResult> respond)
    {
        var actor = http.Actor();
        var submission = await queries.Find(id, actor);
        if (submission is null) return Refusals.NotFound("submission");
        var journal = await journals.Find(submission.Journal);
        http.Response.SetVersion(submission.Version);
        var self = links.GetPathByName(SubmissionRoute, new { id })!;
        return respond(self, SubmissionRepresentation.Of(submission, journal, actor, clock.GetUtcNow(), self,
            links.GetPathByName(History.HistoryApi.SubmissionHistoryRoute, new { id })!, links.GetPathByName(ManuscriptRoute, new { id })!));
    }
}

