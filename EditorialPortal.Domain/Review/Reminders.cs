using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Review;

public enum ReminderKind
{
    /// <summary>The date to answer the invitation by is near.</summary>
    AnswerSoon,

    /// <summary>The review is due soon.</summary>
    ReviewDueSoon,

    /// <summary>The review is late; repeated at the journal's interval until it is in.</summary>
    ReviewOverdue
}

public sealed record SentReminder(ReminderKind Kind, DateTimeOffset At);

/// <summary>When a journal reminds its reviewers, in days; 0 turns that reminder off.</summary>
public sealed record ReminderSchedule(int DaysBeforeAnswerDue = 2, int DaysBeforeReviewDue = 3, int DaysBetweenOverdueReminders = 7)
{
    public const int MaxDays = 60;

    public static readonly ReminderSchedule Default = new();

    public IReadOnlyList<string> Problems() =>
        new[] { DaysBeforeAnswerDue, DaysBeforeReviewDue, DaysBetweenOverdueReminders }.Any(d => d is < 0 or > MaxDays)
            ? [$"Give each interval in days, between 0 (no reminder) and {MaxDays}."]
            : [];
}

/// <summary>
/// Which reminders are due, worked out from the submission as it stands at the moment of sending: a closed
/// invitation, a finished review or an ended round never has one.
/// </summary>
public static class Reminders
{
    public static IEnumerable<(ReviewerAssignment Assignment, ReminderKind Kind)> Due(Submission s, ReminderSchedule schedule, DateTimeOffset now)
    {
        if (s.Status != SubmissionStatus.UnderReview) yield break;
        foreach (var a in s.CurrentRound)
            if (KindDue(a, schedule, now) is { } kind) yield return (a, kind);
    }

    public static bool IsDue(Submission s, ReviewerAssignment a, ReminderKind kind, ReminderSchedule schedule, DateTimeOffset now) =>
        s.Status == SubmissionStatus.UnderReview && a.Round == s.Round && KindDue(a, schedule, now) == kind;

    private static ReminderKind? KindDue(ReviewerAssignment a, ReminderSchedule schedule, DateTimeOffset now)
    {
        bool Sent(ReminderKind kind) => a.Reminders.Any(r => r.Kind == kind);
        switch (a.Status)
        {
            case InvitationStatus.Invited when !a.IsExpired(now) && schedule.DaysBeforeAnswerDue > 0
                && now >= a.RespondBy.AddDays(-schedule.DaysBeforeAnswerDue) && !Sent(ReminderKind.AnswerSoon):
                return ReminderKind.AnswerSoon;
            case InvitationStatus.Accepted when now <= a.ReviewDue:
                return schedule.DaysBeforeReviewDue > 0 && now >= a.ReviewDue.AddDays(-schedule.DaysBeforeReviewDue) && !Sent(ReminderKind.ReviewDueSoon)
                    ? ReminderKind.ReviewDueSoon
                    : null;
            case InvitationStatus.Accepted when schedule.DaysBetweenOverdueReminders > 0:
                var last = a.Reminders.Where(r => r.Kind == ReminderKind.ReviewOverdue).Select(r => (DateTimeOffset?)r.At).Max();
                return last is null || now >= last.Value.AddDays(schedule.DaysBetweenOverdueReminders) ? ReminderKind.ReviewOverdue : null;
            default:
                return null;
        }
    }

    public static string Describe(this ReminderKind kind) => kind switch
    {
        ReminderKind.AnswerSoon => "a reminder to answer the invitation",
        ReminderKind.ReviewDueSoon => "a reminder that the review is due soon",
        ReminderKind.ReviewOverdue => "a reminder that the review is overdue",
        _ => kind.ToString()
    };
}
