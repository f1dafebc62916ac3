using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Aggregation;

namespace EditorialPortal.Records;

// The folds live in the domain, which references no package; these adapters hand each fact to them.

/// <summary>
/// How a rebuild reads the record: in large pages, each document kept in memory across pages and written once per
/// flush rather than loaded and saved again with every page of facts. Inline projection, the usual path, is unaffected.
/// </summary>
internal static class Rebuilding
{
    public static void InBulk(AsyncOptions options)
    {
        options.BatchSize = 10_000;
        options.CacheLimitPerTenant = 250_000;
        options.RebuildFlushThreshold = 25_000;
    }
}

public sealed partial class SubmissionProjection : SingleStreamProjection<Submission, Guid>
{
    public SubmissionProjection()
    {
        foreach (var type in Submission.FactTypes) IncludeType(type);
        Rebuilding.InBulk(Options);
    }

    public override Submission? Evolve(Submission? snapshot, Guid id, IEvent e) => Submission.Fold(snapshot, e.Data) is { } s ? s with { Version = e.Version } : null;
}

public sealed partial class JournalProjection : SingleStreamProjection<Journal, Guid>
{
    public JournalProjection()
    {
        foreach (var type in Journal.FactTypes) IncludeType(type);
        Rebuilding.InBulk(Options);
    }

    public override Journal? Evolve(Journal? snapshot, Guid id, IEvent e) => Journal.Fold(snapshot, e.Data) is { } j ? j with { Version = e.Version } : null;
}

public sealed partial class AccountProjection : SingleStreamProjection<Account, Guid>
{
    public AccountProjection()
    {
        foreach (var type in Account.FactTypes) IncludeType(type);
        Rebuilding.InBulk(Options);
    }

    public override Account? Evolve(Account? snapshot, Guid id, IEvent e) => Account.Fold(snapshot, e.Data) is { } a ? a with { Version = e.Version } : null;
}

public sealed partial class OutgoingMessageProjection : SingleStreamProjection<OutgoingMessage, Guid>
{
    public OutgoingMessageProjection()
    {
        foreach (var type in OutgoingMessage.FactTypes) IncludeType(type);
        Rebuilding.InBulk(Options);
    }

    public override OutgoingMessage? Evolve(OutgoingMessage? snapshot, Guid id, IEvent e) => OutgoingMessage.Fold(snapshot, e.Data) is { } m ? m with { Version = e.Version } : null;
}

public sealed partial class ReviewDraftProjection : SingleStreamProjection<ReviewDraft, Guid>
{
    public ReviewDraftProjection()
    {
        foreach (var type in ReviewDraft.FactTypes) IncludeType(type);
        Rebuilding.InBulk(Options);
    }

    public override ReviewDraft? Evolve(ReviewDraft? snapshot, Guid id, IEvent e) => ReviewDraft.Fold(snapshot, e.Data) is { } d ? d with { Version = e.Version } : null;
}

public sealed partial class ProductionProjection : SingleStreamProjection<ArticleProduction, Guid>
{
    public ProductionProjection()
    {
        foreach (var type in ArticleProduction.FactTypes) IncludeType(type);
        Rebuilding.InBulk(Options);
    }

    public override ArticleProduction? Evolve(ArticleProduction? snapshot, Guid id, IEvent e) =>
        ArticleProduction.Fold(snapshot, e.Data) is { } p ? p with { Version = e.Version } : null;
}

public sealed partial class PublicationProjection : SingleStreamProjection<PublishedArticle, Guid>
{
    public PublicationProjection()
    {
        foreach (var type in PublishedArticle.FactTypes) IncludeType(type);
        Rebuilding.InBulk(Options);
    }

    public override PublishedArticle? Evolve(PublishedArticle? snapshot, Guid id, IEvent e) =>
        PublishedArticle.Fold(snapshot, e.Data) is { } a ? a with { Version = e.Version } : null;
}

public sealed partial class IssueProjection : SingleStreamProjection<JournalIssue, Guid>
{
    public IssueProjection()
    {
        foreach (var type in JournalIssue.FactTypes) IncludeType(type);
        Rebuilding.InBulk(Options);
    }

    public override JournalIssue? Evolve(JournalIssue? snapshot, Guid id, IEvent e) =>
        JournalIssue.Fold(snapshot, e.Data) is { } i ? i with { Version = e.Version } : null;
}
