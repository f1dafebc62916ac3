namespace EditorialPortal.Domain.Common;

/// <summary>What the editorial desk answers to a command.</summary>
public abstract record CommandOutcome
{
    /// <summary>
    /// The command was accepted and its facts are in the historical record.
    /// <paramref name="Repeated"/> says the same command id had been accepted before and nothing new was recorded.
    /// </summary>
    public sealed record Accepted(Guid Stream, long Version, IReadOnlyList<object> Facts, bool Repeated = false) : CommandOutcome;

    public sealed record Refused(Refusal Refusal) : CommandOutcome;
}

/// <summary>How a command is to be executed: its id (the idempotency key), the version the caller saw, and a correlation id.</summary>
public sealed record CommandOptions(Guid CommandId, long? ExpectedVersion = null, string? CorrelationId = null)
{
    public static CommandOptions New(long? expectedVersion = null) => new(Guid.CreateVersion7(), expectedVersion);
}
