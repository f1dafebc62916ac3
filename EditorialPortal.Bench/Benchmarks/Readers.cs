using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Records;
using Marten;

namespace EditorialPortal.Bench.Benchmarks;

/// <summary>Who reads in the read benchmarks: the editor-in-chief of the journal with the most submissions.</summary>
public sealed record Reader(Guid Journal, Actor EditorInChief, long Submissions)
{
    public static async Task<Reader> Busiest(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var busiest = (await session.AdvancedSql.QueryAsync<Guid>(
            "select journal from editorial.mt_doc_submission group by journal order by count(*) desc limit 1", CancellationToken.None)).Single();
        var journal = (await session.LoadAsync<Journal>(busiest))!;
        var chief = (await session.LoadAsync<Account>(journal.Staff.First(s => s.Role == JournalRole.EditorInChief).Account))!;
        var count = await session.Query<Submission>().CountAsync(s => s.Journal == busiest);
        return new Reader(busiest, new Actor(chief.Id, chief.Name, chief.Email), count);
    }
}

/// <summary>Runs a read many times after a warm-up, timing each.</summary>
public static class Repeat
{
    public static async Task<Latencies> Timed(int times, Func<int, Task> read)
    {
        for (var i = 0; i < Math.Max(5, times / 10); i++) await read(i);
        var latencies = new Latencies();
        for (var i = 0; i < times; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await read(i);
            latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        return latencies;
    }
}

/// <summary>B4: the editor's dashboard on the journal with the most submissions: each queue's first page, sorted and filtered, and the counts per queue.</summary>
public sealed class Dashboards(int times) : Benchmark
{
    public override string Id => "B4";
    public override string What => "editor dashboards, server time";

    public override async Task<IReadOnlyList<Result>> Run(BenchDatabase database)
    {
        var queries = new MartenQueries(database.Store, TimeProvider.System);
        var reader = await Reader.Busiest(database.Store);
        var queues = Enum.GetValues<EditorialQueue>();
        const string Word = "forest";
        (string What, QueueRequest Request)[] requests =
        [
            ("newest first", new()),
            ("sorted by title, one manuscript type", new(SortBy: QueueSort.Title, Descending: false, Type: ManuscriptType.ResearchArticle)),
            ($"searched for a word in {await ShareOfTitlesWith(database, reader.Journal, Word):0}% of titles, longest waiting first", new(SortBy: QueueSort.Waiting, Search: Word))
        ];
        var all = new Latencies();
        var results = new List<Result>();
        var size = $"{reader.Submissions:N0} submissions in the journal";
        foreach (var (what, request) in requests)
        {
            var pages = await Repeat.Timed(times / requests.Length, async i =>
            {
                if (await queries.Queue(reader.Journal, queues[i % queues.Length], reader.EditorInChief, request) is null)
                    throw new InvalidOperationException("The editor-in-chief was refused their own queue.");
            });
            all.AddAll(pages);
            results.Add(new Result(Id, $"each queue's first page, {what}", pages, "", size, "p95 ≤ 10 ms", pages.P95 <= 10));
        }
        var counts = await Repeat.Timed(times, async _ =>
        {
            if (await queries.QueueCounts(reader.Journal, reader.EditorInChief) is null) throw new InvalidOperationException("No queue counts for the editor-in-chief.");
        });
        return
        [
            new Result(Id, "each queue's first page, all three ways", all, "", size, "p95 ≤ 10 ms", all.P95 <= 10),
            .. results,
            new Result(Id, "the counts of all 6 queues", counts, "", size, "p95 ≤ 10 ms", counts.P95 <= 10)
        ];
    }

    private static async Task<double> ShareOfTitlesWith(BenchDatabase database, Guid journal, string word) =>
        100.0 * await database.Count($"select count(*) from editorial.mt_doc_submission where journal = '{journal}' and title ilike '%{word}%'")
        / Math.Max(1, await database.Count($"select count(*) from editorial.mt_doc_submission where journal = '{journal}'"));
}

/// <summary>B5: opening one submission: its current state, and its whole history told in domain words.</summary>
public sealed class OpeningSubmissions(int times) : Benchmark
{
    public override string Id => "B5";
    public override string What => "opening a submission";

    public override async Task<IReadOnlyList<Result>> Run(BenchDatabase database)
    {
        var queries = new MartenQueries(database.Store, TimeProvider.System);
        var reader = await Reader.Busiest(database.Store);
        IReadOnlyList<Guid> ids;
        await using (var session = database.Store.QuerySession())
            ids = await session.AdvancedSql.QueryAsync<Guid>(
                "select id from editorial.mt_doc_submission where journal = ? and status <> 'Draft' order by md5(id::text) limit 2000", CancellationToken.None, reader.Journal);
        var state = await Repeat.Timed(times, async i =>
        {
            if (await queries.Find(ids[i % ids.Count], reader.EditorInChief) is null) throw new InvalidOperationException("The editor-in-chief could not open a submission of their journal.");
        });
        var history = await Repeat.Timed(times, async i =>
        {
            if (await queries.History(ids[(i + 7) % ids.Count], reader.EditorInChief) is null) throw new InvalidOperationException("No history for the editor-in-chief.");
        });
        var size = await database.Size();
        return
        [
            new Result(Id, "its current state", state, "", size, "p95 ≤ 3 ms", state.P95 <= 3),
            new Result(Id, "its whole history, told", history, "", size, "p95 ≤ 3 ms", history.P95 <= 3)
        ];
    }
}
