using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Publication;

namespace EditorialPortal.Domain.Issues;

public abstract record IssueCommand : Command;

/// <summary>Opens an issue for the production editors to fill; its id is <see cref="JournalIssue.StreamOf"/> of the journal, volume and number.</summary>
public sealed record CreateIssue(Guid Journal, int Volume, int Number, int Year, string Title = "", string Description = "", string? Doi = null) : IssueCommand;

public sealed record DescribeIssue(string Title, string Description, string? Doi) : IssueCommand;

/// <summary>Plans the article into the issue at <paramref name="Position"/> (the end if none), or moves it there, with its pages or article number.</summary>
public sealed record PlanArticle(Guid Article, int? Position = null, string? Pages = null) : IssueCommand;

public sealed record TakeOutOfIssue(Guid Article) : IssueCommand;

/// <summary>Publishes the issue now, or schedules it: a time not in the future is now.</summary>
public sealed record PublishIssue(DateTimeOffset? At = null) : IssueCommand;

public sealed record CancelIssueSchedule : IssueCommand;

/// <summary>The portal publishes a scheduled issue once its time has come.</summary>
public sealed record PublishDueIssue : IssueCommand;

/// <summary>What deciding a command on an issue knows besides the issue: its journal, the article the command names, and whether its DOI is taken.</summary>
public sealed record IssueDeciding(Guid Issue, Journal? Journal, PublishedArticle? Article, Actor Actor, DateTimeOffset Now, bool DoiInUse);

/// <summary>
/// Issuing: the production editors open an issue, plan its articles in order with their pages, and publish it at once,
/// now or at a time. Every article planned has its DOI already where the journal registers DOIs, so that publishing an
/// issue never waits on one of its articles. Once out, an issue's contents are fixed: only an article's pages or place
/// may still be put right.
/// </summary>
public static class Issuing
{
    public const int LongestTitle = 200;
    public const int LongestDescription = 2_000;

    public static Decision Decide(IssueCommand command, JournalIssue? issue, IssueDeciding d) => (command, issue) switch
    {
        (CreateIssue create, null) => Create(create, d),
        (CreateIssue, not null) => new Refusal.NotAllowedInState("open the issue", "open", "the journal has this volume and issue already", Of: "the issue"),
        (_, null) => new Refusal.NotAuthorised(d.Actor.Account, "change the issue", d.Issue, "there is no such issue"),
        (DescribeIssue describe, { } i) => Describe(describe, i, d),
        (PlanArticle plan, { } i) => Plan(plan, i, d),
        (TakeOutOfIssue take, { } i) => i.IsPublic
            ? new Refusal.NotAllowedInState("take an article out of the issue", "published", "an issue's contents are fixed once it is out", Of: "the issue")
            : i.Contents.Any(e => e.Article == take.Article) ? Decision.Record(new ArticleTakenOutOfIssue(i.Id, take.Article, d.Actor.Account, d.Now)) : Decision.NothingToRecord,
        (PublishIssue publish, { } i) => Publish(publish, i, d),
        (CancelIssueSchedule, { Status: IssueStatus.Scheduled } i) => Decision.Record(new IssueScheduleCancelled(i.Id, d.Actor.Account, d.Now)),
        (CancelIssueSchedule, { Status: IssueStatus.Published }) =>
            new Refusal.NotAllowedInState("cancel the issue's schedule", "published", "the issue is out already", Of: "the issue"),
        (CancelIssueSchedule, _) => Decision.NothingToRecord,
        // Published at the moment readers were told; the fact itself is dated when it happened.
        (PublishDueIssue, { Status: IssueStatus.Scheduled, ScheduledFor: { } due } i) when due <= d.Now =>
            Decision.Record(new IssuePublished(i.Id, due, d.Actor.Account, d.Now)),
        (PublishDueIssue, _) => Decision.NothingToRecord,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown issue command")
    };

    private static Decision Create(CreateIssue c, IssueDeciding d)
    {
        var errors = new List<FieldError>();
        if (d.Journal is null || d.Journal.Id != c.Journal) return new Refusal.NotAuthorised(d.Actor.Account, "open an issue", d.Issue, "there is no such journal");
        if (JournalIssue.StreamOf(c.Journal, c.Volume, c.Number) != d.Issue) return new Refusal.Invalid("id", "An issue's id is made of its journal, volume and number.");
        if (c.Volume is < 1 or > 9_999) errors.Add(new("volume", "A volume is a number from 1 to 9,999."));
        if (c.Number is < 1 or > 999) errors.Add(new("number", "An issue's number is from 1 to 999."));
        if (c.Year < 1900 || c.Year > d.Now.Year + 5) errors.Add(new("year", $"The issue's year is between 1900 and {d.Now.Year + 5}."));
        errors.AddRange(TextProblems(c.Title, c.Description));
        if (DoiProblem(c.Doi, null, d) is { } doiProblem) errors.Add(doiProblem);
        return errors.Count > 0 ? new Refusal.Invalid(errors)
            : Decision.Record(new IssueCreated(d.Issue, c.Journal, c.Volume, c.Number, c.Year, c.Title.Trim(), c.Description.Trim(), Given(c.Doi), d.Actor.Account, d.Now));
    }

