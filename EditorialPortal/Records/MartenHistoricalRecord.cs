using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.History;

namespace EditorialPortal.Records;

/// <summary>The historical record read from Marten's fact table: its reader, its case files and its verification.</summary>
public sealed class MartenHistoricalRecord(HistoryReader reader, CaseFiles caseFiles, RecordVerification verification) : IHistoricalRecord
{
    public Task<SubmissionRecord?> OfSubmission(Guid submission, Actor actor, long? upTo = null) => reader.OfSubmission(submission, actor, upTo);

    public Task<IReadOnlyList<Journal>> KeptBy(Actor actor) => reader.KeptBy(actor);

    public Task<IReadOnlyList<Guid>> AuthoredBy(Actor actor, IReadOnlyList<Guid> journals) => reader.AuthoredBy(actor, journals);

    public IAsyncEnumerable<RecordedFact> Facts(FactSelection selection, CancellationToken token = default) => reader.Facts(selection, token);

    public Task<Account?> PersonIn(Guid person, IReadOnlyList<Guid> journals) => reader.PersonIn(person, journals);

    public Task<bool> MayExportCaseFile(Guid submission, Actor actor) => caseFiles.MayExport(submission, actor);

    public Task WriteCaseFile(Guid submission, Actor actor, Stream output, CancellationToken token) => caseFiles.Write(submission, actor, output, token);

    public Task<VerificationReport> VerifyAll(CancellationToken token = default) => verification.VerifyAll(token);
}
