using System.Diagnostics;
using Marten;
using Npgsql;
using Weasel.Core;

namespace EditorialPortal.Records;

public sealed record RebuildReport(long Streams, long Facts, long Documents, TimeSpan Took)
{
    public double FactsPerSecond => Facts / Math.Max(Took.TotalSeconds, 0.001);

    public override string ToString() =>
        $"{Documents:N0} documents rebuilt from {Facts:N0} facts in {Streams:N0} streams in {Took.TotalSeconds:0.0} s ({FactsPerSecond:N0} facts/s).";
}

/// <summary>
/// Every current-state document written anew from the facts, in one pass over the record: each stream folded in memory
/// by the projections the commands keep inline, and the documents copied in bulk. For after a change to a projection,
/// or a restore; run it with the portal stopped, since the documents are emptied first and readers would see them fill.
/// The queue tally is counted afresh at the end.
/// </summary>
public sealed class ProjectionRebuild(IDocumentStore store)
{
    private const int StreamsPerPage = 5_000;

    public async Task<RebuildReport> Run(CancellationToken token = default)
    {
        var started = Stopwatch.StartNew();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Options.Tenancy.Default.Database.CreateConnection();
        await connection.OpenAsync(token);
        var tables = RecordFolds.Tables.Select(table => $"mt_doc_{table}").ToArray();
        await Execute(connection, $"truncate {string.Join(", ", tables.Select(table => $"{schema}.{table}"))}", token);

        // Documents copied into tables without their secondary indexes, which are then built once each from sorted data:
        // much faster than keeping every index up to date row by row. Should the rebuild stop half-way, the portal
        // creates whatever index is missing when it next starts.
        var indexes = await SecondaryIndexes(connection, schema, tables, token);
        foreach (var (name, _) in indexes) await Execute(connection, $"drop index {schema}.{name}", token);
        long streams = 0, facts = 0, documents = 0;
        try
        {
            Task writing = Task.CompletedTask;
            await foreach (var page in new RecordFolds(store).Pages(connection, StreamsPerPage, token))
            {
                streams += page.Count;
                facts += page.Sum(stream => (long)stream.Facts.Count);
                var states = page.Where(stream => stream.Table is not null && stream.State is not null).Select(stream => stream.State!).ToList();
                documents += states.Count;
                // One page is copied while the next is read and folded.
                await writing;
                writing = store.BulkInsertDocumentsAsync(states, BulkInsertMode.InsertsOnly, StreamsPerPage, token);
            }
            await writing;
        }
        finally
        {
            await Execute(connection, "set maintenance_work_mem = '256MB'", CancellationToken.None);
            foreach (var (_, definition) in indexes) await Execute(connection, definition, CancellationToken.None);
        }
        await QueueTally.Recount(store, token);
        return new RebuildReport(streams, facts, documents, started.Elapsed);
    }

    private static async Task<List<(string Name, string Definition)>> SecondaryIndexes(NpgsqlConnection connection, string schema, string[] tables, CancellationToken token)
    {
        await using var command = new NpgsqlCommand("""
            select c.relname, pg_get_indexdef(i.indexrelid)
            from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
            where n.nspname = @schema and t.relname = any(@tables) and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
            """, connection);
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("tables", tables);
        await using var reader = await command.ExecuteReaderAsync(token);
        var indexes = new List<(string, string)>();
        while (await reader.ReadAsync(token)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        return indexes;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken token)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(token);
    }
}

/// <summary>The portal's command-line rebuild of its current-state documents, for operators after a change to a projection.</summary>
public static class ProjectionRebuildCommand
{
    public const string Switch = "--rebuild-projections";

    public static async Task<int> Run(IServiceProvider services, TextWriter output)
    {
        var report = await new ProjectionRebuild(services.GetRequiredService<IDocumentStore>()).Run();
        await output.WriteLineAsync(report.ToString());
        return 0;
    }
}
