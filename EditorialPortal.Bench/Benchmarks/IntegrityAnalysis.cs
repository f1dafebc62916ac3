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
        // The writers' journal is made first, so that the analyst keeps its record too.
        var writers = GenerateCommand.For(database.Store, BenchDatabase.Links, database.Files, composesMail: true);
        var plan = new GenerationPlan(3_000, Seed: Environment.TickCount) { Journals = 1, Writers = 8 };
        var cast = await writers.Assemble(plan);
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
            var (lag, written, cycles) = await LagUnderLoad(services, database, writers, plan, cast);

            var results = new List<Result>
            {
                new(Id, "catch-up from an empty checkpoint, over HTTP, pages of 500", null, $"{facts / reading.Elapsed.TotalSeconds:N0} facts/s", $"{facts:N0} facts read in {reading.Elapsed.TotalSeconds:0} s", "–", null),
                new(Id, $"every detector once over the record ({signals.Count:N0} signals)", null, $"{analysing.Elapsed.TotalSeconds:0.0} s", size, "–", null),
                new(Id, $"lag of a fact, committed in the portal to kept here, while 8 writers write for {LoadFor.TotalSeconds:0} s (B2's load; polling every 5 s, the detectors at most once a minute while it writes)",
                    lag, $"{written:N0} facts written, {cycles} analyses", size, "–", null)
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

    private static readonly TimeSpan LoadFor = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The application running as in production (its own loop: a page at a time, a 5 s poll at the head, the detectors
    /// at most once a minute while the portal writes) while B2's eight writers write whole submission lives. Each fact's lag runs from the moment the
    /// portal's record first reached its sequence (sampled every 100 ms) to the moment this application kept it.
    /// </summary>
    private static async Task<(Latencies Lag, long Written, int Analyses)> LagUnderLoad(ServiceProvider services, BenchDatabase database,
        SyntheticJournals writers, GenerationPlan plan, SyntheticJournals.Cast cast)
    {
        var catchUp = services.GetRequiredService<CatchUp>();
        var status = services.GetRequiredService<CatchUpStatus>();
        var analyses = 0;
        var lastAnalysis = status.AnalysedAt;
        void Counted()
        {
            if (status.AnalysedAt != lastAnalysis) (analyses, lastAnalysis) = (analyses + 1, status.AnalysedAt);
        }
        status.Changed += Counted;
        var from = await Head(database);
        var heads = new List<(long Sequence, DateTimeOffset At)>();
        using var stop = new CancellationTokenSource();
        await catchUp.StartAsync(stop.Token);
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                heads.Add((await Head(database), DateTimeOffset.UtcNow));
                await Task.Delay(100);
            }
        });
        using (var window = new CancellationTokenSource(LoadFor))
            await writers.WriteLives(plan, cast, 5_000_000, 1_000_000, window.Token);
        var to = await Head(database);
        var stopped = DateTimeOffset.UtcNow;
        // Then until the application has read to the head after the writers stopped.
        for (var waited = TimeSpan.Zero; !(status.State == CatchUpState.UpToDate && status.ReadAt > stopped) && waited < TimeSpan.FromMinutes(10); waited += TimeSpan.FromSeconds(1))
            await Task.Delay(1_000);
        await stop.CancelAsync();
        await sampling;
        await catchUp.StopAsync(CancellationToken.None);
        status.Changed -= Counted;

        var lag = new Latencies();
        await using var connection = new Npgsql.NpgsqlConnection(services.GetRequiredService<IDocumentStore>().Options.Tenancy.Default.Database.CreateConnection().ConnectionString);
        await connection.OpenAsync();
        await using var kept = new Npgsql.NpgsqlCommand($"select id, mt_last_modified from {IntegrityRecord.Schema}.mt_doc_mirroredfact where id > @from and id <= @to", connection);
        kept.Parameters.AddWithValue("from", from);
        kept.Parameters.AddWithValue("to", to);
        await using var rows = await kept.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            var (sequence, keptAt) = (rows.GetInt64(0), rows.GetFieldValue<DateTimeOffset>(1));
            var committed = heads.FirstOrDefault(h => h.Sequence >= sequence);
            if (committed.At != default) lag.Add(keptAt - committed.At);
        }
        return (lag, to - from, analyses);
    }

    private static async Task<long> Head(BenchDatabase database)
    {
        await using var session = database.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().MaxAsync(e => e.Sequence);
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
        // Enabled, but started only for the lag under load: the catch-up from empty is read by hand, to be timed alone.
        services.Configure<CatchUpOptions>(o => o.Enabled = true);
        services.AddHttpClient<PortalClient>((sp, http) => PortalClient.Configure(http, sp.GetRequiredService<IOptions<PortalOptions>>().Value));
        services.AddSingleton<CatchUpStatus>();
        services.AddSingleton<CatchUp>();
        return services.BuildServiceProvider();
    }
}
