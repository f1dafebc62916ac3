using System.Linq.Expressions;
using EditorialPortal.Domain.Journals;

namespace EditorialPortal.Domain.Submissions;

/// <summary>What needs doing next in a journal, queue by queue.</summary>
public enum EditorialQueue
{
    NeedsHandlingEditor,
    NeedsReviewers,
    ReviewsOverdue,
    ReadyForDecision,
    RevisionsDue
}

public static class EditorialQueues
{
    public static string Describe(this EditorialQueue queue) => queue switch
    {
        EditorialQueue.NeedsHandlingEditor => "Needs a handling editor",
        EditorialQueue.NeedsReviewers => "Needs reviewers",
        EditorialQueue.ReviewsOverdue => "Reviews overdue",
        EditorialQueue.ReadyForDecision => "Ready for decision",
        EditorialQueue.RevisionsDue => "Waiting for the author's revision",
        _ => queue.ToString()
    };

    /// <summary>
    /// Which of a journal's submissions are in a queue, as an expression: PostgreSQL evaluates it on indexed columns,
    /// and the in-memory adapter compiles the very same rule.
    /// </summary>
    public static Expression<Func<Submission, bool>> Holds(EditorialQueue queue, Journal journal, DateTimeOffset now)
    {
        var id = journal.Id;
        var required = journal.ReviewsRequired;
        return queue switch
        {
            EditorialQueue.NeedsHandlingEditor => s => s.Journal == id && s.Status == SubmissionStatus.Submitted,
            EditorialQueue.NeedsReviewers => s => s.Journal == id
                && (s.Status == SubmissionStatus.WithEditor || (s.Status == SubmissionStatus.UnderReview && s.ReviewersEngaged < required)),
            EditorialQueue.ReviewsOverdue => s => s.Journal == id && s.Status == SubmissionStatus.UnderReview && s.EarliestReviewDue < now,
            EditorialQueue.ReadyForDecision => s => s.Journal == id && s.Status == SubmissionStatus.UnderReview && s.ReviewsIn >= required,
            EditorialQueue.RevisionsDue => s => s.Journal == id && s.Status == SubmissionStatus.RevisionRequested,
            _ => throw new ArgumentOutOfRangeException(nameof(queue), queue, null)
        };
    }
}
