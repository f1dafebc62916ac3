using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Authorisation;

/// <summary>Who may issue a command.</summary>
public enum Who
{
    /// <summary>Anyone, signed in or not: registering, signing in, following an emailed link.</summary>
    Anyone,

    /// <summary>Any signed-in person: anyone with an account may author.</summary>
    AnyPerson,

    /// <summary>The person whose account it is.</summary>
    AccountHolder,

    /// <summary>The person who started the submission.</summary>
    SubmittingAuthor,

    /// <summary>An editor-in-chief of the journal concerned.</summary>
    EditorInChief,

    /// <summary>The manuscript's handling editor, or an editor-in-chief of its journal.</summary>
    HandlingEditor,

    /// <summary>The person invited by the invitation the command names.</summary>
    InvitedReviewer,

    /// <summary>A journal administrator of the journal concerned (or a system administrator).</summary>
    JournalAdministrator,

    /// <summary>A system administrator.</summary>
    SystemAdministrator,

    /// <summary>The portal itself, on its own schedule (reminders).</summary>
    ThePortal,

    /// <summary>An editor of the journal concerned, or someone invited to review the manuscript.</summary>
    EditorOrReviewer,

    /// <summary>A production editor of the journal concerned.</summary>
    ProductionEditor,

    /// <summary>The person a production task names (its copyeditor or typesetter), or a production editor of the journal.</summary>
    TaskHolder,

    /// <summary>The person the proofs were sent to.</summary>
    ProofReader,

    /// <summary>An integrity analyst of the journal concerned.</summary>
    IntegrityAnalyst
}

/// <summary>One line of the table: who may, the action in words, and the reason a refusal gives.</summary>
public sealed record Rule(Who Who, string Action, string Reason);

/// <summary>What a decider knows of the actor's standing towards the command's target.</summary>
public sealed record Standing(
    bool IsPerson,
    bool HoldsAccount = false,
    bool IsSubmittingAuthor = false,
    bool IsEditorInChief = false,
    bool IsHandlingEditor = false,
    bool IsInvitedReviewer = false,
    bool IsJournalAdministrator = false,
    bool IsSystemAdministrator = false,
    bool IsJournalEditor = false,
    bool IsReviewerOfIt = false,
    bool IsAuthorOfIt = false,
    bool HasDeclaredConflict = false,
    bool IsProductionEditor = false,
    bool IsTaskHolder = false,
    bool IsIntegrityAnalyst = false);

/// <summary>
/// The authorisation table: every command that exists, who may issue it, and why not. Deciders consult it before
/// anything else, so a refusal always names the rule it applied.
/// </summary>
public static class Permissions
{
    public const string OnlySubmittingAuthor = "only the submitting author changes a submission";
    private const string OnlyAccountHolder = "only the account holder changes an account";
    private const string OnlyProductionEditors = "only the journal's production editors put its issues together and publish them";

    /// <summary>Every command of every kind of stream: the accounts', journals' and review drafts' lines here, the manuscripts' and productions' from their use cases.</summary>
    public static readonly IReadOnlyDictionary<Type, Rule> Table = new Dictionary<Type, Rule>(OtherKinds
        .Concat(SubmissionUseCases.All.Commands.Types.Select(type => KeyValuePair.Create(type, SubmissionUseCases.All.Commands.For(type).Rule)))
        .Concat(ProductionUseCases.All.Commands.Types.Select(type => KeyValuePair.Create(type, ProductionUseCases.All.Commands.For(type).Rule)))
        .Concat(PublicationUseCases.All.Commands.Types.Select(type => KeyValuePair.Create(type, PublicationUseCases.All.Commands.For(type).Rule))));

