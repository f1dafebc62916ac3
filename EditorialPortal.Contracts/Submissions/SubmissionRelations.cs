namespace EditorialPortal.Contracts.Submissions;

/// <summary>
/// The link relations of a submission's representation: a client looks for the relation of what it means to do among
/// the submission's <c>_links</c>, and finds it there only when the portal would let it.
/// </summary>
public static class SubmissionRelations
{
    public const string Self = "self";
    public const string History = "history";
    public const string Manuscript = "manuscript";
    public const string SetTitle = "set-title";
    public const string SetAbstract = "set-abstract";
    public const string SetKeywords = "set-keywords";
    public const string SetAuthors = "set-authors";
    public const string SetReviewerPreferences = "set-reviewer-preferences";
    public const string AttachManuscript = "attach-manuscript";
    public const string Submit = "submit";
    public const string ReturnToAuthor = "return-to-author";
    public const string DeskReject = "desk-reject";
    public const string AssignHandlingEditor = "assign-handling-editor";
    public const string InviteReviewer = "invite-reviewer";
    public const string ReviewerCandidates = "reviewer-candidates";
    public const string RecordDecision = "record-decision";
    public const string SubmitRevision = "submit-revision";
    public const string RequestWithdrawal = "request-withdrawal";
    public const string ConfirmWithdrawal = "confirm-withdrawal";
    public const string ConfirmDecision = "confirm-decision";
    public const string ReturnRecommendation = "return-recommendation";
    public const string DeclareConflict = "declare-conflict";
    public const string RescindDecision = "rescind-decision";
    public const string ReinvitePreviousReviewers = "reinvite-previous-reviewers";
    public const string RaiseIntegrityConcern = "raise-integrity-concern";
    public const string LiftIntegrityConcern = "lift-integrity-concern";
}
