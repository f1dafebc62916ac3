using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;

namespace EditorialPortal.Domain.Submissions;

/// <summary>A manuscript's stream at the desk: what each command needs, its decision, and who hears of it.</summary>
public sealed class SubmissionStream() : StreamKind<Submission, SubmissionCommand>(Submission.FactTypes, Submission.Fold)
{
    public override Submission AtVersion(Submission state, long version) => state with { Version = version };

    // The account a command names (the editor to assign, the reviewer to invite), and the reviewers a letter must not name.
    private static IEnumerable<Guid> Named(SubmissionCommandCase useCase, SubmissionCommand command, Submission? state) =>
        [.. useCase.Subject(command) is { } subject ? [subject] : Array.Empty<Guid>(),
            .. useCase.ReadsReviewerNames && state is not null ? state.Assignments.Select(a => a.Reviewer).Distinct() : []];

    public override ContextNeeds Needs(Guid stream, SubmissionCommand command, Submission? state, Actor actor)
    {
        var useCase = SubmissionUseCases.All.Commands.For(command.GetType());
        return new()
        {
            Journal = command is StartSubmission start ? start.Journal : state?.Journal,
            Accounts = [.. Named(useCase, command, state)],
            CoauthorsOf = useCase.ReadsCoauthors && state is not null ? [.. state.Authors.Select(a => a.Email)] : []
        };
    }

    public override Decision Decide(Guid stream, SubmissionCommand command, Submission? state, Actor actor, DecisionContext context)
    {
        var useCase = SubmissionUseCases.All.Commands.For(command.GetType());
        var subject = useCase.Subject(command) is { } named ? context.Account(named) : null;
        var reviewerNames = useCase.ReadsReviewerNames && state is not null
            ? Named(useCase, command, state).Select(context.Account).OfType<Account>().ToDictionary(a => a.Id, a => a.Name)
            : null;
        return SubmissionDecider.Decide(stream, command, state, context.Journal, actor, context.Now, subject,
            useCase.ReadsCoauthors ? context.CoauthorsElsewhere : null, reviewerNames);
    }

    public override IReadOnlySet<Guid> PeopleToTell(IReadOnlyList<object> facts, Submission? before, DecisionContext context) =>
        context.Journal is { } journal ? Notices.PeopleNeeded(facts, before, journal) : new HashSet<Guid>();

    public override IReadOnlyList<MailQueued> Announce(Guid commandId, IReadOnlyList<object> facts, Submission? before, DecisionContext context,
        Func<Guid, Account?> people, Func<string, string> link) =>
        context.Journal is { } journal ? Notices.Compose(commandId, facts, before, journal, people, link) : [];

    public override string RoleOf(Guid stream, Submission? state, Actor actor, DecisionContext context) =>
        SubmissionNarrative.RoleOf(actor.Account, state, context.Journal);
}
