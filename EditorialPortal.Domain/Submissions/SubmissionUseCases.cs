using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Conflicts;
using EditorialPortal.Domain.Integrity;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Triage;

namespace EditorialPortal.Domain.Submissions;

/// <summary>What deciding a command on a manuscript knows besides the manuscript itself.</summary>
/// <param name="Assignment">The invitation the command names, if it names one and it exists.</param>
/// <param name="Subject">The account the command names (the editor to assign, the reviewer to invite), as it stands now.</param>
/// <param name="CoauthorsElsewhere">Addresses of people who wrote other manuscripts in the portal with this one's authors.</param>
/// <param name="ReviewerNames">The names of the manuscript's reviewers, so that a letter can be kept from naming them.</param>
public sealed record SubmissionDeciding(Guid Submission, Journal? Journal, Actor Actor, DateTimeOffset Now, Standing Standing,
    ReviewerAssignment? Assignment, Account? Subject, IReadOnlySet<string> CoauthorsElsewhere, IReadOnlyDictionary<Guid, string>? ReviewerNames);

/// <summary>How a fact is told to one reader: the names they may know people by, and whether they may read a field.</summary>
public sealed record Telling(IReadOnlyDictionary<Guid, string> Names, Func<string, bool> MayRead)
{
    public string Name(Guid person, string otherwise) => Names.GetValueOrDefault(person, otherwise);
}

/// <summary>Who looks at a manuscript's history: how they stand to it, the manuscript as it stands, and the journal's review mode.</summary>
public sealed record Viewing(Blinding.Viewer Viewer, Submission Submission, ReviewMode Mode, Actor Actor)
{
    /// <summary>The invitation is the viewer's own.</summary>
    public bool IsTheirs(Guid assignment) => Submission.Assignments.Any(a => a.Id == assignment && a.Reviewer == Actor.Account);
}

/// <summary>One use case's command: who may issue it, how it is decided, and what its decision reads besides the manuscript.</summary>
public sealed record SubmissionCommandCase(Rule Rule, bool Starts, Func<SubmissionCommand, Submission?, SubmissionDeciding, Decision> Decide,
    Func<SubmissionCommand, Guid?> Subject, bool ReadsReviewerNames, bool ReadsCoauthors);

/// <summary>One use case's fact: its fold step, its line in the history, who sees it, whom it names, and who is told of it.</summary>
public sealed record SubmissionFactCase(string Kind, Func<Submission?, object, Submission?> Fold, Func<object, Telling, string> Tell,
    Func<object, Viewing, bool> Shown, Func<object, IEnumerable<Guid>> Named, Func<object, NoticeScene, IEnumerable<Notice>> Notify);

/// <summary>
/// Every use case of a manuscript's stream, as the stages add them: drafting, triage, invitations, reviewing, deadlines,
/// decisions, revisions, withdrawal and conflicts of interest. The decider, the fold, the history, blinding, mail and the
/// authorisation table read their entries here.
/// </summary>
public sealed class SubmissionUseCases
{
    public static readonly SubmissionUseCases All = new SubmissionUseCases()
        .With(Drafting.Register).With(TriageDecisions.Register).With(Invitations.Register).With(Reviewing.Register).With(Deadlines.Register)
        .With(Decisions.Register).With(Revisions.Register).With(Withdrawal.Register).With(ConflictsOfInterest.Register)
        .With(IntegrityConcerns.Register);

    public UseCaseTable<SubmissionCommandCase> Commands { get; } = new("submission use-case");

    public UseCaseTable<SubmissionFactCase> Facts { get; } = new("submission use-case");

    private SubmissionUseCases With(Action<SubmissionUseCases> stage)
    {
        stage(this);
        return this;
    }

    /// <summary>A command on an existing manuscript.</summary>
    /// <param name="subject">The account the command names, loaded as it stands now for the decision.</param>
    public SubmissionUseCases Command<TCommand>(Rule rule, Func<TCommand, Submission, SubmissionDeciding, Decision> decide,
        Func<TCommand, Guid>? subject = null, bool readsReviewerNames = false, bool readsCoauthors = false) where TCommand : SubmissionCommand
    {
        Commands.Add(typeof(TCommand), new(rule, false, (c, s, d) => decide((TCommand)c, s!, d),
            c => subject is null ? null : subject((TCommand)c), readsReviewerNames, readsCoauthors));
        return this;
    }

    /// <summary>The command that begins a manuscript's stream.</summary>
    public SubmissionUseCases Starting<TCommand>(Rule rule, Func<TCommand, SubmissionDeciding, Decision> decide) where TCommand : SubmissionCommand
    {
        Commands.Add(typeof(TCommand), new(rule, true, (c, _, d) => decide((TCommand)c, d), _ => null, false, false));
        return this;
    }

    /// <summary>The fact that begins a manuscript's stream.</summary>
    public SubmissionUseCases Beginning<TFact>(string kind, Func<TFact, Submission> begin, Func<TFact, Telling, string> tell,
        Func<TFact, NoticeScene, IEnumerable<Notice>> notify) where TFact : ISubmissionFact
    {
        Facts.Add(typeof(TFact), new(kind, (s, f) => s is null ? begin((TFact)f) : s, (f, t) => tell((TFact)f, t), (_, _) => true,
            f => [((TFact)f).By], (f, scene) => notify((TFact)f, scene)));
        return this;
    }

    /// <summary>A fact of an existing manuscript.</summary>
    /// <param name="shown">Whether a reader who is not an editor sees the fact at all; editors see every fact. Everyone who may read the manuscript when omitted.</param>
    /// <param name="named">People the fact names besides whoever did it.</param>
    public SubmissionUseCases Fact<TFact>(string kind, Func<Submission, TFact, Submission> fold, Func<TFact, Telling, string> tell,
        Func<TFact, NoticeScene, IEnumerable<Notice>> notify, Func<TFact, Viewing, bool>? shown = null, Func<TFact, IEnumerable<Guid>>? named = null)
        where TFact : ISubmissionFact
    {
        Facts.Add(typeof(TFact), new(kind, (s, f) => s is null ? null : fold(s, (TFact)f), (f, t) => tell((TFact)f, t),
            (f, v) => shown is null || shown((TFact)f, v),
            f => named is null ? [((TFact)f).By] : [((TFact)f).By, .. named((TFact)f)], (f, scene) => notify((TFact)f, scene)));
        return this;
    }
}
