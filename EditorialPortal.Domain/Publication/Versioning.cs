using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Production;

namespace EditorialPortal.Domain.Publication;

public enum VersionKind
{
    /// <summary>The article as it first came out.</summary>
    Original,

    /// <summary>Its metadata or a typing slip put right; what the article says is unchanged.</summary>
    Minor,

    /// <summary>Its content changed: new galleys, read and approved again.</summary>
    Major
}

public static class VersionKinds
{
    public static string Describe(this VersionKind kind) => kind switch
    {
        VersionKind.Original => "original version",
        VersionKind.Minor => "minor correction",
        _ => "major revision"
    };
}

/// <summary>One version of record as readers had it: what it was, when it came out, and, after the first, why it followed the one before.</summary>
public sealed record ArticleVersion(int Number, VersionKind Kind, string? Note, ArticleMetadata Metadata, DateTimeOffset PublishedAt)
{
    /// <summary>What the page of this version says above it once a later version is the article.</summary>
    public string SupersededBanner => $"This is version {Number} of the article, published {PublishedAt:d MMMM yyyy}. It has been superseded.";
}

/// <summary>A new version under way: begun with its kind and public note, and what it will be once production has it ready again.</summary>
public sealed record VersionInPreparation(int Number, VersionKind Kind, string Note, DateTimeOffset BegunAt)
{
    public ArticleMetadata? Ready { get; init; }
}

/// <summary>A new version of the published article is begun: production opens on it again, with the public note of what will change.</summary>
public sealed record NewVersionBegun(Guid Article, int Number, VersionKind Kind, string Note, Guid By, DateTimeOffset At) : IPublicationFact;

/// <summary>Production has the new version ready, as it is in <paramref name="Metadata"/>.</summary>
public sealed record NewVersionReady(Guid Article, int Number, ArticleMetadata Metadata, Guid By, DateTimeOffset At) : IPublicationFact;

/// <summary>The new version is what readers get from now on; the one before stays readable, marked as superseded.</summary>
public sealed record ArticleVersionPublished(Guid Article, int Number, VersionKind Kind, string Note, ArticleMetadata Metadata, DateTimeOffset PublishedAt, Guid By, DateTimeOffset At)
    : IPublicationFact;

/// <summary>Begins a new version of a published article; <paramref name="Note"/> tells readers what changed and why.</summary>
public sealed record BeginNewVersion(VersionKind Kind, string Note) : PublicationCommand;

/// <summary>Publishes the new version production has ready.</summary>
public sealed record PublishNewVersion : PublicationCommand;

/// <summary>
/// Versions of record: a published article is put right in a new version, minor (its metadata or a typing slip) or major
/// (its content), with a public note of what changed. Production opens on it again and declares it ready as before; once
/// published, the new version is the article, its DOI is deposited again with what it now says, and every earlier version
/// stays readable as it was, marked as superseded. A retracted article is not revised: its retraction is its last word.
/// </summary>
public static class Versioning
{
    public const int LongestNote = 2_000;
    private const string OnlyProductionEditor = "only the journal's production editors publish new versions of its articles";

    internal static void Register(PublicationUseCases cases) => cases
        .Command<BeginNewVersion>(new(Who.ProductionEditor, "begin a new version of the article", OnlyProductionEditor), Begin)
        .Command<PublishNewVersion>(new(Who.ProductionEditor, "publish the new version", OnlyProductionEditor), Publish)
        .Fact<NewVersionBegun>((a, f) => a with { Preparing = new VersionInPreparation(f.Number, f.Kind, f.Note, f.At) },
            (f, _) => $"began version {f.Number} of the article, a {f.Kind.Describe()}: {f.Note}", (_, _) => Notice.NoOne)
        .Fact<NewVersionReady>((a, f) => a.Preparing is { } preparing && preparing.Number == f.Number ? a with { Preparing = preparing with { Ready = f.Metadata } } : a,
            (f, _) => $"declared version {f.Number} ready: it waits to be published", (_, _) => Notice.NoOne)
        .Fact<ArticleVersionPublished>((a, f) => a with
            {
                Versions = [.. a.VersionsOfRecord, new ArticleVersion(f.Number, f.Kind, f.Note, f.Metadata, f.PublishedAt)],
                Metadata = f.Metadata,
                Preparing = null
            },
            (f, _) => $"published version {f.Number} of the article, a {f.Kind.Describe()}: {f.Note}",
            (f, n) => [new Notice(n.State.SubmittingAuthor, NoticeKind.ArticleVersionPublished, new Dictionary<string, string>
            {
                ["version"] = f.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["kind"] = f.Kind.Describe(),
                ["note"] = f.Note
            })]);

    private static Decision Begin(BeginNewVersion c, PublishedArticle a, PublicationDeciding d)
    {
        if (a.Status != PublicationStatus.Published)
            return new Refusal.NotAllowedInState("begin a new version of the article", a.Status.ToString().ToLowerInvariant(),
                a.Status == PublicationStatus.Unpublished ? "an article taken down stays down" : "an article not yet out is changed in production before it is published", Of: "the article");
        if (a.IsRetracted)
            return new Refusal.NotAllowedInState("begin a new version of the article", "retracted", "the retraction is the article's last word; a correction of the retraction is a notice of its own", Of: "the article");
        if (c.Kind == VersionKind.Original) return new Refusal.Invalid("kind", "Say whether the new version is a minor correction or a major revision.");
        var note = c.Note.Trim();
        if (a.Preparing is { } preparing)
            return preparing.Kind == c.Kind && preparing.Note == note ? Decision.NothingToRecord
                : new Refusal.NotAllowedInState("begin a new version of the article", "preparing a version", $"version {preparing.Number} is under way; publish it first", Of: "the article");
        if (note.Length == 0) return new Refusal.Invalid("note", "Say what changes: readers see this note with the new version.");
        if (note.Length > LongestNote) return new Refusal.Invalid("note", $"The note is at most {LongestNote:N0} characters.");
        var number = a.VersionsOfRecord[^1].Number + 1;
        return Decision.Record(new NewVersionBegun(a.Id, number, c.Kind, note, d.Actor.Account, d.Now));
    }

    // The new version's deposit is queued in the same commit: Crossref then has what the article says now.
    private static Decision Publish(PublishNewVersion c, PublishedArticle a, PublicationDeciding d)
    {
        if (a.Preparing is not { } preparing) return Decision.NothingToRecord;
        if (preparing.Ready is not { } metadata)
            return new Refusal.NotAllowedInState("publish the new version", "in production", $"production has not yet declared version {preparing.Number} ready", Of: "the article");
        var published = new ArticleVersionPublished(a.Id, preparing.Number, preparing.Kind, preparing.Note, metadata, d.Now, d.Actor.Account, d.Now);
        return a.Doi is { } doi ? Decision.Record(published, Depositing.Queue(a, doi, d.Actor, d.Now)) : Decision.Record(published);
    }

    /// <summary>Beginning a new version opens the article's production again, in the same commit.</summary>
    public static IEnumerable<FollowOn> OnNewVersion(Guid stream, IReadOnlyList<object> facts, object? after, DecisionContext context)
    {
        if (after is not PublishedArticle a) yield break;
        foreach (var begun in facts.OfType<NewVersionBegun>())
            yield return new FollowOn(ArticleProduction.StreamOf(a.Submission), StreamKinds.Productions,
                [new ProductionReopened(ArticleProduction.StreamOf(a.Submission), begun.Number, begun.Kind, begun.Note, begun.By, begun.At)]);
    }
}
