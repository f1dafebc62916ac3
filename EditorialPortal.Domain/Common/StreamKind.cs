using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Common;

/// <summary>A command to the editorial desk, on one stream of one kind.</summary>
public abstract record Command;

/// <summary>
/// What deciding a command needs besides its stream's state: said here, by the domain, for each command, and loaded by
/// whichever store runs it, so that the stores only load.
/// </summary>
public sealed record ContextNeeds
{
    public Guid? Journal { get; init; }

    /// <summary>Accounts to read as they stand now: the acting person's, and any the command names.</summary>
    public IReadOnlyList<Guid> Accounts { get; init; } = [];

    /// <summary>Authors' addresses whose co-authors on other manuscripts the decision should know of.</summary>
    public IReadOnlyList<string> CoauthorsOf { get; init; } = [];

    /// <summary>An address whose use by another account than the stream's own the decision should know of.</summary>
    public string? EmailInUse { get; init; }

    /// <summary>The manuscript, as it stands now, that a command on a stream of its own concerns (a review draft's).</summary>
    public Guid? Submission { get; init; }

    /// <summary>A DOI whose holding by another article than the stream's own, anywhere in the portal, the decision should know of.</summary>
    public string? DoiInUse { get; init; }

    /// <summary>A reader-site address whose use by another journal than the stream's own the decision should know of.</summary>
    public string? PathInUse { get; init; }

    /// <summary>The article's publication, as it stands now, that a command on another stream names (an issue's).</summary>
    public Guid? Article { get; init; }

    /// <summary>The issue, as it stands now, that a command on another stream names (an article's).</summary>
    public Guid? Issue { get; init; }

    /// <summary>The journal whose articles with an article number the decision should count.</summary>
    public Guid? ArticlesNumberedIn { get; init; }
}

/// <summary>The context a command is decided in, as loaded for its <see cref="ContextNeeds"/>, and the moment of deciding.</summary>
public sealed record DecisionContext(Journal? Journal, IReadOnlyDictionary<Guid, Account> Accounts, IReadOnlySet<string> CoauthorsElsewhere, bool EmailInUse,
    DateTimeOffset Now)
{
    public Submission? Submission { get; init; }

    public bool DoiInUse { get; init; }

    public bool PathInUse { get; init; }

    public PublishedArticle? Article { get; init; }

    public Issues.JournalIssue? Issue { get; init; }

    public int ArticlesNumbered { get; init; }

    public Account? Account(Guid id) => Accounts.GetValueOrDefault(id);

    /// <summary>Whether the person acting is a system administrator, by their account as it stands now.</summary>
    public bool IsSystemAdministrator(Actor actor) => actor.IsPerson && Account(actor.Account)?.IsSystemAdministrator == true;
}

/// <summary>
/// A kind of thing with a history of its own: its state, how its facts fold into it, and how a command on it is decided
/// and announced. The editorial desk runs every kind through one pipeline; a new kind is a new subclass, registered in
/// <see cref="StreamKinds"/>.
/// </summary>
public interface IStreamKind
{
    Type Commands { get; }

    IReadOnlyList<Type> FactTypes { get; }

    /// <summary>Hands the desk back this kind's own types, so that it can run the command with them.</summary>
    Task<CommandOutcome> RunOn(IDeskPipeline desk, Guid stream, Command command, Actor actor, CommandOptions options);

    /// <summary>Adds facts that another stream's facts bring with them to the commit, and answers the mail they send.</summary>
    /// <param name="people">Loads the accounts composing the mail reads; null where no mail is composed.</param>
    Task<IReadOnlyList<MailQueued>> StageOn(IFollowOnStage stage, FollowOn followOn, Guid commandId, DecisionContext context,
        Func<IReadOnlySet<Guid>, Task<IReadOnlyDictionary<Guid, Account>>>? people, Func<string, string> link);
}

