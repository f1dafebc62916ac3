using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.Journals;

public static class JournalDecider
{
    public static Decision Decide(Guid journal, JournalCommand command, Journal? state, Actor actor, DateTimeOffset now) =>
        (command, state) switch
        {
            (CreateJournal, not null) => new Refusal.NotAllowedInState("create a journal", "created", "this journal exists already"),
            (CreateJournal create, null) when !actor.IsSystem =>
                new Refusal.NotAuthorised(actor.Account, "create a journal", journal, "only the system administrator creates journals"),
            (CreateJournal create, null) => Create(journal, create, actor, now),
            (_, null) => new Refusal.NotAuthorised(actor.Account, "change a journal", journal, "there is no such journal"),
            (GrantJournalRole grant, { } j) => Grant(j, grant, actor, now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown journal command")
        };

    private static Decision Create(Guid journal, CreateJournal c, Actor actor, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(c.Title)) errors.Add(new("title", "Enter the journal's title."));
        if (c.ManuscriptTypes.Count == 0) errors.Add(new("manuscriptTypes", "Choose at least one manuscript type."));
        if (errors.Count > 0) return new Refusal.Invalid(errors);
        return Decision.Record(new JournalCreated(journal, c.Title.Trim(), c.Issn?.Trim(), c.Description.Trim(), [.. c.ManuscriptTypes.Distinct()], actor.Account, now));
    }

    private static Decision Grant(Journal journal, GrantJournalRole c, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsSystem && !journal.Grants(actor.Account, JournalRole.JournalAdministrator))
            return new Refusal.NotAuthorised(actor.Account, "grant a journal role", journal.Id, "only the journal's administrators grant roles");
        if (journal.Grants(c.Account, c.Role)) return Decision.NothingToRecord;
        return Decision.Record(new JournalRoleGranted(journal.Id, c.Account, c.Role, actor.Account, now));
    }
}
