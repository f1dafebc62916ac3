using EditorialPortal.Files;
using EditorialPortal.Generation;
using EditorialPortal.Hosting;
using EditorialPortal.Notifications;
using EditorialPortal.Records;
using Marten;
using Npgsql;

namespace EditorialPortal.Bench;

/// <summary>
/// The benchmarks' own PostgreSQL cluster, durable as in production (fsync and synchronous commit on), and a database of
/// synthetic journals for each size and seed, generated once through the real commands and kept for later runs. Every run
/// measures a fresh copy of it, dropped afterwards, so that one run's writes never weigh on the next.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    // What a server of this size would be given in production: a quarter of memory for buffers, room for checkpoints.
    private const string ServerSettings = "-c shared_buffers=2GB -c max_wal_size=8GB -c checkpoint_timeout=15min";

    private BenchDatabase(LocalPostgres cluster, string folder, string dataset, string database, DocumentStore store)
    {
        Dataset = dataset;
        Cluster = cluster;
        Folder = folder;
        Database = database;
        Store = store;
    }

    public LocalPostgres Cluster { get; }

    /// <summary>The generated record, kept from run to run.</summary>
    public string Dataset { get; }

    /// <summary>This run's copy of the dataset, which the benchmarks measure.</summary>
    public string Folder { get; }
    public string Database { get; }
    public DocumentStore Store { get; }
    public string ConnectionString => EditorialRecordSetup.Tuned(Cluster.ConnectionString(Database));

    /// <summary>What the generator planted in the dataset, for scoring the integrity detectors; they never read it.</summary>
    public string TruthFile => Path.Combine(Folder, $"{Dataset}-ground-truth.json");
    public FolderFileStore Files => new(new FileStoreOptions { Folder = Path.Combine(Folder, "files") });
    public static PortalLinks Links { get; } = new("http://bench.local");

    public static async Task<BenchDatabase> Open(string folder, GenerationPlan plan, TextWriter output)
    {
        var cluster = await LocalPostgres.Start(Path.Combine(folder, "postgres"), durable: true, settings: ServerSettings);
        var dataset = $"synthetic_{plan.Submissions}_{plan.Journals}j_seed{plan.Seed}";
        await cluster.CreateDatabaseIfMissing(dataset);
        await using (var generating = await Prepared(cluster, folder, dataset, dataset))
            await generating.EnsureGenerated(plan, output);
        await cluster.CopyDatabase(dataset, dataset + "_run");
        var bench = await Prepared(cluster, folder, dataset, dataset + "_run");
        // As autovacuum keeps a working database: statistics fresh, the visibility map set for index-only scans.
        await bench.Count("vacuum (analyze) editorial.mt_doc_submission");
        return bench;
    }

    // A change of schema on 100,000 documents (a new column filled, an index built) takes longer than a query may.
    private static async Task<BenchDatabase> Prepared(LocalPostgres cluster, string folder, string dataset, string database)
    {
        var store = DocumentStore.For(opts => EditorialRecordSetup.Configure(opts, cluster.ConnectionString(database) + ";Command Timeout=1800"));
        var bench = new BenchDatabase(cluster, folder, dataset, database, store);
        try
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            // As the portal does when it starts: a record generated before the queue tally existed is counted into it.
            await QueueTally.Recount(store);
            return bench;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public async Task<long> Count(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToInt64(await command.ExecuteScalarAsync() is { } value and not DBNull ? value : 0);
    }

    public Task<long> Submissions() => Count("select count(*) from editorial.mt_doc_submission");
    public Task<long> Facts() => Count("select count(*) from editorial.mt_events");

    public async Task<string> Size() => $"{await Submissions():N0} submissions, {await Facts():N0} facts";

    private async Task EnsureGenerated(GenerationPlan plan, TextWriter output)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "create table if not exists public.bench_dataset (submissions int, seed int, journals int, facts bigint, seconds float8, generated_at timestamptz)", connection))
            await create.ExecuteNonQueryAsync();
        await using (var done = new NpgsqlCommand("select facts, seconds from public.bench_dataset limit 1", connection))
        await using (var reader = await done.ExecuteReaderAsync())
            if (await reader.ReadAsync())
            {
                await output.WriteLineAsync($"Dataset {Database}: generated before ({reader.GetInt64(0):N0} facts in {reader.GetDouble(1):0} s).");
                return;
            }

        await output.WriteLineAsync($"Generating {Database}: {plan.Submissions:N0} submissions through the editorial desk, {plan.Writers} writers...");
        var report = await GenerateCommand.For(Store, Links, Files).Generate(plan, output);
        await output.WriteLineAsync(report.ToString());
        await File.WriteAllTextAsync(TruthFile, System.Text.Json.JsonSerializer.Serialize(report.Truth));
        // A refused command ends that one life early; the rest of the record stands. Many would mean a broken generator.
        foreach (var problem in report.Problems.Take(5)) await output.WriteLineAsync("  " + problem);
        if (report.Problems.Count > plan.Submissions / 100)
            throw new InvalidOperationException($"The generator met {report.Problems.Count} problems, first: {report.Problems[0]}");
        await using var vacuum = new NpgsqlCommand("vacuum analyze", connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync();
        await using var mark = new NpgsqlCommand(
            "insert into public.bench_dataset values (@submissions, @seed, @journals, @facts, @seconds, now())", connection);
        mark.Parameters.AddWithValue("submissions", plan.Submissions);
        mark.Parameters.AddWithValue("seed", plan.Seed);
        mark.Parameters.AddWithValue("journals", plan.Journals);
        mark.Parameters.AddWithValue("facts", report.Facts);
        mark.Parameters.AddWithValue("seconds", report.Took.TotalSeconds);
        await mark.ExecuteNonQueryAsync();
    }

    /// <summary>Drops this run's copy and stops the cluster; the dataset itself stays.</summary>
    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        if (Database != Dataset)
        {
            await Cluster.DropDatabase(Database);
            await Cluster.Stop();
        }
    }
}
