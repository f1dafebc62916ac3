using EditorialPortal.Contracts.Submissions;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Integrity;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using Microsoft.AspNetCore.Mvc;

namespace EditorialPortal.Api;

/// <summary>
/// One route table for the commands on a manuscript: the endpoints are mapped from it, a representation links to each
/// one the caller may issue now (by the action that offers it), and a client finds a command's link relation here.
/// The body of each is the command's own fields, by the same names.
/// </summary>
public static class SubmissionRoutes
{
    public sealed record TitleRequest(string Title);
    public sealed record AbstractRequest(string Abstract);
    public sealed record KeywordsRequest(IReadOnlyList<string> Keywords);
    public sealed record AuthorsRequest(IReadOnlyList<ContributingAuthor> Authors);
    public sealed record PreferencesRequest(IReadOnlyList<ReviewerPreference> Preferences);
    public sealed record MessageRequest(string Message);
    public sealed record LetterRequest(string Letter);
    public sealed record EditorRequest(Guid Editor);
    public sealed record ReasonRequest(string Reason);
    public sealed record DecisionRequest(DecisionKind Decision, string Letter, string? EarlyDecisionReason = null);
    public sealed record RevisionRequest(string ResponseToReviewers);
    public sealed record DatesRequest(DateTimeOffset RespondBy, DateTimeOffset ReviewDue);
    public sealed record ConcernRequest(Guid Concern, string Reason, bool Hold);
    public sealed record LiftingRequest(Guid Concern, string Reason);

    /// <summary>Decides a command on a submission and answers the request with the outcome.</summary>
    public delegate Task<IResult> Deciding(Guid submission, SubmissionCommand command, HttpContext http);

    /// <param name="Path">Below the submission's own address.</param>
    /// <param name="OfferedWith">The action that, when open to the caller, puts the link in the submission's representation; null for a route without a link.</param>
    /// <param name="Map">Maps the endpoint; null where <see cref="SubmissionsApi"/> maps it, for a body that is not the command's own fields.</param>
    public sealed record CommandRoute(Type Command, string Rel, string Path, SubmissionAction? OfferedWith, Action<RouteGroupBuilder, Deciding>? Map);

