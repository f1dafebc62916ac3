using System.Runtime.CompilerServices;

namespace EditorialPortal.Generation;

/// <summary>
/// A clock each generated life keeps for itself: many submissions are written at once, each at its own moment of a
/// simulated past, so the time belongs to the flow of the work (async-local) and everything that flow awaits.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private readonly AsyncLocal<StrongBox<DateTimeOffset>?> _now = new();

    /// <summary>Starts a timeline at <paramref name="at"/> for the current flow of work.</summary>
    public void Begin(DateTimeOffset at) => _now.Value = new StrongBox<DateTimeOffset>(at);

    public void Advance(TimeSpan by)
    {
        var timeline = _now.Value ?? throw new InvalidOperationException("Begin a timeline before advancing it.");
        timeline.Value += by;
    }

    public override DateTimeOffset GetUtcNow() => _now.Value?.Value ?? System.GetUtcNow();
}
