using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;

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
    EditorOrReviewer
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
    bool IsReviewerOfIt = false);

/// <summary>
/// The authorisation table: every command that exists, who may issue it, and why not. Deciders consult it before
/// anything else, so a refusal always names the rule it applied.
/// </summary>
public static class Permissions
{
    private const string OnlySubmittingAuthor = "only the submitting author changes a submission";
    private const string OnlyAccountHolder = "only the account holder changes an account";
    private const string OnlyEditorInChief = "only the journal's editor-in-chief triages new submissions";
    private const string OnlyHandlingEditor = "only the manuscript's handling editor or the editor-in-chief runs its review";
    private const string OnlyInvitedReviewer = "only the person invited answers an invitation and writes its review";

    public static readonly IReadOnlyDictionary<Type, Rule> Table = new Dictionary<Type, Rule>
    {
        [typeof(RegisterAccount)] = new(Who.Anyone, "register an account", ""),
        [typeof(ConfirmEmail)] = new(Who.Anyone, "confirm an email address", ""),
        [typeof(RequestEmailConfirmation)] = new(Who.Anyone, "ask for a confirmation link", ""),
        [typeof(SignIn)] = new(Who.Anyone, "sign in", ""),
        [typeof(RequestPasswordReset)] = new(Who.Anyone, "ask for a password reset", ""),
        [typeof(ResetPassword)] = new(Who.Anyone, "reset a password", ""),
        [typeof(ChangeProfile)] = new(Who.AccountHolder, "change a profile", OnlyAccountHolder),
        [typeof(ChangePassword)] = new(Who.AccountHolder, "change a password", OnlyAccountHolder),
        [typeof(CreateAccessToken)] = new(Who.AccountHolder, "create an access token", OnlyAccountHolder),
        [typeof(RevokeAccessToken)] = new(Who.AccountHolder, "revoke an access token", OnlyAccountHolder),
        [typeof(DeclareExpertise)] = new(Who.AccountHolder, "declare expertise", OnlyAccountHolder),
        [typeof(AppointSystemAdministrator)] = new(Who.SystemAdministrator, "appoint a system administrator", "only a system administrator appoints another"),
        [typeof(CreateJournal)] = new(Who.SystemAdministrator, "create a journal", "only a system administrator creates journals"),
        [typeof(GrantJournalRole)] = new(Who.JournalAdministrator, "grant a journal role", "only the journal's administrators grant roles"),
        [typeof(RevokeJournalRole)] = new(Who.JournalAdministrator, "revoke a journal role", "only the journal's administrators revoke roles"),
        [typeof(StartSubmission)] = new(Who.AnyPerson, "start a submission", "only a signed-in person can author a manuscript"),
        [typeof(SetTitle)] = new(Who.SubmittingAuthor, "change the title", OnlySubmittingAuthor),
        [typeof(SetAbstract)] = new(Who.SubmittingAuthor, "change the abstract", OnlySubmittingAuthor),
        [typeof(SetKeywords)] = new(Who.SubmittingAuthor, "change the keywords", OnlySubmittingAuthor),
        [typeof(SetAuthors)] = new(Who.SubmittingAuthor, "change the authors", OnlySubmittingAuthor),
        [typeof(SetReviewerPreferences)] = new(Who.SubmittingAuthor, "suggest or oppose reviewers", OnlySubmittingAuthor),
        [typeof(AttachManuscript)] = new(Who.SubmittingAuthor, "attach a manuscript file", OnlySubmittingAuthor),
        [typeof(SubmitManuscript)] = new(Who.SubmittingAuthor, "submit the manuscript", OnlySubmittingAuthor),
        [typeof(ReturnToAuthor)] = new(Who.EditorInChief, "return the manuscript to its author", OnlyEditorInChief),
        [typeof(DeskReject)] = new(Who.EditorInChief, "reject the manuscript at the desk", OnlyEditorInChief),
        [typeof(AssignHandlingEditor)] = new(Who.EditorInChief, "assign a handling editor", OnlyEditorInChief),
        [typeof(InviteReviewer)] = new(Who.HandlingEditor, "invite a reviewer", OnlyHandlingEditor),
        [typeof(RescindInvitation)] = new(Who.HandlingEditor, "withdraw an invitation", OnlyHandlingEditor),
        [typeof(RecordDecision)] = new(Who.HandlingEditor, "record a decision", OnlyHandlingEditor),
        [typeof(AcceptInvitation)] = new(Who.InvitedReviewer, "accept an invitation to review", OnlyInvitedReviewer),
        [typeof(DeclineInvitation)] = new(Who.InvitedReviewer, "decline an invitation to review", OnlyInvitedReviewer),
        [typeof(SubmitReview)] = new(Who.InvitedReviewer, "submit a review", OnlyInvitedReviewer),
        [typeof(SubmitRevision)] = new(Who.SubmittingAuthor, "submit a revision", OnlySubmittingAuthor),
        [typeof(ReinvitePreviousReviewers)] = new(Who.HandlingEditor, "invite the previous reviewers again", OnlyHandlingEditor),
        [typeof(RequestWithdrawal)] = new(Who.SubmittingAuthor, "ask to withdraw the manuscript", OnlySubmittingAuthor),
        [typeof(ConfirmWithdrawal)] = new(Who.HandlingEditor, "confirm a withdrawal", OnlyHandlingEditor),
        [typeof(DeclareConflict)] = new(Who.EditorOrReviewer, "declare a conflict of interest", "only the journal's editors and the manuscript's reviewers declare conflicts with it"),
        [typeof(ExtendDeadline)] = new(Who.HandlingEditor, "extend a reviewer's deadline", OnlyHandlingEditor),
        [typeof(ConfirmDecision)] = new(Who.EditorInChief, "confirm a decision", "only the journal's editor-in-chief confirms a recommended decision"),
        [typeof(ReturnRecommendation)] = new(Who.EditorInChief, "return a recommendation", "only the journal's editor-in-chief confirms a recommended decision"),
        [typeof(ChangeMailTemplate)] = new(Who.JournalAdministrator, "change the journal's mail", "only the journal's administrators word its mail"),
        [typeof(ChangeDecisionConfirmation)] = new(Who.JournalAdministrator, "change how decisions are confirmed", "only the journal's administrators set its policies"),
        [typeof(RescindDecision)] = new(Who.EditorInChief, "rescind a decision", "only the journal's editor-in-chief takes back a decision"),
        [typeof(SendReminder)] = new(Who.ThePortal, "send a reminder", "reminders go out on the journal's schedule, by the portal itself"),
        [typeof(ChangeReminderSchedule)] = new(Who.JournalAdministrator, "change the reminder schedule", "only the journal's administrators set its reminders")
    };

    public static Rule For(object command) =>
        Table.TryGetValue(command.GetType(), out var rule)
            ? rule
            : throw new InvalidOperationException($"{command.GetType().Name} has no line in the authorisation table.");

    /// <summary>The refusal for an actor without the standing the command's rule asks for, or null if they have it.</summary>
    public static Refusal? Check(object command, Actor actor, Guid target, Standing standing)
    {
        var rule = For(command);
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
            _ => false
        };
        return allowed ? null : new Refusal.NotAuthorised(actor.Account, rule.Action, target, rule.Reason);
    }
}
