using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.Journals;

/// <summary>A journal's own stream at the desk: its staff and settings, decided by its administrators.</summary>
public sealed class JournalStream() : StreamKind<Journal, JournalCommand>(Journal.FactTypes, Journal.Fold)
{
    public override Journal AtVersion(Journal state, long version) => state with { Version = version };

    public override ContextNeeds Needs(Guid stream, JournalCommand command, Journal? state, Actor actor) => new()
    {
        Accounts = [actor.Account, .. command is GrantJournalRole grant ? [grant.Account] : Array.Empty<Guid>()],
        PathInUse = command is ChangePublicationSettings { Settings.Path: { Length: > 0 } path } ? path : null
    };

    public override Decision Decide(Guid stream, JournalCommand command, Journal? state, Actor actor, DecisionContext context) =>
        JournalDecider.Decide(stream, command, state, context.IsSystemAdministrator(actor),
            command is GrantJournalRole grant && context.Account(grant.Account) is not null, actor, context.Now, context.PathInUse);

    public override string RoleOf(Guid stream, Journal? state, Actor actor, DecisionContext context) =>
        state?.RolesOf(actor.Account).Order().Select(r => r.Describe().ToLowerInvariant()).FirstOrDefault()
        ?? (actor.IsSystem ? "the portal" : "system administrator");
}
