using EditorialPortal.Api;
using EditorialPortal.Contracts;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Production.Jats;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace EditorialPortal.Production;

/// <summary>
/// An accepted article's production over HTTP, addressed by its manuscript: its state with links to what the caller may
/// do now, each command as a POST from the route table, files and galleys up and down, its JATS, and the dashboard.
/// </summary>
public static class ProductionApi
{
    public const string ProductionRoute = "production";

    public sealed record AssignRequest(Guid Assignee, DateTimeOffset Due, string? Notes = null, IReadOnlyList<string>? StartFrom = null);
    public sealed record ReasonRequest(string Reason);
    public sealed record NotesRequest(string? Notes);
    public sealed record ProofsRequest(ProofReaderKind Reader, DateTimeOffset Due, Guid? Proofreader = null);
    public sealed record CorrectionsRequest(IReadOnlyList<ProofCorrection> Corrections, string? Notes = null);
    public sealed record DetailsRequest(string LicenceName, string LicenceUrl, string CopyrightHolder, int CopyrightYear, string Section);
    public sealed record MetadataRequest(string? Title, string? Abstract, IReadOnlyList<string>? Keywords);

    /// <summary>Decides a command on an article's production and answers the request with the outcome.</summary>
    public delegate Task<IResult> Deciding(Guid id, ProductionCommand command, HttpContext http);

    /// <param name="Path">Below the production's own address; <c>{task}</c> names the task the command is for.</param>
    public sealed record CommandRoute(Type Command, string Rel, string Path, Action<RouteGroupBuilder, Deciding>? Map);

    /// <summary>The one route table for production's commands: endpoints, links and clients all go by it.</summary>
    public static readonly IReadOnlyList<CommandRoute> Commands =
    [
        With<AssignCopyedit, AssignRequest>("assign-copyedit", "copyedits", r => new(Guid.CreateVersion7(), r.Assignee, r.Due, r.Notes, r.StartFrom)),
        new(typeof(UploadCopyeditedFile), "upload-copyedited-file", "copyedits/{task}/files", null),
        OnTask<CompleteCopyedit>("complete-copyedit", "copyedits/{task}/completion", task => new(task)),
        OnTask<ReopenCopyedit, ReasonRequest>("reopen-copyedit", "copyedits/{task}/reopening", (task, r) => new(task, r.Reason ?? "")),
        Without<AcceptCopyedits>("accept-copyedits", "copyedits/acceptance"),
        WithFile<SendCopyeditCorrections, NotesRequest>("send-copyedit-corrections", "copyedits/corrections", (_, r, file) => new(r.Notes ?? "", file)),
        With<AssignTypesetting, AssignRequest>("assign-typesetting", "rounds", r => new(Guid.CreateVersion7(), r.Assignee, r.Due, r.Notes)),
        new(typeof(UploadGalley), "upload-galley", "rounds/{task}/galleys", null),
        OnTask<CompleteTypesetting>("complete-typesetting", "rounds/{task}/completion", task => new(task)),
        With<SendProofs, ProofsRequest>("send-proofs", "proofs", r => new(Guid.CreateVersion7(), r.Reader, r.Due, r.Proofreader)),
        OnTask<ApproveProofs, NotesRequest>("approve-proofs", "proofs/{task}/approval", (task, r) => new(task, r.Notes)),
        WithFile<RequestProofCorrections, CorrectionsRequest>("request-proof-corrections", "proofs/{task}/corrections",
            (task, r, file) => new(task ?? Guid.Empty, r.Corrections ?? [], r.Notes, file)),
        With<SetPublicationDetails, DetailsRequest>("set-publication-details", "details", r => new(r.LicenceName ?? "", r.LicenceUrl ?? "", r.CopyrightHolder ?? "", r.CopyrightYear, r.Section ?? "")),
        With<CorrectArticleMetadata, MetadataRequest>("correct-metadata", "metadata", r => new(r.Title ?? "", r.Abstract ?? "", r.Keywords ?? [])),
        Without<MarkReadyToPublish>("mark-ready-to-publish", "readiness")
    ];

    public static CommandRoute? For(Type command) => Commands.FirstOrDefault(route => route.Command == command);

    public static void MapProductionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/production").RequireAuthorization().WithTags("Production");

        api.MapGet("/{id:guid}", (Guid id, HttpContext http) => Represent(id, http)).WithName(ProductionRoute);
        foreach (var route in Commands) route.Map?.Invoke(api, Decide);

