namespace EditorialPortal.Domain.Common;

/// <summary>Something that happened: every fact says who did it and when (by the injected clock).</summary>
public interface IHistoricalFact
{
    Guid By { get; }
    DateTimeOffset At { get; }
}

/// <summary>
/// The facts of one kind of stream, found from the types themselves: a kind's fact list is never kept by hand, so a new
/// fact cannot be left out of its projection, its fold or its completeness tests.
/// </summary>
public static class FactKinds
{
    /// <summary>Every fact type that marks itself with <typeparamref name="TKind"/>, by name.</summary>
    public static IReadOnlyList<Type> Of<TKind>() where TKind : IHistoricalFact =>
        [.. typeof(TKind).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(TKind).IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal)];
}
