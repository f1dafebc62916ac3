using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Domain.Publication;

/// <summary>Why and when a published article was taken down; its tombstone says so.</summary>
public sealed record ArticleRemoval(string Reason, DateTimeOffset At);

public sealed record ArticleUnpublished(Guid Article, string Reason, Guid By, DateTimeOffset At) : IPublicationFact;

/// <summary>Takes a published article down, saying why in <paramref name="Reason"/>: for what must not stay readable (a legal order, a danger to someone), where a retraction would keep it.</summary>
public sealed record UnpublishArticle(string Reason) : PublicationCommand;

/// <summary>
/// Unpublishing: a published article is taken down and leaves a tombstone at its address and behind its DOI, saying when
/// and why, with its title and authors, so that a citation still leads somewhere; harvesters hear it as deleted. Nothing
/// of it is readable any more, and it is never published again: the DOI stays the tombstone's for good.
/// </summary>
public static class Unpublishing
{
    public const int LongestReason = 2_000;

    internal static void Register(PublicationUseCases cases) => cases
        .Command<UnpublishArticle>(new(Who.ProductionEditor, "unpublish the article", "only the journal's production editors take its articles down"), Unpublish)
        .Fact<ArticleUnpublished>((a, f) => a with { Status = PublicationStatus.Unpublished, Removal = new ArticleRemoval(f.Reason, f.At), PlannedIssue = null },
            (f, _) => $"unpublished the article: {f.Reason}",
            (f, n) => [new Notice(n.State.SubmittingAuthor, NoticeKind.ArticleUnpublished, new Dictionary<string, string> { ["reason"] = f.Reason })]);

    private static Decision Unpublish(UnpublishArticle c, PublishedArticle a, PublicationDeciding d)
    {
        if (a.Status == PublicationStatus.Unpublished) return Decision.NothingToRecord;
        if (a.Status != PublicationStatus.Published)
            return new Refusal.NotAllowedInState("unpublish the article", "not published", "an article not yet out is held back by cancelling its schedule", Of: "the article");
        var reason = c.Reason.Trim();
        if (reason.Length == 0)
            return new Refusal.Invalid("reason", "Say why: readers who follow its DOI or a citation find this in the article's place.");
        if (reason.Length > LongestReason) return new Refusal.Invalid("reason", $"The reason is at most {LongestReason:N0} characters.");
        return Decision.Record(new ArticleUnpublished(a.Id, reason, d.Actor.Account, d.Now));
    }
}
