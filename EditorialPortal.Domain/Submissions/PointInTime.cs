using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;

namespace EditorialPortal.Domain.Submissions;

/// <summary>A submission as it stood after one of its facts: what an editor had in front of them at that moment.</summary>
/// <param name="Version">The last fact folded in.</param>
/// <param name="Latest">The stream's version now, so that the view can say how far back it is.</param>
public sealed record PointInTime(Submission State, long Version, DateTimeOffset At, long Latest)
{
    /// <summary>
    /// Folds the facts up to <paramref name="version"/> and shows the result as <paramref name="actor"/> may see it then;
    /// null if they may not see the submission now, or it did not exist yet.
    /// </summary>
    public static PointInTime? Of(IReadOnlyList<IHistoricalFact> facts, Submission current, Journal? journal, Actor actor, long version)
    {
        if (!current.CanRead(actor, journal) || version < 1 || facts.Count == 0) return null;
        var upTo = (int)Math.Min(version, facts.Count);
        var then = facts.Take(upTo).Aggregate((Submission?)null, (state, fact) => Submission.Fold(state, fact));
        return then is null ? null : new PointInTime(Blinding.AsSeenBy(then with { Version = upTo }, journal, actor), upTo, facts[upTo - 1].At, facts.Count);
    }

    /// <summary>The submission's history as the actor could read it after fact <paramref name="upTo"/> (all of it when null).</summary>
    public static IReadOnlyList<HistoryEntry> HistoryUpTo(IReadOnlyList<IHistoricalFact> facts, Submission current, Journal? journal, Actor actor,
        IReadOnlyDictionary<Guid, string> names, long? upTo)
    {
        var count = (int)Math.Clamp(upTo ?? facts.Count, 0, facts.Count);
        var then = count == facts.Count ? current : facts.Take(count).Aggregate((Submission?)null, (state, fact) => Submission.Fold(state, fact));
        return then is null ? [] : SubmissionNarrative.HistoryAsSeenBy(facts.Take(count).Select((f, i) => ((long)i + 1, f)), then, journal, actor, names);
    }

    /// <summary>The version the submission had reached at <paramref name="moment"/>: its last fact recorded by then, or 0.</summary>
    public static long VersionAt(IReadOnlyList<IHistoricalFact> facts, DateTimeOffset moment)
    {
        var version = 0;
        while (version < facts.Count && facts[version].At <= moment) version++;
        return version;
    }
}
