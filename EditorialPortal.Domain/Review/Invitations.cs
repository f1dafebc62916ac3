using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>Invites someone to review this round, with a date to answer by and a date for the review.</summary>
/// <param name="ConflictOverride">Why to invite despite a possible conflict of interest; required when there is one.</param>
public sealed record InviteReviewer(Guid Assignment, Guid Reviewer, DateTimeOffset RespondBy, DateTimeOffset ReviewDue, string? ConflictOverride = null) : SubmissionCommand;

public sealed record AcceptInvitation(Guid Assignment) : SubmissionCommand, INamesAnInvitation;

public sealed record DeclineInvitation(Guid Assignment, string? Reason = null, string? SuggestedReviewer = null) : SubmissionCommand, INamesAnInvitation;

public sealed record RescindInvitation(Guid Assignment, string Reason) : SubmissionCommand, INamesAnInvitation;

/// <param name="ReviewerNumber">How the authors know this reviewer ("Reviewer 2"), the same in every round.</param>
/// <param name="ConflictOverride">The editor's reason for inviting despite a possible conflict: theirs alone, never the reviewer's to read.</param>
public sealed record ReviewerInvited(Guid Submission, Guid Assignment, Guid Reviewer, int Round, int ReviewerNumber, DateTimeOffset RespondBy,
    DateTimeOffset ReviewDue, [property: Audience(TextAudience.Editors)] string? ConflictOverride, Guid By, DateTimeOffset At) : ISubmissionFact, IAboutAnInvitation;

public sealed record InvitationAccepted(Guid Submission, Guid Assignment, Guid By, DateTimeOffset At) : ISubmissionFact, IAboutAnInvitation;

public sealed record InvitationDeclined(Guid Submission, Guid Assignment,
    [property: Audience(TextAudience.EditorsAndWhomItConcerns)] string? Reason,
    [property: Audience(TextAudience.EditorsAndWhomItConcerns)] string? SuggestedReviewer, Guid By, DateTimeOffset At) : ISubmissionFact, IAboutAnInvitation;

public sealed record InvitationRescinded(Guid Submission, Guid Assignment, [property: Audience(TextAudience.EditorsAndWhomItConcerns)] string Reason, Guid By, DateTimeOffset At)
    : ISubmissionFact, IAboutAnInvitation;

/// <summary>Invitations to review: the handling editor invites, the reviewer accepts or declines, the editor may withdraw one.</summary>
public static class Invitations
{
    internal const string OnlyHandlingEditor = "only the manuscript's handling editor or the editor-in-chief runs its review";
    internal const string OnlyInvitedReviewer = "only the person invited answers an invitation and writes its review";

