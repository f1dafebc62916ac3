using EditorialPortal.Contracts;
using EditorialPortal.Contracts.History;
using System.Text.Json;
using System.Text.Json.Nodes;
using EditorialPortal.Api;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace EditorialPortal.History;

/// <summary>
/// The historical record over HTTP, read-only: a submission's facts, a journal's whole record paged by a cursor on the
/// global sequence or streamed as NDJSON, a case file for an investigation, and the verification of every chain.
/// JSON for programs; HTML for a person who opens a link in the browser.
/// </summary>
public static class HistoryApi
{
    public const string SubmissionHistoryRoute = "submission-history";
    public const string FactsRoute = "history-facts";
    public const string CaseFileRoute = "case-file";
    public const string PersonRoute = "person-on-record";
    public const string NdJson = "application/x-ndjson";
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static void MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/history").RequireAuthorization().WithTags("History");

        api.MapGet("/submissions/{id:guid}", async (Guid id, long? upTo, HttpContext http, IHistoricalRecord history, LinkGenerator links) =>
        {
            if (await history.OfSubmission(id, http.Actor(), upTo) is not { } record) return Refusals.NotFound("submission");
            var self = links.GetPathByName(SubmissionHistoryRoute, new { id })!;
            var body = new SubmissionHistory(id, record.Submission.Title, record.Whole, [.. record.Facts.Select(f => Represent(f, links, isSubmission: true))],
                new Dictionary<string, Link>
                {
                    ["self"] = new(self),
                    ["submission"] = new(links.GetPathByName(SubmissionsApi.SubmissionRoute, new { id })!),
                    ["page"] = new($"/submissions/{id}"),
                }
                .Concat(record.Submission.KeepsRecordOf(http.Actor(), record.Journal)
                    ? [new("caseFile", new Link(links.GetPathByName(CaseFileRoute, new { id })!))] : [])
                .ToDictionary());
            return WantsHtml(http)
                ? Results.Content(HistoryHtml.Page($"History of “{Title(record.Submission.Title)}”", record.Facts, body.Links.Select(l => KeyValuePair.Create(l.Key, (Link?)l.Value))),
                    "text/html; charset=utf-8")
                : Results.Ok(body);
        }).WithName(SubmissionHistoryRoute)
          .WithSummary("A submission's facts in order, with their metadata, as the caller may see them; with upTo, only up to that version, as the caller could see them then.");

        api.MapGet("/submissions/{id:guid}/as-it-was", async (Guid id, long? version, DateTimeOffset? at, HttpContext http, ISubmissionQueries submissions, LinkGenerator links) =>
        {
            if (await submissions.AsItWas(id, http.Actor(), version ?? long.MaxValue, at) is not { } then) return Refusals.NotFound("submission at that moment");
            var s = then.State;
            return Results.Ok(new
            {
                submission = id, then.Version, then.At, then.Latest,
                status = s.Status, title = s.Title, @abstract = s.Abstract, keywords = s.Keywords, type = s.Type, manuscriptVersion = s.ManuscriptVersion,
                authors = s.Authors.Select(a => new { a.Name, a.Affiliation, a.IsCorresponding }),
                manuscript = s.Manuscript is { } file ? new { file.FileName, file.Size, file.Sha256 } : null,
                _links = new
                {
                    history = new Link(links.GetPathByName(SubmissionHistoryRoute, new { id, upTo = then.Version })!),
                    now = new Link(links.GetPathByName(SubmissionsApi.SubmissionRoute, new { id })!),
                    page = new Link($"/submissions/{id}?at={then.Version}")
                }
            });
        }).WithSummary("The submission as it stood after fact `version` (or at the moment `at`), folded from its facts, as the caller may see it.");