/// <summary>Where a command's commit takes facts on streams besides its own: the desk's session.</summary>
public interface IFollowOnStage
{
    /// <summary>
    /// Adds the facts to the commit on top of the stream as it stands, and answers its state before them; nothing is added
    /// where the stream holds a thing of another kind, or the facts begin nothing on it.
    /// </summary>
    Task<(bool Staged, TState? Before)> Stage<TState, TCommand>(StreamKind<TState, TCommand> kind, Guid stream, IReadOnlyList<object> facts)
        where TState : class, IVersioned where TCommand : Command;
}

/// <summary>Facts that facts of another stream bring with them, recorded on this stream in the same commit.</summary>
public sealed record FollowOn(Guid Stream, IStreamKind Kind, IReadOnlyList<object> Facts);

/// <summary>
/// What a stage records on streams of its own when facts of another kind are recorded: production begins when a
/// manuscript is accepted, in the commit that accepts it.
/// </summary>
/// <param name="after">The state of the stream the facts were recorded on, after them.</param>
public delegate IEnumerable<FollowOn> Reaction(Guid stream, IReadOnlyList<object> facts, object? after, DecisionContext context);

/// <summary>What runs a command of any kind: the editorial desk's one pipeline.</summary>
public interface IDeskPipeline
{
    Task<CommandOutcome> Run<TState, TCommand>(StreamKind<TState, TCommand> kind, Guid stream, TCommand command, Actor actor, CommandOptions options)
        where TState : class, IVersioned where TCommand : Command;
}

/// <param name="factTypes">The facts its streams hold.</param>
/// <param name="fold">One step of the fold from those facts to its state.</param>
public abstract class StreamKind<TState, TCommand>(IReadOnlyList<Type> factTypes, Func<TState?, object, TState?> fold) : IStreamKind
    where TState : class, IVersioned where TCommand : Command
{
    public Type Commands => typeof(TCommand);

    public IReadOnlyList<Type> FactTypes => factTypes;

    public TState? Fold(TState? state, object fact) => fold(state, fact);

    /// <summary>The state with the version of the stream it was folded from.</summary>
    public abstract TState AtVersion(TState state, long version);

    public abstract ContextNeeds Needs(Guid stream, TCommand command, TState? state, Actor actor);

    public abstract Decision Decide(Guid stream, TCommand command, TState? state, Actor actor, DecisionContext context);

    /// <summary>Whose accounts composing the mail for these facts reads.</summary>
    public virtual IReadOnlySet<Guid> PeopleToTell(IReadOnlyList<object> facts, TState? before, DecisionContext context) => new HashSet<Guid>();

    /// <summary>The mail to record with the facts, in the same transaction.</summary>
    /// <param name="link">Makes an absolute address of a path in the portal.</param>
    public virtual IReadOnlyList<MailQueued> Announce(Guid commandId, IReadOnlyList<object> facts, TState? before, DecisionContext context,
        Func<Guid, Account?> people, Func<string, string> link) => [];

    /// <summary>In what capacity the actor acts on the stream, recorded with each fact.</summary>
    public abstract string RoleOf(Guid stream, TState? state, Actor actor, DecisionContext context);

    public Task<CommandOutcome> RunOn(IDeskPipeline desk, Guid stream, Command command, Actor actor, CommandOptions options) =>
        desk.Run(this, stream, (TCommand)command, actor, options);

    public async Task<IReadOnlyList<MailQueued>> StageOn(IFollowOnStage stage, FollowOn followOn, Guid commandId, DecisionContext context,
        Func<IReadOnlySet<Guid>, Task<IReadOnlyDictionary<Guid, Account>>>? people, Func<string, string> link)
    {
        var (staged, before) = await stage.Stage(this, followOn.Stream, followOn.Facts);
        if (!staged || people is null) return [];
        var known = await people(PeopleToTell(followOn.Facts, before, context));
        // The follow-on's mail has ids of its own, apart from the command's own mail.
        return Announce(DeterministicGuid.From(commandId, followOn.Stream), followOn.Facts, before, context, known.GetValueOrDefault, link);
    }
}
