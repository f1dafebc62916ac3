using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;

namespace EditorialPortal.Domain.Submissions;

/// <summary>Who may see a submission. Deciding who may change it is the decider's job.</summary>
public static class SubmissionAccess
{
    public static bool IsSubmittingAuthor(this Submission s, Actor actor) => s.SubmittingAuthor == actor.Account;

    /// <summary>Co-authors with an account see the submission they are listed on; only the submitting author acts.</summary>
    public static bool ListsAsAuthor(this Submission s, Actor actor) =>
        !actor.IsSystem && s.Authors.Any(a => EmailAddress.Same(a.Email, actor.Email));

    /// <summary>Editors see their journal's manuscripts once submitted; drafts stay the authors' own.</summary>
    public static bool CanRead(this Submission s, Actor actor, Journal? journal) =>
        s.IsSubmittingAuthor(actor)
        || s.ListsAsAuthor(actor)
        || (s.Status != SubmissionStatus.Draft && journal is not null && journal.Id == s.Journal && journal.IsEditor(actor.Account));
}