        api.MapGet("/facts", async (HttpContext http, IHistoricalRecord history, LinkGenerator links, IOptions<JsonOptions> json,
            Guid? journal, string? type, DateTimeOffset? since, DateTimeOffset? until, long? after, int? limit) =>
        {
            var kept = await history.KeptBy(http.Actor());
            var journals = kept.Select(j => j.Id).Where(j => journal is null || j == journal).ToList();
            if (journals.Count == 0)
                return kept.Count == 0 ? NotKeeper() : Refusals.NotFound("journal");
            var types = (type ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = types.Where(t => !FactTypes.All.Any(k => string.Equals(k.Name, t, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["type"] = [$"No fact is called {string.Join(", ", unknown)}."] });
            var page = Math.Clamp(limit ?? DefaultPageSize, 1, MaxPageSize);
            var selection = new FactSelection(journals, types, since, until, Math.Max(after ?? 0, 0), Page: page, Withheld: await history.AuthoredBy(http.Actor(), journals));

            if (http.Request.Headers.Accept.ToString().Contains(NdJson, StringComparison.OrdinalIgnoreCase))
            {
                // The whole selection, one fact a line, for bulk analysis: no paging, written as it is read.
                http.Response.ContentType = NdJson;
                await using var writer = new StreamWriter(http.Response.Body, bufferSize: 64 * 1024);
                await foreach (var fact in history.Facts(selection with { Page = null }, http.RequestAborted))
                {
                    await writer.WriteAsync(JsonSerializer.Serialize(Represent(fact, links, journals), json.Value.SerializerOptions));
                    await writer.WriteAsync('\n');
                }
                return Results.Empty;
            }

            var facts = await history.Facts(selection, http.RequestAborted).ToListAsync(http.RequestAborted);
            var query = new Dictionary<string, object?> { ["journal"] = journal, ["type"] = type, ["since"] = since?.ToString("O"), ["until"] = until?.ToString("O"), ["limit"] = page };
            var body = new FactsPage([.. facts.Select(f => Represent(f, links, journals))], new Dictionary<string, Link?>
            {
                ["self"] = new(links.GetPathByName(FactsRoute, Values(query, after))!),
                // A full page may have more behind it; the cursor is the last sequence number read, never an offset.
                ["next"] = facts.Count == page ? new Link(links.GetPathByName(FactsRoute, Values(query, facts[^1].Sequence))!) : null
            });
            return WantsHtml(http)
                ? Results.Content(HistoryHtml.Page("The journal's record", facts, body.Links), "text/html; charset=utf-8")
                : Results.Ok(body);
        }).WithName(FactsRoute)
          .WithSummary("The facts of the journals whose record the caller keeps, paged by a cursor on the global sequence; Accept: application/x-ndjson streams the whole selection.");

        api.MapGet("/people/{id:guid}", async (Guid id, HttpContext http, IHistoricalRecord history, LinkGenerator links) =>
        {
            var kept = await history.KeptBy(http.Actor());
            if (kept.Count == 0) return NotKeeper();
            if (await history.PersonIn(id, [.. kept.Select(j => j.Id)]) is not { } person) return Refusals.NotFound("person");
            return Results.Ok(new PersonOnRecord(person.Id, person.Name, person.Email, person.Affiliation, person.Orcid, person.RegisteredAt, person.EmailConfirmed,
                new Dictionary<string, Link> { ["self"] = new(links.GetPathByName(PersonRoute, new { id })!) }));
        }).WithName(PersonRoute)
          .WithSummary("A person who acted in a journal whose record the caller keeps: name, address, affiliation, ORCID iD and when their account was opened.");

        api.MapGet("/submissions/{id:guid}/case-file", async (Guid id, HttpContext http, IHistoricalRecord record) =>
        {
            if (!await record.MayExportCaseFile(id, http.Actor())) return Refusals.NotFound("submission");
            http.Response.ContentType = "application/zip";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"case-file-{id}.zip\"";
            await record.WriteCaseFile(id, http.Actor(), http.Response.Body, http.RequestAborted);
            return Results.Empty;
        }).WithName(CaseFileRoute)
          .WithSummary("A zip for an integrity investigation: the submission's facts as NDJSON with their chain hashes, its manuscript files and their SHA-256, and the chain head.");

        api.MapPost("/verification", async (HttpContext http, IAccountQueries accounts, IHistoricalRecord history) =>
        {
            var actor = http.Actor();
            if (!Domain.Journals.JournalRoles.MayVerifyRecord((await accounts.Find(actor.Account))?.IsSystemAdministrator == true, await history.KeptBy(actor), actor.Account))
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "NotAuthorised", type: "urn:editorialportal:refusal:NotAuthorised",
                    detail: "Only system administrators and integrity analysts verify the record.", extensions: new Dictionary<string, object?> { ["refusal"] = "NotAuthorised" });
            var report = await history.VerifyAll(http.RequestAborted);
            return Results.Ok(new
            {
                report.At, report.Streams, report.Facts, tookMilliseconds = report.Took.TotalMilliseconds, report.Intact,
                breaks = report.Breaks.Select(b => new { b.Stream, b.Version, b.Fact, b.Problem })
            });
        }).WithSummary("Recomputes every fact's chain and reports the first break of each stream.");
    }

