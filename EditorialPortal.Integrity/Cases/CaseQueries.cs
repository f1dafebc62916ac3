using EditorialPortal.Integrity.Signals;
using Marten;

namespace EditorialPortal.Integrity.Cases;

/// <summary>Which cases an analyst asks for: any of the filters may be left open.</summary>
public sealed record CaseFilter(CaseState? State = null, Guid? Journal = null, string? Detector = null, int? OpenedWithinDays = null);

/// <summary>A case with the signals it groups and the analysts' overrides for its people: what its page and its API answer show.</summary>
public sealed record CaseFile(IntegrityCase Case, IReadOnlyList<Signal> Signals, IReadOnlyList<PersonOverride> Overrides);

/// <summary>What the analysts' screens and the API read of this application's record, asked the same way for both.</summary>
public sealed class CaseQueries(IDocumentStore store, TimeProvider clock)
{
    public const int Shown = 500;

    /// <summary>Most severe first, the latest change first within a severity: one indexed query a severity, until the page is full.</summary>
    public async Task<IReadOnlyList<IntegrityCase>> Find(CaseFilter filter, CancellationToken token = default)
    {
        await using var session = store.QuerySession();
        var withDetector = filter.Detector is { } detector
            ? (await session.Query<Signal>().Where(s => s.Detector == detector).Select(s => s.Id).ToListAsync(token)).ToHashSet()
            : null;
        var since = filter.OpenedWithinDays is { } days ? clock.GetUtcNow().AddDays(-days) : DateTimeOffset.MinValue;
        var shown = new List<IntegrityCase>();
        foreach (var severity in Enum.GetValues<Analysis.Severity>().Reverse())
        {
            var query = session.Query<IntegrityCase>().Where(c => c.Severity == severity && c.OpenedAt >= since);
            if (filter.State is { } state) query = query.Where(c => c.State == state);
            if (filter.Journal is { } journal) query = query.Where(c => c.Journals.Contains(journal));
            var found = await query.OrderByDescending(c => c.LastChangedAt).Take(Shown).ToListAsync(token);
            shown.AddRange(found.Where(c => withDetector is null || c.Signals.Any(withDetector.Contains)).Take(Shown - shown.Count));
            if (shown.Count >= Shown) break;
        }
        return shown;
    }

    public async Task<CaseFile?> Open(Guid id, CancellationToken token = default)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<IntegrityCase>(id, token) is not { } found) return null;
        var signals = (await session.LoadManyAsync<Signal>(token, found.Signals)).OrderByDescending(s => s.Severity).ToList();
        var overrides = await session.Query<PersonOverride>().Where(o => o.Person.IsOneOf(found.People.ToArray()) && !o.Withdrawn).ToListAsync(token);
        return new CaseFile(found, signals, [.. overrides]);
    }

    /// <summary>The signal, and the case it was filed in.</summary>
    public async Task<(Signal Signal, IntegrityCase? Case)?> Signal(Guid id, CancellationToken token = default)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Signal>(id, token) is not { } signal) return null;
        return (signal, await session.Query<IntegrityCase>().Where(c => c.Signals.Contains(id)).FirstOrDefaultAsync(token));
    }
}
