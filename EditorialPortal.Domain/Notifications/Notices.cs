using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;

namespace EditorialPortal.Domain.Notifications;

/// <summary>
/// Who is told what when facts are recorded on a submission, composed from the journal's templates.
/// Blinding holds here as on the pages: mail to authors never names a reviewer unless review is open,
/// and mail to reviewers names no author (only the title and abstract).
/// </summary>
public static class Notices
{
    /// <summary>
    /// Whose accounts composing the mail for these facts reads, for the adapter to load first: nobody's for the many facts
    /// that tell no one.
    /// </summary>
    public static IReadOnlySet<Guid> PeopleNeeded(IReadOnlyList<object> facts, Submission? before, Journal journal)
    {
        var needed = new HashSet<Guid>();
        Compose(Guid.Empty, facts, before, journal, person => { needed.Add(person); return null; }, path => path);
        return needed;
    }

    /// <summary>The mail to queue for facts just decided on <paramref name="before"/>, each with an id derived from the command's.</summary>
    /// <param name="link">Makes an absolute address of a path in the portal.</param>
    public static IReadOnlyList<MailQueued> Compose(Guid commandId, IReadOnlyList<object> facts, Submission? before, Journal journal,
        Func<Guid, Account?> people, Func<string, string> link)
    {
        var queued = new List<MailQueued>();
        var state = before;
        foreach (var fact in facts)
        {
            var previous = state;
            state = Submission.Fold(state, fact);
            if (state is null || fact is not IHistoricalFact happened) continue;
            foreach (var (recipient, kind, values, invitation) in Recipients(happened, previous, state, journal, people))
            {
                if (people(recipient) is not { } person) continue;
                var template = (kind, happened) switch
                {
                    (NoticeKind.DecisionLetter, DecisionRecorded decided) => Letter(journal, decided.Decision),
                    (NoticeKind.DecisionLetter, SubmissionDeskRejected) => Letter(journal, DecisionKind.DeskReject),
                    _ => MailTemplate.For(journal.MailTemplates, kind)
                };
                var all = Common(state, journal, person, link).Concat(values).ToDictionary(v => v.Key, v => v.Value);
                queued.Add(new MailQueued(DeterministicGuid.From(commandId, new Guid(queued.Count, 0, 0, new byte[8])), kind, person.Id, person.Email, person.Name,
                    template.Fill(all, template.Subject), template.Fill(all, template.Body), journal.Id, state.Id, invitation, happened.By, happened.At));
            }
        }
        return queued;
    }

    // A decision letter's subject is the journal's decision-letter subject; its body is what the editor wrote.
    private static MailTemplate Letter(Journal journal, DecisionKind decision) =>
        MailTemplate.For(journal.MailTemplates, NoticeKind.DecisionLetter) with { Subject = DecisionLetterTemplate.For(journal.DecisionLetters, decision).Subject };

    private static Dictionary<string, string> Common(Submission s, Journal journal, Account recipient, Func<string, string> link) => new()
    {
        ["recipient"] = recipient.Name,
        ["journal"] = journal.Title,
        ["title"] = s.Title,
        ["abstract"] = s.Abstract,
        ["link"] = link($"/submissions/{s.Id}")
    };

    private sealed record Recipient(Guid Account, NoticeKind Kind, IReadOnlyDictionary<string, string> Values, Guid? Invitation = null);

    private static readonly IReadOnlyDictionary<string, string> Nothing = new Dictionary<string, string>();

