using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Publication;

public interface IPublicationFact : IHistoricalFact
{
    Guid Article { get; }
}

/// <summary>A command on one article's publication; the desk names the article's stream it is for.</summary>
public abstract record PublicationCommand : Command;

/// <summary>A galley as readers get it: the file as the author approved it.</summary>
public sealed record PublishedGalley(Guid Id, GalleyFormat Format, string Label, string Language, int Order, ProductionFile File);

/// <summary>
/// What an article is, as it is published: everything its landing page, its citation and its metadata are made of, taken
/// from the record when production declared it ready.
/// </summary>
public sealed record ArticleMetadata(
    ManuscriptType Type,
    string Title,
    string Abstract,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<ContributingAuthor> Authors,
    PublicationDetails Details,
    DateTimeOffset Received,
    IReadOnlyList<DateTimeOffset> Revised,
    DateTimeOffset Accepted,
    IReadOnlyList<PublishedGalley> Galleys)
{
    public static ArticleMetadata Of(ArticleProduction p) =>
        new(p.Type, p.Title, p.Abstract, p.Keywords, p.Authors, PublicationDetails.SuggestedFor(p), p.Received, p.Revised, p.Accepted,
            [.. p.Galleys.OrderBy(g => g.Order).Select(g => new PublishedGalley(g.Id, g.Format, g.Label, g.Language, g.Order, g.Current))]);
}

public enum PublicationStatus
{
    /// <summary>Ready, not yet scheduled.</summary>
    Ready,
    Scheduled,
    Published,

    /// <summary>Taken down after publication: a tombstone in its place, for good.</summary>
    Unpublished
}

/// <summary>
/// One article's publication: ready from production, given its DOI, scheduled, and published for readers. Its stream
/// is derived from the manuscript's id, as production's is.
/// </summary>
public sealed record PublishedArticle(Guid Id, Guid Submission, Guid Journal, Guid SubmittingAuthor, ArticleMetadata Metadata, DateTimeOffset ReadyAt) : IVersioned
{
    public long Version { get; init; }
    public string? Doi { get; init; }
    public DateTimeOffset? ScheduledFor { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public PublicationStatus Status { get; init; }
    public DateTimeOffset LastChangedAt { get; init; }

    /// <summary>Every deposit of the DOI with Crossref, in order, with what became of each.</summary>
    public IReadOnlyList<DoiDeposit> Deposits { get; init; } = [];

    /// <summary>The corrections, expressions of concern and retraction published about the article, oldest first.</summary>
    public IReadOnlyList<ArticleNotice> Notices { get; init; } = [];

    /// <summary>The future issue the production editors planned the article into, until that issue is out.</summary>
    public Guid? PlannedIssue { get; init; }

    /// <summary>Where the article is in its published issue; null for an article published on its own.</summary>
    public IssuePlacement? Issue { get; init; }

    /// <summary>Its number in a journal that publishes continuously, given when it was published on its own.</summary>
    public string? ArticleNumber { get; init; }

    /// <summary>Where in the journal a citation finds it: its pages or number in its issue, else its article number.</summary>
    public string? Locator => Issue?.Pages ?? ArticleNumber;

    /// <summary>Every version of record published, the current one last; empty until the article is out.</summary>
    public IReadOnlyList<ArticleVersion> Versions { get; init; } = [];

    /// <summary>The versions of record, the article as it first came out counted as the first even where it was published before versions were kept.</summary>
    public IReadOnlyList<ArticleVersion> VersionsOfRecord =>
        Versions.Count > 0 || PublishedAt is not { } at ? Versions : [new ArticleVersion(1, VersionKind.Original, null, Metadata, at)];

    /// <summary>The version readers get now.</summary>
    public ArticleVersion? CurrentVersion => VersionsOfRecord.Count == 0 ? null : VersionsOfRecord[^1];

    /// <summary>The version of record the number names, if there is one.</summary>
    public ArticleVersion? VersionNumbered(int number) => VersionsOfRecord.FirstOrDefault(v => v.Number == number);

    /// <summary>The new version under way, from its beginning until it is published.</summary>
    public VersionInPreparation? Preparing { get; init; }

    /// <summary>Why and when it was taken down, once it is unpublished.</summary>
    public ArticleRemoval? Removal { get; init; }

    public bool IsRetracted => Notices.Any(n => n.Kind == ArticleNoticeKind.Retraction);

    /// <summary>The id the next notice about the article takes: the same for every screen that offers it, so sending it twice publishes it once.</summary>
    public Guid NextNoticeId => NoticeId(Id, Notices.Count + 1);

    /// <summary>The id of the article's <paramref name="number"/>th notice, counted from one.</summary>
    public static Guid NoticeId(Guid article, int number) => DeterministicGuid.From(article, NoticeNamespace, new Guid(number, 0, 0, new byte[8]));

    private static readonly Guid NoticeNamespace = Guid.Parse("7b1f4c2e-5d8a-4e39-a6c0-93e2d41f8b57");

    /// <summary>The notice whose banner the article's page shows: a retraction over everything, else the latest notice.</summary>
    public ArticleNotice? Standing => Notices.LastOrDefault(n => n.Kind == ArticleNoticeKind.Retraction) ?? Notices.LastOrDefault();

    /// <summary>When the next deposit attempt is due, if one waits; kept with the document for the depositing round to find.</summary>
    public DateTimeOffset? DepositDue { get; init; }

    /// <summary>When Crossref's report on a deposit it took in is due to be asked for, if one waits.</summary>
    public DateTimeOffset? ReportDue { get; init; }

    /// <summary>Whether readers may see it: published, and so at or past its time, since nothing is published early.</summary>
    public bool IsPublic => Status == PublicationStatus.Published;

    /// <summary>Whether harvesters have it: published, or published once and since taken down, which they hear as deleted.</summary>
    public bool IsHarvested => Status is PublicationStatus.Published or PublicationStatus.Unpublished;

    public static Guid StreamOf(Guid submission) => DeterministicGuid.From(submission, PublicationNamespace);

    private static readonly Guid PublicationNamespace = Guid.Parse("0c5e8f7a-2b41-4d93-8e6a-51b7c3a9d2f4");

    public static PublishedArticle? Fold(PublishedArticle? state, object fact) =>
        PublicationUseCases.All.Facts.Find(fact.GetType()) is { } useCase && useCase.Fold(state, fact) is { } next
            ? next with
            {
                DepositDue = next.Deposits.LastOrDefault(d => d.Status == DepositStatus.Queued)?.NextAttemptAt,
                ReportDue = next.Deposits.FirstOrDefault(d => d.Status == DepositStatus.Submitted)?.AnsweredAt + Depositing.ReportWait
            }
            : state;

    public static readonly IReadOnlyList<Type> FactTypes = FactKinds.Of<IPublicationFact>();
}
