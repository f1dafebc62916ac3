using EditorialPortal.Integrity.Analysis;
using EditorialPortal.Integrity.CatchingUp;

namespace EditorialPortal.Integrity.Signals;

/// <summary>Facts of this application's own record.</summary>
public interface IIntegrityFact
{
    DateTimeOffset At { get; }
}

/// <summary>A detector saw something in the portal's record, as read up to <paramref name="Through"/>.</summary>
public sealed record SignalRaised(Guid Signal, string Detector, string Key, Severity Severity, Guid Journal, IReadOnlyList<Guid> Manuscripts, IReadOnlyList<Guid> People,
    string Headline, string Explanation, IReadOnlyList<FactReference> Evidence, long Through, DateTimeOffset At) : IIntegrityFact;

/// <summary>A signal as the analysts' screens read it: what was seen, about whom, on which facts.</summary>
public sealed record Signal(Guid Id, string Detector, string Key, Severity Severity, Guid Journal, IReadOnlyList<Guid> Manuscripts, IReadOnlyList<Guid> People,
    string Headline, string Explanation, IReadOnlyList<FactReference> Evidence, DateTimeOffset RaisedAt)
{
    public long Version { get; init; }

    /// <summary>The same thing seen again is the same signal: its id follows from what it is about.</summary>
    public static Guid IdOf(string key) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("signal:" + key)));

    public static Signal? Fold(Signal? signal, object fact) => fact switch
    {
        SignalRaised f => new Signal(f.Signal, f.Detector, f.Key, f.Severity, f.Journal, f.Manuscripts, f.People, f.Headline, f.Explanation, f.Evidence, f.At),
        _ => signal
    };

    public static SignalRaised Raise(Finding finding, long through, DateTimeOffset at) =>
        new(IdOf(finding.Key), finding.Detector, finding.Key, finding.Severity, finding.Journal, finding.Manuscripts, finding.People, finding.Headline,
            finding.Explanation, finding.Evidence, through, at);
}
