using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Publication;

/// <summary>Every allowed change of an article's publication: the actor's standing weighed against the command's rule, then the use case decides.</summary>
public static class PublicationDecider
{
    public static Decision Decide(Guid article, PublicationCommand command, PublishedArticle? state, Journal? journal, Actor actor, DateTimeOffset now, bool doiInUse = false,
        Issues.JournalIssue? issue = null, int articlesNumbered = 0)
    {
        var useCase = PublicationUseCases.All.Commands.For(command.GetType());
        var standing = new Standing(actor.IsPerson,
            IsProductionEditor: state is not null && journal is not null && journal.Id == state.Journal && journal.Grants(actor.Account, JournalRole.ProductionEditor));
        if (Permissions.Check(command, actor, article, standing) is { } refusal) return refusal;
        if (state is null) return new Refusal.NotAuthorised(actor.Account, useCase.Rule.Action, article, "there is no such article to publish");
        return useCase.Decide(command, state, new PublicationDeciding(article, journal, actor, now, doiInUse, issue, articlesNumbered));
    }
}

/// <summary>An article's publication stream at the desk: what each command needs, its decision, and who hears of it.</summary>
public sealed class PublicationStream() : StreamKind<PublishedArticle, PublicationCommand>(PublishedArticle.FactTypes, PublishedArticle.Fold)
{
    public override PublishedArticle AtVersion(PublishedArticle state, long version) => state with { Version = version };

    public override ContextNeeds Needs(Guid stream, PublicationCommand command, PublishedArticle? state, Actor actor) =>
        new()
        {
            Journal = state?.Journal,
            DoiInUse = command switch { AssignDoi assign => assign.Doi.Trim(), PublishNotice notice => notice.Doi?.Trim(), _ => null },
            Issue = (command as PublishInIssue)?.Issue,
            // Only a publication on its own may number the article; the count is read for nothing else.
            ArticlesNumberedIn = command is PublishArticle or PublishDueArticle && state is { ArticleNumber: null, Issue: null, PlannedIssue: null } ? state.Journal : null
        };

    public override Decision Decide(Guid stream, PublicationCommand command, PublishedArticle? state, Actor actor, DecisionContext context) =>
        PublicationDecider.Decide(stream, command, state, context.Journal, actor, context.Now, context.DoiInUse, context.Issue, context.ArticlesNumbered);

    public override IReadOnlySet<Guid> PeopleToTell(IReadOnlyList<object> facts, PublishedArticle? before, DecisionContext context) =>
        context.Journal is { } journal ? Notices.PeopleNeeded(PublicationNotices.Mailing, facts, before, journal) : new HashSet<Guid>();

    public override IReadOnlyList<MailQueued> Announce(Guid commandId, IReadOnlyList<object> facts, PublishedArticle? before, DecisionContext context,
        Func<Guid, Account?> people, Func<string, string> link) =>
        context.Journal is { } journal ? Notices.Compose(PublicationNotices.Mailing, commandId, facts, before, journal, people, link) : [];

    public override string RoleOf(Guid stream, PublishedArticle? state, Actor actor, DecisionContext context) =>
        actor.Account == Actor.System.Account ? "the portal"
        : context.Journal?.Grants(actor.Account, JournalRole.ProductionEditor) == true ? "production editor"
        : context.Journal?.RolesOf(actor.Account).Order().Select(r => r.Describe().ToLowerInvariant()).FirstOrDefault() ?? "someone";
}

/// <summary>Tells an article's publication facts in words, and who hears of them.</summary>
public static class PublicationNotices
{
    public static (string Kind, string Description) Tell(object fact, IReadOnlyDictionary<Guid, string> names) =>
        (PublicationUseCases.Kind, PublicationUseCases.All.Facts.For(fact.GetType()).Tell(fact, new Telling(names, _ => true)));

    /// <summary>A publication's facts, with their versions, as history entries naming who did each.</summary>
    public static IReadOnlyList<HistoryEntry> Told(IEnumerable<(long Version, IHistoricalFact Fact)> facts, IReadOnlyDictionary<Guid, string> names) =>
        HistoryEntry.Told(facts, names, Tell);

    public static readonly Mailing<PublishedArticle> Mailing = new(PublishedArticle.Fold,
        (fact, before, a, journal, people) => PublicationUseCases.All.Facts.For(fact.GetType()).Notify(fact, new PublicationScene(fact, before, a, journal, people)),
        (a, journal, recipient, link) => new Dictionary<string, string>
        {
            ["recipient"] = recipient.Name,
            ["journal"] = journal.Title,
            ["title"] = a.Metadata.Title,
            ["abstract"] = a.Metadata.Abstract,
            ["link"] = link($"/articles/{a.Id}"),
            ["production-link"] = link($"/production/{a.Submission}")
        },
        a => a.Submission,
        (_, _) => null);
}
