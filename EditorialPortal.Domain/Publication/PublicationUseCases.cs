using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Publication;

/// <summary>What deciding a command on an article's publication knows besides the article itself.</summary>
/// <param name="DoiInUse">Whether the DOI the command names is another article's or another article's notice's already, anywhere in the portal.</param>
/// <param name="Issue">The issue the command names, as it stands now.</param>
/// <param name="ArticlesNumbered">How many of the journal's articles have an article number, when the command may give one.</param>
public sealed record PublicationDeciding(Guid Article, Journal? Journal, Actor Actor, DateTimeOffset Now, bool DoiInUse, Issues.JournalIssue? Issue = null,
    int ArticlesNumbered = 0);

public sealed record PublicationCommandCase(Rule Rule, Func<PublicationCommand, PublishedArticle, PublicationDeciding, Decision> Decide);

public sealed record PublicationFactCase(Func<PublishedArticle?, object, PublishedArticle?> Fold, Func<object, Telling, string> Tell,
    Func<object, PublicationScene, IEnumerable<Notice>> Notify);

/// <summary>What deciding whom to tell of a publication fact knows: the article after it, and its journal.</summary>
public sealed record PublicationScene(IHistoricalFact Fact, PublishedArticle? Before, PublishedArticle State, Journal Journal, Func<Guid, Account?> People);

/// <summary>Every use case of an article's publication: the fold, the decider, the history and mail read their entries here.</summary>
public sealed class PublicationUseCases
{
    public const string Kind = "publication";

    public static readonly PublicationUseCases All = new PublicationUseCases().With(Publishing.Register).With(Depositing.Register).With(Noticing.Register).With(Placing.Register).With(Unpublishing.Register).With(Versioning.Register);

    public UseCaseTable<PublicationCommandCase> Commands { get; } = new("publication use-case");

    public UseCaseTable<PublicationFactCase> Facts { get; } = new("publication use-case");

    private PublicationUseCases With(Action<PublicationUseCases> step)
    {
        step(this);
        return this;
    }

    public PublicationUseCases Command<TCommand>(Rule rule, Func<TCommand, PublishedArticle, PublicationDeciding, Decision> decide) where TCommand : PublicationCommand
    {
        Commands.Add(typeof(TCommand), new(rule, (c, a, d) => decide((TCommand)c, a, d)));
        return this;
    }

    /// <summary>The fact that begins an article's publication.</summary>
    public PublicationUseCases Begins<TFact>(Func<TFact, PublishedArticle> begin, Func<TFact, Telling, string> tell) where TFact : IPublicationFact
    {
        Facts.Add(typeof(TFact), new((a, f) => a ?? begin((TFact)f), (f, t) => tell((TFact)f, t), (_, _) => Notice.NoOne));
        return this;
    }

    public PublicationUseCases Fact<TFact>(Func<PublishedArticle, TFact, PublishedArticle> fold, Func<TFact, Telling, string> tell,
        Func<TFact, PublicationScene, IEnumerable<Notice>> notify) where TFact : IPublicationFact
    {
        Facts.Add(typeof(TFact), new((a, f) => a is null ? null : fold(a, (TFact)f) with { LastChangedAt = ((TFact)f).At }, (f, t) => tell((TFact)f, t),
            (f, scene) => notify((TFact)f, scene)));
        return this;
    }
}
