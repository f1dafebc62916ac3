using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;

namespace EditorialPortal.Domain.Production;

/// <summary>The accepted manuscript enters production, as it stood at acceptance, with the journal's way of producing articles.</summary>
/// <param name="Received">When the journal first received the manuscript.</param>
/// <param name="Revised">When each revised version came in.</param>
public sealed record ProductionStarted(Guid Production, Guid Submission, Guid Journal, ManuscriptType Type, string Title, string Abstract,
    IReadOnlyList<string> Keywords, IReadOnlyList<ContributingAuthor> Authors, Guid SubmittingAuthor, ProductionFile AcceptedFile, DateTimeOffset Received,
    IReadOnlyList<DateTimeOffset> Revised, DateTimeOffset Accepted, ProductionSettings Settings, Guid By, DateTimeOffset At) : IProductionFact;

/// <summary>The portal starts the production of a manuscript accepted before production was part of it.</summary>
public sealed record BeginProduction(Guid Submission, Guid Journal) : ProductionCommand;

/// <summary>The acceptance was rescinded: production stops until the manuscript is accepted again.</summary>
public sealed record ProductionStopped(Guid Production, string Reason, Guid By, DateTimeOffset At) : IProductionFact;

/// <summary>Starting: an accepted manuscript enters production in the commit that accepts it; a rescinded acceptance stops it.</summary>
public static class Starting
{
    internal static void Register(ProductionUseCases cases) => cases
        .Beginning<BeginProduction>(new(Who.ThePortal, "begin the production of an accepted manuscript", "the portal begins production itself, on acceptance"), Begin)
        .Begins<ProductionStarted>((p, f) => (p is null
                ? new ArticleProduction(f.Production, f.Submission, f.Journal, f.Type, f.Title, f.Abstract, f.Keywords, f.Authors, f.SubmittingAuthor, f.AcceptedFile,
                    f.Received, f.Revised, f.Accepted, f.Settings, f.At)
                : p with
                {
                    Title = f.Title, Abstract = f.Abstract, Keywords = f.Keywords, Authors = f.Authors, AcceptedFile = f.AcceptedFile, Revised = f.Revised,
                    Accepted = f.Accepted, Stopped = false, StoppedBecause = null
                }) with { LastChangedAt = f.At },
            (f, _) => $"accepted “{f.Title}”: it entered production",
            (_, n) => n.ProductionEditors.Select(e => new Notice(e, NoticeKind.ProductionStarted, Notice.Nothing))
                .Append(new Notice(n.State.SubmittingAuthor, NoticeKind.InProduction, Notice.Nothing)))
        .Fact<ProductionStopped>((p, f) => p with { Stopped = true, StoppedBecause = f.Reason, LastChangedAt = f.At },
            (f, _) => $"stopped production: {f.Reason}",
            (f, n) => n.ProductionEditors.Concat(n.State.Assignees).Distinct()
                .Select(e => new Notice(e, NoticeKind.ProductionStopped, new Dictionary<string, string> { ["reason"] = f.Reason })));

    /// <summary>The production of the manuscript as it stands when accepted; none for a manuscript without a file.</summary>
    private static ProductionStarted? Started(Submission s, Journal? journal, Guid by, DateTimeOffset at) =>
        s.Manuscript is not { } file ? null
        : new ProductionStarted(ArticleProduction.StreamOf(s.Id), s.Id, s.Journal, s.Type, s.Title, s.Abstract, s.Keywords, s.Authors, s.SubmittingAuthor,
            new ProductionFile(file.FileName, file.MediaType, file.Size, file.Sha256, s.SubmittingAuthor, file.AttachedAt),
            s.Versions.FirstOrDefault()?.SubmittedAt ?? s.SubmittedAt ?? at, [.. s.Versions.Skip(1).Select(v => v.SubmittedAt)],
            at, journal?.Production ?? ProductionSettings.Default, by, at);

    // The manuscript was accepted when it came to its status: that moment is its acceptance date.
    private static Decision Begin(BeginProduction c, ArticleProduction? p, ProductionDeciding d) =>
        p is not null ? Decision.NothingToRecord
        : d.Manuscript is not { Status: SubmissionStatus.Accepted } s || s.Journal != c.Journal
            ? new Refusal.NotAllowedInState("begin the production of an accepted manuscript", d.Manuscript?.Status.Describe() ?? "no such manuscript", "only an accepted manuscript is produced")
            : Started(s, d.Journal, d.Actor.Account, s.StatusSince) is { } started ? Decision.Record(started)
            : new Refusal.Invalid("manuscript", "The accepted manuscript has no file to produce from.");

    /// <summary>Acceptance starts production; rescinding it stops production again.</summary>
    public static IEnumerable<FollowOn> OnAcceptance(Guid stream, IReadOnlyList<object> facts, object? after, DecisionContext context)
    {
        if (after is not Submission s) yield break;
        foreach (var fact in facts)
        {
            if (fact is DecisionRecorded { Decision: DecisionKind.Accept } accepted && Started(s, context.Journal, accepted.By, accepted.At) is { } started)
                yield return new FollowOn(started.Production, StreamKinds.Productions, [started]);
            if (fact is DecisionRescinded { Decision: DecisionKind.Accept } rescinded)
                yield return new FollowOn(ArticleProduction.StreamOf(s.Id), StreamKinds.Productions,
                    [new ProductionStopped(ArticleProduction.StreamOf(s.Id), "the acceptance was rescinded", rescinded.By, rescinded.At)]);
        }
    }
}
