using EditorialPortal.Api;
using EditorialPortal.Contracts;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Reader;
using Microsoft.AspNetCore.Mvc;

namespace EditorialPortal.Publication;

/// <summary>
/// An article's publication over HTTP, addressed by its manuscript: its state with the DOI the journal's rule offers
/// and links to what the caller may do, each command a POST from the route table, and the journal's publication settings.
/// </summary>
public static class PublicationApi
{
    public const string PublicationRoute = "publication";

    public sealed record DoiRequest(string Doi);
    public sealed record PublishRequest(DateTimeOffset? At = null);
    public sealed record NoticeRequest(Guid? Notice, ArticleNoticeKind? Kind, string? Text, string? Doi);
    public sealed record UnpublishRequest(string? Reason);
    public sealed record VersionRequest(VersionKind? Kind, string? Note);

    public sealed record CommandRoute(Type Command, string Rel, string Path, Func<HttpContext, Task<PublicationCommand?>> Read);

    /// <summary>The one route table for publication's commands: endpoints, links and clients all go by it.</summary>
    public static readonly IReadOnlyList<CommandRoute> Commands =
    [
        new(typeof(AssignDoi), "assign-doi", "doi", async http => await Body<DoiRequest>(http) is { } r ? new AssignDoi(r.Doi ?? "") : null),
        new(typeof(PublishArticle), "publish", "publishing", async http => await Body<PublishRequest>(http) is { } r ? new PublishArticle(r.At) : new PublishArticle()),
        new(typeof(CancelScheduledPublication), "cancel-schedule", "schedule-cancellation", _ => Task.FromResult<PublicationCommand?>(new CancelScheduledPublication())),
        new(typeof(DepositAgain), "deposit-again", "deposits", _ => Task.FromResult<PublicationCommand?>(new DepositAgain())),
        // The notice's id is the caller's (the representation offers the next one), so that a repeated request publishes one notice.
        new(typeof(PublishNotice), "publish-notice", "notices", async http =>
            await Body<NoticeRequest>(http) is { Notice: { } notice, Kind: { } kind } r ? new PublishNotice(notice, kind, r.Text ?? "", r.Doi) : null),
        new(typeof(UnpublishArticle), "unpublish", "removal", async http => await Body<UnpublishRequest>(http) is { } r ? new UnpublishArticle(r.Reason ?? "") : null),
        new(typeof(BeginNewVersion), "begin-version", "versions", async http =>
            await Body<VersionRequest>(http) is { Kind: { } kind } r ? new BeginNewVersion(kind, r.Note ?? "") : null),
        new(typeof(PublishNewVersion), "publish-version", "versions/publishing", _ => Task.FromResult<PublicationCommand?>(new PublishNewVersion()))
    ];

    public static CommandRoute? For(Type command) => Commands.FirstOrDefault(route => route.Command == command);

    public static void MapPublicationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/publication").RequireAuthorization().WithTags("Publication");
        api.MapGet("/{id:guid}", (Guid id, HttpContext http) => Represent(id, http)).WithName(PublicationRoute);
        foreach (var route in Commands)
            api.MapPost($"/{{id:guid}}/{route.Path}", async (Guid id, HttpContext http, IPublicationQueries publications, IEditorialDesk desk) =>
            {
                if (await route.Read(http) is not { } command)
                    return Results.Problem(title: "Unreadable request", detail: "The request is not the JSON this address takes.", statusCode: StatusCodes.Status400BadRequest);
                var outcome = await desk.Execute(PublishedArticle.StreamOf(id), command, http.Actor(), http.CommandOptions());
                if (outcome is CommandOutcome.Refused refused)
                    return refused.Refusal.ToProblem(await publications.OfSubmission(id, http.Actor()) is not null, ApiCaller.ExpectedVersion(http) is not null);
                return await Represent(id, http);
            });

        // The deposit as it would go to Crossref now, validated against the 5.3.1 schema first: for the production editors to read or send themselves.
        api.MapGet("/{id:guid}/crossref", async (Guid id, HttpContext http, IPublicationQueries publications, IJournalQueries journals,
                Microsoft.Extensions.Options.IOptions<Crossref.CrossrefOptions> crossref) =>
            {
                var actor = http.Actor();
                if (await publications.OfSubmission(id, actor) is not { } article || await journals.Find(article.Journal) is not { } journal)
                    return Refusals.NotFound("article to publish");
                if (!journal.Grants(actor.Account, JournalRole.ProductionEditor))
                    return new Refusal.NotAuthorised(actor.Account, "read the Crossref deposit", article.Id, "only the journal's production editors deposit its DOIs")
                        .ToProblem(visible: true, hadExpectedVersion: false);
                if (article.Doi is null)
                    return new Refusal.NotAllowedInState("read the Crossref deposit", "without a DOI", "an article is deposited once it has its DOI", Of: "the article")
                        .ToProblem(visible: true, hadExpectedVersion: false);
                var deposit = Crossref.CrossrefDeposit.Of(article, journal, crossref.Value.Depositor, $"{http.Request.Scheme}://{http.Request.Host}",
                    article.Deposits.LastOrDefault(d => d.Doi is null || d.Doi == article.Doi));
                var xml = $"{deposit.Declaration}\n{deposit.Root}";
                if (Crossref.CrossrefValidation.Problems(xml) is { Count: > 0 } problems)
                    return Results.Problem(title: "Not a valid deposit", detail: "The deposit does not meet the Crossref 5.3.1 schema: " + string.Join(" ", problems),
                        statusCode: StatusCodes.Status422UnprocessableEntity);
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"crossref-{Crossref.CrossrefDeposit.BatchId(article)}.xml\"";
                return Results.Text(xml, "application/xml; charset=utf-8");
            })
            .WithSummary("The article's Crossref 5.3.1 deposit XML, validated against the schema");

