using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;

namespace EditorialPortal.History;

/// <summary>
/// The historical record as the history API, the pages and the operators' command read it: a manuscript's history as one
/// reader may read it, the facts of the journals whose record they keep, case files, and the verification of every chain.
/// A port: the record's adapter answers it from the fact table.
/// </summary>
public interface IHistoricalRecord
{
    /// <param name="upTo">Only the facts up to this version, as the reader could read them then.</param>
    Task<SubmissionRecord?> OfSubmission(Guid submission, Actor actor, long? upTo = null);

    /// <summary>The journals whose whole record the actor keeps (integrity analysts, journal administrators).</summary>
    Task<IReadOnlyList<Journal>> KeptBy(Actor actor);

    /// <summary>The actor's own manuscripts in these journals, which they read only as their author.</summary>
    Task<IReadOnlyList<Guid>> AuthoredBy(Actor actor, IReadOnlyList<Guid> journals);

    IAsyncEnumerable<RecordedFact> Facts(FactSelection selection, CancellationToken token = default);

    /// <summary>The person's account, if they acted in one of these journals: staff, or an author, editor or reviewer of one of its manuscripts.</summary>
    Task<Account?> PersonIn(Guid person, IReadOnlyList<Guid> journals);

    Task<bool> MayExportCaseFile(Guid submission, Actor actor);

    /// <summary>Writes the manuscript's case file (its facts, files and checksums, and how to verify them) as a zip.</summary>
    Task WriteCaseFile(Guid submission, Actor actor, Stream output, CancellationToken token);

    Task<VerificationReport> VerifyAll(CancellationToken token = default);
}
