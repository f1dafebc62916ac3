using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>Someone the handling editor might invite, with how busy and how quick they are, and why they might not be fair.</summary>
/// <param name="MedianDaysToReview">From accepting to submitting, over the reviews of the last year; null without any.</param>
public sealed record ReviewerCandidate(Guid Account, string Name, string Email, string Affiliation, IReadOnlyList<string> Expertise,
    int OpenReviews, int CompletedInLastYear, double? MedianDaysToReview, IReadOnlyList<string> Warnings, bool RuledOut, string? SuggestedBecause);

/// <summary>The journal's reviewers (and anyone the authors suggest who has an account), described for one manuscript.</summary>
public static class ReviewerPool
{
    public const int MaxResults = 20;

    /// <summary>Whether the person's name, affiliation, email or declared expertise contains every word of the search.</summary>
    public static bool Matches(Account a, string? search) =>
        string.IsNullOrWhiteSpace(search) || search.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).All(word =>
            a.Name.Contains(word, StringComparison.OrdinalIgnoreCase) || a.Affiliation.Contains(word, StringComparison.OrdinalIgnoreCase)
            || a.Email.Contains(word, StringComparison.OrdinalIgnoreCase) || a.Expertise.Any(e => e.Contains(word, StringComparison.OrdinalIgnoreCase)));

    /// <param name="theirs">Every submission on which the candidate has been invited to review.</param>
    public static ReviewerCandidate Describe(Account candidate, Submission forThis, IEnumerable<Submission> theirs, DateTimeOffset now)
    {
        var assignments = theirs.SelectMany(s => s.Assignments.Where(a => a.Reviewer == candidate.Id).Select(a => (Submission: s, Assignment: a))).ToList();
        var open = assignments.Count(x => x.Submission.Status == SubmissionStatus.UnderReview && x.Assignment.Round == x.Submission.Round && x.Assignment.IsOpen(now));
        var recent = assignments.Where(x => x.Assignment is { Status: InvitationStatus.Submitted, AcceptedAt: not null, Review: not null }
                                            && x.Assignment.Review.SubmittedAt > now.AddYears(-1))
            .Select(x => (x.Assignment.Review!.SubmittedAt - x.Assignment.AcceptedAt!.Value).TotalDays).Order().ToList();
        double? median = recent.Count == 0 ? null : recent.Count % 2 == 1 ? recent[recent.Count / 2] : (recent[recent.Count / 2 - 1] + recent[recent.Count / 2]) / 2;
        var suggested = forThis.ReviewerPreferences.FirstOrDefault(p => !p.Opposed && EmailAddress.Same(p.Email, candidate.Email));
        return new ReviewerCandidate(candidate.Id, candidate.Name, candidate.Email, candidate.Affiliation, candidate.Expertise, open, recent.Count,
            median is null ? null : Math.Round(median.Value, 1), ConflictsOfInterest.ReviewerWarnings(forThis, candidate, new HashSet<string>()),
            ConflictsOfInterest.RulesOutReviewer(forThis, candidate) || candidate.Id == forThis.HandlingEditor,
            suggested is null ? null : suggested.Reason.Length > 0 ? suggested.Reason : "suggested by the authors");
    }

    /// <summary>Suggested first, then those who may review, least busy first.</summary>
    public static IReadOnlyList<ReviewerCandidate> Ranked(IEnumerable<ReviewerCandidate> candidates) =>
        [.. candidates.OrderBy(c => c.RuledOut).ThenBy(c => c.SuggestedBecause is null).ThenBy(c => c.Warnings.Count > 0).ThenBy(c => c.OpenReviews).ThenBy(c => c.Name).Take(MaxResults)];
}

public interface IReviewerPool
{
    /// <summary>Candidates to review the submission, matching the search; null unless the actor edits it.</summary>
    Task<IReadOnlyList<ReviewerCandidate>?> Search(Guid submission, Actor editor, string? search);
}