    internal static void Register(SubmissionUseCases cases) => cases
        .Command<InviteReviewer>(new(Who.HandlingEditor, "invite a reviewer", OnlyHandlingEditor), Invite, subject: c => c.Reviewer, readsCoauthors: true)
        .Command<AcceptInvitation>(new(Who.InvitedReviewer, "accept an invitation to review", OnlyInvitedReviewer), (_, s, d) => Accept(s, d.Assignment!, d))
        .Command<DeclineInvitation>(new(Who.InvitedReviewer, "decline an invitation to review", OnlyInvitedReviewer), (c, s, d) => Decline(s, d.Assignment!, c, d))
        .Command<RescindInvitation>(new(Who.HandlingEditor, "withdraw an invitation", OnlyHandlingEditor),
            (c, s, d) => d.Assignment is { } a ? Rescind(a, c, s, d) : NoSuchInvitation)
        .Fact<ReviewerInvited>(SubmissionNarrative.ReviewKind,
            (s, f) => s with
            {
                Status = SubmissionStatus.UnderReview,
                Round = f.Round,
                Assignments = [.. s.Assignments, new ReviewerAssignment(f.Assignment, f.Reviewer, f.Round, f.ReviewerNumber, InvitationStatus.Invited, f.At, f.RespondBy, f.ReviewDue)],
                LastChangedAt = f.At
            },
            (f, t) => $"invited {t.Name(f.Reviewer, "a reviewer")} to review round {f.Round}, due {f.ReviewDue:d MMMM yyyy}",
            (f, n) => [new(f.Reviewer, NoticeKind.ReviewInvitation, NoticeScene.Dates(n.Assignment(f.Assignment)), f.Assignment)],
            // Invitations, answers and withdrawals are the editors' business; authors see reviews arrive and decisions.
            shown: (f, v) => v.Viewer == Blinding.Viewer.Reviewer && f.Reviewer == v.Actor.Account,
            named: f => [f.Reviewer])
        .Fact<InvitationAccepted>(SubmissionNarrative.ReviewKind,
            (s, f) => s.WithAssignment(f.Assignment, a => a with { Status = InvitationStatus.Accepted, AcceptedAt = f.At }, f.At),
            (_, _) => "accepted the invitation to review",
            (f, n) => n.Editors.Select(e => new Notice(e, NoticeKind.InvitationAccepted,
                new Dictionary<string, string>(NoticeScene.Dates(n.Assignment(f.Assignment))) { ["reviewer"] = n.ReviewerName(f.Assignment) })),
            shown: OnlyTheirOwn)
        .Fact<InvitationDeclined>(SubmissionNarrative.ReviewKind,
            (s, f) => s.WithAssignment(f.Assignment, a => a with { Status = InvitationStatus.Declined, DeclineReason = f.Reason, SuggestedReviewer = f.SuggestedReviewer }, f.At),
            (f, t) => f.Reason is { } reason && t.MayRead(nameof(f.Reason)) ? $"declined the invitation to review: “{reason}”" : "declined the invitation to review",
            (f, n) => n.Editors.Select(e => new Notice(e, NoticeKind.InvitationDeclined, new Dictionary<string, string>
            {
                ["reviewer"] = n.ReviewerName(f.Assignment),
                ["reason"] = string.Join("\n", new[] { f.Reason is null ? null : $"Their reason: {f.Reason}", f.SuggestedReviewer is null ? null : $"They suggest: {f.SuggestedReviewer}" }
                    .Where(line => line is not null))
            })),
            shown: OnlyTheirOwn)
        .Fact<InvitationRescinded>(SubmissionNarrative.ReviewKind,
            (s, f) => s.WithAssignment(f.Assignment, a => a with { Status = InvitationStatus.Rescinded }, f.At),
            (_, _) => "withdrew an invitation to review",
            (f, n) => [new(n.Assignment(f.Assignment).Reviewer, NoticeKind.InvitationWithdrawn, new Dictionary<string, string> { ["reason"] = f.Reason })],
            shown: OnlyTheirOwn);

    /// <summary>What concerns one invitation a reviewer sees of their own invitation only, and an author not at all.</summary>
    internal static bool OnlyTheirOwn(IAboutAnInvitation fact, Viewing v) => v.Viewer == Blinding.Viewer.Reviewer && v.IsTheirs(fact.Assignment);

    internal static Refusal NoSuchInvitation => new Refusal.Invalid("assignment", "There is no such invitation.");

