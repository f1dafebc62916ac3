using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten;
using Marten.Services;

namespace EditorialPortal.History;

/// <summary>
/// Chains every fact as it is appended, whichever port appends it: the hash goes into the fact's headers in the same
/// transaction. Every append knows the version it expects (FetchForWriting or a new stream), so two writers can never
/// both extend one link: the loser's transaction fails on the version before its hash is kept.
/// </summary>
public sealed class FactChaining : DocumentSessionListenerBase
{
    // The last link of streams this process has extended, by stream: a committed fact never changes, so a head known at
    // the version the next append expects is the head; any other version is read from the record.
    private const int HeadsKept = 100_000;
    private readonly ConcurrentDictionary<Guid, Head> _heads = new();
    private readonly ConditionalWeakTable<IDocumentSession, Dictionary<Guid, Head>> _pending = new();

    private sealed record Head(long Version, string Link);

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var serializer = session.DocumentStore.Options.Serializer();
        var extended = new Dictionary<Guid, Head>();
        foreach (var stream in session.PendingChanges.Streams())
        {
            var version = stream.ActionType == StreamActionType.Start ? 0
                : stream.ExpectedVersionOnServer ?? throw new InvalidOperationException($"Stream {stream.Id} is appended to without an expected version, so its facts cannot be chained.");
            var previous = version == 0 ? FactChain.Genesis : await LinkOf(session, stream.Id, version, token);
            foreach (var fact in stream.Events)
            {
                previous = FactChain.Link(previous, fact.EventType.Name, ++version, serializer.ToJson(fact.Data));
                fact.SetHeader(FactChain.Header, previous);
            }
            extended[stream.Id] = new Head(version, previous);
        }
        _pending.AddOrUpdate(session, extended);
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (!_pending.TryGetValue(session, out var extended)) return Task.CompletedTask;
        _pending.Remove(session);
        if (_heads.Count + extended.Count > HeadsKept) _heads.Clear();
        foreach (var (stream, head) in extended) _heads[stream] = head;
        return Task.CompletedTask;
    }

    private async Task<string> LinkOf(IDocumentSession session, Guid stream, long version, CancellationToken token)
    {
        if (_heads.TryGetValue(stream, out var head) && head.Version == version) return head.Link;
        var found = await session.AdvancedSql.QueryAsync<string>(
            $"select coalesce(headers ->> '{FactChain.Header}', '') from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events where stream_id = ? and version = ?",
            token, stream, version);
        return found.SingleOrDefault() ?? "";
    }
}
