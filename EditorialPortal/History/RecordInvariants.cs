using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Records;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace EditorialPortal.History;

/// <summary>A command the portal answered as done: its facts must be in the record, whatever happened after.</summary>
public sealed record Acknowledged(Guid Stream, long Version, IReadOnlyList<string> FactTypes);

public sealed record InvariantReport(long Streams, long Facts, IReadOnlyList<string> Violations, TimeSpan Took)
{
    public bool Holds => Violations.Count == 0;

    public override string ToString() =>
        $"{Facts:N0} facts in {Streams:N0} streams checked in {Took.TotalSeconds:0.0} s: " +
        (Holds ? "every invariant holds." : $"{Violations.Count} violations, first: {Violations[0]}");
}

/// <summary>
/// What must hold of the record after anything at all (a crash, a race, a bad deploy): every acknowledged command's
/// facts are there; each stream's versions run 1, 2, 3... with no gap and end where its stream row says; each
/// current-state document stands at its stream's version and equals the fold of its facts (a rebuild, done in
/// memory so nothing is written); the queue tally counts what the documents hold; no submission holds two standing
/// final decisions. Marten's tombstones (markers
/// for sequence numbers that a failed transaction drew) are its bookkeeping, not facts, and are left aside.
/// </summary>
public sealed class RecordInvariants(IDocumentStore store)
{
    private const int StreamsPerPage = 2_000;

    public async Task<InvariantReport> Check(IEnumerable<Acknowledged>? acknowledged = null, CancellationToken token = default)
    {
        var started = Stopwatch.StartNew();
        // Document tables come into being when first used; a record may not have used them all yet.
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var violations = new List<string>();
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Options.Tenancy.Default.Database.CreateConnection();
        await connection.OpenAsync(token);

        foreach (var row in await Rows(connection, $"""
            select s.id::text, s.version, count(e.seq_id), coalesce(min(e.version), 0), coalesce(max(e.version), 0)
            from {schema}.mt_streams s left join {schema}.mt_events e on e.stream_id = s.id
            where not exists (select 1 from {schema}.mt_events t where t.stream_id = s.id and t.type = '{Tombstone.Name}')
            group by s.id, s.version
            having count(e.seq_id) <> s.version or (count(e.seq_id) > 0 and (min(e.version) <> 1 or max(e.version) <> s.version))
            """, token))
            violations.Add($"stream {row[0]}: its versions are not 1 to {row[1]} ({row[2]} facts, from {row[3]} to {row[4]})");

        foreach (var fact in acknowledged ?? [])
        {
            var found = await Rows(connection, $"select type from {schema}.mt_events where stream_id = @stream and version > @after and version <= @version order by version", token,
                ("stream", fact.Stream), ("after", fact.Version - fact.FactTypes.Count), ("version", fact.Version));
            var types = found.Select(r => (string)r[0]).ToArray();
            if (types.Length != fact.FactTypes.Count)
                violations.Add($"stream {fact.Stream}: an acknowledged command's facts up to version {fact.Version} are missing ({types.Length} of {fact.FactTypes.Count})");
        }

        foreach (var row in await Rows(connection, $"""
            select coalesce(t.journal, s.journal)::text, coalesce(t.status, s.status), coalesce(t.submissions, 0), coalesce(s.submissions, 0)
            from (select * from {schema}.queue_tally where submissions <> 0) t
            full join (select journal, status, coalesce(reviewers_engaged, 0) reviewers_engaged, coalesce(reviews_in, 0) reviews_in,
                              coalesce(awaits_confirmation, false) awaits_confirmation, count(*) submissions
                       from {schema}.mt_doc_submission where journal is not null and status is not null group by 1, 2, 3, 4, 5) s
              using (journal, status, reviewers_engaged, reviews_in, awaits_confirmation)
            where coalesce(t.submissions, 0) <> coalesce(s.submissions, 0)
            """, token))
            violations.Add($"journal {row[0]}: the queue tally holds {row[2]} {row[1]} submissions where the documents hold {row[3]}");

        var (streams, facts) = await FoldEveryStream(connection, schema, violations, token);
        return new InvariantReport(streams, facts, violations, started.Elapsed);
    }

    private async Task<(long Streams, long Facts)> FoldEveryStream(NpgsqlConnection connection, string schema, List<string> violations, CancellationToken token)
    {
        var serializer = store.Options.Serializer();
        long streams = 0, facts = 0;
        await using var reading = store.Options.Tenancy.Default.Database.CreateConnection();
        await reading.OpenAsync(token);
        await foreach (var page in new RecordFolds(store).Pages(reading, StreamsPerPage, token))
        {
            streams += page.Count;
            var ids = page.Select(p => p.Id).ToArray();
            var documents = new Dictionary<Guid, string>();
            foreach (var table in RecordFolds.Tables)
                foreach (var row in await Rows(connection, $"select id, data::text from {schema}.mt_doc_{table} where id = any(@ids)", token, ("ids", ids)))
                    documents[(Guid)row[0]] = (string)row[1];

            foreach (var stream in page)
            {
                facts += stream.Facts.Count;
                DecisionKind? standing = null;
                foreach (var fact in stream.Facts)
                    switch (fact.Data)
                    {
                        case null:
                            violations.Add($"stream {stream.Id} version {fact.Version}: a fact of unknown type {fact.Type}");
                            break;
                        case DecisionRecorded { Decision: DecisionKind.Accept or DecisionKind.Reject } final when standing is not null:
                            violations.Add($"stream {stream.Id} version {fact.Version}: a second final decision ({final.Decision}) while {standing} stands");
                            break;
                        case DecisionRecorded { Decision: DecisionKind.Accept or DecisionKind.Reject } final:
                            standing = final.Decision;
                            break;
                        case DecisionRescinded:
                            standing = null;
                            break;
                    }
                if (stream.Table is null) continue;
                var stored = documents.GetValueOrDefault(stream.Id);
                var rebuilt = stream.State is null ? null : serializer.ToJson(stream.State);
                if (stored is null != rebuilt is null || (stored is not null && !JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(rebuilt!))))
                    violations.Add($"stream {stream.Id}: its current-state document differs from the fold of its facts");
            }
        }
        return (streams, facts);
    }

    private static async Task<List<object[]>> Rows(NpgsqlConnection connection, string sql, CancellationToken token, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync(token);
        var rows = new List<object[]>();
        while (await reader.ReadAsync(token))
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
