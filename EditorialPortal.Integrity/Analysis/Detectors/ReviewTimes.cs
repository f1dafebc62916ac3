namespace EditorialPortal.Integrity.Analysis;

/// <summary>
/// How long a journal's reviews of one kind of round take, from acceptance to review: the yardstick a review is called
/// fast against. Durations are compared on a log scale, by the median and the median absolute deviation, so that a few
/// very slow reviews do not make every ordinary one look fast.
/// </summary>
public sealed class ReviewTimes
{
    public const int FewestToCompare = 20;
    private readonly double[] _sortedLogHours;

    private ReviewTimes(IEnumerable<TimeSpan> durations)
    {
        _sortedLogHours = [.. durations.Select(LogHours).Order()];
        Median = TimeSpan.FromHours(Math.Exp(MedianOf(_sortedLogHours)));
        var centre = MedianOf(_sortedLogHours);
        Spread = MedianOf([.. _sortedLogHours.Select(x => Math.Abs(x - centre)).Order()]);
    }

    public int Count => _sortedLogHours.Length;
    public TimeSpan Median { get; }
    private double Spread { get; }

    /// <summary>Every journal's reviews, by the journal and whether the round was the first (later rounds look again at a revision, and are quicker).</summary>
    public static Dictionary<(Guid Journal, bool FirstRound), ReviewTimes> Of(RecordView record) =>
        record.Manuscripts
            .SelectMany(m => m.Invitations.Values.Where(i => i.TimeToReview is not null).Select(i => (Key: (m.Journal, i.Round == 1), Took: i.TimeToReview!.Value)))
            .GroupBy(r => r.Key)
            .ToDictionary(g => g.Key, g => new ReviewTimes(g.Select(r => r.Took)));

    /// <summary>How many spreads below the journal's median the duration is: negative is faster; below -3.5 is the usual line for an outlier.</summary>
    public double Score(TimeSpan took) => Spread == 0 ? 0 : 0.6745 * (LogHours(took) - MedianOf(_sortedLogHours)) / Spread;

    /// <summary>The share of the journal's reviews that were at least as fast.</summary>
    public double ShareAsFast(TimeSpan took)
    {
        var index = Array.BinarySearch(_sortedLogHours, LogHours(took));
        var atOrBelow = index >= 0 ? index + 1 : ~index;
        return (double)atOrBelow / _sortedLogHours.Length;
    }

    public string Describe(bool firstRound, string journal) =>
        $"{(firstRound ? "First-round" : "Later-round")} reviews in {journal} take a median of {Median.Words()} (over {Count:N0} reviews)";

    private static double LogHours(TimeSpan span) => Math.Log(Math.Max(span.TotalHours, 0.01));

    private static double MedianOf(double[] sorted) => sorted.Length == 0 ? 0
        : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
