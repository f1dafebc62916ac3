using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Production;

namespace EditorialPortal.Domain.Publication;

/// <summary>Production declared the article ready: its publication begins with what readers will get.</summary>
public sealed record ArticleReadyForPublication(Guid Article, Guid Submission, Guid Journal, Guid SubmittingAuthor, ArticleMetadata Metadata, Guid By, DateTimeOffset At)
    : IPublicationFact;

public sealed record DoiAssigned(Guid Article, string Doi, Guid By, DateTimeOffset At) : IPublicationFact;

public sealed record PublicationScheduled(Guid Article, DateTimeOffset For, Guid By, DateTimeOffset At) : IPublicationFact;

public sealed record PublicationScheduleCancelled(Guid Article, Guid By, DateTimeOffset At) : IPublicationFact;

/// <summary>The article is out: readers see it from <paramref name="PublishedAt"/>, as it is in <paramref name="Metadata"/>.</summary>
public sealed record ArticlePublished(Guid Article, string? Doi, ArticleMetadata Metadata, DateTimeOffset PublishedAt, Guid By, DateTimeOffset At) : IPublicationFact;

/// <summary>The article has its number in a journal that publishes continuously, given as it came out on its own.</summary>
public sealed record ArticleNumbered(Guid Article, string Number, Guid By, DateTimeOffset At) : IPublicationFact;

/// <summary>Article numbers of continuous publication: "e" and the article's place among the journal's articles that came out on their own.</summary>
public static class ArticleNumbers
{
    public static string Numbered(int place) => $"e{place}";
}

/// <summary>Gives the article its DOI: the journal's prefix and a suffix by its rule, or typed by hand where the rule says so.</summary>
public sealed record AssignDoi(string Doi) : PublicationCommand;

/// <summary>Publishes the article now, or schedules it: a time not in the future is now.</summary>
public sealed record PublishArticle(DateTimeOffset? At = null) : PublicationCommand;

public sealed record CancelScheduledPublication : PublicationCommand;

/// <summary>The portal publishes a scheduled article once its time has come.</summary>
public sealed record PublishDueArticle : PublicationCommand;

/// <summary>
/// Publishing: an article ready from production gets its DOI, is published now or at its time (never before: until then
/// there is no fact that it is out), and its authors are told.
/// </summary>
public static class Publishing
{
    private const string OnlyProductionEditor = "only the journal's production editors publish its articles";

    internal static void Register(PublicationUseCases cases) => cases
        .Begins<ArticleReadyForPublication>(f => new PublishedArticle(f.Article, f.Submission, f.Journal, f.SubmittingAuthor, f.Metadata, f.At) { LastChangedAt = f.At },
            (_, _) => "declared the article ready: it waits to be published")
        .Command<AssignDoi>(new(Who.ProductionEditor, "assign a DOI", OnlyProductionEditor), Assign)
        .Command<PublishArticle>(new(Who.ProductionEditor, "publish the article", OnlyProductionEditor), Publish)
        .Command<CancelScheduledPublication>(new(Who.ProductionEditor, "cancel the scheduled publication", OnlyProductionEditor), Cancel)
        .Command<PublishDueArticle>(new(Who.ThePortal, "publish a scheduled article", "the portal publishes scheduled articles itself, at their time"), PublishDue)
        .Fact<DoiAssigned>((a, f) => a with { Doi = f.Doi }, (f, _) => $"assigned the DOI {f.Doi}", (_, _) => Notice.NoOne)
        .Fact<PublicationScheduled>((a, f) => a with { ScheduledFor = f.For, Status = PublicationStatus.Scheduled },
            (f, _) => $"scheduled the article to be published on {f.For:d MMMM yyyy 'at' HH:mm} UTC", (_, _) => Notice.NoOne)
        .Fact<PublicationScheduleCancelled>((a, _) => a with { ScheduledFor = null, Status = PublicationStatus.Ready },
            (_, _) => "cancelled the scheduled publication", (_, _) => Notice.NoOne)
        .Fact<ArticleNumbered>((a, f) => a with { ArticleNumber = f.Number }, (f, _) => $"numbered the article {f.Number}", (_, _) => Notice.NoOne)
        .Fact<ArticlePublished>((a, f) => a with
            {
                Metadata = f.Metadata, Doi = f.Doi, PublishedAt = f.PublishedAt, ScheduledFor = null, Status = PublicationStatus.Published,
                Versions = [new ArticleVersion(1, VersionKind.Original, null, f.Metadata, f.PublishedAt)]
            },
            (f, _) => f.Doi is null ? "published the article" : $"published the article as {f.Doi}",
            (f, n) => [new Notice(n.State.SubmittingAuthor, NoticeKind.ArticlePublished, new Dictionary<string, string> { ["doi"] = f.Doi is null ? "" : $" as {Dois.Link(f.Doi)}" })]);

    /// <summary>The article's publication begins in the commit that declares it ready; a later version is ready for publication the same way.</summary>
    public static IEnumerable<FollowOn> OnReadiness(Guid stream, IReadOnlyList<object> facts, object? after, DecisionContext context)
    {
        if (after is not ArticleProduction p) yield break;
        foreach (var ready in facts.OfType<MarkedReadyToPublish>())
        {
            var article = PublishedArticle.StreamOf(p.Submission);
            yield return new FollowOn(article, StreamKinds.Publications,
                p.VersionOfRecord > 1
                    ? [new NewVersionReady(article, p.VersionOfRecord, ArticleMetadata.Of(p), ready.By, ready.At)]
                    : [new ArticleReadyForPublication(article, p.Submission, p.Journal, p.SubmittingAuthor, ArticleMetadata.Of(p), ready.By, ready.At)]);
        }
    }