    private static IResult NotKeeper() =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "NotAuthorised", type: "urn:editorialportal:refusal:NotAuthorised",
            detail: "Only a journal's integrity analysts and administrators read its whole record.", extensions: new Dictionary<string, object?> { ["refusal"] = "NotAuthorised" });

    private static RouteValueDictionary Values(Dictionary<string, object?> query, long? after)
    {
        var values = new RouteValueDictionary(query.Where(q => q.Value is not null).ToDictionary());
        if (after is > 0) values["after"] = after;
        return values;
    }

    private static string Title(string title) => title.Length > 0 ? title : "Untitled submission";

    /// <summary>Browsers ask for text/html first; programs ask for JSON or nothing.</summary>
    private static bool WantsHtml(HttpContext http) =>
        http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    // In the journal's whole record each person a fact names leads to who they are on record: its actor, and the
    // reviewer, editor or person it concerns.
    private static HistoryFact Represent(RecordedFact fact, LinkGenerator links, IReadOnlyList<Guid> journals)
    {
        var represented = Represent(fact, links, isSubmission: !journals.Contains(fact.Stream));
        var people = new Dictionary<string, Link>();
        if (fact.Actor is { } actor && actor != Guid.Empty) people["actor"] = new(links.GetPathByName(PersonRoute, new { id = actor })!);
        foreach (var (relation, field) in PeopleNamed)
            if (fact.Data?[field] is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var person) && person != Guid.Empty)
                people[relation] = new(links.GetPathByName(PersonRoute, new { id = person })!);
        return represented with { Links = represented.Links.Concat(people).ToDictionary() };
    }

    private static readonly (string Relation, string Field)[] PeopleNamed = [("reviewer", "Reviewer"), ("editor", "Editor"), ("person", "Person"), ("account", "Account")];

    public static HistoryFact Represent(RecordedFact fact, LinkGenerator links, bool isSubmission) =>
        new(fact.Stream, fact.Type, fact.Version, fact.Sequence, fact.At, new FactActor(fact.Actor, fact.ActorName, fact.ActorRole),
            fact.CorrelationId, fact.CausationId,
            fact.Summary.Length > 0 ? $"{fact.ActorName} {fact.Summary}" : null, fact.Kind.Length > 0 ? fact.Kind : null, fact.Chain, fact.Data,
            isSubmission
                ? new Dictionary<string, Link>
                {
                    ["stream"] = new(links.GetPathByName(SubmissionHistoryRoute, new { id = fact.Stream })!),
                    ["submission"] = new(links.GetPathByName(SubmissionsApi.SubmissionRoute, new { id = fact.Stream })!),
                    ["asItWas"] = new($"/submissions/{fact.Stream}?at={fact.Version}")
                }
                : new Dictionary<string, Link> { ["journalStaff"] = new($"/api/journals/{fact.Stream}/staff") });
}
