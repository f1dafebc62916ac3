using EditorialPortal.Domain.Common;

namespace EditorialPortal.Domain.Notifications;

/// <summary>What a person is told, one kind of email each.</summary>
public enum NoticeKind
{
    SubmissionReceived,
    NewSubmission,
    ReturnedToAuthor,
    HandlingEditorAssigned,
    ReviewInvitation,
    InvitationAccepted,
    InvitationDeclined,
    InvitationWithdrawn,
    ReviewReceived,
    DecisionLetter,
    RevisionReceived,
    WithdrawalRequested,
    Withdrawn,
    ReviewNoLongerNeeded,
    AnswerReminder,
    ReviewDueReminder,
    ReviewOverdueReminder,
    DeadlineExtended,
    DecisionRescinded,
    RecommendationToConfirm,
    RecommendationReturned,
    ConflictDeclared,
    IntegrityConcernRaised,
    IntegrityConcernLifted,
    DecisionToReviewers,
    EmailConfirmation,
    PasswordReset,
    AddressAlreadyRegistered,
    SignInsSlowed,
    PasswordChanged,
    ProductionStarted,
    InProduction,
    ProductionStopped,
    CopyeditAssigned,
    CopyeditDone,
    CopyeditsToReview,
    CopyeditReopened,
    CopyeditsAnswered,
    TypesettingAssigned,
    TypesettingDone,
    ProofsToRead,
    ProofsAnswered,
    ReadyToPublish,
    ProductionTaskOverdue,
    ArticlePublished,
    DepositFailed,
    NoticePublished,
    ArticleUnpublished,
    ArticleVersionPublished
}

public static class NoticeKinds
{
    public static string Describe(this NoticeKind kind) => kind switch
    {
        NoticeKind.SubmissionReceived => "To the author: manuscript received",
        NoticeKind.NewSubmission => "To the editors-in-chief: new submission",
        NoticeKind.ReturnedToAuthor => "To the author: returned before review",
        NoticeKind.HandlingEditorAssigned => "To the handling editor: assigned",
        NoticeKind.ReviewInvitation => "To a reviewer: invitation",
        NoticeKind.InvitationAccepted => "To the handling editor: invitation accepted",
        NoticeKind.InvitationDeclined => "To the handling editor: invitation declined",
        NoticeKind.InvitationWithdrawn => "To a reviewer: invitation withdrawn",
        NoticeKind.ReviewReceived => "To the handling editor: review in",
        NoticeKind.DecisionLetter => "To the author: decision letter (its subject is the decision letter's)",
        NoticeKind.RevisionReceived => "To the handling editor: revision in",
        NoticeKind.WithdrawalRequested => "To the handling editor: author asks to withdraw",
        NoticeKind.Withdrawn => "To the author: withdrawal confirmed",
        NoticeKind.ReviewNoLongerNeeded => "To a reviewer: manuscript withdrawn",
        NoticeKind.AnswerReminder => "To a reviewer: reminder to answer",
        NoticeKind.ReviewDueReminder => "To a reviewer: review due soon",
        NoticeKind.ReviewOverdueReminder => "To a reviewer: review overdue",
        NoticeKind.DeadlineExtended => "To a reviewer: more time",
        NoticeKind.DecisionRescinded => "To the author and editor: decision rescinded",
        NoticeKind.RecommendationToConfirm => "To the editors-in-chief: decision to confirm",
        NoticeKind.RecommendationReturned => "To the handling editor: recommendation returned",
        NoticeKind.ConflictDeclared => "To the editors: a conflict of interest declared",
        NoticeKind.IntegrityConcernRaised => "To the editors: an integrity concern raised",
        NoticeKind.IntegrityConcernLifted => "To the editors: an integrity concern lifted",
        NoticeKind.DecisionToReviewers => "To the reviewers: the decision, when the journal tells them",
        NoticeKind.EmailConfirmation => "To a new account holder: confirm your email address",
        NoticeKind.PasswordReset => "To an account holder: reset your password",
        NoticeKind.AddressAlreadyRegistered => "To an account holder: someone tried to register with your address",
        NoticeKind.SignInsSlowed => "To an account holder: wrong passwords given",
        NoticeKind.PasswordChanged => "To an account holder: your password was changed",
        NoticeKind.ProductionStarted => "To the production editors: an accepted article to produce",
        NoticeKind.InProduction => "To the author: the article is in production",
        NoticeKind.ProductionStopped => "To the production staff: production stopped",
        NoticeKind.CopyeditAssigned => "To a copyeditor: a copyedit",
        NoticeKind.CopyeditDone => "To the production editors: a copyedit finished",
        NoticeKind.CopyeditsToReview => "To the author: the copyedits to review",
        NoticeKind.CopyeditReopened => "To a copyeditor: a copyedit reopened",
        NoticeKind.CopyeditsAnswered => "To the production editors: the author's answer to the copyedits",
        NoticeKind.TypesettingAssigned => "To a typesetter: a typesetting round",
        NoticeKind.TypesettingDone => "To the production editors: a typesetting round finished",
        NoticeKind.ProofsToRead => "To the author or a proofreader: proofs to read",
        NoticeKind.ProofsAnswered => "To the production editors: the answer to the proofs",
        NoticeKind.ReadyToPublish => "To the author: the article is ready to publish",
        NoticeKind.ProductionTaskOverdue => "To a copyeditor, typesetter or proofreader: a task overdue",
        NoticeKind.ArticlePublished => "To the authors: the article is published",
        NoticeKind.DepositFailed => "To the production editors: Crossref refused a DOI deposit",
        NoticeKind.NoticePublished => "To the authors: a correction, expression of concern or retraction of the article",
        NoticeKind.ArticleUnpublished => "To the authors: the article is taken down",
        NoticeKind.ArticleVersionPublished => "To the authors: a new version of the article is published",
        _ => kind.ToString()
    };
}

