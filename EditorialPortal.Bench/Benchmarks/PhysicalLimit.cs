using System.Diagnostics;
using Npgsql;

namespace EditorialPortal.Bench.Benchmarks;

/// <summary>
/// B7: the physical limit on the same cluster: a transaction of the same shape as one command, written by hand in SQL
/// (insert the fact row, move the stream row to its new version, upsert the JSON document), with 1 and 8 clients.
/// Nothing can do one command's durable work faster here; B1 and B2 are quoted against it.
/// </summary>
public sealed class PhysicalLimit(TimeSpan duration) : Benchmark
{
    public double? EightClientRate { get; private set; }

    public override string Id => "B7";
    public override string What => "physical limit: one command's transaction in raw SQL";

    // A submission document of the usual size, and a fact of the usual size.
    private static readonly string Document = System.Text.Json.JsonSerializer.Serialize(new
    {
        Title = new string('t', 90), Abstract = new string('a', 1200), Keywords = new[] { "ecology", "drought", "forests" },
        Authors = Enumerable.Range(0, 3).Select(i => new { Name = $"Author {i}", Email = $"author{i}@uni.example", Affiliation = "University" }),
        Assignments = Enumerable.Range(0, 3).Select(i => new { Id = Guid.NewGuid(), Reviewer = Guid.NewGuid(), Status = "Accepted", Round = 1 })
    });
    private static readonly string Fact = System.Text.Json.JsonSerializer.Serialize(new { Submission = Guid.NewGuid(), Title = new string('t', 90), By = Guid.NewGuid(), At = DateTimeOffset.UtcNow });

    public override async Task<IReadOnlyList<Result>> Run(BenchDatabase database)
    {
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("""
                create schema if not exists physical_limit;
                create table if not exists physical_limit.events (seq bigserial primary key, stream_id uuid not null, version int not null, type text not null,
                    data jsonb not null, headers jsonb, timestamp timestamptz not null default now(), unique (stream_id, version));
                create table if not exists physical_limit.streams (id uuid primary key, version int not null, timestamp timestamptz not null default now());
                create table if not exists physical_limit.documents (id uuid primary key, data jsonb not null, version int not null, last_modified timestamptz not null default now());
                truncate physical_limit.events, physical_limit.streams, physical_limit.documents;
                """, connection);
            await create.ExecuteNonQueryAsync();
        }
        var results = new List<Result>();
        foreach (var clients in new[] { 1, 8 })
        {
            var latencies = new Latencies();
            var started = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Client(database.ConnectionString, latencies, started, duration)));
            var rate = latencies.Count / started.Elapsed.TotalSeconds;
            if (clients == 8) EightClientRate = rate;
            results.Add(new Result(Id, $"{clients} client{(clients == 1 ? "" : "s")} for {duration.TotalSeconds:0} s", latencies, $"{rate:N0} transactions/s", await database.Size(), "–", null));
        }
        return results;
    }

    private static async Task Client(string connectionString, Latencies latencies, Stopwatch clock, TimeSpan duration)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (clock.Elapsed < duration)
        {
            var stream = Guid.NewGuid();
            for (var version = 1; version <= 3 && clock.Elapsed < duration; version++)
            {
                var began = Stopwatch.GetTimestamp();
                await using var transaction = await connection.BeginTransactionAsync();
                await using var batch = new NpgsqlBatch(connection, transaction)
                {
                    BatchCommands =
                    {
                        new("insert into physical_limit.events (stream_id, version, type, data) values ($1, $2, 'TitleChanged', $3::jsonb)")
                            { Parameters = { new() { Value = stream }, new() { Value = version }, new() { Value = Fact } } },
                        new("insert into physical_limit.streams (id, version) values ($1, $2) on conflict (id) do update set version = excluded.version, timestamp = now()")
                            { Parameters = { new() { Value = stream }, new() { Value = version } } },
                        new("insert into physical_limit.documents (id, data, version) values ($1, $2::jsonb, $3) on conflict (id) do update set data = excluded.data, version = excluded.version, last_modified = now()")
                            { Parameters = { new() { Value = stream }, new() { Value = Document }, new() { Value = version } } }
                    }
                };
                await batch.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                latencies.Add(Stopwatch.GetElapsedTime(began));
            }
        }
    }
}
