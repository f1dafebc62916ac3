using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

public sealed record SubmitReview(Guid Assignment, Recommendation Recommendation, string CommentsToAuthor, string ConfidentialCommentsToEditor)
    : SubmissionCommand, INamesAnInvitation;

public sealed record ReviewSubmitted(Guid Submission, Guid Assignment, Recommendation Recommendation,
    [property: Audience(TextAudience.Everyone)] string CommentsToAuthor,
    [property: Audience(TextAudience.EditorsAndWhomItConcerns)] string ConfidentialCommentsToEditor,
    Guid By, DateTimeOffset At) : ISubmissionFact, IAboutAnInvitation;

/// <summary>A reviewer who accepted writes the review: comments for the author, comments for the editor alone, and a recommendation.</summary>
public static class Reviewing
{
    public const int CommentsMaxLength = 20_000;

    internal static void Register(SubmissionUseCases cases) => cases
        .Command<SubmitReview>(new(Who.InvitedReviewer, "submit a review", Invitations.OnlyInvitedReviewer), (c, s, d) => Submit(s, d.Assignment!, c, d))
        .Fact<ReviewSubmitted>(SubmissionNarrative.ReviewKind,
            (s, f) => s.WithAssignment(f.Assignment, a => a with
            {
                Status = InvitationStatus.Submitted,
                Review = new Review(f.Recommendation, f.CommentsToAuthor, f.ConfidentialCommentsToEditor, f.At)
            }, f.At),
            (_, _) => "submitted a review",
            (f, n) => n.Editors.Select(e => new Notice(e, NoticeKind.ReviewReceived, new Dictionary<string, string>
            {
                ["reviewer"] = n.ReviewerName(f.Assignment),
                ["decision"] = f.Recommendation.Describe().ToLowerInvariant()
            })),
            // When each review came in would tell authors who is quick and who is not: they learn of reviews with the decision.
            shown: (f, v) => v.Viewer == Blinding.Viewer.Author
                ? v.Submission.Assignments.FirstOrDefault(a => a.Id == f.Assignment) is { } reviewed && (reviewed.Round < v.Submission.Round || v.Submission.LastDecision is not null)
                : v.IsTheirs(f.Assignment));

    private static Decision Submit(Submission s, ReviewerAssignment a, SubmitReview c, SubmissionDeciding d)
    {
        if (a.Status != InvitationStatus.Accepted) return Invitations.Closed("submit a review", a, d.Now);
        if (s.Status != SubmissionStatus.UnderReview) return new Refusal.NotAllowedInState("submit a review", s.Status.Describe(), "the round has ended");
        if (a.Round != s.Round) return Invitations.RoundEnded("submit a review", a);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(c.CommentsToAuthor)) errors.Add(new("commentsToAuthor", "Write your comments for the author."));
        if (c.CommentsToAuthor.Length > CommentsMaxLength || c.ConfidentialCommentsToEditor.Length > CommentsMaxLength)
            errors.Add(new("commentsToAuthor", $"Keep each set of comments under {CommentsMaxLength} characters."));
        if (errors.Count > 0) return new Refusal.Invalid(errors);
        return Decision.Record(new ReviewSubmitted(s.Id, a.Id, c.Recommendation, c.CommentsToAuthor.Trim(), c.ConfidentialCommentsToEditor.Trim(), d.Actor.Account, d.Now));
    }
}