    private static IEnumerable<(Guid, NoticeKind, IReadOnlyDictionary<string, string>, Guid?)> Recipients(IHistoricalFact fact, Submission? before, Submission s,
        Journal journal, Func<Guid, Account?> people)
    {
        var editors = s.HandlingEditor is { } handling ? [handling] : journal.Staff.Where(m => m.Role == JournalRole.EditorInChief).Select(m => m.Account).ToArray();
        string ReviewerName(Guid assignment) =>
            s.Assignments.FirstOrDefault(a => a.Id == assignment) is { } a ? people(a.Reviewer)?.Name ?? $"Reviewer {a.ReviewerNumber}" : "A reviewer";
        IReadOnlyDictionary<string, string> Dates(ReviewerAssignment a) => new Dictionary<string, string>
        {
            ["respond-by"] = $"{a.RespondBy:d MMMM yyyy}",
            ["review-due"] = $"{a.ReviewDue:d MMMM yyyy}"
        };
        ReviewerAssignment Of(Guid assignment) => s.Assignments.First(a => a.Id == assignment);

        IEnumerable<Recipient> Who() => fact switch
        {
            ManuscriptSubmitted => [new(s.SubmittingAuthor, NoticeKind.SubmissionReceived, Nothing),
                .. journal.Staff.Where(m => m.Role == JournalRole.EditorInChief).Select(m => new Recipient(m.Account, NoticeKind.NewSubmission, Nothing))],
            SubmissionReturnedToAuthor f => [new(s.SubmittingAuthor, NoticeKind.ReturnedToAuthor, new Dictionary<string, string> { ["reason"] = f.Message })],
            SubmissionDeskRejected f => [new(s.SubmittingAuthor, NoticeKind.DecisionLetter, new Dictionary<string, string> { ["letter"] = f.Letter })],
            HandlingEditorAssigned f => [new(f.Editor, NoticeKind.HandlingEditorAssigned, Nothing)],
            ReviewerInvited f => [new(f.Reviewer, NoticeKind.ReviewInvitation, Dates(Of(f.Assignment)), f.Assignment)],
            InvitationAccepted f => editors.Select(e => new Recipient(e, NoticeKind.InvitationAccepted,
                new Dictionary<string, string>(Dates(Of(f.Assignment))) { ["reviewer"] = ReviewerName(f.Assignment) })),
            InvitationDeclined f => editors.Select(e => new Recipient(e, NoticeKind.InvitationDeclined, new Dictionary<string, string>
            {
                ["reviewer"] = ReviewerName(f.Assignment),
                ["reason"] = string.Join("\n", new[] { f.Reason is null ? null : $"Their reason: {f.Reason}", f.SuggestedReviewer is null ? null : $"They suggest: {f.SuggestedReviewer}" }
                    .Where(line => line is not null))
            })),
            InvitationRescinded f => [new(Of(f.Assignment).Reviewer, NoticeKind.InvitationWithdrawn, new Dictionary<string, string> { ["reason"] = f.Reason })],
            ReviewSubmitted f => editors.Select(e => new Recipient(e, NoticeKind.ReviewReceived, new Dictionary<string, string>
            {
                ["reviewer"] = ReviewerName(f.Assignment),
                ["decision"] = f.Recommendation.Describe().ToLowerInvariant()
            })),
            DecisionRecorded f => [new(s.SubmittingAuthor, NoticeKind.DecisionLetter, new Dictionary<string, string> { ["letter"] = f.Letter })],
            RevisionSubmitted => editors.Select(e => new Recipient(e, NoticeKind.RevisionReceived, Nothing)),
            WithdrawalRequested f => editors.Select(e => new Recipient(e, NoticeKind.WithdrawalRequested, new Dictionary<string, string> { ["reason"] = f.Reason })),
            SubmissionWithdrawn => [new(s.SubmittingAuthor, NoticeKind.Withdrawn, Nothing),
                .. (before?.CurrentRound ?? []).Where(a => a.Status is InvitationStatus.Invited or InvitationStatus.Accepted)
                    .Select(a => new Recipient(a.Reviewer, NoticeKind.ReviewNoLongerNeeded, Nothing))],
            ReviewerReminded f => [new(Of(f.Assignment).Reviewer, f.Kind switch
            {
                ReminderKind.AnswerSoon => NoticeKind.AnswerReminder,
                ReminderKind.ReviewDueSoon => NoticeKind.ReviewDueReminder,
                _ => NoticeKind.ReviewOverdueReminder
            }, Dates(Of(f.Assignment)), f.Kind == ReminderKind.AnswerSoon ? f.Assignment : null)],
            DeadlineExtended f => [new(Of(f.Assignment).Reviewer, NoticeKind.DeadlineExtended, Dates(Of(f.Assignment)))],
            ConflictDeclared f => editors.Concat(journal.Staff.Where(m => m.Role == JournalRole.EditorInChief).Select(m => m.Account)).Distinct()
                .Select(e => new Recipient(e, NoticeKind.ConflictDeclared, new Dictionary<string, string> { ["reviewer"] = people(f.Person)?.Name ?? "Someone", ["reason"] = f.Reason })),
            DecisionRecommended f => journal.Staff.Where(m => m.Role == JournalRole.EditorInChief).Select(m => new Recipient(m.Account, NoticeKind.RecommendationToConfirm,
                new Dictionary<string, string> { ["decision"] = f.Decision.Describe().ToLowerInvariant() })),
            RecommendationReturned f => before?.PendingRecommendation is { } returned
                ? [new(returned.By, NoticeKind.RecommendationReturned, new Dictionary<string, string> { ["reason"] = f.Reason })]
                : [],
            DecisionRescinded f => new[] { s.SubmittingAuthor }.Concat(editors).Distinct().Select(p => new Recipient(p, NoticeKind.DecisionRescinded,
                new Dictionary<string, string> { ["reason"] = f.Reason, ["decision"] = f.Decision.Describe().ToLowerInvariant() })),
            _ => []
        };

        // Nobody is told of what they did themselves, except that their manuscript arrived.
        return Who().Where(r => r.Account != fact.By || r.Kind == NoticeKind.SubmissionReceived)
            .DistinctBy(r => (r.Account, r.Kind))
            .Select(r => (r.Account, r.Kind, r.Values, r.Invitation));
    }
}
