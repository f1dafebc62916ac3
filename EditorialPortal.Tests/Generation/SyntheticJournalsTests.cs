using EditorialPortal.Domain.Submissions;
using EditorialPortal.Files;
using EditorialPortal.Generation;
using EditorialPortal.History;
using EditorialPortal.Notifications;
using EditorialPortal.Records;
using EditorialPortal.Tests.Support;
using Marten;
using Xunit;

namespace EditorialPortal.Tests.Generation;

/// <summary>The synthetic journals drive the real commands: nothing refused, every kind of life, the same record for the same seed.</summary>
public sealed class SyntheticJournalsTests(PortalFixture fixture) : IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly List<DocumentStore> _stores = [];
    private readonly string _files = Path.Combine(Path.GetTempPath(), "editorialportal-tests", "generated-" + Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, recursive: true);
    }

    private async Task<DocumentStore> NewRecord()
    {
        var connectionString = await fixture.Postgres.NewDatabase("generated");
        var store = DocumentStore.For(opts => EditorialRecordSetup.Configure(opts, connectionString));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        _stores.Add(store);
        return store;
    }

    private SyntheticJournals Generator(IDocumentStore store) =>
        GenerateCommand.For(store, new PortalLinks("http://portal.test"), new FolderFileStore(new FileStoreOptions { Folder = _files }));

    [Fact]
    public async Task Every_generated_life_is_made_of_accepted_commands_and_every_kind_of_ending_occurs()
    {
        var store = await NewRecord();

        var report = await Generator(store).Generate(new GenerationPlan(60, Seed: 3, Writers: 4), cancellationToken: Token);

        Assert.Empty(report.Problems);
        Assert.Equal(60, report.Submissions);
        Assert.True(report.Facts > 60 * 8, $"only {report.Facts} facts");
        await using var session = store.QuerySession();
        var statuses = (await session.Query<Submission>().Select(s => s.Status).ToListAsync(Token)).Distinct().ToHashSet();
        Assert.Superset(new HashSet<SubmissionStatus>
        {
            SubmissionStatus.Draft, SubmissionStatus.Submitted, SubmissionStatus.UnderReview, SubmissionStatus.RevisionRequested,
            SubmissionStatus.Accepted, SubmissionStatus.Rejected
        }, statuses);
        Assert.True((await session.Query<Submission>().Where(s => s.Round == 2).CountAsync(Token)) > 0, "no submission reached a second round");
        Assert.True((await new RecordVerification(store, TimeProvider.System).VerifyAll(Token)).Intact);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_record_and_generating_it_again_records_nothing_twice()
    {
        var first = await NewRecord();
        var second = await NewRecord();
        var plan = new GenerationPlan(25, Seed: 11, Writers: 4);

        await Generator(first).Generate(plan, cancellationToken: Token);
        await Generator(second).Generate(plan with { Writers = 1 }, cancellationToken: Token);
        var again = await Generator(first).Generate(plan, cancellationToken: Token);

        Assert.Equal(await Facts(first), await Facts(second));
        Assert.Equal(0, again.Facts);
    }

    [Fact]
    public async Task Different_seeds_give_different_people_and_manuscripts()
    {
        var first = await NewRecord();
        var second = await NewRecord();

        await Generator(first).Generate(new GenerationPlan(10, Seed: 1, Writers: 2), cancellationToken: Token);
        await Generator(second).Generate(new GenerationPlan(10, Seed: 2, Writers: 2), cancellationToken: Token);

        Assert.NotEqual((await Titles(first)).Order(), (await Titles(second)).Order());
        Assert.NotEqual(await Facts(first), await Facts(second));
    }

    // Each stream's facts as data, in stream order: what the seed decides (the global order depends on the writers).
    private static async Task<IReadOnlyList<string>> Facts(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return await session.AdvancedSql.QueryAsync<string>(
            $"select stream_id::text || ' ' || version || ' ' || type || ' ' || data::text from {store.Options.Events.DatabaseSchemaName}.mt_events order by stream_id, version", Token);
    }

    private static async Task<IReadOnlyList<string>> Titles(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return await session.Query<Submission>().Select(s => s.Title).ToListAsync(Token);
    }
}