    private static Decision Describe(DescribeIssue c, JournalIssue i, IssueDeciding d)
    {
        var errors = TextProblems(c.Title, c.Description).ToList();
        if (i.IsPublic && i.Doi is not null && Given(c.Doi) != i.Doi)
            errors.Add(new("doi", "The issue's DOI went to Crossref with it: a DOI is never changed once deposited."));
        else if (Given(c.Doi) != i.Doi && DoiProblem(c.Doi, i, d) is { } doiProblem) errors.Add(doiProblem);
        if (errors.Count > 0) return new Refusal.Invalid(errors);
        var described = new IssueDescribed(i.Id, c.Title.Trim(), c.Description.Trim(), Given(c.Doi), d.Actor.Account, d.Now);
        return (described.Title, described.Description, described.Doi) == (i.Title, i.Description, i.Doi) ? Decision.NothingToRecord : Decision.Record(described);
    }

    private static Decision Plan(PlanArticle c, JournalIssue i, IssueDeciding d)
    {
        if (d.Article is not { } article || article.Journal != i.Journal)
            return new Refusal.Invalid("article", "There is no such article of the journal's ready to publish.");
        var current = i.Contents.FirstOrDefault(e => e.Article == article.Id);
        if (i.IsPublic && current is null)
            return new Refusal.NotAllowedInState("plan an article into the issue", "published", "an issue's contents are fixed once it is out", Of: "the issue");
        if (d.Journal?.Publication.DoiPrefix is not null && article.Doi is null)
            return new Refusal.Invalid("article", "Assign the article its DOI first: an issue is published with every article's DOI.");
        if (current is null && article.PlannedIssue is { } elsewhere && elsewhere != i.Id)
            return new Refusal.Invalid("article", "The article is planned into another issue: take it out of that one first.");
        string? pages = null;
        if (c.Pages?.Trim() is { Length: > 0 } given && (pages = IssuePages.Normalise(given)) is null)
            return new Refusal.Invalid("pages", "Give a page range such as 12–19, or an article number such as e1002.");
        var others = i.Contents.Where(e => e.Article != article.Id).ToList();
        var position = Math.Clamp(c.Position ?? (current is null ? others.Count : i.Contents.ToList().IndexOf(current)), 0, others.Count);
        if (current is not null && current.Pages == pages && i.Contents.ToList().IndexOf(current) == position) return Decision.NothingToRecord;
        return Decision.Record(new ArticlePlannedInIssue(i.Id, article.Id, article.Metadata.Title, article.Metadata.Type, position, pages, d.Actor.Account, d.Now));
    }

    private static Decision Publish(PublishIssue c, JournalIssue i, IssueDeciding d)
    {
        if (i.IsPublic) return Decision.NothingToRecord;
        if (i.Contents.Count == 0)
            return new Refusal.NotAllowedInState("publish the issue", "empty", "an issue is published with its articles: plan at least one first", Of: "the issue");
        if (c.At is { } at && at > d.Now)
            return at == i.ScheduledFor ? Decision.NothingToRecord : Decision.Record(new IssueScheduled(i.Id, at, d.Actor.Account, d.Now));
        return Decision.Record(new IssuePublished(i.Id, d.Now, d.Actor.Account, d.Now));
    }

    private static IEnumerable<FieldError> TextProblems(string title, string description)
    {
        if (title.Trim().Length > LongestTitle) yield return new("title", $"An issue's title is at most {LongestTitle} characters.");
        if (description.Trim().Length > LongestDescription) yield return new("description", $"An issue's description is at most {LongestDescription:N0} characters.");
    }

    private static string? Given(string? doi) => doi?.Trim() is { Length: > 0 } given ? given : null;

    private static FieldError? DoiProblem(string? doi, JournalIssue? issue, IssueDeciding d)
    {
        if (Given(doi) is not { } given) return null;
        if (d.Journal?.Publication.DoiPrefix is not { } prefix)
            return new("doi", "The journal registers no DOIs: its administrators set a prefix under the journal's settings first.");
        if (!given.StartsWith(prefix + "/", StringComparison.Ordinal) || !Dois.IsSuffix(given[(prefix.Length + 1)..]))
            return new("doi", $"The journal's DOIs are {prefix}/ followed by letters, digits, dots and hyphens.");
        return d.DoiInUse ? new("doi", $"{given} belongs to another article, notice or issue already; a DOI is never reused.") : null;
    }
}
