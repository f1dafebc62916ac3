using System.Linq.Expressions;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;

namespace EditorialPortal.Domain.Submissions;

/// <summary>What needs doing next in a journal, queue by queue.</summary>
public enum EditorialQueue
{
    NeedsHandlingEditor,
    NeedsReviewers,
    ReviewsOverdue,
    ReadyForDecision,
    AwaitingConfirmation,
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
        EditorialQueue.AwaitingConfirmation => "Decisions to confirm",
        EditorialQueue.RevisionsDue => "Waiting for the author's revision",
        _ => queue.ToString()
    };

    public const int SearchMaxLength = 200;

    private static readonly SubmissionStatus[] InReviewOrWithEditor = [SubmissionStatus.WithEditor, SubmissionStatus.UnderReview];

    /// <summary>The editor's filters on a queue, each its own expression, for PostgreSQL and the in-memory adapter alike.</summary>
    public static IEnumerable<Expression<Func<Submission, bool>>> Filters(QueueRequest request)
    {
        if (request.HandlingEditor is { } editor) yield return s => s.HandlingEditor == editor;
        if (request.Type is { } type) yield return s => s.Type == type;
        if (request.Search?.Trim() is { Length: > 0 } search)
        {
            var text = search.Length > SearchMaxLength ? search[..SearchMaxLength] : search;
            yield return s => s.Title.Contains(text, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// The manuscripts an editor may judge, as an expression for both stores: none they wrote or declared a conflict
    /// with, which they meet only as their author (<see cref="SubmissionAccess.MayJudge"/> says the same of one).
    /// </summary>
    public static Expression<Func<Submission, bool>> MayBeJudgedBy(Actor editor)
    {
        var account = editor.Account;
        var email = EmailAddress.Normalise(editor.Email);
        return s => s.SubmittingAuthor != account && !s.Authors.Any(a => a.Email == email) && !s.DeclaredConflicts.Contains(account);
    }

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
            // Both statuses named as a set first, so that PostgreSQL reads just those two ranges of its index.
            EditorialQueue.NeedsReviewers => s => s.Journal == id && InReviewOrWithEditor.Contains(s.Status)
                && (s.Status == SubmissionStatus.WithEditor || s.ReviewersEngaged < required),
            EditorialQueue.ReviewsOverdue => s => s.Journal == id && s.Status == SubmissionStatus.UnderReview && s.EarliestReviewDue < now,
            EditorialQueue.ReadyForDecision => s => s.Journal == id && s.Status == SubmissionStatus.UnderReview && s.ReviewsIn >= required && !s.AwaitsConfirmation,
            EditorialQueue.AwaitingConfirmation => s => s.Journal == id && s.Status == SubmissionStatus.UnderReview && s.AwaitsConfirmation,
            EditorialQueue.RevisionsDue => s => s.Journal == id && s.Status == SubmissionStatus.RevisionRequested,
            _ => throw new ArgumentOutOfRangeException(nameof(queue), queue, null)
        };
    }

    /// <summary>
    /// The rule of <see cref="Holds(EditorialQueue, Journal, DateTimeOffset)"/> for submissions that share a standing, so
    /// that a queue's size is a sum over a journal's few standings rather than a count over its many submissions. Whether
    /// a review is overdue depends on the clock, which a standing does not know: that queue is never held by one.
    /// </summary>
    public static bool Holds(EditorialQueue queue, QueueStanding standing, int reviewsRequired) => queue switch
    {
        EditorialQueue.NeedsHandlingEditor => standing.Status == SubmissionStatus.Submitted,
        EditorialQueue.NeedsReviewers => standing.Status == SubmissionStatus.WithEditor
            || standing.Status == SubmissionStatus.UnderReview && standing.ReviewersEngaged < reviewsRequired,
        EditorialQueue.ReviewsOverdue => false,
        EditorialQueue.ReadyForDecision => standing.Status == SubmissionStatus.UnderReview && standing.ReviewsIn >= reviewsRequired && !standing.AwaitsConfirmation,
        EditorialQueue.AwaitingConfirmation => standing.Status == SubmissionStatus.UnderReview && standing.AwaitsConfirmation,
        EditorialQueue.RevisionsDue => standing.Status == SubmissionStatus.RevisionRequested,
        _ => throw new ArgumentOutOfRangeException(nameof(queue), queue, null)
    };
}

/// <summary>How many of a journal's submissions stand alike for the queues: in one status, with as many reviewers engaged and reviews in, and awaiting confirmation or not.</summary>
public sealed record QueueStanding(SubmissionStatus Status, int ReviewersEngaged, int ReviewsIn, bool AwaitsConfirmation, long Submissions)
{
    public static IReadOnlyList<QueueStanding> Of(IEnumerable<Submission> submissions) =>
    [
        .. submissions.GroupBy(s => (s.Status, s.ReviewersEngaged, s.ReviewsIn, s.AwaitsConfirmation))
            .Select(g => new QueueStanding(g.Key.Status, g.Key.ReviewersEngaged, g.Key.ReviewsIn, g.Key.AwaitsConfirmation, g.LongCount()))
    ];
}
