using EditorialPortal.Integrity.Analysis;

namespace EditorialPortal.Integrity.Charts;

/// <summary>One bar of a journal's review times: how many reviews took between its bounds, and how many of them a detector flagged as fast.</summary>
public sealed record ReviewTimeBin(string Label, TimeSpan Below, int Reviews, int Flagged);

/// <summary>
/// A journal's review times in bins that widen as reviews get slower (hours, then days, then weeks), which is how the
/// fast-review detector compares them too: on a log scale, where a three-hour review stands apart from a three-day one.
/// </summary>
public static class ReviewTimeHistogram
{
    private static readonly (string Label, TimeSpan Below)[] Bins =
    [
        ("under 1 h", TimeSpan.FromHours(1)), ("1–3 h", TimeSpan.FromHours(3)), ("3–12 h", TimeSpan.FromHours(12)), ("12–24 h", TimeSpan.FromDays(1)),
        ("1–2 d", TimeSpan.FromDays(2)), ("2–4 d", TimeSpan.FromDays(4)), ("4–7 d", TimeSpan.FromDays(7)), ("1–2 wk", TimeSpan.FromDays(14)),
        ("2–4 wk", TimeSpan.FromDays(28)), ("4–8 wk", TimeSpan.FromDays(56)), ("8 wk +", TimeSpan.MaxValue)
    ];

    /// <summary>The journal's reviews of first rounds or of later ones, and which of them are among <paramref name="flagged"/> (by assignment).</summary>
    public static IReadOnlyList<ReviewTimeBin> Of(RecordView record, Guid journal, bool firstRound, IReadOnlySet<Guid> flagged)
    {
        var counts = new (int Reviews, int Flagged)[Bins.Length];
        foreach (var manuscript in record.Manuscripts.Where(m => m.Journal == journal))
            foreach (var invitation in manuscript.Invitations.Values.Where(i => (i.Round == 1) == firstRound))
            {
                if (invitation.TimeToReview is not { } took) continue;
                var bin = Array.FindIndex(Bins, b => took < b.Below);
                counts[bin].Reviews++;
                if (flagged.Contains(invitation.Assignment)) counts[bin].Flagged++;
            }
        return [.. Bins.Select((b, i) => new ReviewTimeBin(b.Label, b.Below, counts[i].Reviews, counts[i].Flagged))];
    }

    /// <summary>The assignments a fast-review signal is about: its key names the one review.</summary>
    public static IReadOnlySet<Guid> FlaggedIn(IEnumerable<Signals.Signal> fastReviewSignals) =>
        fastReviewSignals.Select(s => Guid.TryParse(s.Key[(s.Key.LastIndexOf(':') + 1)..], out var assignment) ? assignment : Guid.Empty)
            .Where(a => a != Guid.Empty).ToHashSet();
}
