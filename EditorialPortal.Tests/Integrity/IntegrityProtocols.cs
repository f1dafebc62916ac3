using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Integrity.Api;
using EditorialPortal.Integrity.Cases;
using EditorialPortal.Integrity.CatchingUp;
using EditorialPortal.Tests.Scenarios.Integrity;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Integrity;

/// <summary>The integrity application in-process, catching up by itself through a line to the test portal that can be cut.</summary>
public abstract class InProcessIntegrity(PortalFixture portal) : IIntegrityProtocol
{
    private PortalLine? _line;

    protected IntegrityFactory App { get; private set; } = null!;

    public abstract string Kind { get; }

    public PortalFixture Portal => portal;

    public async Task<IAnalystAbility> StartForTheAnalyst(Manipulation journal)
    {
        _line = new PortalLine(portal.Portal.Server.CreateHandler());
        App = new IntegrityFactory(await portal.Postgres.NewDatabase("integrity"), _line, journal.Token, catchesUpByItself: true);
        return await SignIn(journal.Analyst, journal.Token);
    }

    protected abstract Task<IAnalystAbility> SignIn(PersonAccount analyst, string token);

    public Task CutThePortalOff(bool off)
    {
        _line!.Down = off;
        return Task.CompletedTask;
    }

    public abstract Task<IReadOnlyList<(string Reason, bool Holds)>> ConcernsShownInThePortal(PersonAccount person, Guid manuscript);

    public async ValueTask DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The analyst works at the application's own services and the editors read the portal's queries, with no HTTP but the application's reading.</summary>
public sealed class DirectIntegrity(PortalFixture portal) : InProcessIntegrity(portal)
{
    public override string Kind => "direct";

    protected override Task<IAnalystAbility> SignIn(PersonAccount analyst, string token) =>
        Task.FromResult<IAnalystAbility>(new DirectAnalyst(App, new Analyst(analyst.Id, analyst.Name), token));

    public override async Task<IReadOnlyList<(string Reason, bool Holds)>> ConcernsShownInThePortal(PersonAccount person, Guid manuscript)
    {
        var seen = await Portal.Portal.Services.GetRequiredService<ISubmissionQueries>().Find(manuscript, new Actor(person.Id, person.Name, person.Email));
        return seen is null ? [] : [.. seen.IntegrityConcerns.Select(c => (c.Reason, c.Hold))];
    }

    private sealed class DirectAnalyst(IntegrityFactory app, Analyst me, string token) : IAnalystAbility
    {
        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private T Service<T>() where T : notnull => app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

        public Task<SeenFreshness> Freshness() => Task.FromResult(new SeenFreshness(app.Status.State.ToString(), app.Status.Describe(), app.Status.AnalysedThrough));

        public async Task<IReadOnlyList<ListedCase>> Cases() =>
            [.. (await Service<CaseQueries>().Find(new CaseFilter(), Cancel)).Select(c => new ListedCase(c.Id, c.Title, c.State.ToString(), c.Severity.ToString(), c.Signals.Count, c.SignalsSinceClosed))];

        public async Task<SeenCase?> OpenCase(Guid id)
        {
            if (await Service<CaseQueries>().Open(id, Cancel) is not { } file) return null;
            var c = file.Case;
            return new SeenCase(c.Id, c.Title, c.State.ToString(), c.Severity.ToString(), [.. file.Signals.Select(s => new CaseSignal(s.Id, s.Detector, s.Headline, s.Explanation))],
                [.. c.Manuscripts.Select(m => new CaseManuscript(m, app.CatchUp.View.Manuscript(m)?.Title ?? "", c.Concerns.Any(x => x.Manuscript == m)))],
                [.. c.History.Select(h => $"{h.Who} {h.What}")], c.SignalsSinceClosed);
        }

        public async Task<SeenSignal?> OpenSignal(Guid id)
        {
            if (await Service<CaseQueries>().Signal(id, Cancel) is not { } found) return null;
            var portal = Service<EditorialPortal.Integrity.Portal.PortalClient>();
            return new SeenSignal(found.Signal.Headline, found.Signal.Explanation, found.Signal.Detector,
                [.. found.Signal.Evidence.Select(e => new SeenEvidence(e.Type, e.Page is { } page ? portal.PageAt(page).ToString() : ""))]);
        }

        public Task<string?> BeginInvestigating(Guid caseId) => Service<CaseDesk>().Execute(caseId, new CaseCommand.BeginInvestigation(), me, Cancel);

        public Task<string?> Confirm(Guid caseId, string finding) => Service<CaseDesk>().Execute(caseId, new CaseCommand.Confirm(finding), me, Cancel);

        public Task<string?> Clear(Guid caseId, string reason) => Service<CaseDesk>().Execute(caseId, new CaseCommand.Clear(reason), me, Cancel);

