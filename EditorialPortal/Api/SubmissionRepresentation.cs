using EditorialPortal.Contracts;
using EditorialPortal.Contracts.Submissions;
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
    IReadOnlyList<Domain.Integrity.IntegrityConcern> IntegrityConcerns,
    long Version,
    DateTimeOffset StartedAt,
    DateTimeOffset? SubmittedAt,
    IReadOnlyList<FieldError> Missing,
    IReadOnlyDictionary<string, Link> _links)
{
    public static SubmissionRepresentation Of(Submission s, Journal? journal, Actor actor, DateTimeOffset now, string self, string history, string manuscript)
    {
        var links = new Dictionary<string, Link> { [SubmissionRelations.Self] = new(self), [SubmissionRelations.History] = new(history) };
        if (s.Manuscript is not null) links[SubmissionRelations.Manuscript] = new(manuscript);
        var available = SubmissionActions.Available(s, journal, actor, now);
        foreach (var route in SubmissionRoutes.Commands.Where(route => route.OfferedWith is { } action && available.Contains(action)))
            links[route.Rel] = new($"{self}/{route.Path}", "POST");
        if (available.Contains(SubmissionAction.InviteReviewer)) links[SubmissionRelations.ReviewerCandidates] = new($"{self}/reviewer-candidates");
        var missing = s.Status == SubmissionStatus.Draft ? SubmissionRules.WhatIsMissing(s) : [];
        return new(s.Id, s.Journal, journal?.Title, s.Type, s.Status, s.Title, s.Abstract, s.Keywords, s.Authors, s.Manuscript,
            s.ManuscriptVersion, s.HandlingEditor, s.MessageToAuthor, s.Round, s.Assignments, s.LastDecision, s.WithdrawalReason,
            s.Versions, s.ReviewerPreferences, s.PendingRecommendation, s.IntegrityConcerns, s.Version, s.StartedAt, s.SubmittedAt, missing, links);
    }
}