    private static Decision Assign(AssignDoi c, PublishedArticle a, PublicationDeciding d)
    {
        var doi = c.Doi.Trim();
        if (a.Status is PublicationStatus.Published or PublicationStatus.Unpublished)
            return new Refusal.NotAllowedInState("assign a DOI", a.Status == PublicationStatus.Published ? "published" : "unpublished",
                "a published article keeps its DOI for good", Of: "the article");
        if (doi == a.Doi) return Decision.NothingToRecord;
        if (d.Journal?.Publication.DoiPrefix is null)
            return new Refusal.Invalid("doi", "The journal has no DOI prefix: its administrators set one under the journal's settings.");
        return DoiProblem(doi, a.ReadyAt.Year, d) ?? Decision.Record(new DoiAssigned(a.Id, doi, d.Actor.Account, d.Now));
    }

    /// <summary>Why a DOI cannot be given, if it cannot: not the journal's prefix, not its rule's suffix, or someone else's already.</summary>
    internal static Refusal? DoiProblem(string doi, int year, PublicationDeciding d)
    {
        if (d.Journal?.Publication is not { DoiPrefix: { } prefix } settings) return null;
        if (!doi.StartsWith(prefix + "/", StringComparison.Ordinal) || !Dois.IsSuffix(doi[(prefix.Length + 1)..]))
            return new Refusal.Invalid("doi", $"The journal's DOIs are {prefix}/ followed by letters, digits, dots and hyphens.");
        var suffix = doi[(prefix.Length + 1)..];
        if (settings.SuffixRule == DoiSuffixRule.Random && !Dois.IsRandomSuffix(suffix))
            return new Refusal.Invalid("doi", "This is not a suffix the journal's rule makes: check it for a typing slip.");
        if (settings.SuffixRule == DoiSuffixRule.Pattern && !Dois.FitsPattern(suffix, settings.SuffixPattern, settings.Abbreviation, year))
            return new Refusal.Invalid("doi", $"The journal's DOIs follow the pattern {settings.SuffixPattern}.");
        return d.DoiInUse ? new Refusal.Invalid("doi", $"{doi} belongs to another article already; a DOI is never reused.") : null;
    }

    private static Decision Publish(PublishArticle c, PublishedArticle a, PublicationDeciding d)
    {
        if (a.Status == PublicationStatus.Published) return Decision.NothingToRecord;
        if (a.Status == PublicationStatus.Unpublished)
            return new Refusal.NotAllowedInState("publish the article", "unpublished", "an article taken down stays down, its DOI leading to its tombstone", Of: "the article");
        if (d.Journal?.Publication.DoiPrefix is not null && a.Doi is null)
            return new Refusal.Invalid("doi", "Assign the article its DOI first: the journal registers a DOI for every article.");
        if (c.At is { } at && at > d.Now)
            return at == a.ScheduledFor ? Decision.NothingToRecord : Decision.Record(new PublicationScheduled(a.Id, at, d.Actor.Account, d.Now));
        return Published(a, d.Now, d, onItsOwn: true);
    }

    // Publishing a DOI queues its deposit in the same commit: the deposit can fail, the publication cannot wait for it.
    // An article out on its own in a journal that publishes continuously takes the journal's next number as it comes out.
    internal static Decision Published(PublishedArticle a, DateTimeOffset at, PublicationDeciding d, bool onItsOwn = false)
    {
        var facts = new List<object> { new ArticlePublished(a.Id, a.Doi, a.Metadata, at, d.Actor.Account, d.Now) };
        if (onItsOwn && d.Journal?.Publication.NumbersArticles == true && a is { ArticleNumber: null, Issue: null, PlannedIssue: null })
            facts.Add(new ArticleNumbered(a.Id, ArticleNumbers.Numbered(d.ArticlesNumbered + 1), d.Actor.Account, d.Now));
        if (a.Doi is { } doi) facts.Add(Depositing.Queue(a, doi, d.Actor, d.Now));
        return Decision.Record([.. facts]);
    }

    private static Decision Cancel(CancelScheduledPublication c, PublishedArticle a, PublicationDeciding d) =>
        a.Status == PublicationStatus.Scheduled ? Decision.Record(new PublicationScheduleCancelled(a.Id, d.Actor.Account, d.Now))
        : a.Status == PublicationStatus.Published ? new Refusal.NotAllowedInState("cancel the scheduled publication", "published", "the article is out already", Of: "the article")
        : Decision.NothingToRecord;

    // Published at the moment it was scheduled for, which readers were told; the fact itself is dated when it happened.
    private static Decision PublishDue(PublishDueArticle c, PublishedArticle a, PublicationDeciding d) =>
        a is { Status: PublicationStatus.Scheduled, ScheduledFor: { } due } && due <= d.Now
            ? Published(a, due, d, onItsOwn: true)
            : Decision.NothingToRecord;
}
