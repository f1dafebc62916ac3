using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;

namespace EditorialPortal.Domain.Submissions;

/// <summary>Who may see a submission. Deciding who may change it is the decider's job; what of it each may see is <see cref="Blinding"/>'s.</summary>
public static class SubmissionAccess
{
    public static bool IsSubmittingAuthor(this Submission s, Actor actor) => s.SubmittingAuthor == actor.Account;

    /// <summary>Co-authors with an account see the submission they are listed on; only the submitting author acts.</summary>
    public static bool ListsAsAuthor(this Submission s, Actor actor) =>
        !actor.IsSystem && s.Authors.Any(a => EmailAddress.Same(a.Email, actor.Email));

    public static bool IsAuthor(this Submission s, Actor actor) => s.IsSubmittingAuthor(actor) || s.ListsAsAuthor(actor);

    /// <summary>Someone invited to review it who has not declined and whose invitation was not withdrawn.</summary>
    public static bool IsReviewer(this Submission s, Actor actor) =>
        s.Assignments.Any(a => a.Reviewer == actor.Account && a.Status is InvitationStatus.Invited or InvitationStatus.Accepted or InvitationStatus.Submitted);

    /// <summary>Editors see their journal's manuscripts once submitted; drafts stay the authors' own.</summary>
    public static bool IsEditorOf(this Submission s, Actor actor, Journal? journal) =>
        s.Status != SubmissionStatus.Draft && journal is not null && journal.Id == s.Journal && journal.IsEditor(actor.Account);

    /// <summary>Integrity analysts and journal administrators read the journal's whole record, drafts included, to prove what happened.</summary>
    public static bool KeepsRecordOf(this Submission s, Actor actor, Journal? journal) =>
        journal is not null && journal.Id == s.Journal && journal.KeepsRecord(actor.Account);

    public static bool CanRead(this Submission s, Actor actor, Journal? journal) =>
        s.IsAuthor(actor) || s.IsEditorOf(actor, journal) || (s.Status != SubmissionStatus.Draft && s.IsReviewer(actor)) || s.KeepsRecordOf(actor, journal);
}
