using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;

namespace EditorialPortal.Tests.Scenarios.Integrity;

/// <summary>
/// One way of reaching the research-integrity application, and the portal it reads for the editors who see what the
/// analysts raise there. The application is started for one journal's record, reading it with the analyst's token.
/// </summary>
public interface IIntegrityProtocol : IAsyncDisposable
{
    string Kind { get; }

    PortalFixture Portal { get; }

    /// <summary>Starts the application reading the journal's record, and signs its analyst in to it.</summary>
    Task<IAnalystAbility> StartForTheAnalyst(Manipulation journal);

    /// <summary>The line between the application and the portal goes dead, as when the portal is down; or comes back.</summary>
    Task CutThePortalOff(bool off);

    /// <summary>The integrity concerns the portal shows <paramref name="person"/> on the manuscript, as (reason, holds it).</summary>
    Task<IReadOnlyList<(string Reason, bool Holds)>> ConcernsShownInThePortal(PersonAccount person, Guid manuscript);
}

/// <summary>What a signed-in analyst does in the integrity application; each command answers null or the refusal in words.</summary>
public interface IAnalystAbility
{
    /// <summary>How fresh the analysis says it is: its state's name, its words, and the portal fact it has analysed through.</summary>
    Task<SeenFreshness> Freshness();

    /// <summary>The case list as it shows, most severe first.</summary>
    Task<IReadOnlyList<ListedCase>> Cases();

    Task<SeenCase?> OpenCase(Guid id);

    Task<SeenSignal?> OpenSignal(Guid id);

    Task<string?> BeginInvestigating(Guid caseId);

    Task<string?> Confirm(Guid caseId, string finding);

    Task<string?> Clear(Guid caseId, string reason);

    Task<string?> RaiseConcern(Guid caseId, Guid manuscript, string reason, bool hold);
}

public sealed record SeenFreshness(string State, string Words, long AnalysedThrough);

public sealed record ListedCase(Guid Id, string Title, string State, string Severity, int Signals, int NewSinceClosed);

public sealed record CaseSignal(Guid Id, string Detector, string Headline, string Explanation);

/// <summary>A manuscript of a case, and whether a concern the case raised is open on it.</summary>
public sealed record CaseManuscript(Guid Id, string Title, bool ConcernOpen);

public sealed record SeenCase(Guid Id, string Title, string State, string Severity, IReadOnlyList<CaseSignal> Signals, IReadOnlyList<CaseManuscript> Manuscripts,
    IReadOnlyList<string> History, int NewSinceClosed);

/// <summary>A fact a signal rests on, by its type's name, and the address of the portal page showing it.</summary>
public sealed record SeenEvidence(string Type, string Page);

public sealed record SeenSignal(string Headline, string Explanation, string Detector, IReadOnlyList<SeenEvidence> Evidence);
