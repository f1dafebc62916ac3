using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;

namespace EditorialPortal.Production;

/// <summary>
/// What a person may do with an article's production now, asked of the decider itself so that links and buttons never
/// offer what a command would refuse for authority or state. Task commands are offered per open task.
/// </summary>
public static class ProductionActions
{
    /// <summary>The commands open to the actor, each with the task it names (none for commands on the whole article).</summary>
    public static IReadOnlyList<(Type Command, Guid? Task)> Available(ArticleProduction p, Journal? journal, Actor actor, DateTimeOffset now)
    {
        var probe = new ProductionUpload("probe.pdf", "application/pdf", 1, new string('0', 64));
        var later = now.AddDays(7);
        var available = new List<(Type, Guid?)>();
        foreach (var command in new ProductionCommand[]
                 {
                     new AssignCopyedit(Guid.NewGuid(), actor.Account, later), new AcceptCopyedits(), new SendCopyeditCorrections("probe"),
                     new AssignTypesetting(Guid.NewGuid(), actor.Account, later), new SendProofs(Guid.NewGuid(), ProofReaderKind.Author, later),
                     new SetPublicationDetails("probe", "https://example.org", "probe", now.Year, "probe"), new CorrectArticleMetadata("probe", "probe", []), new MarkReadyToPublish()
                 })
            if (Permits(command)) available.Add((command.GetType(), null));
        foreach (var task in p.Copyedits)
            foreach (var command in new ProductionCommand[] { new UploadCopyeditedFile(task.Id, probe), new CompleteCopyedit(task.Id), new ReopenCopyedit(task.Id, "probe") })
                if (Permits(command)) available.Add((command.GetType(), task.Id));
        foreach (var round in p.Rounds)
            foreach (var command in new ProductionCommand[] { new UploadGalley(round.Id, Guid.NewGuid(), GalleyFormat.Pdf, "PDF", "en", 1, probe), new CompleteTypesetting(round.Id) })
                if (Permits(command)) available.Add((command.GetType(), round.Id));
        foreach (var proof in p.Proofs)
            foreach (var command in new ProductionCommand[] { new ApproveProofs(proof.Id), new RequestProofCorrections(proof.Id, [.. proof.Galleys.Take(1).Select(g => new ProofCorrection(g, "probe"))]) })
                if (Permits(command)) available.Add((command.GetType(), proof.Id));
        return available;

        // A probe naming the actor as assignee is decided without their account: only authority and state matter here, and a
        // command that would record nothing (a copyedit finished already) is not on offer.
        bool Permits(ProductionCommand command) =>
            ProductionDecider.Decide(p.Id, command, p, journal, actor, now) is var decision
            && (decision.Refusal is Refusal.Invalid || (decision.Refusal is null && decision.Facts.Count > 0));
    }
}