    /// <summary>The invited person is the command's subject: their account as it stands now, or null if there is none.</summary>
    private static Decision Invite(InviteReviewer c, Submission s, SubmissionDeciding d)
    {
        if (s.Status is not (SubmissionStatus.WithEditor or SubmissionStatus.UnderReview))
            return new Refusal.NotAllowedInState("invite a reviewer", s.Status.Describe(), "reviewers are invited once a handling editor has the manuscript and before the decision");
        if (d.Subject is not { } reviewer) return new Refusal.Invalid("reviewer", "There is no account with this email address.");
        if (ConflictsOfInterest.RulesOutReviewer(s, reviewer))
            return new Refusal.Invalid("reviewer", ConflictsOfInterest.HasDeclaredConflict(s, reviewer)
                ? $"{reviewer.Name} has declared a conflict of interest with this manuscript and cannot review it."
                : $"{reviewer.Name} is an author of this manuscript and cannot review it.");
        if (reviewer.Id == s.HandlingEditor)
            return new Refusal.Invalid("reviewer", "The handling editor cannot also review the manuscript.");
        var round = Math.Max(s.Round, 1);
        if (s.Assignments.Any(a => a.Round == round && a.Reviewer == reviewer.Id && a.Status is InvitationStatus.Invited or InvitationStatus.Accepted or InvitationStatus.Submitted))
            return new Refusal.Invalid("reviewer", $"{reviewer.Name} is invited to this round already.");
        if (c.RespondBy <= d.Now) return new Refusal.Invalid("respondBy", "The date to answer by must be in the future.");
        if (c.ReviewDue <= c.RespondBy) return new Refusal.Invalid("reviewDue", "The review is due after the date to answer the invitation.");
        var warnings = ConflictsOfInterest.ReviewerWarnings(s, reviewer, d.CoauthorsElsewhere);
        if (warnings.Count > 0 && string.IsNullOrWhiteSpace(c.ConflictOverride))
            return new Refusal.Invalid("conflict", string.Join(" ", warnings) + " To invite them anyway, give your reason.");
        var number = s.Assignments.FirstOrDefault(a => a.Reviewer == reviewer.Id)?.ReviewerNumber
            ?? s.Assignments.Select(a => a.ReviewerNumber).DefaultIfEmpty(0).Max() + 1;
        return Decision.Record(new ReviewerInvited(s.Id, c.Assignment, reviewer.Id, round, number, c.RespondBy, c.ReviewDue,
            warnings.Count > 0 ? c.ConflictOverride!.Trim() : null, d.Actor.Account, d.Now));
    }

    private static Decision Accept(Submission s, ReviewerAssignment a, SubmissionDeciding d) => a switch
    {
        { Status: InvitationStatus.Accepted } => Decision.NothingToRecord,
        { Status: not InvitationStatus.Invited } => Closed("accept the invitation", a, d.Now),
        _ when a.IsExpired(d.Now) => new Refusal.NotAllowedInState("accept the invitation", "invitation expired", $"the invitation asked for an answer by {a.RespondBy:d MMMM yyyy}", Of: ""),
        _ when s.Status != SubmissionStatus.UnderReview => new Refusal.NotAllowedInState("accept the invitation", s.Status.Describe(), "the round has ended"),
        _ when a.Round != s.Round => RoundEnded("accept the invitation", a),
        _ => Decision.Record(new InvitationAccepted(s.Id, a.Id, d.Actor.Account, d.Now))
    };

    private static Decision Decline(Submission s, ReviewerAssignment a, DeclineInvitation c, SubmissionDeciding d) => a switch
    {
        { Status: InvitationStatus.Declined } => Decision.NothingToRecord,
        { Status: not InvitationStatus.Invited } => Closed("decline the invitation", a, d.Now),
        _ when a.Round != s.Round => RoundEnded("decline the invitation", a),
        _ when (c.Reason?.Length ?? 0) > 2000 || (c.SuggestedReviewer?.Length ?? 0) > 500 => new Refusal.Invalid("reason", "Keep the reason and the suggestion short."),
        _ => Decision.Record(new InvitationDeclined(s.Id, a.Id, Blank(c.Reason), Blank(c.SuggestedReviewer), d.Actor.Account, d.Now))
    };

    private static Decision Rescind(ReviewerAssignment a, RescindInvitation c, Submission s, SubmissionDeciding d) => a switch
    {
        { Status: not (InvitationStatus.Invited or InvitationStatus.Accepted) } => Closed("withdraw the invitation", a, d.Now),
        _ when string.IsNullOrWhiteSpace(c.Reason) => new Refusal.Invalid("reason", "Say why the invitation is withdrawn; the reviewer is told."),
        _ => Decision.Record(new InvitationRescinded(s.Id, a.Id, c.Reason.Trim(), d.Actor.Account, d.Now))
    };

    // Bound to its round on the server, not only by the buttons a page shows: a revised version starts a round of its own.
    internal static Refusal RoundEnded(string action, ReviewerAssignment a) =>
        new Refusal.NotAllowedInState(action, $"round {a.Round} ended", "the manuscript has been revised since, and this invitation was for the earlier version", Of: "");

    internal static Refusal Closed(string action, ReviewerAssignment a, DateTimeOffset now) =>
        new Refusal.NotAllowedInState(action, a.Describe(now).ToLowerInvariant(), "this invitation is closed", Of: "");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
