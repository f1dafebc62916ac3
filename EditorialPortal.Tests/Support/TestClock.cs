namespace EditorialPortal.Tests.Support;

/// <summary>
/// The system clock, moved forward on demand: lockouts and link expiry can be tested without waiting, while
/// everything else keeps real, increasing time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
