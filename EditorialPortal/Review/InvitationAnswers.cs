using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Notifications;

namespace EditorialPortal.Review;

/// <summary>An invitation as its emailed link shows it: enough to decide, nothing blinding hides.</summary>
public sealed record InvitationSummary(Guid Submission, Guid Invitation, string Reviewer, string Journal, string Title, string Abstract,
    string Status, DateTimeOffset RespondBy, DateTimeOffset ReviewDue, bool Open);

/// <summary>
/// Answering an invitation from the emailed link, without signing in. The signed token stands for the reviewer; the
/// decider still judges the answer against the invitation as it stands, so a stale link only tells what became of it.
/// </summary>
public sealed class InvitationAnswers(InvitationLinks links, IReviewRounds rounds, IAccountQueries accounts, ISubmissionQueries submissions,
    IJournalQueries journals, IEditorialDesk desk, TimeProvider clock)
{
    public async Task<InvitationSummary?> Open(string token) =>
        await Reviewer(token) is { } found ? await Summary(found.Actor, found.Submission, found.Invitation) : null;

    /// <summary>Accepts or declines; null when the link is not a valid one.</summary>
    public async Task<CommandOutcome?> Answer(string token, bool accept, string? reason = null, string? suggestion = null, CommandOptions? options = null)
    {
        if (await Reviewer(token) is not { } found) return null;
        SubmissionCommand command = accept ? new AcceptInvitation(found.Invitation) : new DeclineInvitation(found.Invitation, reason, suggestion);
        return await desk.Execute(found.Submission, command, found.Actor, options);
    }

    private async Task<(Actor Actor, Guid Submission, Guid Invitation)?> Reviewer(string token)
    {
        if (links.Read(token) is not var (submission, invitation)) return null;
        if (await rounds.ReviewerInvitedBy(submission, invitation) is not { } reviewer || await accounts.Find(reviewer) is not { } account) return null;
        return (new Actor(account.Id, account.Name, account.Email), submission, invitation);
    }

    private async Task<InvitationSummary?> Summary(Actor reviewer, Guid submission, Guid invitation)
    {
        // Read as the reviewer, so blinding applies exactly as on their own pages.
        if (await submissions.Find(submission, reviewer) is not { } s || s.Assignments.FirstOrDefault(a => a.Id == invitation) is not { } a) return null;
        var journal = await journals.Find(s.Journal);
        var now = clock.GetUtcNow();
        var open = a.Status == InvitationStatus.Invited && !a.IsExpired(now) && s.Status == SubmissionStatus.UnderReview && a.Round == s.Round;
        return new InvitationSummary(s.Id, a.Id, reviewer.Name, journal?.Title ?? "", s.Title, s.Abstract, a.Describe(now), a.RespondBy, a.ReviewDue, open);
    }
}
