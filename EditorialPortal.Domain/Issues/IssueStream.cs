using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Publication;

namespace EditorialPortal.Domain.Issues;

/// <summary>A journal's issue at the desk: decided by the journal's production editors, on the issue, its journal and the article the command names.</summary>
public sealed class IssueStream() : StreamKind<JournalIssue, IssueCommand>(JournalIssue.FactTypes, JournalIssue.Fold)
{
    public override JournalIssue AtVersion(JournalIssue state, long version) => state with { Version = version };

    public override ContextNeeds Needs(Guid stream, IssueCommand command, JournalIssue? state, Actor actor) => new()
    {
        Journal = state?.Journal ?? (command as CreateIssue)?.Journal,
        Article = (command as PlanArticle)?.Article,
        DoiInUse = command switch { CreateIssue create => create.Doi?.Trim(), DescribeIssue describe => describe.Doi?.Trim(), _ => null }
    };

    public override Decision Decide(Guid stream, IssueCommand command, JournalIssue? state, Actor actor, DecisionContext context)
    {
        var journal = context.Journal;
        var standing = new Standing(actor.IsPerson,
            IsProductionEditor: journal is not null && (state is null || state.Journal == journal.Id) && journal.Grants(actor.Account, JournalRole.ProductionEditor));
        if (Permissions.Check(command, actor, stream, standing) is { } refusal) return refusal;
        return Issuing.Decide(command, state, new IssueDeciding(stream, journal, context.Article, actor, context.Now, context.DoiInUse));
    }

    public override string RoleOf(Guid stream, JournalIssue? state, Actor actor, DecisionContext context) =>
        actor.Account == Actor.System.Account ? "the portal"
        : context.Journal?.Grants(actor.Account, JournalRole.ProductionEditor) == true ? "production editor"
        : "someone";
}

/// <summary>What an issue's plan brings about on its articles' streams, in the same commit: each knows the issue it is planned into.</summary>
public static class IssuePlans
{
    public static IEnumerable<FollowOn> OnPlanning(Guid stream, IReadOnlyList<object> facts, object? after, DecisionContext context)
    {
        if (after is not JournalIssue issue) yield break;
        foreach (var fact in facts)
        {
            if (fact is ArticlePlannedInIssue planned && context.Article?.PlannedIssue != issue.Id && !issue.IsPublic)
                yield return new FollowOn(planned.Article, StreamKinds.Publications, [new ArticlePlannedForIssue(planned.Article, issue.Id, issue.Label, planned.By, planned.At)]);
            else if (fact is ArticleTakenOutOfIssue taken)
                yield return new FollowOn(taken.Article, StreamKinds.Publications, [new ArticleUnplannedFromIssue(taken.Article, issue.Id, taken.By, taken.At)]);
        }
    }
}
