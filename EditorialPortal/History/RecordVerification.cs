using System.Data;
using System.Diagnostics;
using EditorialPortal.Domain.Common;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace EditorialPortal.History;

/// <summary>What a verification of the record found.</summary>
public sealed record VerificationReport(DateTimeOffset At, long Streams, long Facts, TimeSpan Took, IReadOnlyList<ChainBreak> Breaks)
{
    public bool Intact => Breaks.Count == 0;
}

/// <summary>Recomputes every stream's chain from the fact table as it stands and reports the first break of each.</summary>
public sealed class RecordVerification(IDocumentStore store, TimeProvider clock)
{
    public async Task<VerificationReport> VerifyAll(CancellationToken token = default)
    {
        var started = Stopwatch.GetTimestamp();
        var names = FactTypes.ByAlias(store);
        var schema = store.Options.Events.DatabaseSchemaName;
        var check = new ChainCheck();
        await using var connection = store.Options.Tenancy.Default.Database.CreateConnection();
        await connection.OpenAsync(token);
        // Every stream record with its facts, so that a stream whose facts were all deleted still shows. Marten's
        // tombstones (markers for sequence numbers a failed transaction drew) are its bookkeeping, not facts.
        await using var query = new NpgsqlCommand(
            $"""
             select s.id, s.version, e.version, e.type, e.data::text, e.headers ->> '{FactChain.Header}'
             from {schema}.mt_streams s left join {schema}.mt_events e on e.stream_id = s.id and e.type <> '{Tombstone.Name}'
             where not exists (select 1 from {schema}.mt_events t where t.stream_id = s.id and t.type = '{Tombstone.Name}')
             order by s.id, e.version
             """, connection);
        await using var reader = await query.ExecuteReaderAsync(CommandBehavior.SequentialAccess, token);
        Guid? current = null;
        long reached = 0;
        while (await reader.ReadAsync(token))
        {
            var stream = reader.GetGuid(0);
            if (current is { } previous && previous != stream) check.End(previous, reached);
            current = stream;
            reached = reader.GetInt64(1);
            if (await reader.IsDBNullAsync(2, token)) continue;
            var version = reader.GetInt64(2);
            var alias = reader.GetString(3);
            var json = reader.GetString(4);
            var link = await reader.IsDBNullAsync(5, token) ? null : reader.GetString(5);
            check.Next(stream, version, names.GetValueOrDefault(alias, alias), json, link);
        }
        if (current is { } last) check.End(last, reached);
        return new VerificationReport(clock.GetUtcNow(), check.Streams, check.Facts, Stopwatch.GetElapsedTime(started), check.Breaks);
    }
}

/// <summary>The record's fact types: their names in the domain and the aliases Marten stores them under.</summary>
public static class FactTypes
{
    public static IReadOnlyList<Type> All { get; } =
        [.. typeof(IHistoricalFact).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IHistoricalFact).IsAssignableFrom(t)).OrderBy(t => t.Name)];

    /// <summary>Every fact type is registered with the store up front (see the record's set-up), so all are known here.</summary>
    public static IReadOnlyDictionary<string, string> ByAlias(IDocumentStore store) =>
        store.Options.Events.AllKnownEventTypes().ToDictionary(t => t.EventTypeName, t => t.EventType.Name);
}
