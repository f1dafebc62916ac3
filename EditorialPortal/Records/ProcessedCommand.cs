namespace EditorialPortal.Records;

/// <summary>
/// The idempotency record of an accepted command, committed with its facts: a repeated command id
/// finds it and gets the first outcome instead of recording anything twice.
/// </summary>
public sealed record ProcessedCommand(Guid Id, Guid Stream, long Version, IReadOnlyList<string> FactTypes, DateTimeOffset At);
