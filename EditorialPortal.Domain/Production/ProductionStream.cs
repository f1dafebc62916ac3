using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Production;

/// <summary>
/// Every allowed change of an article's production: the actor's standing weighed once against the command's rule, then
/// the command decided by its use case (<see cref="ProductionUseCases"/>).
/// </summary>
public static class ProductionDecider
{
    /// <param name="subject">The account the command names (the copyeditor, typesetter or proofreader), as it stands now.</param>
    /// <param name="manuscript">The accepted manuscript, for the command that begins a production.</param>
    public static Decision Decide(Guid production, ProductionCommand command, ArticleProduction? state, Journal? journal, Actor actor, DateTimeOffset now,
        Account? subject = null, Submission? manuscript = null)
    {
        var useCase = ProductionUseCases.All.Commands.For(command.GetType());
        var holder = command is INamesATask named ? state?.HolderOf(named.Task) : null;
        var standing = new Standing(actor.IsPerson,
            IsSubmittingAuthor: state is not null && state.SubmittingAuthor == actor.Account,
            IsProductionEditor: state is not null && journal is not null && journal.Id == state.Journal && journal.Grants(actor.Account, JournalRole.ProductionEditor),
            IsTaskHolder: holder is { } person && person == actor.Account);
        if (Permissions.Check(command, actor, production, standing) is { } refusal) return refusal;
        if (state is null && !useCase.Starts) return new Refusal.NotAuthorised(actor.Account, useCase.Rule.Action, production, "there is no such article in production");
        if (command is INamesATask && holder is null) return new Refusal.Invalid("task", "There is no such task in this article's production.");
        return useCase.Decide(command, state, new ProductionDeciding(production, journal, actor, now, standing, subject, manuscript));
    }
}

/// <summary>An article's production stream at the desk: what each command needs, its decision, and who hears of it.</summary>
public sealed class ProductionStream() : StreamKind<ArticleProduction, ProductionCommand>(ArticleProduction.FactTypes, ArticleProduction.Fold)
{
    public override ArticleProduction AtVersion(ArticleProduction state, long version) => state with { Version = version };

    public override ContextNeeds Needs(Guid stream, ProductionCommand command, ArticleProduction? state, Actor actor) => new()
    {
        Journal = command is BeginProduction begin ? begin.Journal : state?.Journal,
        Submission = command is BeginProduction beginning ? beginning.Submission : null,
        Accounts = ProductionUseCases.All.Commands.For(command.GetType()).Subject(command) is { } subject ? [subject] : []
    };

    public override Decision Decide(Guid stream, ProductionCommand command, ArticleProduction? state, Actor actor, DecisionContext context) =>
        ProductionDecider.Decide(stream, command, state, context.Journal, actor, context.Now,
            ProductionUseCases.All.Commands.For(command.GetType()).Subject(command) is { } subject ? context.Account(subject) : null, context.Submission);

    public override IReadOnlySet<Guid> PeopleToTell(IReadOnlyList<object> facts, ArticleProduction? before, DecisionContext context) =>
        context.Journal is { } journal ? ProductionNotices.PeopleNeeded(facts, before, journal) : new HashSet<Guid>();

    public override IReadOnlyList<MailQueued> Announce(Guid commandId, IReadOnlyList<object> facts, ArticleProduction? before, DecisionContext context,
        Func<Guid, Account?> people, Func<string, string> link) =>
        context.Journal is { } journal ? ProductionNotices.Compose(commandId, facts, before, journal, people, link) : [];

    public override string RoleOf(Guid stream, ArticleProduction? state, Actor actor, DecisionContext context) => ProductionNarrative.RoleOf(actor.Account, state, context.Journal);
}
