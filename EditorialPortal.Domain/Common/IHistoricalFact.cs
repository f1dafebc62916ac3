namespace EditorialPortal.Domain.Common;

/// <summary>Something that happened: every fact says who did it and when (by the injected clock).</summary>
public interface IHistoricalFact
{
    Guid By { get; }
    DateTimeOffset At { get; }
}
