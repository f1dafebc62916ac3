using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Domain.Publication;

/// <summary>What a notice about a published article says of it, from the least to the gravest.</summary>
public enum ArticleNoticeKind
{
    /// <summary>An error put right; the article stands.</summary>
    Correction,

    /// <summary>The journal has concerns about the article, under investigation or unresolved; the article stands meanwhile.</summary>
    ExpressionOfConcern,

    /// <summary>The article's findings cannot be relied on; it stays readable, marked as retracted, for good.</summary>
    Retraction
}

public static class ArticleNoticeKinds
{
    public static string Describe(this ArticleNoticeKind kind) => kind switch
    {
        ArticleNoticeKind.Correction => "Correction",
        ArticleNoticeKind.ExpressionOfConcern => "Expression of concern",
        _ => "Retraction"
    };

    /// <summary>The notice's title as journals give it, naming the article it is about.</summary>
    public static string TitleFor(this ArticleNoticeKind kind, string articleTitle) => kind switch
    {
        ArticleNoticeKind.Correction => $"Correction to: {articleTitle}",
        ArticleNoticeKind.ExpressionOfConcern => $"Expression of concern: {articleTitle}",
        _ => $"Retraction: {articleTitle}"
    };

    /// <summary>What the original's page says above everything else while the notice is its latest word.</summary>
    public static string Banner(this ArticleNoticeKind kind) => kind switch
    {
        ArticleNoticeKind.Correction => "This article has been corrected.",
        ArticleNoticeKind.ExpressionOfConcern => "The journal has issued an expression of concern about this article.",
        _ => "This article has been retracted."
    };
}

/// <summary>A notice the journal published about the article: with its own DOI where the journal registers DOIs, and its own page.</summary>
public sealed record ArticleNotice(Guid Id, ArticleNoticeKind Kind, string Title, string Text, string? Doi, DateTimeOffset PublishedAt);

public sealed record NoticePublished(Guid Article, Guid Notice, ArticleNoticeKind Kind, string Title, string Text, string? Doi, Guid By, DateTimeOffset At) : IPublicationFact;

/// <summary>Publishes a correction, an expression of concern or a retraction of the article, saying why in <paramref name="Text"/>.</summary>
/// <param name="Notice">The notice's id, chosen by the caller, so that sending the same notice twice publishes it once.</param>
public sealed record PublishNotice(Guid Notice, ArticleNoticeKind Kind, string Text, string? Doi = null) : PublicationCommand;

/// <summary>
/// Notices: corrections, expressions of concern and retractions, published about an article that is out, each saying why
/// (COPE's retraction guidance) and naming the article, which stays readable with the notice's banner on it. A retraction
/// is the journal's last word on an article.
/// </summary>
public static class Noticing
{
    public const int LongestText = 5_000;

    internal static void Register(PublicationUseCases cases) => cases
        .Command<PublishNotice>(new(Who.ProductionEditor, "publish a notice", "only the journal's production editors publish notices about its articles"), Publish)
        .Fact<NoticePublished>((a, f) => a with { Notices = [.. a.Notices, new ArticleNotice(f.Notice, f.Kind, f.Title, f.Text, f.Doi, f.At)] },
            (f, _) => $"published a notice: {f.Title}{(f.Doi is null ? "" : $" ({f.Doi})")}",
            (f, n) => [new Notice(n.State.SubmittingAuthor, NoticeKind.NoticePublished, new Dictionary<string, string>
            {
                ["notice"] = f.Kind.Describe(),
                ["reason"] = f.Text
            })]);

    private static Decision Publish(PublishNotice c, PublishedArticle a, PublicationDeciding d)
    {
        if (a.Notices.Any(n => n.Id == c.Notice)) return Decision.NothingToRecord;
        if (a.Status != PublicationStatus.Published)
            return new Refusal.NotAllowedInState("publish a notice", "not published", "a notice is about an article readers have already read", Of: "the article");
        if (a.IsRetracted)
            return new Refusal.NotAllowedInState("publish a notice", "retracted", "a retraction is the journal's last word on an article", Of: "the article");
        var text = c.Text.Trim();
        if (text.Length == 0)
            return new Refusal.Invalid("text", $"Say why: a {c.Kind.Describe().ToLowerInvariant()} tells readers what was wrong and what it means for the article.");
        if (text.Length > LongestText) return new Refusal.Invalid("text", $"A notice is at most {LongestText:N0} characters.");
        var doi = c.Doi?.Trim() is { Length: > 0 } given ? given : null;
        if (d.Journal?.Publication.DoiPrefix is not null)
        {
            if (doi is null) return new Refusal.Invalid("doi", "Give the notice its DOI: the journal registers one for every notice, as for every article.");
            if (doi == a.Doi || a.Notices.Any(n => n.Doi == doi))
                return new Refusal.Invalid("doi", $"{doi} is the article's or one of its notices' already; a notice has a DOI of its own.");
            if (Publishing.DoiProblem(doi, d.Now.Year, d) is { } refusal) return refusal;
        }
        else if (doi is not null) return new Refusal.Invalid("doi", "The journal registers no DOIs: its administrators set a prefix under the journal's settings first.");
        var published = new NoticePublished(a.Id, c.Notice, c.Kind, c.Kind.TitleFor(a.Metadata.Title), text, doi, d.Actor.Account, d.Now);
        // Its DOI goes to Crossref from the queue, as an article's does: the notice is out whatever Crossref says.
        return doi is null ? Decision.Record(published) : Decision.Record(published, Depositing.Queue(a, doi, d.Actor, d.Now));
    }
}
