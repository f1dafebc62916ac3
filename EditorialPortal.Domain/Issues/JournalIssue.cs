using System.Text.RegularExpressions;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Issues;

public interface IIssueFact : IHistoricalFact
{
    Guid Issue { get; }
}

public enum IssueStatus
{
    /// <summary>Being put together: its contents are the production editors' plan, unseen by readers.</summary>
    Planned,
    Scheduled,
    Published
}

/// <summary>One article in an issue's table of contents, in its place; the title is kept for the editors' list of contents.</summary>
public sealed record IssueEntry(Guid Article, string Title, ManuscriptType Section, string? Pages);

public sealed record IssueCreated(Guid Issue, Guid Journal, int Volume, int Number, int Year, string Title, string Description, string? Doi, Guid By, DateTimeOffset At)
    : IIssueFact;

public sealed record IssueDescribed(Guid Issue, string Title, string Description, string? Doi, Guid By, DateTimeOffset At) : IIssueFact;

/// <summary>The article is planned into the issue at <paramref name="Position"/> (counted from zero), or moved there, with its pages or article number.</summary>
public sealed record ArticlePlannedInIssue(Guid Issue, Guid Article, string Title, ManuscriptType Section, int Position, string? Pages, Guid By, DateTimeOffset At)
    : IIssueFact;

public sealed record ArticleTakenOutOfIssue(Guid Issue, Guid Article, Guid By, DateTimeOffset At) : IIssueFact;

public sealed record IssueScheduled(Guid Issue, DateTimeOffset For, Guid By, DateTimeOffset At) : IIssueFact;

public sealed record IssueScheduleCancelled(Guid Issue, Guid By, DateTimeOffset At) : IIssueFact;

/// <summary>The issue is out: its table of contents is fixed, and its articles are published in it from <paramref name="PublishedAt"/>.</summary>
public sealed record IssuePublished(Guid Issue, DateTimeOffset PublishedAt, Guid By, DateTimeOffset At) : IIssueFact;

/// <summary>
/// An issue of a journal: a volume and a number in a year, its contents in order, planned by the production editors and
/// published at once. Its stream is named by the journal, the volume and the number, so there is one "Volume 12, Issue 3".
/// </summary>
public sealed record JournalIssue(Guid Id, Guid Journal, int Volume, int Number, int Year, string Title, string Description, string? Doi) : IVersioned
{
    public long Version { get; init; }
    public IssueStatus Status { get; init; }
    public DateTimeOffset? ScheduledFor { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset LastChangedAt { get; init; }
    public IReadOnlyList<IssueEntry> Contents { get; init; } = [];

    public bool IsPublic => Status == IssueStatus.Published;

    /// <summary>How readers and citations name the issue: "Volume 12, Issue 3 (2026)".</summary>
    public string Label => $"Volume {Volume}, Issue {Number} ({Year})";

    /// <summary>The sections of the table of contents, in the order their first article comes.</summary>
    public IEnumerable<IGrouping<ManuscriptType, IssueEntry>> Sections => Contents.GroupBy(e => e.Section);

    public static Guid StreamOf(Guid journal, int volume, int number) =>
        DeterministicGuid.From(journal, IssueNamespace, new Guid(volume, (short)number, 0, new byte[8]));

    private static readonly Guid IssueNamespace = Guid.Parse("3e9d51a7-c2f4-4b80-9a16-7d05e8b3c4a2");

    public static JournalIssue? Fold(JournalIssue? state, object fact) => IssueFacts.All.Find(fact.GetType()) is { } useCase ? useCase.Fold(state, fact) : state;

    public static readonly IReadOnlyList<Type> FactTypes = FactKinds.Of<IIssueFact>();
}

/// <summary>
/// Where an article is in its issue: a page range ("12–19") for journals that paginate, or a single article number
/// ("e1002"), which JATS writes as <c>elocation-id</c>.
/// </summary>
public static partial class IssuePages
{
    /// <summary>The pages as the portal keeps them, an en dash between first and last; null for a value that is neither form.</summary>
    public static string? Normalise(string text)
    {
        var match = Pages().Match(text);
        if (!match.Success) return null;
        var (first, last) = (match.Groups["first"].Value, match.Groups["last"].Value);
        if (last.Length == 0) return first;
        return long.TryParse(first, out var from) && long.TryParse(last, out var to) && to < from ? null : $"{first}–{last}";
    }

    public static (string First, string? Last) Split(string pages) =>
        pages.Split('–') is [var first, var last] ? (first, last) : (pages, null);

    /// <summary>Whether the pages are an article number rather than a range: one value alone.</summary>
    public static bool IsArticleNumber(string pages) => !pages.Contains('–');

    [GeneratedRegex(@"^\s*(?<first>[A-Za-z]?[0-9]{1,7})\s*(?:[-–—]\s*(?<last>[A-Za-z]?[0-9]{1,7}))?\s*$")]
    private static partial Regex Pages();
}
