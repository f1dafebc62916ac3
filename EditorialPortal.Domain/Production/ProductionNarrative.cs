using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Production;

/// <summary>Tells an article's production facts in the words of the people who work on it.</summary>
public static class ProductionNarrative
{
    public static (string Kind, string Description) Tell(object fact, IReadOnlyDictionary<Guid, string> names)
    {
        var useCase = ProductionUseCases.All.Facts.For(fact.GetType());
        return (useCase.Kind, useCase.Tell(fact, new Telling(names, _ => true)));
    }

    public static IEnumerable<Guid> PeopleNamedIn(IHistoricalFact fact) => ProductionUseCases.All.Facts.For(fact.GetType()).Named(fact);

    /// <summary>In what capacity someone acts on an article's production: recorded with each fact, as it stood when they acted.</summary>
    public static string RoleOf(Guid person, ArticleProduction? p, Journal? journal)
    {
        if (person == Actor.System.Account) return "the portal";
        if (p is not null && p.SubmittingAuthor == person) return "author";
        if (journal?.Grants(person, JournalRole.ProductionEditor) == true) return "production editor";
        if (p?.Copyedits.Any(c => c.Assignee == person) == true) return "copyeditor";
        if (p?.Rounds.Any(r => r.Typesetter == person) == true) return "typesetter";
        if (p?.Proofs.Any(t => t.Reader == person) == true) return "proofreader";
        return journal?.RolesOf(person).Order().Select(r => r.Describe().ToLowerInvariant()).FirstOrDefault() ?? "someone";
    }
}

/// <summary>Who is told what when facts are recorded on an article's production: every hand-over mails whoever now has the work.</summary>
public static class ProductionNotices
{
    private static readonly Mailing<ArticleProduction> Productions = new(ArticleProduction.Fold,
        (fact, before, p, journal, people) => ProductionUseCases.All.Facts.For(fact.GetType()).Notify(fact, new ProductionScene(fact, before, p, journal, people)),
        (p, journal, recipient, link) => new Dictionary<string, string>
        {
            ["recipient"] = recipient.Name,
            ["journal"] = journal.Title,
            ["title"] = p.Title,
            ["abstract"] = p.Abstract,
            ["link"] = link($"/production/{p.Submission}")
        },
        p => p.Submission,
        (_, _) => null);

    public static IReadOnlySet<Guid> PeopleNeeded(IReadOnlyList<object> facts, ArticleProduction? before, Journal journal) =>
        Notices.PeopleNeeded(Productions, facts, before, journal);

    public static IReadOnlyList<MailQueued> Compose(Guid commandId, IReadOnlyList<object> facts, ArticleProduction? before, Journal journal,
        Func<Guid, Account?> people, Func<string, string> link) => Notices.Compose(Productions, commandId, facts, before, journal, people, link);
}