        public Task<string?> RaiseConcern(Guid caseId, Guid manuscript, string reason, bool hold) =>
            Service<CaseDesk>().RaiseConcern(caseId, manuscript, reason, hold, me, token, Cancel);
    }
}

/// <summary>The analyst drives the application's REST API with their portal token; the editors read the portal's REST API.</summary>
public sealed class HttpIntegrity(PortalFixture portal) : InProcessIntegrity(portal)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public override string Kind => "HTTP";

    protected override Task<IAnalystAbility> SignIn(PersonAccount analyst, string token)
    {
        var http = App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Task.FromResult<IAnalystAbility>(new HttpAnalyst(http));
    }

    public override async Task<IReadOnlyList<(string Reason, bool Holds)>> ConcernsShownInThePortal(PersonAccount person, Guid manuscript)
    {
        using var client = await Portal.ApiClient(person);
        using var answer = await client.GetAsync($"/api/submissions/{manuscript}", TestContext.Current.CancellationToken);
        if (!answer.IsSuccessStatusCode) return [];
        var submission = await answer.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return [.. submission.GetProperty("integrityConcerns").EnumerateArray().Select(c => (c.GetProperty("reason").GetString()!, c.GetProperty("hold").GetBoolean()))];
    }

    private sealed class HttpAnalyst(HttpClient http) : IAnalystAbility
    {
        private static CancellationToken Cancel => TestContext.Current.CancellationToken;

        private async Task<T?> Get<T>(string path) where T : class
        {
            using var answer = await http.GetAsync(path, Cancel);
            if (answer.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
            answer.EnsureSuccessStatusCode();
            return await answer.Content.ReadFromJsonAsync<T>(Json, Cancel);
        }

        // Follows the case's link for the work, as a client of the API does: a missing link is the refusal.
        private async Task<string?> Follow(Guid caseId, string relation, object body)
        {
            var shown = await Get<CaseShown>($"/api/cases/{caseId}") ?? throw new Xunit.Sdk.XunitException("The case was not found.");
            if (!shown.Links.TryGetValue(relation, out var href)) return $"The case offers no {relation} now.";
            using var answer = await http.PostAsJsonAsync(href, body, Json, Cancel);
            if (answer.IsSuccessStatusCode) return null;
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            return problem.TryGetProperty("detail", out var detail) ? detail.GetString() : $"{(int)answer.StatusCode}";
        }

        public async Task<SeenFreshness> Freshness()
        {
            var shown = (await Get<FreshnessShown>("/api/status"))!;
            return new SeenFreshness(shown.State.ToString(), shown.Description, shown.AnalysedThrough);
        }

        public async Task<IReadOnlyList<ListedCase>> Cases() =>
            [.. (await Get<List<CaseSummary>>("/api/cases"))!.Select(c => new ListedCase(c.Id, c.Title, c.State.ToString(), c.Severity.ToString(), c.Signals, c.SignalsSinceClosed))];

        public async Task<SeenCase?> OpenCase(Guid id) => await Get<CaseShown>($"/api/cases/{id}") is { } c
            ? new SeenCase(c.Id, c.Title, c.State.ToString(), c.Severity.ToString(), [.. c.Signals.Select(s => new CaseSignal(s.Id, s.Detector, s.Headline, s.Explanation))],
                [.. c.Manuscripts.Select(m => new CaseManuscript(m.Id, m.Title ?? "", m.Concern is not null))], [.. c.History.Select(h => $"{h.Who} {h.What}")], c.SignalsSinceClosed)
            : null;

        public async Task<SeenSignal?> OpenSignal(Guid id) => await Get<SignalShown>($"/api/signals/{id}") is { } s
            ? new SeenSignal(s.Headline, s.Explanation, s.Detector, [.. s.Evidence.Select(e => new SeenEvidence(e.Type, e.Page ?? ""))])
            : null;

        public Task<string?> BeginInvestigating(Guid caseId) => Follow(caseId, "begin-investigation", new { });

        public Task<string?> Confirm(Guid caseId, string finding) => Follow(caseId, "confirm", new TextBody(finding));

        public Task<string?> Clear(Guid caseId, string reason) => Follow(caseId, "clear", new TextBody(reason));

        public Task<string?> RaiseConcern(Guid caseId, Guid manuscript, string reason, bool hold) => Follow(caseId, "raise-concern", new ConcernBody(manuscript, reason, hold));
    }
}

[Collection(nameof(TimeTravel))]
public sealed class InvestigatingIntegrity_OnTheDirectActor(PortalFixture portal) : InvestigatingIntegrity(new DirectIntegrity(portal));

[Collection(nameof(TimeTravel))]
public sealed class InvestigatingIntegrity_OverHttp(PortalFixture portal) : InvestigatingIntegrity(new HttpIntegrity(portal));
