using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>The author sends the revised version, with a response to the reviewers, for the next round.</summary>
public sealed record SubmitRevision(string ResponseToReviewers) : SubmissionCommand;

/// <summary>Invites everyone who reviewed the previous round to review the revised version.</summary>
public sealed record ReinvitePreviousReviewers(DateTimeOffset RespondBy, DateTimeOffset ReviewDue) : SubmissionCommand;

public sealed record RevisionSubmitted(Guid Submission, int ManuscriptVersion, int Round, [property: Audience(TextAudience.Everyone)] string ResponseToReviewers,
    Guid By, DateTimeOffset At) : ISubmissionFact;

/// <summary>Revisions: the author answers a decision that asked for one with a new version, and its round may go to the same reviewers.</summary>
public static class Revisions
{
    internal static void Register(SubmissionUseCases cases) => cases
        .Command<SubmitRevision>(new(Who.SubmittingAuthor, "submit a revision", Permissions.OnlySubmittingAuthor), Submit)
        .Command<ReinvitePreviousReviewers>(new(Who.HandlingEditor, "invite the previous reviewers again", Invitations.OnlyHandlingEditor), Reinvite)
        .Fact<RevisionSubmitted>(SubmissionNarrative.Submission,
            (s, f) => s with
            {
                Status = SubmissionStatus.WithEditor,
                ManuscriptVersion = f.ManuscriptVersion,
                Round = f.Round,
                LastDecision = null,
                MessageToAuthor = null,
                ResponseToReviewers = f.ResponseToReviewers,
                Versions = s.WithVersion(f.ManuscriptVersion, f.At),
                LastChangedAt = f.At
            },
            (f, _) => $"submitted version {f.ManuscriptVersion} of the manuscript, a revision for round {f.Round}",
            (_, n) => n.Editors.Select(e => new Notice(e, NoticeKind.RevisionReceived, Notice.Nothing)));

    private static Decision Submit(SubmitRevision c, Submission s, SubmissionDeciding d)
    {
        if (s.Status != SubmissionStatus.RevisionRequested)
            return new Refusal.NotAllowedInState("submit a revision", s.Status.Describe(), "a revision answers a decision that asked for one");
        var errors = new List<FieldError>();
        if (s.Manuscript?.ForVersion != s.ManuscriptVersion + 1) errors.Add(new("manuscript", $"Upload the revised manuscript (version {s.ManuscriptVersion + 1}) first."));
        if (string.IsNullOrWhiteSpace(c.ResponseToReviewers)) errors.Add(new("response", "Say how the revision answers the reviewers."));
        else if (c.ResponseToReviewers.Length > Reviewing.CommentsMaxLength) errors.Add(new("response", $"Keep the response under {Reviewing.CommentsMaxLength} characters."));
        if (errors.Count > 0) return new Refusal.Invalid(errors);
        return Decision.Record(new RevisionSubmitted(s.Id, s.ManuscriptVersion + 1, s.Round + 1, c.ResponseToReviewers.Trim(), d.Actor.Account, d.Now));
    }

    private static Decision Reinvite(ReinvitePreviousReviewers c, Submission s, SubmissionDeciding d)
    {
        if (s.Status is not (SubmissionStatus.WithEditor or SubmissionStatus.UnderReview) || s.Round < 2)
            return new Refusal.NotAllowedInState("invite the previous reviewers again", s.Status.Describe(), "this is for a revised version in its new round");
        var previous = s.Assignments.Where(a => a.Round == s.Round - 1 && a.Status == InvitationStatus.Submitted)
            .Where(a => !s.CurrentRound.Any(current => current.Reviewer == a.Reviewer)).ToList();
        if (previous.Count == 0)
            return new Refusal.NotAllowedInState("invite the previous reviewers again", s.Status.Describe(), "everyone who reviewed the previous round is invited already, or nobody did");
        if (c.RespondBy <= d.Now || c.ReviewDue <= c.RespondBy) return new Refusal.Invalid("reviewDue", "Answer by a future date, with the review due after it.");
        return Decision.Record([.. previous.Select(a => new ReviewerInvited(s.Id, DeterministicGuid.From(s.Id, new Guid(s.Round, 0, 0, new byte[8]), a.Reviewer),
            a.Reviewer, s.Round, a.ReviewerNumber, c.RespondBy, c.ReviewDue, null, d.Actor.Account, d.Now))]);
    }
}