        app.MapPost("/api/journals/{id:guid}/publication-settings", async (Guid id, PublicationSettings settings, HttpContext http, IEditorialDesk desk) =>
                await desk.Execute(id, new ChangePublicationSettings(settings), http.Actor(), http.CommandOptions()) is CommandOutcome.Refused refused
                    ? refused.Refusal.ToProblem(visible: true, ApiCaller.ExpectedVersion(http) is not null)
                    : Results.NoContent())
            .RequireAuthorization().WithTags("Publication");
    }

    // An empty body is a request with nothing to say, as "publish now" is.
    internal static async Task<T?> Body<T>(HttpContext http) where T : class
    {
        if (http.Request.ContentLength is 0 || !http.Request.HasJsonContentType()) return null;
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(http.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task<IResult> Represent(Guid submission, HttpContext http)
    {
        var services = http.RequestServices;
        var actor = http.Actor();
        var publications = services.GetRequiredService<IPublicationQueries>();
        if (await publications.OfSubmission(submission, actor) is not { } article) return Refusals.NotFound("article to publish");
        var journal = await services.GetRequiredService<IJournalQueries>().Find(article.Journal);
        http.Response.SetVersion(article.Version);
        var self = services.GetRequiredService<LinkGenerator>().GetPathByName(PublicationRoute, new { id = submission })!;
        var links = new Dictionary<string, Link> { ["self"] = new(self), ["production"] = new($"/api/production/{submission}") };
        if (article.IsHarvested) links["landing-page"] = new(ReaderLinks.Article(article));
        var mayPublish = journal?.Grants(actor.Account, JournalRole.ProductionEditor) == true;
        if (mayPublish && article.Status is PublicationStatus.Ready or PublicationStatus.Scheduled)
        {
            if (journal!.Publication.DoiPrefix is not null && article.Doi is null) links[For(typeof(AssignDoi))!.Rel] = new($"{self}/doi", "POST");
            links[For(typeof(PublishArticle))!.Rel] = new($"{self}/publishing", "POST");
            if (article.Status == PublicationStatus.Scheduled) links[For(typeof(CancelScheduledPublication))!.Rel] = new($"{self}/schedule-cancellation", "POST");
        }
        if (mayPublish && article.Deposits.LastOrDefault()?.Status == DepositStatus.Failed) links[For(typeof(DepositAgain))!.Rel] = new($"{self}/deposits", "POST");
        if (mayPublish && article.Doi is not null) links["crossref-deposit"] = new($"{self}/crossref");
        if (mayPublish && article.IsPublic && !article.IsRetracted) links[For(typeof(PublishNotice))!.Rel] = new($"{self}/notices", "POST");
        if (mayPublish && article.IsPublic) links[For(typeof(UnpublishArticle))!.Rel] = new($"{self}/removal", "POST");
        if (mayPublish && article.IsPublic && !article.IsRetracted && article.Preparing is null) links[For(typeof(BeginNewVersion))!.Rel] = new($"{self}/versions", "POST");
        if (mayPublish && article.Preparing?.Ready is not null) links[For(typeof(PublishNewVersion))!.Rel] = new($"{self}/versions/publishing", "POST");
        var nextNotice = mayPublish && article.IsPublic && !article.IsRetracted && journal is not null
            ? new NextNotice(article.NextNoticeId, await DoiSuggestion.ForNotice(article.NextNoticeId, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().Year,
                journal, publications))
            : null;
        return Results.Ok(new PublicationRepresentation(article.Id, article.Submission, article.Journal, article.Metadata.Title, article.Status, article.Doi,
            journal is null ? null : await DoiSuggestion.For(article, journal, publications), article.ScheduledFor, article.PublishedAt, article.Deposits, article.Notices,
            article.Removal, nextNotice, [.. article.VersionsOfRecord.Select(VersionSummary.Of)], article.Preparing is { } preparing ? VersionSummary.Of(preparing) : null,
            article.Version, links));
    }
}

/// <summary>An article's publication as the API shows it, with the DOI the journal's rule offers and links to what the caller may do.</summary>
public sealed record PublicationRepresentation(Guid Id, Guid Submission, Guid Journal, string Title, PublicationStatus Status, string? Doi, string? SuggestedDoi,
    DateTimeOffset? ScheduledFor, DateTimeOffset? PublishedAt, IReadOnlyList<DoiDeposit> Deposits, IReadOnlyList<ArticleNotice> Notices, ArticleRemoval? Removal, NextNotice? NextNotice,
    IReadOnlyList<VersionSummary> Versions, VersionSummary? Preparing, long Version, IReadOnlyDictionary<string, Link> _links);

/// <summary>A version of record in a line: its number and kind, its note, and when it came out (or, while in preparation, whether production has it ready).</summary>
public sealed record VersionSummary(int Number, VersionKind Kind, string? Note, DateTimeOffset? PublishedAt, bool Ready)
{
    public static VersionSummary Of(ArticleVersion v) => new(v.Number, v.Kind, v.Note, v.PublishedAt, true);

    public static VersionSummary Of(VersionInPreparation v) => new(v.Number, v.Kind, v.Note, null, v.Ready is not null);
}

/// <summary>The notice the caller may publish next: its id, to send with it, and the DOI the journal's rule offers it.</summary>
public sealed record NextNotice(Guid Id, string? SuggestedDoi);
