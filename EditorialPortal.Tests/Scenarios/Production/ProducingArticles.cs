using System.Text;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.Production;

/// <summary>
/// An accepted manuscript on its way to publication: copyedited, reviewed by its author, typeset into galleys, proofed,
/// and declared ready to publish, each hand-over by its own person and each person seeing only their part.
/// </summary>
public abstract class ProducingArticles(IProtocol protocol) : Scenario(protocol)
{
    protected sealed record InProduction(JournalRef Journal, Person Alice, Person Pia, Person Cora, Person Tess, Person Rita, SubmissionRef Article);

    private const string Title = "Tidal mixing feeds coastal plankton";

    /// <summary>Alice's manuscript, accepted by Erin after Rita's review, in a journal where Pia runs production with Cora copyediting and Tess typesetting.</summary>
    protected async Task<InProduction> AnAcceptedManuscript(ProductionSettings? settings = null)
    {
        var journal = await NewJournal();
        if (settings is not null) await Backstage.ChangeProductionSettings(journal, settings);
        var (erin, rita) = (await Backstage.NewAccount("Erin Editor"), await Backstage.NewAccount("Rita Reviewer"));
        await Backstage.Grant(journal, erin, JournalRole.EditorInChief);
        var alice = await NewAuthor("Alice Author");
        var article = await Backstage.AcceptedManuscript(journal, alice.Account, erin, rita, Title);
        return new(journal, alice, await NewStaffMember("Pia Production", journal, JournalRole.ProductionEditor),
            await NewStaffMember("Cora Copyeditor", journal, JournalRole.Copyeditor), await NewStaffMember("Tess Typesetter", journal, JournalRole.Typesetter),
            await Visitor().CanSignIn(rita), article);
    }

    private static SampleFile Pdf(string name, string title) => new(name, SamplePdfs.Titled(title));

    [Fact]
    public async Task An_accepted_manuscript_is_copyedited_typeset_corrected_in_proof_and_made_ready_to_publish()
    {
        var (_, alice, pia, cora, tess, _, article) = await AnAcceptedManuscript();
        await pia.SeesTheArticleInProduction(article, "To copyedit", $"accepted “{Title}”: it entered production");

        await pia.CanAssignTheCopyedit(article, cora);
        await cora.CanUploadACopyeditedFile(article, new SampleFile("copyedited.txt", Encoding.UTF8.GetBytes($"{Title}. Copyedited to house style.")));
        await cora.CanFinishTheCopyedit(article);
        await alice.SeesTheArticleInProduction(article, "With the author");
        await alice.CanAcceptTheCopyedits(article);

        await pia.CanAssignTypesetting(article, tess);
        await tess.CanUploadAGalley(article, GalleyFormat.Pdf, "PDF", Pdf("article.pdf", $"{Title}, typeset"));
        await tess.CanUploadTheJatsFrontMatterAsAGalley(article);
        await tess.CanFinishTypesetting(article);
        await pia.CanSendTheProofsToTheAuthor(article);
        await alice.CanAskForACorrection(article, "PDF", "The second author's affiliation is missing from the title page.",
            annotated: Pdf("annotated.pdf", "Proof with a note on the title page"));

        await pia.CanAssignTypesetting(article, tess);
        await tess.CanUploadAGalley(article, GalleyFormat.Pdf, "PDF", Pdf("article-v2.pdf", $"{Title}, corrected"));
        await tess.CanFinishTypesetting(article);
        await pia.CanSendTheProofsToTheAuthor(article);
        await pia.CannotMarkTheArticleReadyToPublish(article, Because.Missing("proofs", "details"));
        await alice.CanApproveTheProofs(article);

        await pia.CanSaveThePublicationDetails(article);
        await pia.CanMarkTheArticleReadyToPublish(article);
        var ready = await pia.SeesTheArticleInProduction(article, "Ready to publish",
            "gave Cora Copyeditor copyedit 1", "accepted the copyedits", "gave Tess Typesetter typesetting round 2", "asked for 1 correction to the proofs",
            "approved the proofs", "marked the article ready to publish");
        Assert.Empty(ready.Missing);
        Assert.Equal([("PDF", true), ("JATS XML", true)], ready.Galleys);
    }