        // The bodies of uploads are the files themselves, streamed into the store; what they are comes from the address.
        api.MapPost("/{id:guid}/copyedits/{task:guid}/files", (Guid id, Guid task, HttpContext http) =>
            Upload(id, http, upload => new UploadCopyeditedFile(task, upload), null)).DisableAntiforgery();
        api.MapPost("/{id:guid}/rounds/{task:guid}/galleys", (Guid id, Guid task, GalleyFormat format, string label, string language, int order, Guid? galley,
                HttpContext http) =>
            Upload(id, http, upload => new UploadGalley(task, galley ?? Guid.CreateVersion7(), format, label ?? "", language ?? "", order, upload), format))
            .DisableAntiforgery();

        api.MapGet("/{id:guid}/files/{sha256}", async (Guid id, string sha256, HttpContext http, IProductionQueries productions, IManuscriptFileStore files) =>
        {
            var production = await productions.OfSubmission(id, http.Actor());
            var file = production is null ? null : ProductionRules.FilesOf(production).LastOrDefault(f => f.Sha256 == sha256.ToLowerInvariant());
            if (file is null || files.Open(file.Sha256) is not { } content) return Refusals.NotFound("file");
            http.Response.Headers.XContentTypeOptions = "nosniff";
            // Only a PDF is shown inside the portal's own pages (the proof view), and only there; everything else downloads.
            if (http.Request.Query["inline"] != "true" || file.MediaType != "application/pdf") return Results.File(content, file.MediaType, file.FileName, enableRangeProcessing: true);
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'self'";
            http.Response.Headers.XFrameOptions = "SAMEORIGIN";
            return Results.File(content, file.MediaType, enableRangeProcessing: true);
        });

        // What an external typesetter needs: the round's source files and the JATS front matter to build on, in one zip.
        api.MapGet("/{id:guid}/handoff", async (Guid id, HttpContext http, IProductionQueries productions, IJournalQueries journals, IManuscriptFileStore files) =>
        {
            var actor = http.Actor();
            var production = await productions.OfSubmission(id, actor);
            if (production is null || await journals.Find(production.Journal) is not { } journal
                || !(production.IsStaff(actor, journal) || production.Rounds.Any(r => r.Typesetter == actor.Account)))
                return Refusals.NotFound("article in production");
            http.Response.ContentType = "application/zip";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"handoff-{id}.zip\"";
            await HandOff.Write(production, journal, files, http.Response.Body, http.RequestAborted);
            return Results.Empty;
        });

        api.MapGet("/{id:guid}/history", async (Guid id, HttpContext http, IProductionQueries productions) =>
            await productions.History(id, http.Actor()) is { } history ? Results.Ok(history) : Refusals.NotFound("article in production"));

        api.MapGet("/{id:guid}/jats", async (Guid id, HttpContext http, IProductionQueries productions, IJournalQueries journals) =>
        {
            var production = await productions.OfSubmission(id, http.Actor());
            if (production is null || await journals.Find(production.Journal) is not { } journal) return Refusals.NotFound("article in production");
            return Results.Text(JatsArticle.Served(production, journal), "application/xml");
        });

        app.MapGet("/api/journals/{id:guid}/production", async (Guid id, ProductionStep? step, bool? overdue, int? page, HttpContext http,
            IProductionQueries productions, TimeProvider clock) =>
            await productions.Dashboard(id, step, overdue == true, page ?? 1, 20, http.Actor(), clock.GetUtcNow()) is { } dashboard
                ? Results.Ok(dashboard)
                : Refusals.NotFound("journal"))
            .RequireAuthorization().WithTags("Production");

        app.MapGet("/api/me/production-tasks", async (HttpContext http, IProductionQueries productions, TimeProvider clock) =>
            Results.Ok(await productions.TasksOf(http.Actor(), clock.GetUtcNow())))
            .RequireAuthorization().WithTags("Production");

