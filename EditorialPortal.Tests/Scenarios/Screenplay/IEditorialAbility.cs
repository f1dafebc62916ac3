using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>
/// What a signed-in person can do, through one protocol: in-process, over HTTP, or in a browser.
/// Every answer is what that person was told, never what a back door knows.
/// </summary>
public interface IEditorialAbility : IProductionAbility, IAsyncDisposable
{
    /// <summary>Dialogs that script on the person's pages opened; only a browser runs script, so elsewhere none.</summary>
    int ScriptsRun => 0;

    /// <summary>Starts a submission; answers its id, or the refusal the person was shown.</summary>
    Task<(Guid? Submission, SeenRefusal? Refusal)> StartSubmission(Guid journal, ManuscriptType type);

    /// <summary>Changes a submission; answers null when accepted, else the refusal the person was shown.</summary>
    Task<SeenRefusal?> Execute(Guid submission, SubmissionCommand command);

    Task<SeenRefusal?> AttachManuscript(Guid submission, string fileName, byte[] content);

    /// <summary>The journal's new-submissions queue, first page, newest first; null if the person is told it is not theirs to see.</summary>
    Task<IReadOnlyList<QueuedManuscript>?> NewSubmissions(Guid journal);

    /// <summary>As the journal's administrator: the manuscripts no editor-in-chief may judge; null if the person is told it is not theirs to see.</summary>
    Task<IReadOnlyList<QueuedManuscript>?> NeedingAnEditorWithoutAConflict(Guid journal);

    /// <summary>Gives a person a role in a journal, as its administrator does from the journal's people screen.</summary>
    Task<SeenRefusal?> Grant(Guid journal, string email, JournalRole role);

    Task<SeenRefusal?> Revoke(Guid journal, Guid account, JournalRole role);

    /// <summary>The journals whose reviewer pool the person's reviewer screens show.</summary>
    Task<IReadOnlyList<string>> ReviewerJournals();

    /// <summary>As handling editor: invites the person with this email to review, due in four weeks.</summary>
    Task<SeenRefusal?> InviteReviewer(Guid submission, string email, string? conflictReason = null);

    /// <summary>As an invited reviewer: accepts, or declines with a reason and a suggestion.</summary>
    Task<SeenRefusal?> AnswerInvitation(Guid submission, bool accept, string? reason = null, string? suggestion = null);

    Task<SeenRefusal?> SubmitReview(Guid submission, Recommendation recommendation, string commentsToAuthor, string confidentialCommentsToEditor);

    /// <summary>As handling editor: records the round's decision with its letter.</summary>
    Task<SeenRefusal?> Decide(Guid submission, DecisionKind decision, string letter, string? earlyDecisionReason = null);

    /// <summary>The reviews the person is shown on the submission, as they are labelled there.</summary>
    Task<IReadOnlyList<SeenReview>> ReviewsShown(Guid submission);

    /// <summary>The submission page as the person sees it, or null if they are told there is no such submission.</summary>
    Task<SubmissionSighting?> Open(Guid submission);

    /// <summary>The submission as it stood after fact <paramref name="version"/> of its history, or null if the person may not see it.</summary>
    Task<SubmissionSighting?> OpenAsItWas(Guid submission, long version);

    /// <summary>Everything the person is given when they read the submission's historical record (for searching it), or null if refused.</summary>
    Task<string?> ReadRecordOf(Guid submission);

    /// <summary>Has every chain of the record verified; null if the person may not.</summary>
    Task<IReadOnlyList<(Guid Stream, long Version)>?> VerifyRecord();
}

/// <summary>A refusal as a person met it: its kind, and the fields it named.</summary>
public sealed record SeenRefusal(string Kind, IReadOnlyList<string> Fields);

public sealed record QueuedManuscript(Guid Submission, string Title);

/// <summary>A review as a person is shown it: how its reviewer is called, and what they wrote.</summary>
public sealed record SeenReview(string Reviewer, string CommentsToAuthor, string ConfidentialCommentsToEditor);

public sealed record SubmissionSighting(string Status, string Title, IReadOnlyList<string> History, IReadOnlyList<string> Authors);
