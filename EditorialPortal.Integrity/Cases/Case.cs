using EditorialPortal.Integrity.Analysis;
using EditorialPortal.Integrity.Signals;

namespace EditorialPortal.Integrity.Cases;

public enum CaseState
{
    /// <summary>Opened by a signal; nobody has looked yet.</summary>
    Flagged,

    /// <summary>An analyst is looking into it.</summary>
    Investigating,

    /// <summary>Looked into and found innocent; it stays so, whatever the detectors see again.</summary>
    Cleared,

    /// <summary>Looked into and found to be manipulation.</summary>
    Confirmed
}

/// <summary>A case opens with the signal that started it.</summary>
public sealed record CaseOpened(Guid Case, Guid Signal, string Title, Severity Severity, Guid Journal, IReadOnlyList<Guid> Manuscripts, IReadOnlyList<Guid> People, DateTimeOffset At)
    : IIntegrityFact;

/// <summary>Another signal about the same people or manuscripts joins the case; a closed case takes it in and stays closed.</summary>
public sealed record SignalJoinedCase(Guid Case, Guid Signal, Severity Severity, Guid Journal, IReadOnlyList<Guid> Manuscripts, IReadOnlyList<Guid> People, DateTimeOffset At)
    : IIntegrityFact;

public sealed record InvestigationBegun(Guid Case, Guid By, string ByName, DateTimeOffset At) : IIntegrityFact;

public sealed record CaseNoted(Guid Case, string Note, Guid By, string ByName, DateTimeOffset At) : IIntegrityFact;

public sealed record CaseCleared(Guid Case, string Reason, Guid By, string ByName, DateTimeOffset At) : IIntegrityFact;

public sealed record CaseConfirmed(Guid Case, string Reason, Guid By, string ByName, DateTimeOffset At) : IIntegrityFact;

/// <summary>A closed case is looked into again, saying why.</summary>
public sealed record CaseReopened(Guid Case, string Reason, Guid By, string ByName, DateTimeOffset At) : IIntegrityFact;

/// <summary>The analyst raised an integrity concern about one of the case's manuscripts in the portal, which recorded it as <paramref name="Concern"/>.</summary>
public sealed record ConcernRaisedInPortal(Guid Case, Guid Manuscript, Guid Concern, string Reason, bool Hold, Guid By, string ByName, DateTimeOffset At) : IIntegrityFact;

public sealed record ConcernLiftedInPortal(Guid Case, Guid Manuscript, Guid Concern, string Reason, Guid By, string ByName, DateTimeOffset At) : IIntegrityFact;

/// <summary>A concern the case raised in the portal, open until lifted.</summary>
public sealed record PortalConcern(Guid Manuscript, Guid Concern, string Reason, bool Hold, DateTimeOffset RaisedAt);

/// <summary>One line of a case's history, in words.</summary>
public sealed record CaseEvent(DateTimeOffset At, string Who, string What);

/// <summary>A case as the analysts' screens read it: what it is about, where it stands, and how it got there.</summary>
public sealed record IntegrityCase(Guid Id, string Title, CaseState State, Severity Severity, IReadOnlyList<Guid> Journals, IReadOnlyList<Guid> Manuscripts,
    IReadOnlyList<Guid> People, IReadOnlyList<Guid> Signals, DateTimeOffset OpenedAt, DateTimeOffset LastChangedAt)
{
    public long Version { get; init; }
    public IReadOnlyList<PortalConcern> Concerns { get; init; } = [];
    public IReadOnlyList<CaseEvent> History { get; init; } = [];

    /// <summary>How many concerns the case has raised in the portal, lifted or not.</summary>
    public int ConcernsRaised { get; init; }

    /// <summary>Signals that joined after the case was closed: the analyst may want to look again.</summary>
    public int SignalsSinceClosed { get; init; }

    public bool IsClosed => State is CaseState.Cleared or CaseState.Confirmed;

    public static IntegrityCase? Fold(IntegrityCase? c, object fact) => (c, fact) switch
    {
        (null, CaseOpened f) => new IntegrityCase(f.Case, f.Title, CaseState.Flagged, f.Severity, [f.Journal], f.Manuscripts, f.People, [f.Signal], f.At, f.At)
            { History = [new(f.At, "The detectors", $"opened the case: {f.Title}")] },
        (null, _) => null,
        (_, SignalJoinedCase f) => c with
        {
            Severity = f.Severity > c.Severity ? f.Severity : c.Severity,
            Journals = [.. c.Journals.Append(f.Journal).Distinct()],
            Manuscripts = [.. c.Manuscripts.Concat(f.Manuscripts).Distinct()],
            People = [.. c.People.Concat(f.People).Distinct()],
            Signals = [.. c.Signals, f.Signal],
            SignalsSinceClosed = c.SignalsSinceClosed + (c.IsClosed ? 1 : 0),
            LastChangedAt = f.At,
            History = [.. c.History, new(f.At, "The detectors", c.IsClosed ? "added a signal; the case stays closed" : "added a signal")]
        },
        (_, InvestigationBegun f) => c with { State = CaseState.Investigating, LastChangedAt = f.At, History = [.. c.History, new(f.At, f.ByName, "began investigating")] },
        (_, CaseNoted f) => c with { LastChangedAt = f.At, History = [.. c.History, new(f.At, f.ByName, $"noted: “{f.Note}”")] },
        (_, CaseCleared f) => c with
            { State = CaseState.Cleared, SignalsSinceClosed = 0, LastChangedAt = f.At, History = [.. c.History, new(f.At, f.ByName, $"cleared the case: “{f.Reason}”")] },
        (_, CaseConfirmed f) => c with
            { State = CaseState.Confirmed, SignalsSinceClosed = 0, LastChangedAt = f.At, History = [.. c.History, new(f.At, f.ByName, $"confirmed the case: “{f.Reason}”")] },
        (_, CaseReopened f) => c with
            { State = CaseState.Investigating, SignalsSinceClosed = 0, LastChangedAt = f.At, History = [.. c.History, new(f.At, f.ByName, $"reopened the case: “{f.Reason}”")] },
        (_, ConcernRaisedInPortal f) => c with
        {
            Concerns = [.. c.Concerns, new PortalConcern(f.Manuscript, f.Concern, f.Reason, f.Hold, f.At)],
            ConcernsRaised = c.ConcernsRaised + 1,
            LastChangedAt = f.At,
            History = [.. c.History, new(f.At, f.ByName, $"raised an integrity concern in the portal{(f.Hold ? ", holding the manuscript" : "")}: “{f.Reason}”")]
        },
        (_, ConcernLiftedInPortal f) => c with
        {
            Concerns = [.. c.Concerns.Where(open => open.Concern != f.Concern)],
            LastChangedAt = f.At,
            History = [.. c.History, new(f.At, f.ByName, $"lifted the integrity concern in the portal: “{f.Reason}”")]
        },
        _ => c
    };
}
