using JasperFx.Events;
using Marten;

namespace EditorialPortal.History;

/// <summary>
/// Chains every fact as it is appended, whichever port appends it: the hash goes into the fact's headers in the same
/// transaction. Every append knows the version it expects (FetchForWriting or a new stream), so two writers can never
/// both extend one link: the loser's transaction fails on the version before its hash is kept.
/// </summary>
public sealed class FactChaining : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var serializer = session.DocumentStore.Options.Serializer();
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
        }
    }

    private static async Task<string> LinkOf(IDocumentSession session, Guid stream, long version, CancellationToken token)
    {
        var found = await session.AdvancedSql.QueryAsync<string>(
            $"select coalesce(headers ->> '{FactChain.Header}', '') from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events where stream_id = ? and version = ?",
            token, stream, version);
        return found.SingleOrDefault() ?? "";
    }
}
