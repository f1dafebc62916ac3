using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

/// <summary>Gives a reviewer more time: a later date to answer an invitation by, or, once accepted, a later due date for the review.</summary>
public sealed record ExtendDeadline(Guid Assignment, DateTimeOffset NewDate) : SubmissionCommand, INamesAnInvitation;

/// <summary>The portal reminds a reviewer; refused unless the reminder is due by the journal's schedule at this moment.</summary>
public sealed record SendReminder(Guid Assignment, ReminderKind Kind) : SubmissionCommand, INamesAnInvitation;

public sealed record DeadlineExtended(Guid Submission, Guid Assignment, DateTimeOffset RespondBy, DateTimeOffset ReviewDue, Guid By, DateTimeOffset At)
    : ISubmissionFact, IAboutAnInvitation;

public sealed record ReviewerReminded(Guid Submission, Guid Assignment, ReminderKind Kind, Guid By, DateTimeOffset At) : ISubmissionFact, IAboutAnInvitation;

/// <summary>A reviewer's deadlines: the editor extends them, the portal reminds on the journal's schedule.</summary>
public static class Deadlines
{
    public const int LongestExtensionDays = 180;

    internal static void Register(SubmissionUseCases cases) => cases
        .Command<ExtendDeadline>(new(Who.HandlingEditor, "extend a reviewer's deadline", Invitations.OnlyHandlingEditor),
            (c, s, d) => d.Assignment is { } a ? Extend(s, a, c, d) : Invitations.NoSuchInvitation)
        .Command<SendReminder>(new(Who.ThePortal, "send a reminder", "reminders go out on the journal's schedule, by the portal itself"),
            (c, s, d) => d.Assignment is { } a ? Remind(s, a, c, d) : Invitations.NoSuchInvitation)
        .Fact<DeadlineExtended>(SubmissionNarrative.ReviewKind,
            (s, f) => s.WithAssignment(f.Assignment, a => a with { RespondBy = f.RespondBy, ReviewDue = f.ReviewDue }, f.At),
            (f, _) => $"extended a reviewer's deadlines: answer by {f.RespondBy:d MMMM yyyy}, review due {f.ReviewDue:d MMMM yyyy}",
            (f, n) => [new(n.Assignment(f.Assignment).Reviewer, NoticeKind.DeadlineExtended, NoticeScene.Dates(n.Assignment(f.Assignment)))],
            shown: Invitations.OnlyTheirOwn)
        // A reminder is bookkeeping, not a change anyone waits on: the manuscript's last change stays as it was.
        .Fact<ReviewerReminded>(SubmissionNarrative.ReviewKind,
            (s, f) => s with { Assignments = [.. s.Assignments.Select(a => a.Id == f.Assignment ? a with { Reminders = [.. a.Reminders, new SentReminder(f.Kind, f.At)] } : a)] },
            (f, _) => $"sent {f.Kind.Describe()}",
            (f, n) => [new(n.Assignment(f.Assignment).Reviewer, f.Kind switch
            {
                ReminderKind.AnswerSoon => NoticeKind.AnswerReminder,
                ReminderKind.ReviewDueSoon => NoticeKind.ReviewDueReminder,
                _ => NoticeKind.ReviewOverdueReminder
            }, NoticeScene.Dates(n.Assignment(f.Assignment)), f.Kind == ReminderKind.AnswerSoon ? f.Assignment : null)],
            shown: Invitations.OnlyTheirOwn);

    private static Decision Extend(Submission s, ReviewerAssignment a, ExtendDeadline c, SubmissionDeciding d)
    {
        var now = d.Now;
        if (s.Status != SubmissionStatus.UnderReview) return new Refusal.NotAllowedInState("extend a deadline", s.Status.Describe(), "the round has ended");
        if (a.Round != s.Round || a.Status is not (InvitationStatus.Invited or InvitationStatus.Accepted)) return Invitations.Closed("extend a deadline", a, now);
        var current = a.Status == InvitationStatus.Invited ? a.RespondBy : a.ReviewDue;
        if (c.NewDate <= now || c.NewDate <= current) return new Refusal.Invalid("newDate", $"Choose a date after {current:d MMMM yyyy} and in the future.");
        if (c.NewDate > now.AddDays(LongestExtensionDays)) return new Refusal.Invalid("newDate", $"Extend by at most {LongestExtensionDays} days from today.");
        // Answering later leaves the reviewer as long to write as they were first given.
        var (respondBy, reviewDue) = a.Status == InvitationStatus.Invited
            ? (c.NewDate, a.ReviewDue + (c.NewDate - a.RespondBy))
            : (a.RespondBy, c.NewDate);
        return Decision.Record(new DeadlineExtended(s.Id, a.Id, respondBy, reviewDue, d.Actor.Account, now));
    }

    private static Decision Remind(Submission s, ReviewerAssignment a, SendReminder c, SubmissionDeciding d) =>
        Reminders.IsDue(s, a, c.Kind, d.Journal!.Reminders, d.Now)
            ? Decision.Record(new ReviewerReminded(s.Id, a.Id, c.Kind, d.Actor.Account, d.Now))
            : new Refusal.NotAllowedInState("send " + c.Kind.Describe(), a.Describe(d.Now).ToLowerInvariant(), "no such reminder is due now", Of: "");
}
