using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Production;

/// <summary>A new version of the published article is begun: its production opens again, the galleys as they were published.</summary>
public sealed record ProductionReopened(Guid Production, int ForVersion, VersionKind Kind, string Note, Guid By, DateTimeOffset At) : IProductionFact;

/// <summary>Puts the article's title, abstract or keywords right before it is published, or in a new version of it.</summary>
public sealed record CorrectArticleMetadata(string Title, string Abstract, IReadOnlyList<string> Keywords) : ProductionCommand;

public sealed record ArticleMetadataCorrected(Guid Production, string Title, string Abstract, IReadOnlyList<string> Keywords, Guid By, DateTimeOffset At) : IProductionFact;

/// <summary>
/// Reopening: the published article's production opens again for its next version. A minor version puts its metadata
/// right (<see cref="CorrectArticleMetadata"/>) and is ready again at once, its approved galleys as they were; a major
/// one goes through a new typesetting round and the author's proofs, as the first version did.
/// </summary>
public static class Reopening
{
    internal static void Register(ProductionUseCases cases) => cases
        .Command<CorrectArticleMetadata>(new(Who.ProductionEditor, "correct the article's metadata", ProductionRules.OnlyProductionEditor), Correct)
        .Fact<ProductionReopened>((p, f) => p with { ReadyAt = null, VersionOfRecord = f.ForVersion, LastChangedAt = f.At },
            (f, _) => $"opened production again for version {f.ForVersion}, a {f.Kind.Describe()}: {f.Note}",
            (_, _) => Notice.NoOne)
        .Fact<ArticleMetadataCorrected>((p, f) => p with { Title = f.Title, Abstract = f.Abstract, Keywords = f.Keywords, LastChangedAt = f.At },
            (f, _) => $"corrected the article's metadata: “{f.Title}”", (_, _) => Notice.NoOne);

    private static Decision Correct(CorrectArticleMetadata c, ArticleProduction p, ProductionDeciding d)
    {
        if (ProductionRules.Closed(p, "correct the article's metadata") is { } closed) return closed;
        var title = c.Title.Trim();
        var text = c.Abstract.Trim();
        var keywords = SubmissionRules.TidyKeywords(c.Keywords);
        var errors = new List<FieldError>();
        if (title.Length == 0) errors.Add(new("title", "The article needs its title."));
        if (text.Length == 0) errors.Add(new("abstract", "The article needs its abstract."));
        errors.AddRange([.. SubmissionRules.CheckTitle(title), .. SubmissionRules.CheckAbstract(text), .. SubmissionRules.CheckKeywords(keywords)]);
        if (errors.Count > 0) return new Refusal.Invalid(errors);
        return title == p.Title && text == p.Abstract && keywords.SequenceEqual(p.Keywords)
            ? Decision.NothingToRecord
            : Decision.Record(new ArticleMetadataCorrected(p.Id, title, text, keywords, d.Actor.Account, d.Now));
    }
}
