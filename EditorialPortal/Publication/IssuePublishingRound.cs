using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Publication;

namespace EditorialPortal.Publication;

/// <summary>
/// Publishes the scheduled issues whose time has come, and settles the articles of published issues: each is published
/// in its issue, or has its place put right, by a command the portal gives. Named by the article, the issue and the
/// issue's version, a repeat is the same command, recorded once.
/// </summary>
public sealed class IssuePublishingRound(IIssueQueries issues, IEditorialDesk desk, ILogger<IssuePublishingRound> logger)
{
    private static readonly Guid IssueNamespace = Guid.Parse("a4c7e2d9-61b3-4f05-8e7a-2d9c13b5f640");
    private static readonly Guid PlacingNamespace = Guid.Parse("e81f3b6c-2a47-4d9e-b5c0-7f16a2d83e95");

    // An issue's articles are settled the moment it is published; the round looks back this far for any a failure left.
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(30);

    public async Task Run(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        foreach (var due in await issues.IssuesDue(now))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await desk.Execute(due, new PublishDueIssue(), Actor.System, new CommandOptions(DeterministicGuid.From(due, IssueNamespace))) is CommandOutcome.Refused refused)
                logger.LogWarning("Issue {Issue} was due but not published: {Refusal}", due, refused.Refusal.Message);
        }
        foreach (var issue in await issues.PublishedSince(now - LookBack))
            await Settle(issue, cancellationToken);
    }

    /// <summary>Publishes the issue's articles in it, and puts right the place of any whose place changed; answers how many it changed.</summary>
    public async Task<int> Settle(JournalIssue issue, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        foreach (var entry in issue.Contents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var command = new CommandOptions(DeterministicGuid.From(entry.Article, issue.Id, new Guid((int)issue.Version, 0, 0, new byte[8]), PlacingNamespace));
            var outcome = await desk.Execute(entry.Article, new PublishInIssue(issue.Id), Actor.System, command);
            if (outcome is CommandOutcome.Accepted { Repeated: false, Facts.Count: > 0 }) changed++;
            else if (outcome is CommandOutcome.Refused refused) logger.LogWarning("Article {Article} of issue {Issue} was not placed: {Refusal}", entry.Article, issue.Id, refused.Refusal.Message);
        }
        if (changed > 0) logger.LogInformation("Placed {Count} articles in {Issue}", changed, issue.Label);
        return changed;
    }
}
