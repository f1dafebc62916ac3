using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Domain.Journals;

public static class JournalDecider
{
    public const int TitleMaxLength = 200;
    public const int ReviewsRequiredMax = 10;

    /// <param name="actorIsSystemAdministrator">From the acting person's account as it stands now, not from their sign-in.</param>
    /// <param name="grantee">Whether the account a role is granted to exists.</param>
    /// <param name="pathInUse">Whether another journal's reader site has the address the command gives.</param>
    public static Decision Decide(Guid journal, JournalCommand command, Journal? state, bool actorIsSystemAdministrator, bool grantee, Actor actor, DateTimeOffset now,
        bool pathInUse = false)
    {
        var standing = new Standing(
            IsPerson: actor.IsPerson,
            IsJournalAdministrator: state?.Grants(actor.Account, JournalRole.JournalAdministrator) == true,
            IsSystemAdministrator: actor.IsSystem || actorIsSystemAdministrator);
        if (Permissions.Check(command, actor, journal, standing) is { } refusal) return refusal;

        return (command, state) switch
        {
            (CreateJournal, not null) => new Refusal.NotAllowedInState("create a journal", "created", "this journal exists already"),
            (CreateJournal create, null) => Create(journal, create, actor, now),
            (_, null) => new Refusal.NotAuthorised(actor.Account, Permissions.For(command).Action, journal, "there is no such journal"),
            (GrantJournalRole, { }) when !grantee => new Refusal.Invalid("account", "There is no account with this email address."),
            (GrantJournalRole grant, { } j) => j.Grants(grant.Account, grant.Role)
                ? Decision.NothingToRecord
                : Decision.Record(new JournalRoleGranted(j.Id, grant.Account, grant.Role, actor.Account, now)),
            (RevokeJournalRole revoke, { } j) => !j.Grants(revoke.Account, revoke.Role)
                ? Decision.NothingToRecord
                : LastAdministrator(j, revoke)
                    ? new Refusal.NotAllowedInState("revoke a journal role", "staffed", "a journal keeps at least one journal administrator")
                    : Decision.Record(new JournalRoleRevoked(j.Id, revoke.Account, revoke.Role, actor.Account, now)),
            (ChangeReminderSchedule change, { } j) => change.Schedule.Problems() is { Count: > 0 } problems
                ? new Refusal.Invalid("reminders", problems[0])
                : change.Schedule == j.Reminders ? Decision.NothingToRecord : Decision.Record(new ReminderScheduleChanged(j.Id, change.Schedule, actor.Account, now)),
            (ChangeMailTemplate change, { } j) => ChangeTemplate(j, change, actor, now),
            (ChangeDecisionConfirmation change, { } j) => change.EditorInChiefConfirmsDecisions == j.EditorInChiefConfirmsDecisions
                ? Decision.NothingToRecord
                : Decision.Record(new DecisionConfirmationChanged(j.Id, change.EditorInChiefConfirmsDecisions, actor.Account, now)),
            (ChangeDecisionNoticeToReviewers change, { } j) => change.ReviewersAreTold == j.TellsReviewersTheDecision
                ? Decision.NothingToRecord
                : Decision.Record(new DecisionNoticeToReviewersChanged(j.Id, change.ReviewersAreTold, actor.Account, now)),
            (ChangeProductionSettings change, { } j) => change.Settings.Problems() is { Count: > 0 } problems
                ? new Refusal.Invalid("production", problems[0])
                : change.Settings == j.Production ? Decision.NothingToRecord : Decision.Record(new ProductionSettingsChanged(j.Id, change.Settings, actor.Account, now)),
            (ChangePublicationSettings change, { } j) => change.Settings.Problems() is { Count: > 0 } problems
                ? new Refusal.Invalid("publication", problems[0])
                : pathInUse ? new Refusal.Invalid("publication", $"Another journal's reader site is at /read/{change.Settings.Path} already.")
                : change.Settings == j.Publication ? Decision.NothingToRecord : Decision.Record(new PublicationSettingsChanged(j.Id, change.Settings, actor.Account, now)),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown journal command")
        };
    }

    private static Decision ChangeTemplate(Journal j, ChangeMailTemplate c, Actor actor, DateTimeOffset now)
    {
        if (MailTemplate.Defaults.All(t => t.Kind != c.Kind))
            return new Refusal.Invalid("kind", "This mail is about a person's own account and comes from the portal itself; a journal does not reword it.");
        var current = j.MailTemplates.FirstOrDefault(t => t.Kind == c.Kind);
        if (string.IsNullOrWhiteSpace(c.Subject) && string.IsNullOrWhiteSpace(c.Body))
            return current is null ? Decision.NothingToRecord : Decision.Record(new MailTemplateChanged(j.Id, c.Kind, null, actor.Account, now));
        var (subject, body) = (c.Subject?.Trim() ?? "", c.Body?.Trim() ?? "");
        if (MailTemplate.Check(c.Kind, subject, body) is { Count: > 0 } errors) return new Refusal.Invalid(errors);
        var template = new MailTemplate(c.Kind, subject, body);
        return template == current ? Decision.NothingToRecord : Decision.Record(new MailTemplateChanged(j.Id, c.Kind, template, actor.Account, now));
    }

    private static bool LastAdministrator(Journal journal, RevokeJournalRole revoke) =>
        revoke.Role == JournalRole.JournalAdministrator && journal.Staff.Count(s => s.Role == JournalRole.JournalAdministrator) == 1;

    private static Decision Create(Guid journal, CreateJournal c, Actor actor, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(c.Title)) errors.Add(new("title", "Enter the journal's title."));
        else if (c.Title.Trim().Length > TitleMaxLength) errors.Add(new("title", $"The title can have at most {TitleMaxLength} characters."));
        string? issn = null;
        if (!string.IsNullOrWhiteSpace(c.Issn) && (issn = Issn.Normalise(c.Issn)) is null)
            errors.Add(new("issn", "This is not a valid ISSN (NNNN-NNNC, and its check character must match)."));
        if (c.ManuscriptTypes.Count == 0) errors.Add(new("manuscriptTypes", "Choose at least one manuscript type."));
        if (c.ReviewsRequired is < 1 or > ReviewsRequiredMax) errors.Add(new("reviewsRequired", $"Ask for between 1 and {ReviewsRequiredMax} reviews before a decision."));
        var letters = c.DecisionLetters ?? DecisionLetterTemplate.Defaults;
        if (letters.Any(l => string.IsNullOrWhiteSpace(l.Subject) || string.IsNullOrWhiteSpace(l.Body)))
            errors.Add(new("decisionLetters", "Every decision letter needs a subject and a body."));
        if (errors.Count > 0) return new Refusal.Invalid(errors);
        return Decision.Record(new JournalCreated(journal, c.Title.Trim(), issn, c.Description.Trim(), [.. c.ManuscriptTypes.Distinct()],
            actor.Account, now, c.ReviewMode, c.ReviewsRequired, letters));
    }
}
