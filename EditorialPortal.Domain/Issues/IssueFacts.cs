using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Issues;

public sealed record IssueFactCase(Func<JournalIssue?, object, JournalIssue?> Fold, Func<object, string> Tell);

/// <summary>Every fact of an issue: how it changes the issue, and how the issue's history tells it.</summary>
public static class IssueFacts
{
    public const string Kind = "issue";

    public static readonly UseCaseTable<IssueFactCase> All = new UseCaseTable<IssueFactCase>("issue use-case")
        .Begins((IssueCreated f) => new JournalIssue(f.Issue, f.Journal, f.Volume, f.Number, f.Year, f.Title, f.Description, f.Doi),
            f => $"opened Volume {f.Volume}, Issue {f.Number} ({f.Year}){(f.Title.Length > 0 ? $": {f.Title}" : "")}{(f.Doi is null ? "" : $", DOI {f.Doi}")}")
        .With<IssueDescribed>((i, f) => i with { Title = f.Title, Description = f.Description, Doi = f.Doi },
            f => $"described the issue{(f.Title.Length > 0 ? $" as “{f.Title}”" : "")}{(f.Doi is null ? "" : $", DOI {f.Doi}")}")
        .With<ArticlePlannedInIssue>((i, f) => i with
            {
                Contents = Placed(i.Contents.Where(e => e.Article != f.Article).ToList(), f.Position, new IssueEntry(f.Article, f.Title, f.Section, f.Pages))
            },
            f => $"placed “{f.Title}” {Ordinal(f.Position + 1)} in the issue{(f.Pages is { } pages ? IssuePages.IsArticleNumber(pages) ? $", article {pages}" : $", pages {pages}" : "")}")
        .With<ArticleTakenOutOfIssue>((i, f) => i with { Contents = [.. i.Contents.Where(e => e.Article != f.Article)] }, _ => "took an article out of the issue")
        .With<IssueScheduled>((i, f) => i with { Status = IssueStatus.Scheduled, ScheduledFor = f.For },
            f => $"scheduled the issue to be published on {f.For:d MMMM yyyy 'at' HH:mm} UTC")
        .With<IssueScheduleCancelled>((i, _) => i with { Status = IssueStatus.Planned, ScheduledFor = null }, _ => "cancelled the issue's schedule")
        .With<IssuePublished>((i, f) => i with { Status = IssueStatus.Published, ScheduledFor = null, PublishedAt = f.PublishedAt },
            f => $"published the issue, dated {f.PublishedAt:d MMMM yyyy 'at' HH:mm} UTC");

    // The first fact begins the issue, once; every other changes an issue there is. Each dates the issue's last change.
    private static UseCaseTable<IssueFactCase> Begins<TFact>(this UseCaseTable<IssueFactCase> table, Func<TFact, JournalIssue> begin, Func<TFact, string> tell)
        where TFact : IIssueFact
    {
        table.Add(typeof(TFact), new((state, fact) => state ?? begin((TFact)fact) with { LastChangedAt = ((TFact)fact).At }, fact => tell((TFact)fact)));
        return table;
    }

    private static UseCaseTable<IssueFactCase> With<TFact>(this UseCaseTable<IssueFactCase> table, Func<JournalIssue, TFact, JournalIssue> fold, Func<TFact, string> tell)
        where TFact : IIssueFact
    {
        table.Add(typeof(TFact), new((state, fact) => state is null ? null : fold(state, (TFact)fact) with { LastChangedAt = ((TFact)fact).At }, fact => tell((TFact)fact)));
        return table;
    }

    private static List<IssueEntry> Placed(List<IssueEntry> others, int position, IssueEntry entry)
    {
        others.Insert(Math.Clamp(position, 0, others.Count), entry);
        return others;
    }

    private static string Ordinal(int n) => (n % 100) is 11 or 12 or 13 ? $"{n}th" : (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" };

    public static (string Kind, string Description) Tell(object fact, IReadOnlyDictionary<Guid, string> names) => (Kind, All.For(fact.GetType()).Tell(fact));

    /// <summary>An issue's facts, with their versions, as history entries naming who did each.</summary>
    public static IReadOnlyList<HistoryEntry> Told(IEnumerable<(long Version, IHistoricalFact Fact)> facts, IReadOnlyDictionary<Guid, string> names) =>
        HistoryEntry.Told(facts, names, Tell);
}