    public static readonly IReadOnlyList<CommandRoute> Commands =
    [
        With<SetTitle, TitleRequest>(SubmissionRelations.SetTitle, "title", SubmissionAction.ChangeMetadata, r => new(r.Title)),
        With<SetAbstract, AbstractRequest>(SubmissionRelations.SetAbstract, "abstract", SubmissionAction.ChangeMetadata, r => new(r.Abstract)),
        With<SetKeywords, KeywordsRequest>(SubmissionRelations.SetKeywords, "keywords", SubmissionAction.ChangeMetadata, r => new(r.Keywords)),
        With<SetAuthors, AuthorsRequest>(SubmissionRelations.SetAuthors, "authors", SubmissionAction.ChangeMetadata, r => new(r.Authors)),
        With<SetReviewerPreferences, PreferencesRequest>(SubmissionRelations.SetReviewerPreferences, "reviewer-preferences", SubmissionAction.ChangeMetadata,
            r => new(r.Preferences ?? [])),
        Without<SubmitManuscript>(SubmissionRelations.Submit, "submit", SubmissionAction.Submit),
        With<ReturnToAuthor, MessageRequest>(SubmissionRelations.ReturnToAuthor, "return-to-author", SubmissionAction.ReturnToAuthor, r => new(r.Message)),
        With<DeskReject, LetterRequest>(SubmissionRelations.DeskReject, "desk-rejection", SubmissionAction.DeskReject, r => new(r.Letter)),
        With<AssignHandlingEditor, EditorRequest>(SubmissionRelations.AssignHandlingEditor, "handling-editor", SubmissionAction.AssignHandlingEditor, r => new(r.Editor)),
        With<RecordDecision, DecisionRequest>(SubmissionRelations.RecordDecision, "decision", SubmissionAction.RecordDecision,
            r => new(r.Decision, r.Letter ?? "", r.EarlyDecisionReason)),
        With<ConfirmDecision, LetterRequest>(SubmissionRelations.ConfirmDecision, "decision/confirmation", SubmissionAction.ConfirmDecision, r => new(r.Letter ?? "")),
        With<ReturnRecommendation, ReasonRequest>(SubmissionRelations.ReturnRecommendation, "decision/return", SubmissionAction.ConfirmDecision, r => new(r.Reason ?? "")),
        With<RescindDecision, ReasonRequest>(SubmissionRelations.RescindDecision, "decision/rescission", SubmissionAction.RescindDecision, r => new(r.Reason ?? "")),
        With<DeclareConflict, ReasonRequest>(SubmissionRelations.DeclareConflict, "conflict", SubmissionAction.DeclareConflict, r => new(r.Reason ?? "")),
        With<SubmitRevision, RevisionRequest>(SubmissionRelations.SubmitRevision, "revision", SubmissionAction.SubmitRevision, r => new(r.ResponseToReviewers ?? "")),
        With<ReinvitePreviousReviewers, DatesRequest>(SubmissionRelations.ReinvitePreviousReviewers, "reviewers/previous-round", SubmissionAction.ReinvitePreviousReviewers,
            r => new(r.RespondBy, r.ReviewDue)),
        With<RequestWithdrawal, ReasonRequest>(SubmissionRelations.RequestWithdrawal, "withdrawal-request", SubmissionAction.RequestWithdrawal, r => new(r.Reason ?? "")),
        Without<ConfirmWithdrawal>(SubmissionRelations.ConfirmWithdrawal, "withdrawal", SubmissionAction.ConfirmWithdrawal),
        With<RaiseIntegrityConcern, ConcernRequest>(SubmissionRelations.RaiseIntegrityConcern, "integrity-concerns", SubmissionAction.RaiseIntegrityConcern,
            r => new(r.Concern, r.Reason ?? "", r.Hold)),
        With<LiftIntegrityConcern, LiftingRequest>(SubmissionRelations.LiftIntegrityConcern, "integrity-concerns/lifting", SubmissionAction.LiftIntegrityConcern,
            r => new(r.Concern, r.Reason ?? "")),
        // Bodies of their own: the journal and type of a new manuscript, a PDF, the reviewer's address rather than an account.
        new(typeof(StartSubmission), SubmissionRelations.Self, "", null, null),
        new(typeof(AttachManuscript), SubmissionRelations.AttachManuscript, "manuscript", SubmissionAction.AttachManuscript, null),
        new(typeof(InviteReviewer), SubmissionRelations.InviteReviewer, "reviewers", SubmissionAction.InviteReviewer, null),
        // On one invitation, named in the address.
        new(typeof(AcceptInvitation), "accept-invitation", "invitations/{assignment:guid}/acceptance", null, null),
        new(typeof(DeclineInvitation), "decline-invitation", "invitations/{assignment:guid}/declination", null, null),
        new(typeof(RescindInvitation), "rescind-invitation", "invitations/{assignment:guid}/rescission", null, null),
        new(typeof(SubmitReview), "submit-review", "invitations/{assignment:guid}/review", null, null),
        new(typeof(ExtendDeadline), "extend-deadline", "invitations/{assignment:guid}/deadline", null, null)
    ];

    /// <summary>The route of a command that is posted to its submission with a body of its own fields; null for the others.</summary>
    public static CommandRoute? For(Type command) => Commands.FirstOrDefault(route => route.Command == command);

    private static CommandRoute With<TCommand, TRequest>(string rel, string path, SubmissionAction offeredWith, Func<TRequest, TCommand> command)
        where TCommand : SubmissionCommand =>
        new(typeof(TCommand), rel, path, offeredWith,
            (api, decide) => api.MapPost($"/{{id:guid}}/{path}", (Guid id, [FromBody] TRequest request, HttpContext http) => decide(id, command(request), http)));

    private static CommandRoute Without<TCommand>(string rel, string path, SubmissionAction offeredWith) where TCommand : SubmissionCommand, new() =>
        new(typeof(TCommand), rel, path, offeredWith, (api, decide) => api.MapPost($"/{{id:guid}}/{path}", (Guid id, HttpContext http) => decide(id, new TCommand(), http)));
}
