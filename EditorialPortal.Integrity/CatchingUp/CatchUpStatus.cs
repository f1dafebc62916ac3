namespace EditorialPortal.Integrity.CatchingUp;

public enum CatchUpState
{
    Starting,
    CatchingUp,
    UpToDate,
    PortalUnreachable,
    Refused,
    Failing
}

/// <summary>How fresh the analysis is, for the screens to say: what has been read, when, and what stands in the way.</summary>
public sealed class CatchUpStatus
{
    private readonly Lock _lock = new();

    public CatchUpState State { get; private set; } = CatchUpState.Starting;
    public long Through { get; private set; }
    public DateTimeOffset? LastFactAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public DateTimeOffset? AnalysedAt { get; private set; }

    /// <summary>The last fact of the portal's record the detectors have looked at.</summary>
    public long AnalysedThrough { get; private set; }
    public string? Problem { get; private set; }
    public DateTimeOffset? RetryAt { get; private set; }

    public event Action? Changed;

    public string Describe() => State switch
    {
        CatchUpState.Starting => "Starting: reading what was kept before.",
        CatchUpState.CatchingUp => $"Catching up with the portal's record: read to fact {Through:N0} so far.",
        CatchUpState.UpToDate => $"Up to date with the portal's record: read to fact {Through:N0}, last asked at {ReadAt:HH:mm:ss} UTC.",
        CatchUpState.PortalUnreachable => $"The portal cannot be reached ({Problem}); the analysis stands as of fact {Through:N0}; trying again at {RetryAt:HH:mm:ss}.",
        CatchUpState.Refused => $"The portal refused this application's identity ({Problem}); the analysis stands as of fact {Through:N0}.",
        _ => $"Keeping what was read failed ({Problem}); the analysis stands as of fact {Through:N0}; trying again at {RetryAt:HH:mm:ss}."
    };

    internal void Read(long through, DateTimeOffset? lastFactAt, DateTimeOffset at, bool atHead) =>
        Set(() => (State, Through, LastFactAt, ReadAt, Problem, RetryAt) = (atHead ? CatchUpState.UpToDate : CatchUpState.CatchingUp, through, lastFactAt ?? LastFactAt, at, null, null));

    internal void Analysed(long through, DateTimeOffset at) => Set(() => (AnalysedThrough, AnalysedAt) = (through, at));

    internal void Failed(CatchUpState state, string problem, DateTimeOffset retryAt) => Set(() => (State, Problem, RetryAt) = (state, problem, retryAt));

    private void Set(Action change)
    {
        lock (_lock) change();
        Changed?.Invoke();
    }
}
