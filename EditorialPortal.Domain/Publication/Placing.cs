using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Domain.Publication;

/// <summary>Where a published article is in its issue, as its citation, its JATS and its deposit give it.</summary>
public sealed record IssuePlacement(Guid Issue, int Volume, int Number, int Year, string Title, string? Doi, int Position, string? Pages)
{
    public static IssuePlacement? Of(JournalIssue issue, Guid article) =>
        issue.Contents.Select((entry, position) => (entry, position)).FirstOrDefault(x => x.entry.Article == article) is ({ } found, var at)
            ? new IssuePlacement(issue.Id, issue.Volume, issue.Number, issue.Year, issue.Title, issue.Doi, at, found.Pages)
            : null;
}

/// <summary>The article is planned into a future issue: projected, not yet where readers find it.</summary>
public sealed record ArticlePlannedForIssue(Guid Article, Guid Issue, string Label, Guid By, DateTimeOffset At) : IPublicationFact;

public sealed record ArticleUnplannedFromIssue(Guid Article, Guid Issue, Guid By, DateTimeOffset At) : IPublicationFact;

/// <summary>The article is in its issue as readers find it: its actual assignment, from the issue's publication on.</summary>
public sealed record ArticleAssignedToIssue(Guid Article, IssuePlacement Placement, Guid By, DateTimeOffset At) : IPublicationFact;

/// <summary>The portal publishes the article in its published issue, or puts right its place there.</summary>
public sealed record PublishInIssue(Guid Issue) : PublicationCommand;

/// <summary>
/// Placing: an article planned into an issue is projected there until the issue is out; the issue's publication then
/// publishes it at the issue's time (an article not yet out) or assigns it (an article published online first), and a
/// changed place in the issue goes to Crossref again.
/// </summary>
public static class Placing
{
    internal static void Register(PublicationUseCases cases) => cases
        .Command<PublishInIssue>(new(Who.ThePortal, "publish an article in its issue", "the portal publishes an issue's articles itself, with the issue"), Publish)
        .Fact<ArticlePlannedForIssue>((a, f) => a with { PlannedIssue = f.Issue }, (f, _) => $"planned the article into {f.Label}", (_, _) => Notice.NoOne)
        .Fact<ArticleUnplannedFromIssue>((a, f) => a with { PlannedIssue = a.PlannedIssue == f.Issue ? null : a.PlannedIssue },
            (_, _) => "took the article out of the issue it was planned into", (_, _) => Notice.NoOne)
        .Fact<ArticleAssignedToIssue>((a, f) => a with { Issue = f.Placement, PlannedIssue = null },
            (f, _) => $"placed the article in Volume {f.Placement.Volume}, Issue {f.Placement.Number} ({f.Placement.Year}){(f.Placement.Pages is { } p ? $", {p}" : "")}",
            (_, _) => Notice.NoOne);

    private static Decision Publish(PublishInIssue c, PublishedArticle a, PublicationDeciding d)
    {
        if (d.Issue is not { IsPublic: true, PublishedAt: { } issuedAt } issue || issue.Id != c.Issue || IssuePlacement.Of(issue, a.Id) is not { } placement)
            return Decision.NothingToRecord;
        // A taken-down article stays down, whatever its issue does.
        if (a.Issue == placement || a.Status == PublicationStatus.Unpublished) return Decision.NothingToRecord;
        var assigned = new ArticleAssignedToIssue(a.Id, placement, d.Actor.Account, d.Now);
        if (a.Status != PublicationStatus.Published)
            return Decision.Record([.. Publishing.Published(a, issuedAt, d).Facts, assigned]);
        // Its place is part of its metadata at Crossref: a changed place is deposited again, unless a deposit still waits,
        // which is written from the article as it is when it goes.
        return a.Doi is { } doi && a.Deposits.Count > 0 && a.Deposits[^1].Status != DepositStatus.Queued
            ? Decision.Record(assigned, Depositing.Queue(a, doi, d.Actor, d.Now))
            : Decision.Record(assigned);
    }
}
