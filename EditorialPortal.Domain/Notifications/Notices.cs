using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Notifications;

/// <summary>
/// Who is told what when facts are recorded on a submission, composed from the journal's templates.
/// Blinding holds here as on the pages: mail to authors never names a reviewer unless review is open,
/// and mail to reviewers names no author (only the title and abstract).
/// </summary>
public static class Notices
{
    /// <summary>How a manuscript's facts turn into mail.</summary>
    private static readonly Mailing<Submission> Manuscripts = new(Submission.Fold,
        (fact, before, s, journal, people) => SubmissionUseCases.All.Facts.For(fact.GetType()).Notify(fact, new NoticeScene(fact, before, s, journal, people)),
        (s, journal, recipient, link) => new Dictionary<string, string>
        {
            ["recipient"] = recipient.Name,
            ["journal"] = journal.Title,
            ["title"] = s.Title,
            ["abstract"] = s.Abstract,
            ["link"] = link($"/submissions/{s.Id}")
        },
        s => s.Id,
        (s, invitation) => s.Assignments.FirstOrDefault(a => a.Id == invitation)?.ReviewDue + InvitationLinkGrace);

    /// <summary>
    /// Whose accounts composing the mail for these facts reads, for the adapter to load first: nobody's for the many facts
    /// that tell no one.
    /// </summary>
    public static IReadOnlySet<Guid> PeopleNeeded(IReadOnlyList<object> facts, Submission? before, Journal journal) => PeopleNeeded(Manuscripts, facts, before, journal);

    /// <summary>How long after its review is due an invitation's answer link may still be opened, to say what became of it.</summary>
    public static readonly TimeSpan InvitationLinkGrace = TimeSpan.FromDays(14);

    /// <summary>The mail to queue for facts just decided on <paramref name="before"/>, each with an id derived from the command's.</summary>
    /// <param name="link">Makes an absolute address of a path in the portal.</param>
    public static IReadOnlyList<MailQueued> Compose(Guid commandId, IReadOnlyList<object> facts, Submission? before, Journal journal,
        Func<Guid, Account?> people, Func<string, string> link) => Compose(Manuscripts, commandId, facts, before, journal, people, link);

    public static IReadOnlySet<Guid> PeopleNeeded<TState>(Mailing<TState> mailing, IReadOnlyList<object> facts, TState? before, Journal journal) where TState : class
    {
        var needed = new HashSet<Guid>();
        Compose(mailing, Guid.Empty, facts, before, journal, person => { needed.Add(person); return null; }, path => path);
        return needed;
    }

    /// <summary>
    /// The mail for facts of any kind of stream, from the journal's templates: nobody is told of what they did themselves,
    /// except that their manuscript arrived.
    /// </summary>
    public static IReadOnlyList<MailQueued> Compose<TState>(Mailing<TState> mailing, Guid commandId, IReadOnlyList<object> facts, TState? before, Journal journal,
        Func<Guid, Account?> people, Func<string, string> link) where TState : class
    {
        var queued = new List<MailQueued>();
        var state = before;
        foreach (var fact in facts)
        {
            var previous = state;
            state = mailing.Fold(state, fact);
            if (state is null || fact is not IHistoricalFact happened) continue;
            var notices = mailing.Recipients(happened, previous, state, journal, people)
                .Where(r => r.Account != happened.By || r.Kind == NoticeKind.SubmissionReceived)
                .DistinctBy(r => (r.Account, r.Kind));
            foreach (var notice in notices)
            {
                if (people(notice.Account) is not { } person) continue;
                var template = notice.Letter is { } decision ? Letter(journal, decision) : MailTemplate.For(journal.MailTemplates, notice.Kind);
                var all = mailing.Common(state, journal, person, link).Concat(notice.Values).ToDictionary(v => v.Key, v => v.Value);
                queued.Add(new MailQueued(MailQueued.IdFor(commandId, queued.Count), notice.Kind, person.Id, person.Email, person.Name,
                    template.Fill(all, template.Subject), template.Fill(all, template.Body), journal.Id, mailing.Submission(state), notice.Invitation, happened.By, happened.At,
                    mailing.LinkWorksUntil(state, notice.Invitation)));
            }
        }
        return queued;
    }

    // A decision letter's subject is the journal's decision-letter subject; its body is what the editor wrote.
    private static MailTemplate Letter(Journal journal, DecisionKind decision) =>
        MailTemplate.For(journal.MailTemplates, NoticeKind.DecisionLetter) with { Subject = DecisionLetterTemplate.For(journal.DecisionLetters, decision).Subject };
}

/// <summary>How one kind of stream's facts turn into mail: its fold, whom each fact tells, the values every mail of it fills in, its manuscript.</summary>
/// <param name="LinkWorksUntil">When the link of a mail that carries an invitation's answer link stops working.</param>
public sealed record Mailing<TState>(
    Func<TState?, object, TState?> Fold,
    Func<IHistoricalFact, TState?, TState, Journal, Func<Guid, Account?>, IEnumerable<Notice>> Recipients,
    Func<TState, Journal, Account, Func<string, string>, IReadOnlyDictionary<string, string>> Common,
    Func<TState, Guid> Submission,
    Func<TState, Guid?, DateTimeOffset?> LinkWorksUntil) where TState : class;

/// <summary>One person to tell of a fact: the kind of mail, the values its template fills in, and the invitation whose answer link it carries.</summary>
/// <param name="Letter">The decision whose letter the mail is: its subject is the journal's for that decision, its body what the editor wrote.</param>
public sealed record Notice(Guid Account, NoticeKind Kind, IReadOnlyDictionary<string, string> Values, Guid? Invitation = null, DecisionKind? Letter = null)
{
    public static readonly IReadOnlyDictionary<string, string> Nothing = new Dictionary<string, string>();

    /// <summary>For what the author drafts, and for the portal's own bookkeeping: nobody is told.</summary>
    public static IEnumerable<Notice> NoOne => [];
}

/// <summary>What deciding whom to tell of a fact knows: the manuscript before and after it, its journal, and the people concerned.</summary>
public sealed record NoticeScene(IHistoricalFact Fact, Submission? Before, Submission State, Journal Journal, Func<Guid, Account?> People)
{
    public IEnumerable<Guid> EditorsInChief => Journal.Staff.Where(m => m.Role == JournalRole.EditorInChief).Select(m => m.Account);

    /// <summary>The handling editor, or before there is one the editors-in-chief.</summary>
    public IReadOnlyList<Guid> Editors => State.HandlingEditor is { } handling ? [handling] : [.. EditorsInChief];

    public ReviewerAssignment Assignment(Guid id) => State.Assignments.First(a => a.Id == id);

    public string ReviewerName(Guid assignment) =>
        State.Assignments.FirstOrDefault(a => a.Id == assignment) is { } a ? People(a.Reviewer)?.Name ?? $"Reviewer {a.ReviewerNumber}" : "A reviewer";

    public static IReadOnlyDictionary<string, string> Dates(ReviewerAssignment a) => new Dictionary<string, string>
    {
        ["respond-by"] = $"{a.RespondBy:d MMMM yyyy}",
        ["review-due"] = $"{a.ReviewDue:d MMMM yyyy}"
    };
}