    private static IReadOnlyDictionary<Type, Rule> OtherKinds => new Dictionary<Type, Rule>
    {
        [typeof(RegisterAccount)] = new(Who.Anyone, "register an account", ""),
        [typeof(NoteRegistrationAttempt)] = new(Who.Anyone, "register with a taken address", ""),
        [typeof(ConfirmEmail)] = new(Who.Anyone, "confirm an email address", ""),
        [typeof(RequestEmailConfirmation)] = new(Who.Anyone, "ask for a confirmation link", ""),
        [typeof(SignIn)] = new(Who.Anyone, "sign in", ""),
        [typeof(RequestPasswordReset)] = new(Who.Anyone, "ask for a password reset", ""),
        [typeof(ResetPassword)] = new(Who.Anyone, "reset a password", ""),
        [typeof(ChangeProfile)] = new(Who.AccountHolder, "change a profile", OnlyAccountHolder),
        [typeof(ChangePassword)] = new(Who.AccountHolder, "change a password", OnlyAccountHolder),
        [typeof(CreateAccessToken)] = new(Who.AccountHolder, "create an access token", OnlyAccountHolder),
        [typeof(RevokeAccessToken)] = new(Who.AccountHolder, "revoke an access token", OnlyAccountHolder),
        [typeof(RevokeAllAccessTokens)] = new(Who.AccountHolder, "revoke every access token", OnlyAccountHolder),
        [typeof(DeclareExpertise)] = new(Who.AccountHolder, "declare expertise", OnlyAccountHolder),
        [typeof(AppointSystemAdministrator)] = new(Who.SystemAdministrator, "appoint a system administrator", "only a system administrator appoints another"),
        [typeof(CreateJournal)] = new(Who.SystemAdministrator, "create a journal", "only a system administrator creates journals"),
        [typeof(GrantJournalRole)] = new(Who.JournalAdministrator, "grant a journal role", "only the journal's administrators grant roles"),
        [typeof(RevokeJournalRole)] = new(Who.JournalAdministrator, "revoke a journal role", "only the journal's administrators revoke roles"),
        [typeof(ChangeMailTemplate)] = new(Who.JournalAdministrator, "change the journal's mail", "only the journal's administrators word its mail"),
        [typeof(ChangeDecisionConfirmation)] = new(Who.JournalAdministrator, "change how decisions are confirmed", "only the journal's administrators set its policies"),
        [typeof(ChangeDecisionNoticeToReviewers)] = new(Who.JournalAdministrator, "change whether reviewers are told the decision", "only the journal's administrators set its policies"),
        [typeof(ChangeReminderSchedule)] = new(Who.JournalAdministrator, "change the reminder schedule", "only the journal's administrators set its reminders"),
        [typeof(SaveReviewDraft)] = new(Who.InvitedReviewer, "save a review draft", "only the person invited writes its review"),
        [typeof(ChangeProductionSettings)] = new(Who.JournalAdministrator, "change how the journal produces its articles", "only the journal's administrators set its policies"),
        [typeof(ChangePublicationSettings)] = new(Who.JournalAdministrator, "change how the journal publishes its articles", "only the journal's administrators set its policies"),
        [typeof(CreateIssue)] = new(Who.ProductionEditor, "open an issue", OnlyProductionEditors),
        [typeof(DescribeIssue)] = new(Who.ProductionEditor, "describe the issue", OnlyProductionEditors),
        [typeof(PlanArticle)] = new(Who.ProductionEditor, "plan an article into the issue", OnlyProductionEditors),
        [typeof(TakeOutOfIssue)] = new(Who.ProductionEditor, "take an article out of the issue", OnlyProductionEditors),
        [typeof(PublishIssue)] = new(Who.ProductionEditor, "publish the issue", OnlyProductionEditors),
        [typeof(CancelIssueSchedule)] = new(Who.ProductionEditor, "cancel the issue's schedule", OnlyProductionEditors),
        [typeof(PublishDueIssue)] = new(Who.ThePortal, "publish a scheduled issue", "the portal publishes scheduled issues itself, at their time")
    };

    public static Rule For(object command) =>
        Table.TryGetValue(command.GetType(), out var rule)
            ? rule
            : throw new InvalidOperationException($"{command.GetType().Name} has no line in the authorisation table.");

    /// <summary>The refusal for an actor without the standing the command's rule asks for, or null if they have it.</summary>
    public static Refusal? Check(object command, Actor actor, Guid target, Standing standing)
    {
        var rule = For(command);
        if (ConflictsOfInterest.BarsFromJudging(rule.Who, standing) is { } barred) return new Refusal.NotAuthorised(actor.Account, rule.Action, target, barred);
        var allowed = rule.Who switch
        {
            Who.Anyone => true,
            Who.AnyPerson => standing.IsPerson,
            Who.AccountHolder => standing.IsPerson && standing.HoldsAccount,
            Who.SubmittingAuthor => standing.IsPerson && standing.IsSubmittingAuthor,
            Who.EditorInChief => standing.IsPerson && standing.IsEditorInChief,
            Who.HandlingEditor => standing.IsPerson && (standing.IsHandlingEditor || standing.IsEditorInChief),
            Who.InvitedReviewer => standing.IsPerson && standing.IsInvitedReviewer,
            Who.JournalAdministrator => standing.IsJournalAdministrator || standing.IsSystemAdministrator,
            Who.SystemAdministrator => standing.IsSystemAdministrator,
            Who.ThePortal => actor.IsSystem,
            Who.EditorOrReviewer => standing.IsPerson && (standing.IsJournalEditor || standing.IsReviewerOfIt),
            Who.ProductionEditor => standing.IsPerson && standing.IsProductionEditor,
            Who.TaskHolder => standing.IsPerson && (standing.IsTaskHolder || standing.IsProductionEditor),
            Who.ProofReader => standing.IsPerson && standing.IsTaskHolder,
            Who.IntegrityAnalyst => standing.IsPerson && standing.IsIntegrityAnalyst,
            _ => false
        };
        return allowed ? null : new Refusal.NotAuthorised(actor.Account, rule.Action, target, rule.Reason);
    }
}
