using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Production;

/// <summary>What deciding a command on an article's production knows besides the production itself.</summary>
/// <param name="Subject">The account the command names (the copyeditor, typesetter or proofreader to give the task), as it stands now.</param>
/// <param name="Manuscript">The accepted manuscript, for the command that begins a production.</param>
public sealed record ProductionDeciding(Guid Production, Journal? Journal, Actor Actor, DateTimeOffset Now, Standing Standing, Account? Subject, Submission? Manuscript = null);

/// <summary>One use case's command: who may issue it, how it is decided, and the account it names.</summary>
/// <param name="Starts">Whether the command may find no production yet: it begins one.</param>
public sealed record ProductionCommandCase(Rule Rule, bool Starts, Func<ProductionCommand, ArticleProduction?, ProductionDeciding, Decision> Decide, Func<ProductionCommand, Guid?> Subject);

/// <summary>One use case's fact: its fold step, its line in the history, whom it names and who is told of it.</summary>
public sealed record ProductionFactCase(string Kind, Func<ArticleProduction?, object, ArticleProduction?> Fold, Func<object, Telling, string> Tell,
    Func<object, IEnumerable<Guid>> Named, Func<object, ProductionScene, IEnumerable<Notice>> Notify);

/// <summary>What deciding whom to tell of a production fact knows: the production before and after it, its journal, and the people concerned.</summary>
public sealed record ProductionScene(IHistoricalFact Fact, ArticleProduction? Before, ArticleProduction State, Journal Journal, Func<Guid, Account?> People)
{
    public IEnumerable<Guid> ProductionEditors => Journal.Staff.Where(m => m.Role == JournalRole.ProductionEditor).Select(m => m.Account);

    public static IReadOnlyDictionary<string, string> Due(DateTimeOffset due) => new Dictionary<string, string> { ["due"] = $"{due:d MMMM yyyy}" };
}

/// <summary>
/// Every use case of an article's production, as its steps add them: starting, copyediting, typesetting, proofs and
/// readiness for publication. The fold, the decider, the history and mail read their entries here.
/// </summary>
public sealed class ProductionUseCases
{
    public const string Kind = "production";

    public static readonly ProductionUseCases All = new ProductionUseCases()
        .With(Starting.Register).With(Copyediting.Register).With(Typesetting.Register).With(Proofing.Register).With(Readiness.Register).With(Reopening.Register);

    public UseCaseTable<ProductionCommandCase> Commands { get; } = new("production use-case");

    public UseCaseTable<ProductionFactCase> Facts { get; } = new("production use-case");

    private ProductionUseCases With(Action<ProductionUseCases> step)
    {
        step(this);
        return this;
    }

    public ProductionUseCases Command<TCommand>(Rule rule, Func<TCommand, ArticleProduction, ProductionDeciding, Decision> decide, Func<TCommand, Guid>? subject = null)
        where TCommand : ProductionCommand
    {
        Commands.Add(typeof(TCommand), new(rule, false, (c, p, d) => decide((TCommand)c, p!, d), c => subject is null ? null : subject((TCommand)c)));
        return this;
    }

    /// <summary>A command that begins a production, or finds it begun.</summary>
    public ProductionUseCases Beginning<TCommand>(Rule rule, Func<TCommand, ArticleProduction?, ProductionDeciding, Decision> decide) where TCommand : ProductionCommand
    {
        Commands.Add(typeof(TCommand), new(rule, true, (c, p, d) => decide((TCommand)c, p, d), _ => null));
        return this;
    }

    /// <summary>The fact that begins the production, or begins it again.</summary>
    /// <param name="fold">From the state before (none the first time) to the state after.</param>
    /// <param name="named">People the fact names besides whoever did it.</param>
    public ProductionUseCases Begins<TFact>(Func<ArticleProduction?, TFact, ArticleProduction?> fold, Func<TFact, Telling, string> tell,
        Func<TFact, ProductionScene, IEnumerable<Notice>> notify, Func<TFact, IEnumerable<Guid>>? named = null) where TFact : IProductionFact
    {
        Facts.Add(typeof(TFact), new(Kind, (p, f) => fold(p, (TFact)f), (f, t) => tell((TFact)f, t),
            f => named is null ? [((TFact)f).By] : [((TFact)f).By, .. named((TFact)f)], (f, scene) => notify((TFact)f, scene)));
        return this;
    }

    /// <summary>A fact of a production that has begun; before that, it changes nothing.</summary>
    public ProductionUseCases Fact<TFact>(Func<ArticleProduction, TFact, ArticleProduction> fold, Func<TFact, Telling, string> tell,
        Func<TFact, ProductionScene, IEnumerable<Notice>> notify, Func<TFact, IEnumerable<Guid>>? named = null) where TFact : IProductionFact =>
        Begins<TFact>((p, f) => p is null ? null : fold(p, f), tell, notify, named);
}
