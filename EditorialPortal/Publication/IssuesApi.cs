using EditorialPortal.Api;
using EditorialPortal.Contracts;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Reader;

namespace EditorialPortal.Publication;

/// <summary>
/// A journal's issues over HTTP, for its production editors: open one, plan its articles in order with their pages,
/// publish it now or at a time. Publishing an issue publishes its articles in it before the answer.
/// </summary>
public static class IssuesApi
{
    public const string IssueRoute = "issue";

    public sealed record CreateRequest(int Volume, int Number, int Year, string? Title, string? Description, string? Doi);
    public sealed record DescribeRequest(string? Title, string? Description, string? Doi);
    public sealed record PlanRequest(Guid Article, int? Position, string? Pages);
    public sealed record PublishRequest(DateTimeOffset? At = null);

    public sealed record CommandRoute(Type Command, string Rel, string Path, Func<HttpContext, Task<IssueCommand?>> Read);

    /// <summary>The one route table for the issues' commands: endpoints, links and clients all go by it.</summary>
    public static readonly IReadOnlyList<CommandRoute> Commands =
    [
        new(typeof(DescribeIssue), "describe", "description", async http =>
            await Body<DescribeRequest>(http) is { } r ? new DescribeIssue(r.Title ?? "", r.Description ?? "", r.Doi) : null),
        new(typeof(PlanArticle), "plan-article", "contents", async http => await Body<PlanRequest>(http) is { } r ? new PlanArticle(r.Article, r.Position, r.Pages) : null),
        new(typeof(PublishIssue), "publish", "publishing", async http => await Body<PublishRequest>(http) is { } r ? new PublishIssue(r.At) : new PublishIssue()),
        new(typeof(CancelIssueSchedule), "cancel-schedule", "schedule-cancellation", _ => Task.FromResult<IssueCommand?>(new CancelIssueSchedule()))
    ];

    public static void MapIssuesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Issues");
        api.MapGet("/journals/{id:guid}/issues", async (Guid id, HttpContext http, IJournalQueries journals, IIssueQueries issues) =>
            await journals.Find(id) is { } found && found.Grants(http.Actor().Account, JournalRole.ProductionEditor)
                ? Results.Ok((await issues.IssuesOf(id, publishedOnly: false)).Select(i => Represent(i, found, http)))
                : Refusals.NotFound("journal whose issues you put together"));
        api.MapPost("/journals/{id:guid}/issues", async (Guid id, HttpContext http, IEditorialDesk desk, IJournalQueries journals, IIssueQueries issues) =>
        {
            if (await Body<CreateRequest>(http) is not { } r) return Unreadable();
            var issue = JournalIssue.StreamOf(id, r.Volume, r.Number);
            var outcome = await desk.Execute(issue, new CreateIssue(id, r.Volume, r.Number, r.Year, r.Title ?? "", r.Description ?? "", r.Doi), http.Actor(), http.CommandOptions());
            return outcome is CommandOutcome.Refused refused
                ? refused.Refusal.ToProblem(await journals.Find(id) is { } journal && journal.Grants(http.Actor().Account, JournalRole.ProductionEditor), ApiCaller.ExpectedVersion(http) is not null)
                : await Shown(issue, http, issues, journals, StatusCodes.Status201Created);
        });
        api.MapGet("/issues/{id:guid}", (Guid id, HttpContext http, IIssueQueries issues, IJournalQueries journals) => Shown(id, http, issues, journals)).WithName(IssueRoute);
        api.MapPost("/issues/{id:guid}/contents/{article:guid}/removal", (Guid id, Guid article, HttpContext http, IEditorialDesk desk, IIssueQueries issues,
            IJournalQueries journals, IssuePublishingRound round) => Run(id, new TakeOutOfIssue(article), http, desk, issues, journals, round));
        foreach (var route in Commands)
            api.MapPost($"/issues/{{id:guid}}/{route.Path}", async (Guid id, HttpContext http, IEditorialDesk desk, IIssueQueries issues, IJournalQueries journals,
                IssuePublishingRound round) => await route.Read(http) is { } command ? await Run(id, command, http, desk, issues, journals, round) : Unreadable());
    }

    private static async Task<IResult> Run(Guid id, IssueCommand command, HttpContext http, IEditorialDesk desk, IIssueQueries issues, IJournalQueries journals,
        IssuePublishingRound round)
    {
        var outcome = await desk.Execute(id, command, http.Actor(), http.CommandOptions());
        if (outcome is CommandOutcome.Refused refused)
            return refused.Refusal.ToProblem(await Visible(id, http, issues, journals) is not null, ApiCaller.ExpectedVersion(http) is not null);
        // An issue published now is out with its articles: the round would settle them within a minute, the answer does at once.
        if (await issues.Issue(id) is { IsPublic: true } published) await round.Settle(published, http.RequestAborted);
        return await Shown(id, http, issues, journals);
    }

    private static async Task<(JournalIssue Issue, Journal Journal)?> Visible(Guid id, HttpContext http, IIssueQueries issues, IJournalQueries journals) =>
        await issues.Issue(id) is { } issue && await journals.Find(issue.Journal) is { } journal && journal.Grants(http.Actor().Account, JournalRole.ProductionEditor)
            ? (issue, journal)
            : null;

    private static async Task<IResult> Shown(Guid id, HttpContext http, IIssueQueries issues, IJournalQueries journals, int status = StatusCodes.Status200OK)
    {
        if (await Visible(id, http, issues, journals) is not ({ } issue, { } journal)) return Refusals.NotFound("issue");
        http.Response.SetVersion(issue.Version);
        return Results.Json(Represent(issue, journal, http), statusCode: status);
    }

    private static IssueRepresentation Represent(JournalIssue issue, Journal journal, HttpContext http)
    {
        var self = $"/api/issues/{issue.Id}";
        var links = new Dictionary<string, Link> { ["self"] = new(self) };
        if (issue.IsPublic) links["reader-page"] = new(ReaderLinks.Issue(journal, issue.Volume, issue.Number));
        foreach (var route in Commands.Where(r => MayRun(r.Command, issue)))
            links[route.Rel] = new($"{self}/{route.Path}", "POST");
        return new IssueRepresentation(issue.Id, issue.Journal, issue.Volume, issue.Number, issue.Year, issue.Label, issue.Title, issue.Description, issue.Doi, issue.Status,
            issue.ScheduledFor, issue.PublishedAt, issue.Contents, issue.Version, links);
    }

    private static bool MayRun(Type command, JournalIssue issue) => command switch
    {
        _ when command == typeof(PublishIssue) => !issue.IsPublic && issue.Contents.Count > 0,
        _ when command == typeof(CancelIssueSchedule) => issue.Status == IssueStatus.Scheduled,
        _ => true
    };

    private static IResult Unreadable() =>
        Results.Problem(title: "Unreadable request", detail: "The request is not the JSON this address takes.", statusCode: StatusCodes.Status400BadRequest);

    private static Task<T?> Body<T>(HttpContext http) where T : class => PublicationApi.Body<T>(http);
}

/// <summary>An issue as its production editors see it over the API, with links to what they may do.</summary>
public sealed record IssueRepresentation(Guid Id, Guid Journal, int Volume, int Number, int Year, string Label, string Title, string Description, string? Doi,
    IssueStatus Status, DateTimeOffset? ScheduledFor, DateTimeOffset? PublishedAt, IReadOnlyList<IssueEntry> Contents, long Version, IReadOnlyDictionary<string, Link> _links);
