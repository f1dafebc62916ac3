using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Records;

namespace EditorialPortal.Desk;

/// <summary>A stream as fetched for a command: its state, its version, and whether its id names a thing of another kind.</summary>
public sealed record FetchedStream<TState>(TState? State, long Version, bool OfAnotherKind);

/// <summary>Who recorded facts, and in answer to what: kept with every fact.</summary>
public sealed record FactMetadata(string CorrelationId, string CausationId, Actor Actor, string Role);

/// <summary>Another commit reached the stream, or the command, first.</summary>
public sealed class StreamConflict(Exception? cause = null) : Exception("Another commit came first.", cause);

/// <summary>Where the desk keeps the record: PostgreSQL through Marten, or memory for the direct actor. It only loads and stores; the desk decides.</summary>
public interface IFactStore
{
    Task<IFactSession> Begin();
}

/// <summary>One command's reads and its one commit.</summary>
public interface IFactSession : IFollowOnStage, IAsyncDisposable
{
    /// <summary>The record of a command already accepted under this id, if any.</summary>
    Task<ProcessedCommand?> Processed(Guid commandId);

    Task<FetchedStream<TState>> Fetch<TState, TCommand>(StreamKind<TState, TCommand> kind, Guid stream, long? expectedVersion)
        where TState : class, IVersioned where TCommand : Command;

    Task<DecisionContext> Load(Guid stream, ContextNeeds needs, DateTimeOffset now);

    Task<IReadOnlyDictionary<Guid, Account>> Accounts(IReadOnlySet<Guid> accounts);

    /// <summary>Records the facts after <paramref name="after"/>, their mail and the command's idempotency record at once, or throws <see cref="StreamConflict"/>.</summary>
    Task Commit<TState, TCommand>(StreamKind<TState, TCommand> kind, Guid stream, long after, IReadOnlyList<object> facts, IReadOnlyList<MailQueued> mail,
        ProcessedCommand processed, FactMetadata metadata) where TState : class, IVersioned where TCommand : Command;

    /// <summary>How many facts the stream holds now.</summary>
    Task<long> VersionOf(Guid stream);
}
