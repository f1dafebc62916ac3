using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;

namespace EditorialPortal.Domain.Submissions;

/// <summary>
/// Every allowed change of a submission: (command, state) -> facts or a refusal. The actor's standing is weighed here,
/// once, against the command's rule; what the command then decides is its use case's (<see cref="SubmissionUseCases"/>).
/// </summary>
public static class SubmissionDecider
{
    /// <param name="journal">The journal the submission is (or is to be) in; null if there is no such journal.</param>
    /// <param name="subject">The account a command names (the editor to assign, the reviewer to invite), as it stands now; null if none or no such account.</param>
    /// <param name="coauthorsElsewhere">Email addresses of people who wrote other manuscripts in this system with this one's authors.</param>
    /// <param name="reviewerNames">The names of the manuscript's reviewers, so that a decision letter can be kept from naming them.</param>
    public static Decision Decide(Guid submission, SubmissionCommand command, Submission? state, Journal? journal, Actor actor, DateTimeOffset now,
        Account? subject = null, IReadOnlySet<string>? coauthorsElsewhere = null, IReadOnlyDictionary<Guid, string>? reviewerNames = null)
    {
        var useCase = SubmissionUseCases.All.Commands.For(command.GetType());
        var assignment = command is INamesAnInvitation named ? state?.Assignments.FirstOrDefault(a => a.Id == named.Assignment) : null;
        // A stranger learns nothing from the refusal: an unknown submission and someone else's read the same.
        var standing = new Standing(actor.IsPerson,
            IsSubmittingAuthor: state is not null && state.IsSubmittingAuthor(actor),
            IsEditorInChief: state is not null && journal is not null && journal.Id == state.Journal && journal.Grants(actor.Account, JournalRole.EditorInChief),
            // A handling editor who declared a conflict acts no more on the manuscript; the editor-in-chief reassigns it.
            IsHandlingEditor: state?.HandlingEditor is { } editor && editor == actor.Account && journal?.IsEditor(actor.Account) == true,
            IsInvitedReviewer: assignment is not null && assignment.Reviewer == actor.Account,
            IsJournalEditor: state is not null && state.IsEditorOf(actor, journal),
            IsReviewerOfIt: state is not null && state.Status != SubmissionStatus.Draft && state.Assignments.Any(a => a.Reviewer == actor.Account),
            IsAuthorOfIt: state is not null && state.IsAuthor(actor),
            HasDeclaredConflict: state is not null && state.DeclaredConflicts.Contains(actor.Account),
            IsIntegrityAnalyst: state is not null && journal is not null && journal.Id == state.Journal && journal.Grants(actor.Account, JournalRole.IntegrityAnalyst));
        if (Permissions.Check(command, actor, submission, standing) is { } refusal) return refusal;

        var deciding = new SubmissionDeciding(submission, journal, actor, now, standing, assignment, subject, coauthorsElsewhere ?? new HashSet<string>(), reviewerNames);
        return (useCase.Starts, state) switch
        {
            (true, { } existing) => new Refusal.NotAllowedInState(useCase.Rule.Action, existing.Status.Describe(), "this submission exists already"),
            (false, null) => new Refusal.NotAuthorised(actor.Account, useCase.Rule.Action, submission, "there is no such submission"),
            _ => useCase.Decide(command, state, deciding)
        };
    }

    /// <summary>The action a command performs, in the words of a refusal ("You may not change the title").</summary>
    public static string Describe(SubmissionCommand command) => Permissions.For(command).Action;
}