        app.MapPost("/api/journals/{id:guid}/production-settings", async (Guid id, ProductionSettings settings, HttpContext http, IEditorialDesk desk) =>
            await desk.Execute(id, new ChangeProductionSettings(settings), http.Actor(), http.CommandOptions()) is CommandOutcome.Refused refused
                ? refused.Refusal.ToProblem(visible: true, ApiCaller.ExpectedVersion(http) is not null)
                : Results.NoContent())
            .RequireAuthorization().WithTags("Production");
    }

    private static async Task<IResult> Upload(Guid submission, HttpContext http, Func<ProductionUpload, ProductionCommand> command, GalleyFormat? galley)
    {
        var intake = http.RequestServices.GetRequiredService<ProductionIntake>();
        var disposition = ContentDispositionHeaderValue.TryParse(http.Request.Headers.ContentDisposition.ToString(), out var parsed) ? parsed : null;
        var fileName = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? default).ToString();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit) bodyLimit.MaxRequestBodySize = intake.MaxFileBytes + 1;
        if (http.Request.ContentLength > intake.MaxFileBytes)
            return new Refusal.Invalid("file", $"The file is larger than the limit of {Domain.Submissions.SubmissionNarrative.FileSize(intake.MaxFileBytes)}.")
                .ToProblem(visible: true, hadExpectedVersion: false);
        return await Answer(submission, await intake.Take(submission, fileName, http.Request.Body, command, http.Actor(), galley, http.CommandOptions(), http.RequestAborted), http);
    }

    private static async Task<IResult> Decide(Guid submission, ProductionCommand command, HttpContext http)
    {
        var desk = http.RequestServices.GetRequiredService<IEditorialDesk>();
        return await Answer(submission, await desk.Execute(ArticleProduction.StreamOf(submission), command, http.Actor(), http.CommandOptions()), http);
    }

    private static async Task<IResult> Answer(Guid submission, CommandOutcome outcome, HttpContext http)
    {
        if (outcome is CommandOutcome.Refused refused)
        {
            var visible = await http.RequestServices.GetRequiredService<IProductionQueries>().OfSubmission(submission, http.Actor()) is not null;
            return refused.Refusal.ToProblem(visible, ApiCaller.ExpectedVersion(http) is not null);
        }
        return await Represent(submission, http);
    }

    private static async Task<IResult> Represent(Guid submission, HttpContext http)
    {
        var services = http.RequestServices;
        var actor = http.Actor();
        if (await services.GetRequiredService<IProductionQueries>().OfSubmission(submission, actor) is not { } production) return Refusals.NotFound("article in production");
        var journal = await services.GetRequiredService<IJournalQueries>().Find(production.Journal);
        http.Response.SetVersion(production.Version);
        return Results.Ok(ProductionRepresentation.Of(production, journal, actor, services.GetRequiredService<TimeProvider>().GetUtcNow(),
            services.GetRequiredService<LinkGenerator>().GetPathByName(ProductionRoute, new { id = submission })!));
    }

    private static CommandRoute With<TCommand, TRequest>(string rel, string path, Func<TRequest, TCommand> command) where TCommand : ProductionCommand =>
        new(typeof(TCommand), rel, path,
            (api, decide) => api.MapPost($"/{{id:guid}}/{path}", (Guid id, [FromBody] TRequest request, HttpContext http) => decide(id, command(request), http)));

    /// <summary>
    /// A command that may carry a file (the author's corrected copy, annotated proofs): its request as a JSON body, or,
    /// with the file, as <c>multipart/form-data</c> whose <c>request</c> part is that JSON and whose <c>file</c> part is the file.
    /// </summary>
    private static CommandRoute WithFile<TCommand, TRequest>(string rel, string path, Func<Guid?, TRequest, ProductionUpload?, TCommand> command)
        where TCommand : ProductionCommand =>
        new(typeof(TCommand), rel, path, (api, decide) =>
            api.MapPost($"/{{id:guid}}/{path.Replace("{task}", "{task:guid}")}", async (Guid id, HttpContext http) =>
            {
                var task = http.Request.RouteValues.TryGetValue("task", out var named) && Guid.TryParse(named?.ToString(), out var parsed) ? parsed : (Guid?)null;
                if (!http.Request.HasFormContentType)
                    return await ReadRequest<TRequest>(http.Request.Body, http) is { } request ? await decide(id, command(task, request, null), http) : Unreadable();
                var intake = http.RequestServices.GetRequiredService<ProductionIntake>();
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit) bodyLimit.MaxRequestBodySize = intake.MaxFileBytes + FormOverhead;
                IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = intake.MaxFileBytes + FormOverhead }, http.RequestAborted);
                }
                catch (Exception tooLarge) when (tooLarge is InvalidDataException or BadHttpRequestException)
                {
                    return new Refusal.Invalid("file", $"The file is larger than the limit of {Domain.Submissions.SubmissionNarrative.FileSize(intake.MaxFileBytes)}.")
                        .ToProblem(visible: true, hadExpectedVersion: false);
                }
                using var requestPart = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(form["request"].ToString() is { Length: > 0 } json ? json : "{}"));
                if (await ReadRequest<TRequest>(requestPart, http) is not { } formRequest) return Unreadable();
                if (form.Files.GetFile("file") is not { } file) return await decide(id, command(task, formRequest, null), http);
                await using var content = file.OpenReadStream();
                return await Answer(id, await intake.Take(id, file.FileName, content, upload => command(task, formRequest, upload), http.Actor(), null, http.CommandOptions(),
                    http.RequestAborted), http);
            }).DisableAntiforgery());

    // Room for a multipart request's boundaries, headers and JSON part beside the file.
    private const long FormOverhead = 256 * 1024;

    private static async Task<TRequest?> ReadRequest<TRequest>(Stream json, HttpContext http)
    {
        try
        {
            return await System.Text.Json.JsonSerializer.DeserializeAsync<TRequest>(json,
                http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions,
                http.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return default;
        }
    }

    private static IResult Unreadable() =>
        Results.Problem(title: "Unreadable request", detail: "The request is not the JSON this address takes.", statusCode: StatusCodes.Status400BadRequest);

    private static CommandRoute Without<TCommand>(string rel, string path) where TCommand : ProductionCommand, new() =>
        new(typeof(TCommand), rel, path, (api, decide) => api.MapPost($"/{{id:guid}}/{path}", (Guid id, HttpContext http) => decide(id, new TCommand(), http)));

    private static CommandRoute OnTask<TCommand>(string rel, string path, Func<Guid, TCommand> command) where TCommand : ProductionCommand =>
        new(typeof(TCommand), rel, path, (api, decide) =>
            api.MapPost($"/{{id:guid}}/{path.Replace("{task}", "{task:guid}")}", (Guid id, Guid task, HttpContext http) => decide(id, command(task), http)));

    private static CommandRoute OnTask<TCommand, TRequest>(string rel, string path, Func<Guid, TRequest, TCommand> command) where TCommand : ProductionCommand =>
        new(typeof(TCommand), rel, path, (api, decide) =>
            api.MapPost($"/{{id:guid}}/{path.Replace("{task}", "{task:guid}")}", (Guid id, Guid task, [FromBody] TRequest request, HttpContext http) =>
                decide(id, command(task, request), http)));
}

