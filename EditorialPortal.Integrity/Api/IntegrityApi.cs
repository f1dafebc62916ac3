using EditorialPortal.Integrity.Analysis;
using EditorialPortal.Integrity.Backtesting;
using EditorialPortal.Integrity.Cases;
using EditorialPortal.Integrity.CatchingUp;
using EditorialPortal.Integrity.People;
using EditorialPortal.Integrity.Portal;
using EditorialPortal.Integrity.Signals;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;

namespace EditorialPortal.Integrity.Api;

public sealed record JournalNamed(Guid Id, string Title);

public sealed record CaseSummary(Guid Id, string Title, CaseState State, Severity Severity, int Signals, IReadOnlyList<JournalNamed> Journals, DateTimeOffset OpenedAt,
    DateTimeOffset LastChangedAt, int SignalsSinceClosed, [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, string> Links);

/// <summary>A fact a signal rests on, with the portal's page showing the manuscript just after it.</summary>
public sealed record EvidenceShown(long Sequence, string Type, DateTimeOffset At, string? Page);

public sealed record SignalShown(Guid Id, string Detector, Severity Severity, string Headline, string Explanation, DateTimeOffset RaisedAt, Guid Journal,
    IReadOnlyList<Guid> Manuscripts, IReadOnlyList<Guid> People, IReadOnlyList<EvidenceShown> Evidence, Guid? Case);

public sealed record ManuscriptShown(Guid Id, string? Title, JournalNamed Journal, string Page, PortalConcern? Concern);

public sealed record OverrideShown(string Detector, string Reason, string ByName, DateTimeOffset At);

public sealed record PersonShown(Guid Id, string? Name, string? Email, string? Affiliation, DateTimeOffset? RegisteredAt, IReadOnlyList<OverrideShown> Overrides);

public sealed record CaseShown(Guid Id, string Title, CaseState State, Severity Severity, IReadOnlyList<JournalNamed> Journals, DateTimeOffset OpenedAt,
    DateTimeOffset LastChangedAt, int SignalsSinceClosed, IReadOnlyList<SignalShown> Signals, IReadOnlyList<ManuscriptShown> Manuscripts,
    IReadOnlyList<PersonShown> People, IReadOnlyList<CaseEvent> History, long Version, [property: JsonPropertyName("_links")] IReadOnlyDictionary<string, string> Links);

public sealed record FreshnessShown(CatchUpState State, string Description, long Through, DateTimeOffset? LastFactAt, DateTimeOffset? ReadAt, long AnalysedThrough, DateTimeOffset? AnalysedAt);

public sealed record FindingShown(string Headline, string Explanation, Severity Severity, IReadOnlyList<Guid> Manuscripts);

public sealed record BacktestShown(string Detector, DateTimeOffset At, int Findings, int RaisedSince, IReadOnlyList<FindingShown> Found);

public sealed record TextBody(string? Text);

public sealed record ConcernBody(Guid Manuscript, string? Reason, bool Hold);

public sealed record OverrideBody(Guid Person, string? Detector, string? Reason);

/// <summary>
/// The analysts' work over HTTP, for scripts and other tools: the same cases, signals, commands and backtests as the
/// screens, under <c>/api</c>, with a portal personal access token as the bearer. A refusal comes back as problem
/// details whose <c>detail</c> says why in the words the screens use.
/// </summary>
public static class IntegrityApi
{
    public static void MapIntegrityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(new AuthorizationPolicyBuilder(PortalTokenAuthentication.SchemeName).RequireAuthenticatedUser().Build());

        api.MapGet("/status", (CatchUpStatus status) =>
            new FreshnessShown(status.State, status.Describe(), status.Through, status.LastFactAt, status.ReadAt, status.AnalysedThrough, status.AnalysedAt));

        api.MapGet("/cases", async (CaseState? state, Guid? journal, string? detector, int? days, CaseQueries cases, CatchUp record, CancellationToken token) =>
            (await cases.Find(new CaseFilter(state, journal, detector, days), token)).Select(c => new CaseSummary(c.Id, c.Title, c.State, c.Severity, c.Signals.Count,
                Journals(c.Journals, record), c.OpenedAt, c.LastChangedAt, c.SignalsSinceClosed, new Dictionary<string, string> { ["self"] = $"/api/cases/{c.Id}" })));

        api.MapGet("/cases/{id:guid}", async (Guid id, CaseQueries cases, CatchUp record, PortalClient portal, CancellationToken token) =>
            await cases.Open(id, token) is { } file ? Results.Ok(Shown(file, record, portal)) : NoSuchCase());

        api.MapGet("/signals/{id:guid}", async (Guid id, CaseQueries cases, PortalClient portal, CancellationToken token) =>
            await cases.Signal(id, token) is { } found ? Results.Ok(Shown(found.Signal, found.Case?.Id, portal)) : Results.Problem(statusCode: 404, detail: "No such signal."));

        api.MapPost("/cases/{id:guid}/investigation", (Guid id, HttpContext http, CaseDesk desk, CaseQueries cases, CancellationToken token) =>
            Work(id, http, cases, (me, _) => desk.Execute(id, new CaseCommand.BeginInvestigation(), me, token)));
        api.MapPost("/cases/{id:guid}/notes", (Guid id, TextBody body, HttpContext http, CaseDesk desk, CaseQueries cases, CancellationToken token) =>
            Work(id, http, cases, (me, _) => desk.Execute(id, new CaseCommand.Note(body.Text ?? ""), me, token)));
        api.MapPost("/cases/{id:guid}/clearance", (Guid id, TextBody body, HttpContext http, CaseDesk desk, CaseQueries cases, CancellationToken token) =>
            Work(id, http, cases, (me, _) => desk.Execute(id, new CaseCommand.Clear(body.Text ?? ""), me, token)));
        api.MapPost("/cases/{id:guid}/confirmation", (Guid id, TextBody body, HttpContext http, CaseDesk desk, CaseQueries cases, CancellationToken token) =>
            Work(id, http, cases, (me, _) => desk.Execute(id, new CaseCommand.Confirm(body.Text ?? ""), me, token)));
        api.MapPost("/cases/{id:guid}/reopening", (Guid id, TextBody body, HttpContext http, CaseDesk desk, CaseQueries cases, CancellationToken token) =>
            Work(id, http, cases, (me, _) => desk.Execute(id, new CaseCommand.Reopen(body.Text ?? ""), me, token)));
        api.MapPost("/cases/{id:guid}/concerns", (Guid id, ConcernBody body, HttpContext http, CaseDesk desk, CaseQueries cases, CancellationToken token) =>
            Work(id, http, cases, (me, portalToken) => desk.RaiseConcern(id, body.Manuscript, body.Reason ?? "", body.Hold, me, portalToken, token)));
        api.MapPost("/cases/{id:guid}/concerns/{concern:guid}/lifting", (Guid id, Guid concern, TextBody body, HttpContext http, CaseDesk desk, CaseQueries cases, CancellationToken token) =>
            Work(id, http, cases, (me, portalToken) => desk.LiftConcern(id, concern, body.Text ?? "", me, portalToken, token)));

        api.MapPost("/overrides", async (OverrideBody body, HttpContext http, CaseDesk desk, CancellationToken token) =>
        {
            if (body.Detector is not { } detector || Detectors.Named(detector) is null) return Results.Problem(statusCode: 422, detail: "Name one of the detectors.");
            var (me, _) = AnalystSignIn.Of(http.User)!.Value;
            return await desk.Override(body.Person, detector, body.Reason ?? "", me, token) is { } refused
                ? Results.Problem(statusCode: 422, detail: refused)
                : Results.NoContent();
        });

        api.MapGet("/backtest", async (DateTimeOffset? at, string[]? detector, Backtest backtest, CancellationToken token) =>
        {
            if (at is not { } moment) return Results.Problem(statusCode: 400, detail: "Say when: ?at=2026-03-01T00:00:00Z.");
            var names = detector is { Length: > 0 } chosen ? chosen : [.. Detectors.All.Select(d => d.Name)];
            if (names.FirstOrDefault(n => Detectors.Named(n) is null) is { } unknown) return Results.Problem(statusCode: 400, detail: $"There is no detector called “{unknown}”.");
            var runs = await backtest.Run(moment, names, token);
            return Results.Ok(runs.Select(r => new BacktestShown(r.Detector.Name, moment, r.Findings.Count, r.RaisedSince,
                [.. r.Findings.Select(f => new FindingShown(f.Headline, f.Explanation, f.Severity, f.Manuscripts))])));
        });
    }

    private static IResult NoSuchCase() => Results.Problem(statusCode: 404, detail: "No such case.");

    // The analyst acting, with the portal token they presented; the case must exist for the work to be refused in words.
    private static async Task<IResult> Work(Guid id, HttpContext http, CaseQueries cases, Func<Analyst, string, Task<string?>> work)
    {
        if (await cases.Open(id, http.RequestAborted) is null) return NoSuchCase();
        var (me, token) = AnalystSignIn.Of(http.User)!.Value;
        return await work(me, token) is { } refused ? Results.Problem(statusCode: 422, detail: refused) : Results.NoContent();
    }

    private static List<JournalNamed> Journals(IEnumerable<Guid> journals, CatchUp record) => [.. journals.Select(j => new JournalNamed(j, record.View.JournalTitle(j)))];

    private static SignalShown Shown(Signal s, Guid? caseId, PortalClient portal) => new(s.Id, s.Detector, s.Severity, s.Headline, s.Explanation, s.RaisedAt, s.Journal,
        s.Manuscripts, s.People, [.. s.Evidence.Select(e => new EvidenceShown(e.Sequence, e.Type, e.At, e.Page is { } page ? portal.PageAt(page).ToString() : null))], caseId);

    private static CaseShown Shown(CaseFile file, CatchUp record, PortalClient portal)
    {
        var c = file.Case;
        var links = new Dictionary<string, string> { ["self"] = $"/api/cases/{c.Id}", ["note"] = $"/api/cases/{c.Id}/notes", ["raise-concern"] = $"/api/cases/{c.Id}/concerns" };
        if (c.State == CaseState.Flagged) links["begin-investigation"] = $"/api/cases/{c.Id}/investigation";
        if (c.IsClosed) links["reopen"] = $"/api/cases/{c.Id}/reopening";
        else (links["clear"], links["confirm"]) = ($"/api/cases/{c.Id}/clearance", $"/api/cases/{c.Id}/confirmation");
        ManuscriptShown Manuscript(Guid m)
        {
            var seen = record.View.Manuscript(m);
            var journal = seen?.Journal ?? Guid.Empty;
            return new ManuscriptShown(m, seen?.Title, new JournalNamed(journal, record.View.JournalTitle(journal)), portal.PageAt($"submissions/{m}").ToString(),
                c.Concerns.FirstOrDefault(x => x.Manuscript == m));
        }
        PersonShown Person(Guid p)
        {
            var known = record.People.GetValueOrDefault(p);
            return new PersonShown(p, known?.Name, known?.Email, known?.Affiliation, known?.RegisteredAt,
                [.. file.Overrides.Where(o => o.Person == p).Select(o => new OverrideShown(o.Detector, o.Reason, o.ByName, o.At))]);
        }
        return new CaseShown(c.Id, c.Title, c.State, c.Severity, Journals(c.Journals, record), c.OpenedAt, c.LastChangedAt, c.SignalsSinceClosed,
            [.. file.Signals.Select(s => Shown(s, c.Id, portal))], [.. c.Manuscripts.Select(Manuscript)], [.. c.People.Select(Person)], c.History, c.Version, links);
    }
}
