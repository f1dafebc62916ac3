using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Common;

/// <summary>Every kind of stream the desk runs commands on: a new kind is one more line here.</summary>
public static class StreamKinds
{
    public static readonly SubmissionStream Submissions = new();
    public static readonly JournalStream Journals = new();
    public static readonly AccountStream Accounts = new();
    public static readonly ReviewDraftStream ReviewDrafts = new();
    public static readonly ProductionStream Productions = new();
    public static readonly PublicationStream Publications = new();
    public static readonly Issues.IssueStream Issues = new();

    public static readonly IReadOnlyList<IStreamKind> All = [Submissions, Journals, Accounts, ReviewDrafts, Productions, Publications, Issues];

    /// <summary>What each stage records on its own streams when facts of another kind are recorded, in the same commit.</summary>
    public static readonly IReadOnlyList<Reaction> Reactions = [Starting.OnAcceptance, Publishing.OnReadiness, Versioning.OnNewVersion, Domain.Issues.IssuePlans.OnPlanning];

    public static IEnumerable<FollowOn> FollowOns(Guid stream, IReadOnlyList<object> facts, object? after, DecisionContext context) =>
        Reactions.SelectMany(react => react(stream, facts, after, context));

    /// <summary>The kind a command is for.</summary>
    public static IStreamKind Of(Command command) =>
        All.FirstOrDefault(kind => kind.Commands.IsInstanceOfType(command))
        ?? throw new InvalidOperationException($"{command.GetType().Name} is a command of no registered kind of stream.");
}
