using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Domain.People;

/// <summary>An account's stream at the desk: the person, how they sign in, and the mail about it they receive.</summary>
public sealed class AccountStream() : StreamKind<Account, AccountCommand>(Account.FactTypes, Account.Fold)
{
    public override Account AtVersion(Account state, long version) => state with { Version = version };

    public override ContextNeeds Needs(Guid stream, AccountCommand command, Account? state, Actor actor) => new()
    {
        Accounts = [actor.Account],
        EmailInUse = command is RegisterAccount register ? register.Email : null
    };

    public override Decision Decide(Guid stream, AccountCommand command, Account? state, Actor actor, DecisionContext context) =>
        AccountDecider.Decide(stream, command, state, context.EmailInUse, context.IsSystemAdministrator(actor), actor, context.Now);

    public override IReadOnlyList<MailQueued> Announce(Guid commandId, IReadOnlyList<object> facts, Account? before, DecisionContext context,
        Func<Guid, Account?> people, Func<string, string> link) => AccountNotices.Compose(commandId, facts, before, link);

    public override string RoleOf(Guid stream, Account? state, Actor actor, DecisionContext context) =>
        actor.Account == stream || actor.IsAnonymous ? "account holder" : actor.IsSystem ? "the portal" : "system administrator";
}
