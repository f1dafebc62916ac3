using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.History;
using EditorialPortal.Hosting;
using EditorialPortal.Notifications;
using EditorialPortal.Records;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EditorialPortal.Tests.Reliability;

/// <summary>
/// PostgreSQL killed without warning while people are writing, then started again: whatever the portal answered as
/// done is in the record, nothing half-done is, and the same running portal goes on working once the database is back.
/// </summary>
public sealed class PostgresCrashTests : IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "editorialportal-tests", "crash-" + Guid.NewGuid().ToString("N"));
    private LocalPostgres _cluster = null!;
    private DocumentStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        // Durable, as in production: the test is about what a crash may and may not take away.
        _cluster = await LocalPostgres.Start(Path.Combine(_folder, "data"), durable: true);
        await _cluster.CreateDatabaseIfMissing("crash");
        _store = DocumentStore.For(opts => EditorialRecordSetup.Configure(opts, _cluster.ConnectionString("crash")));
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        await _cluster.Stop();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Killing_postgres_while_writers_run_loses_nothing_acknowledged_and_leaves_nothing_half_done()
    {
        var desk = new MartenEditorialDesk(_store, TimeProvider.System, new PortalLinks("http://portal.test"), new OutboxSignal(), NullLogger<MartenEditorialDesk>.Instance);
        var backstage = new Backstage(desk, new TestClock());
        var journal = await backstage.NewJournal();
        var author = await backstage.NewAccount("Alice Smith");
        var writers = new CrashingWriters(desk, journal.Id, new Actor(author.Id, author.Name, author.Email));

        using var stop = new CancellationTokenSource();
        var writing = Enumerable.Range(0, 4).Select(_ => writers.Write(stop.Token)).ToArray();
        var random = new Random(7);
        for (var crash = 0; crash < 3; crash++)
        {
            await Task.Delay(random.Next(800, 1600), Token);
            await _cluster.Crash();
            await Task.Delay(500, Token);
            await _cluster.Restart();
        }
        var acknowledgedBeforeTheLastRestart = writers.Acknowledged.Count;
        await Task.Delay(2000, Token);
        await stop.CancelAsync();
        await Task.WhenAll(writing);

        Assert.True(writers.Failures > 0, "no command met the crash: the test proved nothing");
        Assert.True(writers.Acknowledged.Count > acknowledgedBeforeTheLastRestart + 10, "the writers did not go on after the database came back");
        var report = await new RecordInvariants(_store).Check(writers.Acknowledged, Token);
        await using (var s = _store.QuerySession())
        {
            var rows = await s.AdvancedSql.QueryAsync<string>("select row_to_json(x)::text from (select * from editorial.mt_streams where version = 0) x", Token);
            var docs = await s.AdvancedSql.QueryAsync<string>("select row_to_json(x)::text from (select id, mt_version, data->>'Version' v from editorial.mt_doc_submission d where id in (select id from editorial.mt_streams where version = 0)) x", Token);
            var all = await s.AdvancedSql.QueryAsync<string>("select s.id::text || ' v' || s.version || ' type ' || coalesce(s.type,'-') || ' facts ' || (select count(*) from editorial.mt_events e where e.stream_id = s.id) from editorial.mt_streams s", Token);
            var pc = await s.AdvancedSql.QueryAsync<string>("select row_to_json(x)::text from (select * from editorial.mt_doc_processedcommand d where data->>'Stream' in (select id::text from editorial.mt_streams where version = 0)) x", Token);
            Assert.True(report.Holds, report + string.Join("\n", rows) + "\nDOCS " + string.Join("\n", docs) + "\nPC " + string.Join("\n", pc) + "\nALL " + string.Join("\n", all));
        }
    }
}
