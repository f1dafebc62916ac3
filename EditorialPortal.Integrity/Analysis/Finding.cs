using EditorialPortal.Integrity.CatchingUp;

namespace EditorialPortal.Integrity.Analysis;

public enum Severity
{
    Low,
    Medium,
    High
}

/// <summary>
/// What a detector saw, in words, with the facts it rests on: a finding, never a verdict. <paramref name="Key"/> names what
/// it is about (one review, one pair of people), so that the same thing seen again is the same signal.
/// </summary>
public sealed record Finding(string Detector, string Key, Severity Severity, Guid Journal, IReadOnlyList<Guid> Manuscripts, IReadOnlyList<Guid> People,
    string Headline, string Explanation, IReadOnlyList<FactReference> Evidence);

/// <summary>One way of reading the record for manipulation: pure, over the record as folded, so that a backtest runs it unchanged.</summary>
public interface IDetector
{
    /// <summary>A short stable name, kept with every signal it raises.</summary>
    string Name { get; }

    /// <summary>What it looks for, in a sentence an analyst reads before trusting it.</summary>
    string Looks { get; }

    IEnumerable<Finding> Detect(RecordView record, IReadOnlyDictionary<Guid, KnownPerson> people);
}

public static class Detectors
{
    public static readonly IReadOnlyList<IDetector> All =
        [new FastReviews(), new SuggestedReviewers(), new ReviewRings(), new NearDuplicateReviews(), new DuplicateSubmissions(), new AuthorshipChanges(), new EditorConflicts(), new ReviewerConcentration()];

    public static IDetector? Named(string name) => All.FirstOrDefault(d => d.Name == name);

    public static string NameOf(this IReadOnlyDictionary<Guid, KnownPerson> people, Guid person) => people.GetValueOrDefault(person)?.Name ?? "An unknown person";

    /// <summary>A duration as an editor says it: "3.2 hours", "11 days".</summary>
    public static string Words(this TimeSpan span) => span.TotalMinutes < 1 ? "less than a minute"
        : span.TotalHours < 1 ? $"{span.TotalMinutes:0} minutes"
        : span.TotalHours < 48 ? $"{span.TotalHours:0.#} hours"
        : $"{span.TotalDays:0} days";
}
