using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.Submissions;

/// <summary>What the screens and the API read about submissions. Every query answers only what the actor may see.</summary>
public interface ISubmissionQueries
{
    /// <summary>The submission's current state, or null if there is none the actor may see.</summary>
    Task<Submission?> Find(Guid submission, Actor actor);

    /// <summary>The submissions the actor started or is listed on as an author, most recently changed first.</summary>
    Task<IReadOnlyList<Submission>> SubmissionsOf(Actor author);

    /// <summary>Submitted manuscripts awaiting triage in one journal, or null if the actor edits no such journal.</summary>
    Task<Page<QueueItem>?> NewSubmissions(Guid journal, Actor editor, QueueRequest request);

    /// <summary>One of the journal's editorial queues, or null if the actor edits no such journal.</summary>
    Task<Page<QueueItem>?> Queue(Guid journal, EditorialQueue queue, Actor editor, QueueRequest request);

    /// <summary>How many manuscripts each of the journal's queues holds, or null if the actor edits no such journal.</summary>
    Task<IReadOnlyDictionary<EditorialQueue, long>?> QueueCounts(Guid journal, Actor editor);

    /// <summary>
    /// The journal's manuscripts that no editor-in-chief of it may judge (each wrote it or declared a conflict), oldest
    /// first, for its administrators to appoint an editor who may; null unless the actor administers the journal.
    /// </summary>
    Task<IReadOnlyList<QueueItem>?> NeedingAnEditorWithoutAConflict(Guid journal, Actor administrator);

    /// <summary>Every invitation to review the actor has had, with its submission as they may see it, newest first.</summary>
    Task<IReadOnlyList<Submission>> ReviewedBy(Actor reviewer);

    /// <summary>Manuscripts the actor handles, in peer review or waiting for it.</summary>
    Task<IReadOnlyList<Submission>> HandledBy(Actor editor);

    /// <summary>
    /// The submission's facts told in domain words, oldest first, or null if the actor may not see it. Up to a version,
    /// the history as the actor could read it then: what they may learn is decided by the submission as it stood.
    /// </summary>
    Task<IReadOnlyList<HistoryEntry>?> History(Guid submission, Actor actor, long? upTo = null);

    /// <summary>The submission as it stood after fact <paramref name="version"/> (or at <paramref name="moment"/> when given), as the actor may see it; null if they may not see it.</summary>
    Task<PointInTime?> AsItWas(Guid submission, Actor actor, long version, DateTimeOffset? moment = null);
}

public enum QueueSort
{
    SubmittedAt,
    Title,
    Waiting
}

/// <param name="HandlingEditor">Only manuscripts this editor handles.</param>
/// <param name="Type">Only manuscripts of this type.</param>
/// <param name="Search">Only manuscripts whose title contains this text.</param>
public sealed record QueueRequest(int PageNumber = 1, int PageSize = 20, QueueSort SortBy = QueueSort.SubmittedAt, bool Descending = true,
    Guid? HandlingEditor = null, ManuscriptType? Type = null, string? Search = null)
{
    public const int MaxPageSize = 100;

    public int Skip => (Math.Max(PageNumber, 1) - 1) * Size;
    public int Size => Math.Clamp(PageSize, 1, MaxPageSize);
}

public sealed record QueueItem(Guid Submission, string Title, string CorrespondingAuthor, ManuscriptType Type, DateTimeOffset SubmittedAt,
    SubmissionStatus Status = SubmissionStatus.Submitted, DateTimeOffset WaitingSince = default)
{
    public static QueueItem Of(Submission s) =>
        new(s.Id, s.Title, s.CorrespondingAuthor, s.Type, s.SubmittedAt ?? s.LastChangedAt, s.Status, s.StatusSince);
}

public sealed record HistoryEntry(long Version, DateTimeOffset At, Guid By, string ByName, string Kind, string Description)
{
    /// <summary>A stream's facts, with their versions, told by its narrative and naming who did each.</summary>
    public static IReadOnlyList<HistoryEntry> Told(IEnumerable<(long Version, Common.IHistoricalFact Fact)> facts, IReadOnlyDictionary<Guid, string> names,
        Func<object, IReadOnlyDictionary<Guid, string>, (string Kind, string Description)> tell) =>
        [.. facts.Select(f =>
        {
            var (kind, description) = tell(f.Fact, names);
            var who = f.Fact.By == Common.Actor.System.Account ? Common.Actor.System.Name : names.GetValueOrDefault(f.Fact.By, "Someone");
            return new HistoryEntry(f.Version, f.Fact.At, f.Fact.By, who, kind, description);
        })];
}
