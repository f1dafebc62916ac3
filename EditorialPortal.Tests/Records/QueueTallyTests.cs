using EditorialPortal.Demo;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Records;
using EditorialPortal.Tests.Support;
using Marten;
using Xunit;

namespace EditorialPortal.Tests.Records;

/// <summary>The queue sizes come from the journal's tally of standings; they must be what the queues' own rule counts.</summary>
public sealed class QueueTallyTests(PortalFixture fixture) : DemoRecordOnPostgres(fixture, "tally")
{
    private static readonly DemoPerson Erin = DemoJournal.People.Single(p => p.Role == JournalRole.EditorInChief);
    private static Actor EditorInChief => new(Erin.Id, Erin.Name, Erin.Email);

    [Fact]
    public async Task Each_queue_counted_from_the_tally_holds_as_many_as_its_rule_finds_among_the_manuscripts()
    {
        var counts = await new MartenQueries(Store, TimeProvider.System).QueueCounts(DemoJournal.JournalId, EditorInChief);

        Assert.Equal(await CountedByRule(), counts);
        Assert.Contains(counts!, c => c.Key != EditorialQueue.ReviewsOverdue && c.Value > 0);
    }

    [Fact]
    public async Task Each_queue_page_shows_its_manuscripts_in_the_order_asked_and_its_size_from_the_tally()
    {
        var queries = new MartenQueries(Store, TimeProvider.System);
        var counts = await CountedByRule();
        await using var session = Store.QuerySession();
        var journal = (await session.LoadAsync<Journal>(DemoJournal.JournalId, Token))!;

        foreach (var queue in Enum.GetValues<EditorialQueue>())
        {
            var page = await queries.Queue(DemoJournal.JournalId, queue, EditorInChief, new QueueRequest(PageSize: 2, SortBy: QueueSort.Title, Descending: false));
            var expected = await session.Query<Submission>().Where(EditorialQueues.Holds(queue, journal, DateTimeOffset.UtcNow))
                .OrderBy(s => s.Title).Take(2).Select(s => s.Id).ToListAsync(Token);

            Assert.Equal(counts[queue], page!.Total);
            Assert.Equal(expected, page.Items.Select(i => i.Submission));
        }
    }

    [Fact]
    public async Task The_tally_is_the_standings_of_the_documents_and_counting_it_again_changes_nothing()
    {
        var before = await Tally();
        await using (var session = Store.QuerySession())
            Assert.Equal(Sorted(QueueStanding.Of(await session.Query<Submission>().Where(s => s.Journal == DemoJournal.JournalId).ToListAsync(Token))), before);

        await QueueTally.Recount(Store, Token);

        Assert.Equal(before, await Tally());
    }

    [Fact]
    public async Task Manuscripts_removed_leave_the_tally_and_a_recount_restores_what_was_lost()
    {
        await Execute("update editorial.queue_tally set submissions = 0");
        await QueueTally.Recount(Store, Token);
        Assert.NotEmpty(await Tally());

        await Execute("delete from editorial.mt_doc_submission where status = 'UnderReview'");
        Assert.DoesNotContain(await Tally(), s => s.Status == SubmissionStatus.UnderReview);

        await Execute("truncate editorial.mt_doc_submission");
        await QueueTally.Recount(Store, Token);
        Assert.Empty(await Tally());
    }

    [Fact]
    public async Task The_schema_with_the_tally_settles_once_applied()
    {
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var migration = await Store.Storage.Database.CreateMigrationAsync(Token);

        var changes = string.Join(", ", migration.Deltas.Where(d => d.Difference != Weasel.Core.SchemaPatchDifference.None).Select(d => d.SchemaObject.Identifier));
        Assert.True(migration.Difference == Weasel.Core.SchemaPatchDifference.None, changes);
    }

    private async Task<IReadOnlyList<QueueStanding>> Tally()
    {
        await using var session = Store.QuerySession();
        return Sorted(await QueueTally.Standings(session, DemoJournal.JournalId, Token));
    }

    private static IReadOnlyList<QueueStanding> Sorted(IEnumerable<QueueStanding> standings) =>
        [.. standings.OrderBy(s => s.Status).ThenBy(s => s.ReviewersEngaged).ThenBy(s => s.ReviewsIn).ThenBy(s => s.AwaitsConfirmation)];

    private async Task<Dictionary<EditorialQueue, long>> CountedByRule()
    {
        await using var session = Store.QuerySession();
        var journal = (await session.LoadAsync<Journal>(DemoJournal.JournalId, Token))!;
        var counts = new Dictionary<EditorialQueue, long>();
        foreach (var queue in Enum.GetValues<EditorialQueue>())
            counts[queue] = await session.Query<Submission>().Where(EditorialQueues.Holds(queue, journal, DateTimeOffset.UtcNow)).CountAsync(Token);
        return counts;
    }
}