/// <summary>
/// A journal's email for one kind of notice. Placeholders: {recipient}, {journal}, {title}, {abstract}, {link},
/// {respond-by}, {review-due}, {reviewer}, {reason}, {letter}, {decision}, {due} in production tasks, {doi}, {notice} and {production-link} in publication, and
/// {invitation-link} in invitations.
/// </summary>
public sealed record MailTemplate(NoticeKind Kind, string Subject, string Body)
{
    /// <summary>Filled in when the mail leaves, so that the secret in the link never enters the record.</summary>
    public const string InvitationLink = "{invitation-link}";

    public string Fill(IReadOnlyDictionary<string, string> values, string text) =>
        values.Aggregate(text, (filled, value) => filled.Replace("{" + value.Key + "}", value.Value)).Trim();

    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 10_000;

    public static IReadOnlyList<string> Placeholders =>
        ["{recipient}", "{journal}", "{title}", "{abstract}", "{link}", "{respond-by}", "{review-due}", "{reviewer}", "{reason}", "{letter}", "{decision}", "{due}", "{doi}",
            "{notice}", "{production-link}", InvitationLink];

    /// <summary>What is wrong with a journal's wording, if anything: an invitation or an answer reminder must keep its answer link.</summary>
    public static IReadOnlyList<FieldError> Check(NoticeKind kind, string subject, string body)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > SubjectMaxLength) errors.Add(new("subject", $"Give a subject of at most {SubjectMaxLength} characters."));
        if (string.IsNullOrWhiteSpace(body) || body.Length > BodyMaxLength) errors.Add(new("body", $"Give a body of at most {BodyMaxLength} characters."));
        else if (kind is NoticeKind.ReviewInvitation or NoticeKind.AnswerReminder && !body.Contains(InvitationLink, StringComparison.Ordinal))
            errors.Add(new("body", $"Keep {InvitationLink} in the body: it is how reviewers answer without signing in."));
        return errors;
    }

    public static MailTemplate For(IEnumerable<MailTemplate> journalTemplates, NoticeKind kind) =>
        journalTemplates.FirstOrDefault(t => t.Kind == kind) ?? Defaults.First(t => t.Kind == kind);

    private const string Signature = "\n\n{journal}";

    public static IReadOnlyList<MailTemplate> Defaults =>
    [
        new(NoticeKind.SubmissionReceived, "We received your manuscript",
            "Dear {recipient},\n\nThank you for submitting \"{title}\" to {journal}. The editors will look at it soon; you can follow its progress at {link}" + Signature),
        new(NoticeKind.NewSubmission, "New submission: {title}",
            "Dear {recipient},\n\n\"{title}\" has been submitted to {journal} and waits for triage: {link}" + Signature),
        new(NoticeKind.ReturnedToAuthor, "Your manuscript needs changes before review",
            "Dear {recipient},\n\nThe editors returned \"{title}\" to you before review:\n\n{reason}\n\nPlease make the changes and submit it again: {link}" + Signature),
        new(NoticeKind.HandlingEditorAssigned, "You are the handling editor of \"{title}\"",
            "Dear {recipient},\n\nYou have been assigned as handling editor of \"{title}\". Please invite reviewers: {link}" + Signature),
        new(NoticeKind.ReviewInvitation, "Invitation to review for {journal}",
            "Dear {recipient},\n\nWould you review \"{title}\" for {journal}?\n\nAbstract:\n{abstract}\n\nPlease answer by {respond-by}; the review would be due on {review-due}.\n\n" +
            "Accept or decline here, without signing in: {invitation-link}\n\nOr sign in and open {link}" + Signature),
        new(NoticeKind.InvitationAccepted, "{reviewer} agreed to review \"{title}\"",
            "Dear {recipient},\n\n{reviewer} accepted the invitation to review \"{title}\"; the review is due on {review-due}.\n\n{link}" + Signature),
        new(NoticeKind.InvitationDeclined, "{reviewer} declined to review \"{title}\"",
            "Dear {recipient},\n\n{reviewer} declined the invitation to review \"{title}\".\n\n{reason}\n\nYou may want to invite someone else: {link}" + Signature),
        new(NoticeKind.InvitationWithdrawn, "Your review of \"{title}\" is no longer needed",
            "Dear {recipient},\n\nThe editor has withdrawn the invitation to review \"{title}\":\n\n{reason}\n\nThank you for your time." + Signature),
        new(NoticeKind.ReviewReceived, "A review of \"{title}\" is in",
            "Dear {recipient},\n\n{reviewer} submitted a review of \"{title}\" ({decision}).\n\n{link}" + Signature),
        new(NoticeKind.DecisionLetter, "Decision on \"{title}\"", "{letter}\n\n{link}"),
        new(NoticeKind.RevisionReceived, "Revised manuscript: \"{title}\"",
            "Dear {recipient},\n\nThe author has submitted a revised version of \"{title}\" with a response to the reviewers: {link}" + Signature),
        new(NoticeKind.WithdrawalRequested, "The author asks to withdraw \"{title}\"",
            "Dear {recipient},\n\nThe author asks to withdraw \"{title}\":\n\n{reason}\n\nPlease confirm the withdrawal: {link}" + Signature),
        new(NoticeKind.Withdrawn, "\"{title}\" is withdrawn",
            "Dear {recipient},\n\nThe withdrawal of \"{title}\" from {journal} is confirmed. Nothing more will happen to it." + Signature),
        new(NoticeKind.ReviewNoLongerNeeded, "Your review of \"{title}\" is no longer needed",
            "Dear {recipient},\n\nThe author has withdrawn \"{title}\", so your review is no longer needed. Thank you for your time." + Signature),
        new(NoticeKind.AnswerReminder, "Reminder: please answer the invitation to review \"{title}\"",
            "Dear {recipient},\n\nWe would be grateful for your answer to our invitation to review \"{title}\" by {respond-by}.\n\n" +
            "Accept or decline here, without signing in: {invitation-link}" + Signature),
        new(NoticeKind.ReviewDueReminder, "Reminder: your review of \"{title}\" is due on {review-due}",
            "Dear {recipient},\n\nYour review of \"{title}\" is due on {review-due}: {link}" + Signature),
        new(NoticeKind.ReviewOverdueReminder, "Your review of \"{title}\" is overdue",
            "Dear {recipient},\n\nYour review of \"{title}\" was due on {review-due}. Please send it as soon as you can, or tell the editor if you cannot: {link}" + Signature),
        new(NoticeKind.DeadlineExtended, "More time for \"{title}\"",
            "Dear {recipient},\n\nThe editor has extended your deadlines for \"{title}\": answer by {respond-by}, review due on {review-due}.\n\n{link}" + Signature),
        new(NoticeKind.DecisionRescinded, "The decision on \"{title}\" has been rescinded",
            "Dear {recipient},\n\nThe editor-in-chief has rescinded the decision ({decision}) on \"{title}\":\n\n{reason}\n\nA new decision will follow: {link}" + Signature),
        new(NoticeKind.RecommendationToConfirm, "Please confirm the decision on \"{title}\"",
            "Dear {recipient},\n\nThe handling editor recommends: {decision}. The letter to the author waits for your confirmation: {link}" + Signature),
        new(NoticeKind.ConflictDeclared, "{reviewer} declared a conflict of interest with \"{title}\"",
            "Dear {recipient},\n\n{reviewer} cannot judge \"{title}\" fairly:\n\n{reason}\n\nThey will neither handle nor review it. {link}" + Signature),
        new(NoticeKind.IntegrityConcernRaised, "An integrity concern about \"{title}\"",
            "Dear {recipient},\n\nThe journal's integrity analysts have raised a concern about \"{title}\":\n\n{reason}\n\n{hold} " +
            "The authors and reviewers are not told. {link}" + Signature),
        new(NoticeKind.IntegrityConcernLifted, "The integrity concern about \"{title}\" is lifted",
            "Dear {recipient},\n\nThe journal's integrity analysts have lifted their concern about \"{title}\":\n\n{reason}\n\n{link}" + Signature),
        new(NoticeKind.DecisionToReviewers, "The decision on \"{title}\"",
            "Dear {recipient},\n\nThank you again for reviewing \"{title}\" for {journal}. The editor has decided: {decision}.\n\n" +
            "The reviews and the decision are at {link}" + Signature),
        new(NoticeKind.RecommendationReturned, "Your recommendation on \"{title}\" came back",
            "Dear {recipient},\n\nThe editor-in-chief returned your recommended decision on \"{title}\":\n\n{reason}\n\n{link}" + Signature),
        new(NoticeKind.ProductionStarted, "Accepted, to produce: \"{title}\"",
            "Dear {recipient},\n\n\"{title}\" has been accepted and waits for its production to begin: {link}" + Signature),
        new(NoticeKind.InProduction, "\"{title}\" is in production",
            "Dear {recipient},\n\nCongratulations again: \"{title}\" is now in production at {journal}. We will send you the copyedits and the proofs to check; " +
            "you can follow the article at {link}" + Signature),
        new(NoticeKind.ProductionStopped, "Production of \"{title}\" is stopped",
            "Dear {recipient},\n\nThe production of \"{title}\" is stopped: {reason}. Please leave its tasks until you hear more.\n\n{link}" + Signature),
        new(NoticeKind.CopyeditAssigned, "Please copyedit \"{title}\" by {due}",
            "Dear {recipient},\n\nYou have been given the copyedit of \"{title}\", due on {due}. The files to start from and the production editor's notes are at {link}" + Signature),
        new(NoticeKind.CopyeditDone, "A copyedit of \"{title}\" is finished",
            "Dear {recipient},\n\nA copyedit of \"{title}\" is finished: {link}" + Signature),
        new(NoticeKind.CopyeditsToReview, "Please review the copyedits of \"{title}\"",
            "Dear {recipient},\n\nThe copyedits of \"{title}\" are ready for you. Please accept them or send your corrections: {link}" + Signature),
        new(NoticeKind.CopyeditReopened, "The copyedit of \"{title}\" is open again",
            "Dear {recipient},\n\nThe production editor reopened your copyedit of \"{title}\":\n\n{reason}\n\n{link}" + Signature),
        new(NoticeKind.CopyeditsAnswered, "The author answered the copyedits of \"{title}\"",
            "Dear {recipient},\n\n{reason}\n\n{link}" + Signature),
        new(NoticeKind.TypesettingAssigned, "Please typeset \"{title}\" by {due}",
            "Dear {recipient},\n\nYou have been given a typesetting round of \"{title}\", due on {due}. The source files are at {link}" + Signature),
        new(NoticeKind.TypesettingDone, "The galleys of \"{title}\" are in",
            "Dear {recipient},\n\nA typesetting round of \"{title}\" is finished; its galleys are ready for proofs: {link}" + Signature),
        new(NoticeKind.ProofsToRead, "Proofs of \"{title}\" to read by {due}",
            "Dear {recipient},\n\nThe proofs of \"{title}\" are ready. Please read them as readers will see them, and approve them or ask for corrections by {due}: {link}" + Signature),
        new(NoticeKind.ProofsAnswered, "The proofs of \"{title}\" are answered",
            "Dear {recipient},\n\n{reason}\n\n{link}" + Signature),
        new(NoticeKind.ReadyToPublish, "\"{title}\" is ready to publish",
            "Dear {recipient},\n\n\"{title}\" is ready to publish in {journal}. We will tell you when it appears: {link}" + Signature),
        new(NoticeKind.ProductionTaskOverdue, "Your task on \"{title}\" was due on {due}",
            "Dear {recipient},\n\nYour task on \"{title}\" was due on {due}. Please finish it as soon as you can, or tell the production editor if you cannot: {link}" + Signature),
        new(NoticeKind.ArticlePublished, "\"{title}\" is published",
            "Dear {recipient},\n\n\"{title}\" is published in {journal}{doi}. Readers find it here: {link}" + Signature),
        new(NoticeKind.DepositFailed, "Crossref refused the DOI deposit of \"{title}\"",
            "Dear {recipient},\n\nCrossref refused the deposit of the DOI of \"{title}\":\n\n{reason}\n\nThe article stays published. Once the cause is put right, deposit it again from its production page: {production-link}" + Signature),
        new(NoticeKind.NoticePublished, "{notice}: \"{title}\"",
            "Dear {recipient},\n\n{journal} has published a notice about \"{title}\" ({notice}):\n\n{reason}\n\nThe article and the notice are here: {link}" + Signature),
        new(NoticeKind.ArticleUnpublished, "\"{title}\" is taken down",
            "Dear {recipient},\n\n{journal} has taken \"{title}\" down, for this reason:\n\n{reason}\n\nIts address and DOI now lead to a page that says so: {link}" + Signature),
        new(NoticeKind.ArticleVersionPublished, "Version {version} of \"{title}\" is published",
            "Dear {recipient},\n\n{journal} has published version {version} of \"{title}\", a {kind}:\n\n{note}\n\nReaders get the new version at the article's address, where the earlier versions stay readable: {link}" + Signature)
    ];
}
