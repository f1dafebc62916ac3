using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Integrity;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Triage;

namespace EditorialPortal.Domain.Submissions;

/// <summary>What a person may do with a submission now.</summary>
public enum SubmissionAction
{
    ChangeMetadata,
    AttachManuscript,
    Submit,
    ReturnToAuthor,
    DeskReject,
    AssignHandlingEditor,
    InviteReviewer,
    RecordDecision,
    SubmitRevision,
    ReinvitePreviousReviewers,
    RequestWithdrawal,
    ConfirmWithdrawal,
    ExtendDeadline,
    RescindDecision,
    ConfirmDecision,
    DeclareConflict,
    RaiseIntegrityConcern,
    LiftIntegrityConcern
}

public static class SubmissionActions
{
    /// <summary>
    /// Asks the decider itself, so that links and buttons can never offer what a command would refuse for
    /// authority or state. Submit is offered only once nothing is missing.
    /// </summary>
    public static IReadOnlyList<SubmissionAction> Available(Submission s, Journal? journal, Actor actor, DateTimeOffset now)
    {
        var available = new List<SubmissionAction>();
        if (Permits(new SetTitle(s.Title))) available.Add(SubmissionAction.ChangeMetadata);
        if (Permits(new AttachManuscript("probe.pdf", SubmissionRules.PdfMediaType, 1, new string('0', 64)))) available.Add(SubmissionAction.AttachManuscript);
        if (!SubmissionDecider.Decide(s.Id, new SubmitManuscript(), s, journal, actor, now).IsRefused) available.Add(SubmissionAction.Submit);
        if (Permits(new ReturnToAuthor("probe"))) available.Add(SubmissionAction.ReturnToAuthor);
        if (Permits(new DeskReject("probe"))) available.Add(SubmissionAction.DeskReject);
        if (Permits(new AssignHandlingEditor(Guid.Empty))) available.Add(SubmissionAction.AssignHandlingEditor);
        if (Permits(new InviteReviewer(Guid.Empty, Guid.Empty, now.AddDays(7), now.AddDays(30)))) available.Add(SubmissionAction.InviteReviewer);
        if (Permits(new RecordDecision(DecisionKind.Accept, "probe", "probe"))) available.Add(SubmissionAction.RecordDecision);
        if (Permits(new SubmitRevision("probe"))) available.Add(SubmissionAction.SubmitRevision);
        if (Permits(new ReinvitePreviousReviewers(now.AddDays(7), now.AddDays(30)))) available.Add(SubmissionAction.ReinvitePreviousReviewers);
        if (s.WithdrawalReason is null && Permits(new RequestWithdrawal("probe"))) available.Add(SubmissionAction.RequestWithdrawal);
        if (Permits(new ConfirmWithdrawal())) available.Add(SubmissionAction.ConfirmWithdrawal);
        if (s.CurrentRound.FirstOrDefault(a => a.IsOpen(now)) is { } open && Permits(new ExtendDeadline(open.Id, now.AddDays(1))))
            available.Add(SubmissionAction.ExtendDeadline);
        if (Permits(new RescindDecision("probe"))) available.Add(SubmissionAction.RescindDecision);
        if (Permits(new ConfirmDecision("probe"))) available.Add(SubmissionAction.ConfirmDecision);
        if (!s.DeclaredConflicts.Contains(actor.Account) && Permits(new DeclareConflict("probe"))) available.Add(SubmissionAction.DeclareConflict);
        if (Permits(new RaiseIntegrityConcern(Guid.NewGuid(), "probe", false))) available.Add(SubmissionAction.RaiseIntegrityConcern);
        if (s.IntegrityConcerns.FirstOrDefault() is { } concern && Permits(new LiftIntegrityConcern(concern.Id, "probe"))) available.Add(SubmissionAction.LiftIntegrityConcern);
        return available;

        bool Permits(SubmissionCommand probe) =>
            SubmissionDecider.Decide(s.Id, probe, s, journal, actor, now).Refusal is not (Refusal.NotAuthorised or Refusal.NotAllowedInState);
    }
}