/// <summary>An article's production as the API shows it, with links to what the caller may do now, task by task.</summary>
public sealed record ProductionRepresentation(
    Guid Id, Guid Submission, Guid Journal, string Title, string Abstract, IReadOnlyList<string> Keywords, ProductionStep Step, DateTimeOffset StepSince, ProductionSettings Settings,
    IReadOnlyList<CopyeditTask> Copyedits, CopyeditReview AuthorReview, IReadOnlyList<TypesettingRound> Rounds, IReadOnlyList<Galley> Galleys,
    IReadOnlyList<ProofTask> Proofs, PublicationDetails? Details, PublicationDetails SuggestedDetails, DateTimeOffset? ReadyAt, int VersionOfRecord, bool Stopped,
    IReadOnlyList<FieldError> Missing, long Version,
    IReadOnlyDictionary<string, Link> _links)
{
    public static ProductionRepresentation Of(ArticleProduction p, Journal? journal, Actor actor, DateTimeOffset now, string self)
    {
        var links = new Dictionary<string, Link>
        {
            ["self"] = new(self),
            ["submission"] = new($"/api/submissions/{p.Submission}"),
            ["jats"] = new($"{self}/jats")
        };
        foreach (var (command, task) in ProductionActions.Available(p, journal, actor, now))
            if (ProductionApi.For(command) is { } route)
                links[task is { } id ? $"{route.Rel}:{id}" : route.Rel] = new($"{self}/{route.Path.Replace("{task}", task?.ToString() ?? "")}", "POST");
        return new(p.Id, p.Submission, p.Journal, p.Title, p.Abstract, p.Keywords, p.Step, p.StepSince, p.Settings, p.Copyedits, p.AuthorReview, p.Rounds, p.Galleys, p.Proofs, p.Details,
            PublicationDetails.SuggestedFor(p), p.ReadyAt, p.VersionOfRecord, p.Stopped, Readiness.WhatIsMissing(p), p.Version, links);
    }
}
