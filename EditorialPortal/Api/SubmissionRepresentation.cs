using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Api;

/// <summary>A submission as the API shows it: its current state, what is missing, and links to the actions open to the caller now.</summary>
public sealed record SubmissionRepresentation(
    Guid Id,
    Guid Journal,
    string? JournalTitle,
    ManuscriptType Type,
    SubmissionStatus Status,
    string Title,
    string Abstract,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<ContributingAuthor> Authors,
    ManuscriptFile? Manuscript,
    int ManuscriptVersion,
    Guid? HandlingEditor,
    string? MessageToAuthor,
    int Round,
    IReadOnlyList<ReviewerAssignment> Assignments,
    DecisionKind? LastDecision,
    string? WithdrawalReason,
    IReadOnlyList<SubmittedVersion> Versions,
    IReadOnlyList<ReviewerPreference> ReviewerPreferences,
    DecisionRecommended? PendingRecommendation,
    long Version,
    DateTimeOffset StartedAt,
    DateTimeOffset? SubmittedAt,
    IReadOnlyList<FieldError> Missing,
    IReadOnlyDictionary<string, Link> _links)
{
    public static SubmissionRepresentation Of(Submission s, Journal? journal, Actor actor, DateTimeOffset now, string self, string history, string manuscript)
    {
        var links = new Dictionary<string, Link> { ["self"] = new(self), ["history"] = new(history) };
        if (s.Manuscript is not null) links["manuscript"] = new(manuscript);
        foreach (var action in SubmissionActions.Available(s, journal, actor, now))
        {
            switch (action)
            {
                case SubmissionAction.ChangeMetadata:
                    links["set-title"] = new($"{self}/title", "POST");
                    links["set-abstract"] = new($"{self}/abstract", "POST");
                    links["set-keywords"] = new($"{self}/keywords", "POST");
                    links["set-authors"] = new($"{self}/authors", "POST");
                    links["set-reviewer-preferences"] = new($"{self}/reviewer-preferences", "POST");
                    break;
                case SubmissionAction.AttachManuscript:
                    links["attach-manuscript"] = new(manuscript, "POST");
                    break;
                case SubmissionAction.Submit:
                    links["submit"] = new($"{self}/submit", "POST");
                    break;
                case SubmissionAction.ReturnToAuthor:
                    links["return-to-author"] = new($"{self}/return-to-author", "POST");
                    break;
                case SubmissionAction.DeskReject:
                    links["desk-reject"] = new($"{self}/desk-rejection", "POST");
                    break;
                case SubmissionAction.AssignHandlingEditor:
                    links["assign-handling-editor"] = new($"{self}/handling-editor", "POST");
                    break;
                case SubmissionAction.InviteReviewer:
                    links["invite-reviewer"] = new($"{self}/reviewers", "POST");
                    links["reviewer-candidates"] = new($"{self}/reviewer-candidates");
                    break;
                case SubmissionAction.RecordDecision:
                    links["record-decision"] = new($"{self}/decision", "POST");
                    break;
                case SubmissionAction.SubmitRevision:
                    links["submit-revision"] = new($"{self}/revision", "POST");
                    break;
                case SubmissionAction.RequestWithdrawal:
                    links["request-withdrawal"] = new($"{self}/withdrawal-request", "POST");
                    break;
                case SubmissionAction.ConfirmWithdrawal:
                    links["confirm-withdrawal"] = new($"{self}/withdrawal", "POST");
                    break;
                case SubmissionAction.ConfirmDecision:
                    links["confirm-decision"] = new($"{self}/decision/confirmation", "POST");
                    links["return-recommendation"] = new($"{self}/decision/return", "POST");
                    break;
                case SubmissionAction.DeclareConflict:
                    links["declare-conflict"] = new($"{self}/conflict", "POST");
                    break;
                case SubmissionAction.RescindDecision:
                    links["rescind-decision"] = new($"{self}/decision/rescission", "POST");
                    break;
                case SubmissionAction.ReinvitePreviousReviewers:
                    links["reinvite-previous-reviewers"] = new($"{self}/reviewers/previous-round", "POST");
                    break;
            }
        }
        var missing = s.Status == SubmissionStatus.Draft ? SubmissionRules.WhatIsMissing(s) : [];
        return new(s.Id, s.Journal, journal?.Title, s.Type, s.Status, s.Title, s.Abstract, s.Keywords, s.Authors, s.Manuscript,
            s.ManuscriptVersion, s.HandlingEditor, s.MessageToAuthor, s.Round, s.Assignments, s.LastDecision, s.WithdrawalReason,
            s.Versions, s.ReviewerPreferences, s.PendingRecommendation, s.Version, s.StartedAt, s.SubmittedAt, missing, links);
    }
}