    [Fact]
    public async Task A_journal_without_copyediting_goes_from_the_accepted_file_straight_to_a_pdf_galley()
    {
        var (_, alice, pia, _, tess, _, article) = await AnAcceptedManuscript(new ProductionSettings(Copyediting: false, AuthorReviewsCopyedits: false));
        await pia.SeesTheArticleInProduction(article, "Typesetting");

        await pia.CanAssignTypesetting(article, tess);
        await tess.CanUploadAGalley(article, GalleyFormat.Pdf, "PDF", Pdf("article.pdf", Title));
        await tess.CanFinishTypesetting(article);
        await pia.CanSendTheProofsToTheAuthor(article);
        await alice.CanApproveTheProofs(article);
        await pia.CanSaveThePublicationDetails(article);
        await pia.CanMarkTheArticleReadyToPublish(article);

        var ready = await alice.SeesTheArticleInProduction(article, "Ready to publish", "approved the proofs");
        Assert.Equal([("PDF", true)], ready.Galleys);
    }

    [Fact]
    public async Task Files_that_change_nothing_or_are_not_valid_jats_are_refused_and_the_author_sends_corrections_with_a_corrected_copy()
    {
        var (_, alice, pia, cora, tess, _, article) = await AnAcceptedManuscript();
        var copyedited = new SampleFile("copyedited.txt", Encoding.UTF8.GetBytes($"{Title}. Copyedited."));
        await pia.CanAssignTheCopyedit(article, cora);
        await cora.CanUploadACopyeditedFile(article, copyedited);
        await cora.CannotUploadACopyeditedFile(article, copyedited with { Name = "copyedited-again.txt" }, because: Because.Missing("file"));
        await cora.CanFinishTheCopyedit(article);
        await alice.CanSendCopyeditCorrections(article, "Keep “phytoplankton” as one word throughout.",
            correctedCopy: new SampleFile("corrected.txt", Encoding.UTF8.GetBytes($"{Title}. Copyedited, phytoplankton as one word.")));
        await alice.SeesTheArticleInProduction(article, "To copyedit", "sent corrections to the copyedits");

        await pia.CanAssignTheCopyedit(article, cora);
        await cora.CanUploadACopyeditedFile(article, new SampleFile("copyedited-2.txt", Encoding.UTF8.GetBytes($"{Title}. Phytoplankton.")));
        await cora.CanFinishTheCopyedit(article);
        await alice.CanAcceptTheCopyedits(article);
        await pia.CanAssignTypesetting(article, tess);
        await tess.CannotUploadAGalley(article, GalleyFormat.JatsXml, "JATS XML",
            new SampleFile("article.xml", Encoding.UTF8.GetBytes("<article dtd-version=\"1.3\"><front><surprise/></front></article>")), because: Because.Missing("file"));
        var pdf = Pdf("article.pdf", Title);
        await tess.CanUploadAGalley(article, GalleyFormat.Pdf, "PDF", pdf);
        await tess.CannotUploadAGalley(article, GalleyFormat.Pdf, "PDF", pdf with { Name = "article-same.pdf" }, because: Because.Missing("file"));

        var sighting = await tess.SeesTheArticleInProduction(article, "Typesetting", "uploaded the PDF galley “PDF” (article.pdf)");
        Assert.Equal([("PDF", false)], sighting.Galleys);
    }

    [Fact]
    public async Task A_reviewer_of_the_manuscript_sees_nothing_of_its_production_and_the_production_editor_cannot_approve_the_proofs()
    {
        var (_, _, pia, _, tess, rita, article) = await AnAcceptedManuscript(new ProductionSettings(Copyediting: false, AuthorReviewsCopyedits: false));
        await rita.DoesNotSeeTheArticleInProduction(article);
        await pia.CanAssignTypesetting(article, tess);
        await tess.CanUploadAGalley(article, GalleyFormat.Pdf, "PDF", Pdf("article.pdf", Title));
        await tess.CanFinishTypesetting(article);
        await pia.CanSendTheProofsToTheAuthor(article);

        await pia.CannotApproveTheProofs(article, because: Because.NotAuthorised);
        await rita.DoesNotSeeTheArticleInProduction(article);
    }
}
