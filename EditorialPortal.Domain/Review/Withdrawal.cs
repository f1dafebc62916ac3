using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>The author asks to withdraw the manuscript before a final decision; an editor confirms.</summary>
public sealed record RequestWithdrawal(string Reason) : SubmissionCommand;

public sealed record ConfirmWithdrawal : SubmissionCommand;

public sealed record WithdrawalRequested(Guid Submission, [property: Audience(TextAudience.EditorsAndAuthors)] string Reason, Guid By, DateTimeOffset At) : ISubmissionFact;

public sealed record SubmissionWithdrawn(Guid Submission, Guid By, DateTimeOffset At) : ISubmissionFact;

/// <summary>Withdrawal: between submission and the final decision the author asks, and an editor confirms; reviewers still at work are told.</summary>
public static class Withdrawal
{
    internal static void Register(SubmissionUseCases cases) => cases
        .Command<RequestWithdrawal>(new(Who.SubmittingAuthor, "ask to withdraw the manuscript", Permissions.OnlySubmittingAuthor), Request)
        .Command<ConfirmWithdrawal>(new(Who.HandlingEditor, "confirm a withdrawal", Invitations.OnlyHandlingEditor), Confirm)
        .Fact<WithdrawalRequested>(SubmissionNarrative.Submission, (s, f) => s with { WithdrawalReason = f.Reason, LastChangedAt = f.At },
            (f, t) => t.MayRead(nameof(f.Reason)) ? $"asked to withdraw the manuscript: “{f.Reason}”" : "asked to withdraw the manuscript",
            (f, n) => n.Editors.Select(e => new Notice(e, NoticeKind.WithdrawalRequested, new Dictionary<string, string> { ["reason"] = f.Reason })))
        .Fact<SubmissionWithdrawn>(SubmissionNarrative.Submission, (s, f) => s with { Status = SubmissionStatus.Withdrawn, LastChangedAt = f.At },
            (_, _) => "confirmed the withdrawal of the manuscript",
            (_, n) => [new(n.State.SubmittingAuthor, NoticeKind.Withdrawn, Notice.Nothing),
                .. (n.Before?.CurrentRound ?? []).Where(a => a.Status is InvitationStatus.Invited or InvitationStatus.Accepted)
                    .Select(a => new Notice(a.Reviewer, NoticeKind.ReviewNoLongerNeeded, Notice.Nothing))]);

    /// <summary>Before a final decision, that is: submitted, with an editor, under review, or waiting for a revision.</summary>
    private static bool MayStillBeWithdrawn(Submission s) =>
        s.Status is SubmissionStatus.Submitted or SubmissionStatus.WithEditor or SubmissionStatus.UnderReview or SubmissionStatus.RevisionRequested;

    private static Decision Request(RequestWithdrawal c, Submission s, SubmissionDeciding d)
    {
        if (!MayStillBeWithdrawn(s))
            return new Refusal.NotAllowedInState("ask to withdraw the manuscript", s.Status.Describe(), "withdrawal is possible between submission and the final decision");
        if (string.IsNullOrWhiteSpace(c.Reason)) return new Refusal.Invalid("reason", "Tell the editors why you withdraw the manuscript.");
        if (s.WithdrawalReason is not null) return Decision.NothingToRecord;
        return Decision.Record(new WithdrawalRequested(s.Id, c.Reason.Trim(), d.Actor.Account, d.Now));
    }

    private static Decision Confirm(ConfirmWithdrawal c, Submission s, SubmissionDeciding d)
    {
        if (!MayStillBeWithdrawn(s) || s.WithdrawalReason is null)
            return new Refusal.NotAllowedInState("confirm the withdrawal", s.Status.Describe(), "the author has not asked to withdraw this manuscript");
        return Decision.Record(new SubmissionWithdrawn(s.Id, d.Actor.Account, d.Now));
    }
}
