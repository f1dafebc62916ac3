using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Submissions;
using Xunit;

namespace EditorialPortal.Tests.Production;

/// <summary>An accepted article's production, decided and folded: copyedits, the author's review, typesetting, proofs, readiness.</summary>
public sealed class ProductionDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid SubmissionId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Id = ArticleProduction.StreamOf(SubmissionId);
    private static readonly Actor Alice = new(Guid.Parse("00000000-0000-0000-0000-00000000a11c"), "Alice Smith", "alice@bristol.ac.uk");
    private static readonly Account Pia = Person(Guid.Parse("00000000-0000-0000-0000-0000000000b1"), "Pia Production", "pia@journal.example");
    private static readonly Account Cora = Person(Guid.Parse("00000000-0000-0000-0000-0000000000c0"), "Cora Copyeditor", "cora@journal.example");
    private static readonly Account Colm = Person(Guid.Parse("00000000-0000-0000-0000-0000000000c1"), "Colm Copyeditor", "colm@journal.example");
    private static readonly Account Tess = Person(Guid.Parse("00000000-0000-0000-0000-0000000000d0"), "Tess Typesetter", "tess@journal.example");
    private static readonly Account Hugo = Person(Guid.Parse("00000000-0000-0000-0000-000000000409"), "Hugo Handler", "hugo@uchile.cl");

    private static readonly ProductionFile Accepted = new("paper-v2.pdf", "application/pdf", 1234, new string('a', 64), Alice.Account, Now);

    private static Journal JournalWith(ProductionSettings settings) => new IHistoricalFact[]
    {
        new JournalCreated(JournalId, "Journal of Tests", "2049-3630", "", [ManuscriptType.ResearchArticle], Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Pia.Id, JournalRole.ProductionEditor, Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Cora.Id, JournalRole.Copyeditor, Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Colm.Id, JournalRole.Copyeditor, Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Tess.Id, JournalRole.Typesetter, Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Hugo.Id, JournalRole.HandlingEditor, Guid.Empty, Now),
        new ProductionSettingsChanged(JournalId, settings, Guid.Empty, Now)
    }.Aggregate<IHistoricalFact, Journal?>(null, Journal.Fold)!;

    private static Account Person(Guid id, string name, string email) => Account.Fold(null, new AccountRegistered(id, name, email, "", null, id, Now))!;

    private static Actor As(Account a) => new(a.Id, a.Name, a.Email);

    private static ArticleProduction Started(ProductionSettings settings) => ArticleProduction.Fold(null,
        new ProductionStarted(Id, SubmissionId, JournalId, ManuscriptType.ResearchArticle, "Tidal mixing", "We measured it.", ["tides"],
            [new("Alice Smith", Alice.Email, "Bristol", null, true)], Alice.Account, Accepted, Now.AddMonths(-3), [Now.AddMonths(-1)], Now, settings, Hugo.Id, Now))!;

    private sealed class Article(ProductionSettings settings)
    {
        public ArticleProduction State { get; private set; } = Started(settings);
        private readonly Journal _journal = JournalWith(settings);

        public Decision Decide(ProductionCommand command, Actor actor, Account? subject = null) =>
            ProductionDecider.Decide(Id, command, State, _journal, actor, Now, subject);

        public Article Does(ProductionCommand command, Actor actor, Account? subject = null)
        {
            var decision = Decide(command, actor, subject);
            Assert.True(decision.Refusal is null, $"{actor.Name} could not {command.GetType().Name}: {decision.Refusal}");
            State = decision.Facts.Aggregate(State, (s, f) => ArticleProduction.Fold(s, f)!);
            return this;
        }

        public Refusal Refused(ProductionCommand command, Actor actor, Account? subject = null) =>
            Decide(command, actor, subject).Refusal ?? throw new Xunit.Sdk.XunitException($"{command.GetType().Name} was not refused.");
    }

    private static ProductionUpload File(string name, char content, string mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document") =>
        new(name, mediaType, 2048, new string(content, 64));

    private static readonly Guid Copyedit = Guid.Parse("00000000-0000-0000-0000-000000000c01");
    private static readonly Guid SecondCopyedit = Guid.Parse("00000000-0000-0000-0000-000000000c02");
    private static readonly Guid Round1 = Guid.Parse("00000000-0000-0000-0000-000000000d01");
    private static readonly Guid Round2 = Guid.Parse("00000000-0000-0000-0000-000000000d02");
    private static readonly Guid Pdf = Guid.Parse("00000000-0000-0000-0000-000000000e01");
    private static readonly Guid Proof1 = Guid.Parse("00000000-0000-0000-0000-000000000f01");
    private static readonly Guid Proof2 = Guid.Parse("00000000-0000-0000-0000-000000000f02");

    [Fact]
    public void An_article_is_copyedited_reviewed_by_its_author_typeset_corrected_in_proof_and_made_ready_to_publish()
    {
        var article = new Article(ProductionSettings.Default);
        Assert.Equal(ProductionStep.Copyediting, article.State.Step);

        article.Does(new AssignCopyedit(Copyedit, Cora.Id, Now.AddDays(7), "House style, please."), As(Pia), Cora)
            .Does(new UploadCopyeditedFile(Copyedit, File("copyedited.docx", 'b')), As(Cora))
            .Does(new CompleteCopyedit(Copyedit), As(Cora));
        Assert.Equal((ProductionStep.WithTheAuthor, CopyeditReviewStatus.Waiting), (article.State.Step, article.State.AuthorReview.Status));

        article.Does(new AcceptCopyedits(), Alice);
        Assert.Equal(ProductionStep.Typesetting, article.State.Step);

        article.Does(new AssignTypesetting(Round1, Tess.Id, Now.AddDays(7)), As(Pia), Tess)
            .Does(new UploadGalley(Round1, Pdf, GalleyFormat.Pdf, "PDF", "en", 1, File("article.pdf", 'c', "application/pdf")), As(Tess))
            .Does(new CompleteTypesetting(Round1), As(Tess))
            .Does(new SendProofs(Proof1, ProofReaderKind.Author, Now.AddDays(3)), As(Pia));
        Assert.Equal("copyedited.docx", Assert.Single(article.State.Round(Round1)!.Sources).FileName);
        Assert.Equal(ProductionStep.WithTheAuthor, article.State.Step);

        article.Does(new RequestProofCorrections(Proof1, [new ProofCorrection(Pdf, "My affiliation is the University of Bristol.")]), Alice);
        Assert.False(article.State.ApprovedByAuthor);

        article.Does(new AssignTypesetting(Round2, Tess.Id, Now.AddDays(5)), As(Pia), Tess)
            .Does(new UploadGalley(Round2, Pdf, GalleyFormat.Pdf, "PDF", "en", 1, File("article.pdf", 'd', "application/pdf")), As(Tess))
            .Does(new CompleteTypesetting(Round2), As(Tess))
            .Does(new SendProofs(Proof2, ProofReaderKind.Author, Now.AddDays(3)), As(Pia))
            .Does(new ApproveProofs(Proof2), Alice);
        Assert.Equal(ProductionStep.Finishing, article.State.Step);
        var galley = Assert.Single(article.State.Galleys);
        Assert.True(galley.Locked);
        Assert.Equal([1, 2], galley.Versions.Select(v => v.Round));

        article.Does(new SetPublicationDetails("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "The authors", 2026, "Research articles"), As(Pia))
            .Does(new MarkReadyToPublish(), As(Pia));
        Assert.Equal(ProductionStep.ReadyToPublish, article.State.Step);
        Assert.IsType<Refusal.NotAllowedInState>(article.Refused(new AssignTypesetting(Guid.NewGuid(), Tess.Id, Now.AddDays(5)), As(Pia), Tess));
    }

    [Fact]
    public void A_journal_that_skips_copyediting_goes_straight_from_the_accepted_file_to_typesetting()
    {
        var article = new Article(new ProductionSettings(Copyediting: false));
        Assert.Equal(ProductionStep.Typesetting, article.State.Step);
        Assert.IsType<Refusal.NotAllowedInState>(article.Refused(new AssignCopyedit(Copyedit, Cora.Id, Now.AddDays(7)), As(Pia), Cora));
        article.Does(new AssignTypesetting(Round1, Pia.Id, Now.AddDays(7)), As(Pia), Pia);
        Assert.Equal(Accepted, Assert.Single(article.State.Round(Round1)!.Sources));
    }

    [Fact]
    public void Typesetting_waits_for_the_copyedits_and_the_authors_acceptance()
    {
        var article = new Article(ProductionSettings.Default);
        Assert.IsType<Refusal.NotAllowedInState>(article.Refused(new AssignTypesetting(Round1, Tess.Id, Now.AddDays(7)), As(Pia), Tess));
        article.Does(new AssignCopyedit(Copyedit, Cora.Id, Now.AddDays(7)), As(Pia), Cora)
            .Does(new UploadCopyeditedFile(Copyedit, File("copyedited.docx", 'b')), As(Cora))
            .Does(new CompleteCopyedit(Copyedit), As(Cora))
            .Does(new SendCopyeditCorrections("Table 2 lost its last column."), Alice);
        Assert.Equal(ProductionStep.Copyediting, article.State.Step);
        Assert.IsType<Refusal.NotAllowedInState>(article.Refused(new AssignTypesetting(Round1, Tess.Id, Now.AddDays(7)), As(Pia), Tess));
        Assert.IsType<Refusal.NotAllowedInState>(article.Refused(new AcceptCopyedits(), Alice));
    }

    [Fact]
    public void Finishing_one_copyedit_never_closes_the_step_for_another()
    {
        var article = new Article(ProductionSettings.Default)
            .Does(new AssignCopyedit(Copyedit, Cora.Id, Now.AddDays(7)), As(Pia), Cora)
            .Does(new AssignCopyedit(SecondCopyedit, Colm.Id, Now.AddDays(7), "References only."), As(Pia), Colm)
            .Does(new UploadCopyeditedFile(Copyedit, File("copyedited.docx", 'b')), As(Cora))
            .Does(new CompleteCopyedit(Copyedit), As(Cora));
        Assert.Equal(ProductionStep.Copyediting, article.State.Step);
        Assert.Equal(CopyeditReviewStatus.NotAsked, article.State.AuthorReview.Status);
        Assert.IsType<Refusal.NotAuthorised>(article.Refused(new CompleteCopyedit(SecondCopyedit), As(Cora)));
    }

    [Fact]
    public void A_file_byte_for_byte_the_same_as_the_one_there_is_refused_as_nothing_changed()
    {
        var article = new Article(new ProductionSettings(Copyediting: false))
            .Does(new AssignTypesetting(Round1, Tess.Id, Now.AddDays(7)), As(Pia), Tess)
            .Does(new UploadGalley(Round1, Pdf, GalleyFormat.Pdf, "PDF", "en", 1, File("article.pdf", 'c', "application/pdf")), As(Tess));
        var same = Assert.IsType<Refusal.Invalid>(article.Refused(new UploadGalley(Round1, Pdf, GalleyFormat.Pdf, "PDF", "en", 1, File("renamed.pdf", 'c', "application/pdf")), As(Tess)));
        Assert.StartsWith("Nothing changed", same.Errors.Single().Message);
        Assert.Equal("file", Assert.Single(Assert.IsType<Refusal.Invalid>(article.Refused(
            new UploadGalley(Round1, Guid.NewGuid(), GalleyFormat.JatsXml, "JATS", "en", 2, File("article.pdf", 'e', "application/pdf")), As(Tess))).Errors).Field);
    }

    [Fact]
    public void A_galley_the_author_approved_is_locked_and_changes_only_in_a_new_round()
    {
        var article = new Article(new ProductionSettings(Copyediting: false))
            .Does(new AssignTypesetting(Round1, Tess.Id, Now.AddDays(7)), As(Pia), Tess)
            .Does(new UploadGalley(Round1, Pdf, GalleyFormat.Pdf, "PDF", "en", 1, File("article.pdf", 'c', "application/pdf")), As(Tess))
            .Does(new CompleteTypesetting(Round1), As(Tess))
            .Does(new SendProofs(Proof1, ProofReaderKind.Author, Now.AddDays(3)), As(Pia))
            .Does(new ApproveProofs(Proof1, "Looks right."), Alice);
        Assert.True(article.State.ApprovedByAuthor);
        article.Does(new AssignTypesetting(Round2, Tess.Id, Now.AddDays(7)), As(Pia), Tess);
        Assert.False(article.State.ApprovedByAuthor);
        article.Does(new UploadGalley(Round2, Pdf, GalleyFormat.Pdf, "PDF", "en", 1, File("article.pdf", 'd', "application/pdf")), As(Tess));
        Assert.Equal(2, article.State.Galleys.Single().Versions.Count);
    }

    [Fact]
    public void Ready_to_publish_is_checked_by_the_portal_and_what_is_missing_is_said_in_words()
    {
        var article = new Article(new ProductionSettings(Copyediting: false));
        var missing = Assert.IsType<Refusal.Invalid>(article.Refused(new MarkReadyToPublish(), As(Pia)));
        Assert.Equal(["galleys", "details"], missing.Errors.Select(e => e.Field));
        Assert.All(missing.Errors, e => Assert.StartsWith("Before publication, the article needs ", e.Message));

        article.Does(new AssignTypesetting(Round1, Tess.Id, Now.AddDays(7)), As(Pia), Tess)
            .Does(new UploadGalley(Round1, Pdf, GalleyFormat.Pdf, "PDF", "en", 1, File("article.pdf", 'c', "application/pdf")), As(Tess))
            .Does(new CompleteTypesetting(Round1), As(Tess))
            .Does(new SetPublicationDetails("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "The authors", 2026, "Research articles"), As(Pia));
        Assert.Equal("proofs", Assert.Single(Assert.IsType<Refusal.Invalid>(article.Refused(new MarkReadyToPublish(), As(Pia))).Errors).Field);

        // A journal that expects no proofs publishes once the galleys and details are there.
        var noProofs = new Article(new ProductionSettings(Copyediting: false, ProofRounds: 0))
            .Does(new AssignTypesetting(Round1, Tess.Id, Now.AddDays(7)), As(Pia), Tess)
            .Does(new UploadGalley(Round1, Pdf, GalleyFormat.Pdf, "PDF", "en", 1, File("article.pdf", 'c', "application/pdf")), As(Tess))
            .Does(new CompleteTypesetting(Round1), As(Tess))
            .Does(new SetPublicationDetails("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "The authors", 2026, "Research articles"), As(Pia))
            .Does(new MarkReadyToPublish(), As(Pia));
        Assert.NotNull(noProofs.State.ReadyAt);
    }

    [Fact]
    public void Only_the_people_a_task_names_work_on_it_and_only_the_proofs_reader_answers_them()
    {
        var article = new Article(new ProductionSettings(Copyediting: false))
            .Does(new AssignTypesetting(Round1, Tess.Id, Now.AddDays(7)), As(Pia), Tess);
        Assert.IsType<Refusal.NotAuthorised>(article.Refused(new CompleteTypesetting(Round1), As(Cora)));
        Assert.IsType<Refusal.NotAuthorised>(article.Refused(new AssignTypesetting(Round2, Tess.Id, Now.AddDays(7)), As(Hugo), Tess));
        Assert.Equal("typesetter", Assert.Single(Assert.IsType<Refusal.Invalid>(new Article(new ProductionSettings(Copyediting: false))
            .Refused(new AssignTypesetting(Round1, Hugo.Id, Now.AddDays(7)), As(Pia), Hugo)).Errors).Field);
        article.Does(new UploadGalley(Round1, Pdf, GalleyFormat.Pdf, "PDF", "en", 1, File("article.pdf", 'c', "application/pdf")), As(Tess))
            .Does(new CompleteTypesetting(Round1), As(Tess))
            .Does(new SendProofs(Proof1, ProofReaderKind.Author, Now.AddDays(3)), As(Pia));
        Assert.IsType<Refusal.NotAuthorised>(article.Refused(new ApproveProofs(Proof1), As(Pia)));
        Assert.Equal("task", Assert.Single(Assert.IsType<Refusal.Invalid>(article.Refused(new CompleteTypesetting(Guid.NewGuid()), As(Pia))).Errors).Field);
    }

    [Fact]
    public void An_overdue_task_is_reminded_once_overdue_then_at_the_journals_interval()
    {
        var article = new Article(ProductionSettings.Default).Does(new AssignCopyedit(Copyedit, Cora.Id, Now.AddDays(7)), As(Pia), Cora);
        Assert.Empty(Readiness.RemindersDue(article.State, 7, Now.AddDays(6)));
        Assert.Equal([Copyedit], Readiness.RemindersDue(article.State, 7, Now.AddDays(8)));
        var reminded = ArticleProduction.Fold(article.State, new ProductionTaskReminded(Id, Copyedit, Actor.System.Account, Now.AddDays(8)))!;
        Assert.Empty(Readiness.RemindersDue(reminded, 7, Now.AddDays(10)));
        Assert.Equal([Copyedit], Readiness.RemindersDue(reminded, 7, Now.AddDays(15)));
        Assert.Empty(Readiness.RemindersDue(reminded, 0, Now.AddDays(30)));
    }

    [Fact]
    public void The_portal_begins_the_production_of_a_manuscript_accepted_before_production_existed_and_only_once()
    {
        var accepted = new IHistoricalFact[]
        {
            new SubmissionStarted(SubmissionId, JournalId, ManuscriptType.ResearchArticle, Alice.Account, Now.AddMonths(-3)),
            new TitleChanged(SubmissionId, "Tidal mixing", Alice.Account, Now.AddMonths(-3)),
            new ManuscriptFileAttached(SubmissionId, 1, "paper.pdf", "application/pdf", 1234, new string('a', 64), Alice.Account, Now.AddMonths(-3)),
            new ManuscriptSubmitted(SubmissionId, JournalId, 1, Alice.Account, Now.AddMonths(-3)),
            new Domain.Review.DecisionRecorded(SubmissionId, 1, DecisionKind.Accept, "Accepted.", "Enough", Hugo.Id, Now.AddDays(-2))
        }.Aggregate<IHistoricalFact, Submission?>(null, Submission.Fold)!;
        var journal = JournalWith(ProductionSettings.Default);

        var begun = Assert.IsType<ProductionStarted>(Assert.Single(ProductionDecider.Decide(Id, new BeginProduction(SubmissionId, JournalId), null, journal, Actor.System, Now,
            manuscript: accepted).Facts));
        Assert.Equal((Now.AddDays(-2), "paper.pdf"), (begun.Accepted, begun.AcceptedFile.FileName));
        Assert.Empty(ProductionDecider.Decide(Id, new BeginProduction(SubmissionId, JournalId), Started(ProductionSettings.Default), journal, Actor.System, Now, manuscript: accepted).Facts);
        Assert.IsType<Refusal.NotAuthorised>(ProductionDecider.Decide(Id, new BeginProduction(SubmissionId, JournalId), null, journal, As(Pia), Now, manuscript: accepted).Refusal);
        var submitted = accepted with { Status = SubmissionStatus.Submitted };
        Assert.IsType<Refusal.NotAllowedInState>(ProductionDecider.Decide(Id, new BeginProduction(SubmissionId, JournalId), null, journal, Actor.System, Now, manuscript: submitted).Refusal);
    }
}
