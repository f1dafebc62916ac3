using EditorialPortal.Contracts;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Api;

public static class JournalsApi
{
    public sealed record StaffRequest(string Email, JournalRole Role);
    public sealed record ConfirmationRequest(bool EditorInChiefConfirmsDecisions);
    public sealed record DecisionNoticeRequest(bool ReviewersAreTold);

    // Someone who may not manage a journal's people is told no more than that there is nothing here for them.
    private static IResult Answer(CommandOutcome outcome) => outcome is CommandOutcome.Refused refused
        ? refused.Refusal.ToProblem(visible: refused.Refusal is not Refusal.NotAuthorised, hadExpectedVersion: false)
        : Results.NoContent();

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
                return Refusals.NotFound("journal");
            var names = await accounts.NamesOf(journal.Staff.Select(s => s.Account));
            return Results.Ok(journal.Staff.Select(s => new { account = s.Account, name = names.GetValueOrDefault(s.Account), role = s.Role }));
        });

        api.MapPost("/{id:guid}/staff", async (Guid id, StaffRequest request, HttpContext http, IEditorialDesk desk, IAccountQueries accounts) =>
        {
            // An unknown address goes to the decider too, which answers a stranger before it says whether the address has an account.
            var grantee = await accounts.FindByEmail(request.Email);
            return Answer(await desk.Execute(id, new GrantJournalRole(grantee?.Id ?? Guid.Empty, request.Role), http.Actor(), http.CommandOptions()));
        });

        api.MapDelete("/{id:guid}/staff/{account:guid}/{role}", async (Guid id, Guid account, JournalRole role, HttpContext http, IEditorialDesk desk) =>
            Answer(await desk.Execute(id, new RevokeJournalRole(account, role), http.Actor(), http.CommandOptions())));

        api.MapPut("/{id:guid}/decision-confirmation", async (Guid id, ConfirmationRequest request, HttpContext http, IEditorialDesk desk) =>
            Answer(await desk.Execute(id, new ChangeDecisionConfirmation(request.EditorInChiefConfirmsDecisions), http.Actor(), http.CommandOptions())));

        api.MapPut("/{id:guid}/decision-notice-to-reviewers", async (Guid id, DecisionNoticeRequest request, HttpContext http, IEditorialDesk desk) =>
            Answer(await desk.Execute(id, new ChangeDecisionNoticeToReviewers(request.ReviewersAreTold), http.Actor(), http.CommandOptions())));

        api.MapPut("/{id:guid}/reminders", async (Guid id, ReminderSchedule schedule, HttpContext http, IEditorialDesk desk) =>
            Answer(await desk.Execute(id, new ChangeReminderSchedule(schedule), http.Actor(), http.CommandOptions())));

        // The journal's mail with each message's delivery, for its administrators: what failed, and why.
        api.MapGet("/{id:guid}/mail", async (Guid id, HttpContext http, IOutbox outbox, bool? undelivered, int? page) =>
            await outbox.OfJournal(id, http.Actor(), undelivered == true, page ?? 1, 50) is { } mail
                ? Results.Ok(new
                {
                    mail.Total, mail.PageNumber, mail.PageCount,
                    items = mail.Items.Select(m => new { m.Id, m.Kind, m.ToName, m.ToAddress, m.Subject, m.Status, m.Attempts, m.LastError, m.QueuedAt, m.SentAt, m.NextAttemptAt })
                })
                : Refusals.NotFound("journal"));

        // Manuscripts that no editor-in-chief may judge, for the administrators to appoint one who may.
        api.MapGet("/{id:guid}/needs-an-editor-without-a-conflict", async (Guid id, HttpContext http, ISubmissionQueries queries, LinkGenerator links) =>
            await queries.NeedingAnEditorWithoutAConflict(id, http.Actor()) is { } waiting
                ? Results.Ok(waiting.Select(i => new
                {
                    i.Submission, i.Title, i.Type, i.Status, i.SubmittedAt, i.WaitingSince,
                    _links = new { submission = new Link(links.GetPathByName(SubmissionsApi.SubmissionRoute, new { id = i.Submission })!) }
                }))
                : Refusals.NotFound("journal"));

        api.MapGet("/{id:guid}/queues", async (Guid id, HttpContext http, ISubmissionQueries queries) =>
            await queries.QueueCounts(id, http.Actor()) is { } counts
                ? Results.Ok(counts.Select(c => new { queue = c.Key, name = c.Key.Describe(), count = c.Value, _links = new { items = new Link($"/api/journals/{id}/queues/{c.Key}") } }))
                : Refusals.NotFound("journal"));

        api.MapGet("/{id:guid}/queues/{queue}", async (Guid id, EditorialQueue queue, HttpContext http, ISubmissionQueries queries, LinkGenerator links,
            int? page, int? pageSize, QueueSort? sort, bool? descending, Guid? handlingEditor, ManuscriptType? type, string? search) =>
        {
            var items = await queries.Queue(id, queue, http.Actor(),
                new QueueRequest(page ?? 1, pageSize ?? 20, sort ?? QueueSort.Waiting, descending ?? false, handlingEditor, type, search));
            if (items is null) return Refusals.NotFound("queue");
            return Results.Ok(new
            {
                items.Total,
                items.PageNumber,
                items.PageSize,
                items = items.Items.Select(i => new
                {
                    i.Submission, i.Title, i.CorrespondingAuthor, i.Type, i.Status, i.SubmittedAt, i.WaitingSince,
                    _links = new { submission = new Link(links.GetPathByName(SubmissionsApi.SubmissionRoute, new { id = i.Submission })!) }
                })
            });
        });

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
