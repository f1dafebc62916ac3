using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Api;

public static class JournalsApi
{
    public sealed record StaffRequest(string Email, JournalRole Role);

    public static void MapJournalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/journals").RequireAuthorization().WithTags("Journals");

        api.MapGet("/", async (IJournalQueries journals) =>
            Results.Ok((await journals.All()).Select(j => new { id = j.Id, title = j.Title, issn = j.Issn, description = j.Description, manuscriptTypes = j.ManuscriptTypes })));

        api.MapGet("/{id:guid}/staff", async (Guid id, HttpContext http, IJournalQueries journals, IAccountQueries accounts) =>
        {
            var actor = http.Actor();
            var journal = await journals.Find(id);
            if (journal is null) return Refusals.NotFound("journal");
            var account = await accounts.Find(actor.Account);
            if (!journal.Grants(actor.Account, JournalRole.JournalAdministrator) && account?.IsSystemAdministrator != true)
                return new Refusal.NotAuthorised(actor.Account, "see a journal's people", id, "only the journal's administrators see its people").ToProblem(visible: true, hadExpectedVersion: false);
            var names = await accounts.NamesOf(journal.Staff.Select(s => s.Account));
            return Results.Ok(journal.Staff.Select(s => new { account = s.Account, name = names.GetValueOrDefault(s.Account), role = s.Role }));
        });

        api.MapPost("/{id:guid}/staff", async (Guid id, StaffRequest request, HttpContext http, IEditorialDesk desk, IAccountQueries accounts) =>
        {
            var grantee = await accounts.FindByEmail(request.Email);
            var outcome = grantee is null
                ? new CommandOutcome.Refused(new Refusal.Invalid("account", "There is no account with this email address."))
                : await desk.Execute(id, new GrantJournalRole(grantee.Id, request.Role), http.Actor(), http.CommandOptions());
            return outcome is CommandOutcome.Refused refused ? refused.Refusal.ToProblem(visible: true, hadExpectedVersion: false) : Results.NoContent();
        });

        api.MapDelete("/{id:guid}/staff/{account:guid}/{role}", async (Guid id, Guid account, JournalRole role, HttpContext http, IEditorialDesk desk) =>
            await desk.Execute(id, new RevokeJournalRole(account, role), http.Actor(), http.CommandOptions()) is CommandOutcome.Refused refused
                ? refused.Refusal.ToProblem(visible: true, hadExpectedVersion: false)
                : Results.NoContent());

        api.MapGet("/{id:guid}/queues/new-submissions", async (Guid id, HttpContext http, ISubmissionQueries queries, LinkGenerator links,
            int? page, int? pageSize, QueueSort? sort, bool? descending) =>
        {
            var request = new QueueRequest(page ?? 1, pageSize ?? 20, sort ?? QueueSort.SubmittedAt, descending ?? true);
            var queue = await queries.NewSubmissions(id, http.Actor(), request);
            if (queue is null) return Refusals.NotFound("queue");
            return Results.Ok(new
            {
                queue.Total,
                queue.PageNumber,
                queue.PageSize,
                items = queue.Items.Select(i => new
                {
                    i.Submission, i.Title, i.CorrespondingAuthor, i.Type, i.SubmittedAt,
                    _links = new { submission = new Link(links.GetPathByName(SubmissionsApi.SubmissionRoute, new { id = i.Submission })!) }
                })
            });
        });
    }
}
