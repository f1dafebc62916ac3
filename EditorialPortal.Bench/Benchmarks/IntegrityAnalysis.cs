using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Generation;
using EditorialPortal.Integrity.CatchingUp;
using EditorialPortal.Integrity.Portal;
using EditorialPortal.Integrity.Signals;
using EditorialPortal.People;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EditorialPortal.Bench.Benchmarks;

/// <summary>
/// B11: the research-integrity application on the generated record, as in production: the portal in its own process,
/// the application reading it over HTTP with an analyst's token from an empty checkpoint into a database of its own.
/// Reports the catch-up speed (facts a second), the time to run every detector once, and each detector's precision
/// and recall against the ground truth the generator wrote when it planted the manipulation.
/// </summary>
public sealed class IntegrityAnalysis(string repository) : Benchmark
{
    public override string Id => "B11";
    public override string What => "the integrity application: catch-up over HTTP, and its detectors against what was planted";

    public override async Task<IReadOnlyList<Result>> Run(BenchDatabase database)
    {
        if (!File.Exists(database.TruthFile))
            return [new Result(Id, "precision and recall", null, "–", await database.Size(), "–", null, "this dataset was generated before manipulation was planted: generate it again")];
        var truth = JsonSerializer.Deserialize<GroundTruth>(await File.ReadAllTextAsync(database.TruthFile))!;
        var size = await database.Size();
        await using var portal = await RunningPortal.Start(repository, database);
        var token = await AnalystToken(database, portal.Address);

        var integrityDatabase = $"integrity_{Guid.NewGuid():N}"[..24];
        await database.Cluster.CreateDatabaseIfMissing(integrityDatabase);
        try
        {
            await using var services = Services(database.Cluster.ConnectionString(integrityDatabase), portal.Address, token);
            await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var catchUp = services.GetRequiredService<CatchUp>();
            var reading = Stopwatch.StartNew();
            var facts = await catchUp.ReadToHead();
            reading.Stop();
            var analysing = Stopwatch.StartNew();
            await catchUp.Analyse();
            analysing.Stop();
            await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
            var signals = await session.Query<Signal>().ToListAsync();

            var results = new List<Result>
            {
                new(Id, "catch-up from an empty checkpoint, over HTTP, pages of 500", null, $"{facts / reading.Elapsed.TotalSeconds:N0} facts/s", $"{facts:N0} facts read in {reading.Elapsed.TotalSeconds:0} s", "–", null),
                new(Id, $"every detector once over the record ({signals.Count:N0} signals)", null, $"{analysing.Elapsed.TotalSeconds:0.0} s", size, "–", null)
            };
            foreach (var detector in EditorialPortal.Integrity.Analysis.Detectors.All.Select(d => d.Name))
            {
                var score = truth.Scored(detector, [.. signals.Where(s => s.Detector == detector).Select(s => s.Manuscripts)]);
                results.Add(new Result(Id, $"{detector}: precision, recall", null,
                    $"{(score.Precision is { } p ? p.ToString("P0") : "–")}, {(score.Recall is { } r ? r.ToString("P0") : "nothing planted")}",
                    $"{score.Findings:N0} signals, {score.Planted:N0} manuscripts planted", "–", null));
            }
            return results;
        }
        finally
        {
            await database.Cluster.DropDatabase(integrityDatabase);
        }
    }

    // An analyst of every generated journal, with a personal access token the portal made.
    private static async Task<string> AnalystToken(BenchDatabase database, string portal)
    {
        var desk = new Records.MartenEditorialDesk(database.Store, TimeProvider.System, BenchDatabase.Links, new Notifications.OutboxSignal(),
            NullLogger<Records.MartenEditorialDesk>.Instance, composesMail: false);
        var analyst = Guid.CreateVersion7();
        var email = $"analyst-{analyst:N}@bench.example";
        const string password = "bench analyst password";
        await desk.Execute(analyst, new RegisterAccount("Bench Analyst", email, "Integrity Office", null, Passwords.Hash(password)), Actor.System);
        await using (var session = database.Store.QuerySession())
            foreach (var journal in await session.Query<Journal>().Select(j => j.Id).ToListAsync())
                await desk.Execute(journal, new GrantJournalRole(analyst, JournalRole.IntegrityAnalyst), Actor.System);
        using var http = new HttpClient { BaseAddress = new Uri(portal) };
        var bearer = (await (await http.PostAsJsonAsync("/api/auth/token", new { email, password })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        return (await (await http.PostAsJsonAsync("/api/me/tokens", new { name = "bench" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static ServiceProvider Services(string connectionString, string portal, string token)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddMarten(opts => IntegrityRecord.Configure(opts, connectionString)).UseLightweightSessions();
        services.Configure<PortalOptions>(o => (o.Url, o.Token, o.PageSize) = (new Uri(portal), token, 500));
        services.Configure<CatchUpOptions>(o => o.Enabled = false);
        services.AddHttpClient<PortalClient>((sp, http) => PortalClient.Configure(http, sp.GetRequiredService<IOptions<PortalOptions>>().Value));
        services.AddSingleton<CatchUpStatus>();
        services.AddSingleton<CatchUp>();
        return services.BuildServiceProvider();
    }
}
