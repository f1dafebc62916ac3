using EditorialPortal.Integrity.Portal;
using Marten;

namespace EditorialPortal.Integrity.Cases;

/// <summary>
/// Where analysts' work on cases is recorded: each command decided by <see cref="CaseRules"/> on the case as it stands
/// and appended at the version it was read, so that two analysts acting at once cannot both change the same state.
/// </summary>
public sealed class CaseDesk(IDocumentStore store, PortalActing portal, TimeProvider clock)
{
    public async Task<string?> Execute(Guid caseId, CaseCommand command, Analyst by, CancellationToken token = default)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<IntegrityCase>(caseId, token);
        if (stream.Aggregate is not { } current) return "No such case.";
        var decision = CaseRules.Decide(current, command, by, clock.GetUtcNow());
        if (decision.Refusal is { } refused) return refused;
        stream.AppendMany(decision.Facts.ToArray());
        await session.SaveChangesAsync(token);
        return null;
    }

    /// <summary>
    /// Raises the concern in the portal, then records it in the case. The concern's id follows from the case, the
    /// manuscript and how many it raised there before: a second click, or a retry after the portal answered but this
    /// record failed, sends the same concern, which the portal records once.
    /// </summary>
    public async Task<string?> RaiseConcern(Guid caseId, Guid manuscript, string reason, bool hold, Analyst by, string token, CancellationToken cancel = default)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<IntegrityCase>(caseId, cancel);
        if (stream.Aggregate is not { } current || !current.Manuscripts.Contains(manuscript)) return "The case is not about that manuscript.";
        if (current.Concerns.Any(c => c.Manuscript == manuscript)) return "The case has a concern open on that manuscript already.";
        reason = reason.Trim();
        if (reason.Length == 0) return "Say what the concern is: the journal's editors read it.";
        var concern = ConcernId(caseId, manuscript, current.ConcernsRaised);
        var answer = await portal.RaiseConcern(token, manuscript, concern, reason, hold, cancel);
        if (!answer.Done) return answer.Problem;
        stream.AppendOne(new ConcernRaisedInPortal(caseId, manuscript, concern, reason, hold, by.Account, by.Name, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancel);
        return null;
    }

    public async Task<string?> LiftConcern(Guid caseId, Guid concern, string reason, Analyst by, string token, CancellationToken cancel = default)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<IntegrityCase>(caseId, cancel);
        if (stream.Aggregate?.Concerns.FirstOrDefault(c => c.Concern == concern) is not { } open) return "The case has no such concern open.";
        reason = reason.Trim();
        if (reason.Length == 0) return "Say why the concern is lifted: the journal's editors read it.";
        var answer = await portal.LiftConcern(token, open.Manuscript, concern, reason, cancel);
        if (!answer.Done) return answer.Problem;
        stream.AppendOne(new ConcernLiftedInPortal(caseId, open.Manuscript, concern, reason, by.Account, by.Name, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancel);
        return null;
    }

    public async Task<string?> Override(Guid person, string detector, string reason, Analyst by, CancellationToken token = default)
    {
        reason = reason.Trim();
        if (reason.Length == 0) return "Say why: the next analyst reads it.";
        await using var session = store.LightweightSession();
        var id = PersonOverride.IdOf(person, detector);
        session.Events.Append(id, new OverrideRecorded(id, person, detector, reason, by.Account, by.Name, clock.GetUtcNow()));
        await session.SaveChangesAsync(token);
        return null;
    }

    private static Guid ConcernId(Guid caseId, Guid manuscript, int before) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"concern:{caseId}:{manuscript}:{before}")));
}
