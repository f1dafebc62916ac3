using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Api;

public static class JournalsApi
{
    public static void MapJournalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/journals").RequireAuthorization().WithTags("Journals");

        api.MapGet("/", async (IJournalQueries journals) =>
            Results.Ok((await journals.All()).Select(j => new { id = j.Id, title = j.Title, issn = j.Issn, description = j.Description, manuscriptTypes = j.ManuscriptTypes })));

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
