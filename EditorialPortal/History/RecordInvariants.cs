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
/// memory so nothing is written); no submission holds two standing final decisions. Marten's tombstones (markers
/// for sequence numbers that a failed transaction drew) are its bookkeeping, not facts, and are left aside.
/// </summary>
public sealed class RecordInvariants(IDocumentStore store)
{
    private const int StreamsPerPage = 2_000;

    // Each projection folds the streams that start with one of its types.
    private static readonly (string Table, Func<Type, bool> Folds, Func<object?, Guid, IEvent, object?> Evolve)[] Projections =
    [
        ("submission", t => Domain.Submissions.Submission.FactTypes.Contains(t), (s, id, e) => new SubmissionProjection().Evolve((Domain.Submissions.Submission?)s, id, e)),
        ("journal", t => Journal.FactTypes.Contains(t), (s, id, e) => new JournalProjection().Evolve((Journal?)s, id, e)),
        ("account", t => Domain.People.Account.FactTypes.Contains(t), (s, id, e) => new AccountProjection().Evolve((Domain.People.Account?)s, id, e)),
        ("outgoingmessage", t => Domain.Notifications.OutgoingMessage.FactTypes.Contains(t), (s, id, e) => new OutgoingMessageProjection().Evolve((Domain.Notifications.OutgoingMessage?)s, id, e)),
        ("reviewdraft", t => ReviewDraft.FactTypes.Contains(t), (s, id, e) => new ReviewDraftProjection().Evolve((ReviewDraft?)s, id, e))
    ];

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

        var (streams, facts) = await FoldEveryStream(connection, schema, violations, token);
        return new InvariantReport(streams, facts, violations, started.Elapsed);
    }

    private async Task<(long Streams, long Facts)> FoldEveryStream(NpgsqlConnection connection, string schema, List<string> violations, CancellationToken token)
    {
        var types = store.Options.Events.AllKnownEventTypes().ToDictionary(t => t.EventTypeName, t => t.EventType);
        var serializer = store.Options.Serializer();
        long streams = 0, facts = 0;
        var after = Guid.Empty;
        while (true)
        {
            var page = (await Rows(connection, $"select id from {schema}.mt_streams where id > @after order by id limit {StreamsPerPage}", token, ("after", after)))
                .Select(r => (Guid)r[0]).ToArray();
            if (page.Length == 0) return (streams, facts);
            after = page[^1];
            streams += page.Length;

            var documents = new Dictionary<Guid, string>();
            foreach (var (table, _, _) in Projections)
                foreach (var row in await Rows(connection, $"select id, data::text from {schema}.mt_doc_{table} where id = any(@ids)", token, ("ids", page)))
                    documents[(Guid)row[0]] = (string)row[1];

            Guid? current = null;
            object? state = null;
            Func<object?, Guid, IEvent, object?>? evolve = null;
            DecisionKind? standing = null;
            void Compare()
            {
                if (current is not { } id || evolve is null) return;
                var stored = documents.GetValueOrDefault(id);
                var rebuilt = state is null ? null : serializer.ToJson(state);
                if (stored is null != rebuilt is null || (stored is not null && !JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(rebuilt!))))
                    violations.Add($"stream {id}: its current-state document differs from the fold of its facts");
            }

            await using var command = new NpgsqlCommand($"select stream_id, version, type, data::text from {schema}.mt_events where stream_id = any(@ids) and type <> '{Tombstone.Name}' order by stream_id, version", connection);
            command.Parameters.AddWithValue("ids", page);
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                facts++;
                var (stream, version, alias) = (reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2));
                if (stream != current)
                {
                    Compare();
                    (current, state, standing) = (stream, null, null);
                    evolve = types.TryGetValue(alias, out var first) ? Projections.FirstOrDefault(p => p.Folds(first)).Evolve : null;
                }
                if (!types.TryGetValue(alias, out var type))
                {
                    violations.Add($"stream {stream} version {version}: a fact of unknown type {alias}");
                    continue;
                }
                await using var json = new MemoryStream(Encoding.UTF8.GetBytes(reader.GetString(3)));
                var data = serializer.FromJson(type, json);
                switch (data)
                {
                    case DecisionRecorded { Decision: DecisionKind.Accept or DecisionKind.Reject } final when standing is not null:
                        violations.Add($"stream {stream} version {version}: a second final decision ({final.Decision}) while {standing} stands");
                        break;
                    case DecisionRecorded { Decision: DecisionKind.Accept or DecisionKind.Reject } final:
                        standing = final.Decision;
                        break;
                    case DecisionRescinded:
                        standing = null;
                        break;
                }
                if (evolve is not null)
                {
                    var fact = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(type), data)!;
                    fact.Version = version;
                    fact.StreamId = stream;
                    state = evolve(state, stream, fact);
                }
            }
            Compare();
        }
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
