using EditorialPortal.Integrity.Signals;

namespace EditorialPortal.Integrity.Cases;

/// <summary>Who and what a case is about, for filing new signals with it.</summary>
public sealed record CaseSubjects(Guid Id, CaseState State, IReadOnlyList<Guid> Manuscripts, IReadOnlyList<Guid> People);

/// <summary>
/// Files each new signal with the case about the same people or manuscripts (an open one before a closed one), or opens
/// a case for it: one ring or one paper mill becomes one case, however many signals and journals it spans. A closed case
/// takes the signal in and stays closed; the analyst sees that something new came.
/// </summary>
public static class CaseFiling
{
    public sealed record Filed(Guid Case, object Fact, bool Opens);

    public static IReadOnlyList<Filed> File(IEnumerable<SignalRaised> fresh, IEnumerable<CaseSubjects> existing, DateTimeOffset now)
    {
        var cases = existing.Select(c => (c.Id, Open: c.State is CaseState.Flagged or CaseState.Investigating, Subjects: c.Manuscripts.Concat(c.People).ToHashSet())).ToList();
        var filed = new List<Filed>();
        foreach (var signal in fresh.OrderByDescending(s => s.Severity).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            var subjects = signal.Manuscripts.Concat(signal.People).ToHashSet();
            var match = cases.Where(c => c.Subjects.Overlaps(subjects)).OrderByDescending(c => c.Open).Select(c => (Guid?)c.Id).FirstOrDefault();
            if (match is { } id)
            {
                cases.Single(c => c.Id == id).Subjects.UnionWith(subjects);
                filed.Add(new Filed(id, new SignalJoinedCase(id, signal.Signal, signal.Severity, signal.Journal, signal.Manuscripts, signal.People, now), false));
            }
            else
            {
                var opened = CaseOf(signal.Signal);
                cases.Add((opened, true, subjects));
                filed.Add(new Filed(opened, new CaseOpened(opened, signal.Signal, signal.Headline, signal.Severity, signal.Journal, signal.Manuscripts, signal.People, now), true));
            }
        }
        return filed;
    }

    /// <summary>A case opened by a signal has an id that follows from it, so that filing the same signal twice opens nothing twice.</summary>
    public static Guid CaseOf(Guid signal) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"case:{signal}")));
}
