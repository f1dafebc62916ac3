using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.People;
using EditorialPortal.Production;
using EditorialPortal.Submissions;

namespace EditorialPortal.Demo;

public sealed record DemoPerson(Guid Id, string Name, string Email, string Affiliation, string? Orcid, JournalRole? Role, string Duty);

/// <summary>
/// The demo journal and one person per role, seeded through the same commands people use. Every command has a
/// fixed id, so seeding again records nothing twice.
/// </summary>
public sealed class DemoJournal(IEditorialDesk desk, ManuscriptIntake intake, ProductionIntake productionIntake, ILogger<DemoJournal> logger)
{
    public const string Password = "demo-password";
    public static readonly Guid JournalId = Guid.Parse("5eed0000-0000-4000-8000-000000000001");

    // People's ids differ from the journal's: a stream id names one thing only.
    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new(Id(11), "Alice Author", "alice@uni-bristol.example", "University of Bristol", "0000-0002-1825-0097", null, "author"),
        new(Id(12), "Bob Coauthor", "bob@ethz.example", "ETH Zürich", null, null, "second author"),
        new(Id(13), "Erin Editor", "erin@utoronto.example", "University of Toronto", null, JournalRole.EditorInChief, "editor-in-chief"),
        new(Id(14), "Hugo Handler", "hugo@uchile.example", "Universidad de Chile", null, JournalRole.HandlingEditor, "handling editor"),
        new(Id(15), "Rita Reviewer", "rita@kyoto-u.example", "Kyoto University", null, JournalRole.Reviewer, "reviewer"),
        new(Id(16), "Pia Production", "pia@demopress.example", "Demo Press", null, JournalRole.ProductionEditor, "production editor"),
        new(Id(17), "Ivan Integrity", "ivan@demopress.example", "Demo Press", null, JournalRole.IntegrityAnalyst, "integrity analyst"),
        new(Id(18), "Ada Admin", "ada@demopress.example", "Demo Press", null, JournalRole.JournalAdministrator, "journal administrator"),
        new(Id(20), "Cora Copyeditor", "cora@demopress.example", "Demo Press", null, JournalRole.Copyeditor, "copyeditor"),
        new(Id(21), "Tom Typesetter", "tom@demopress.example", "Demo Press", null, JournalRole.Typesetter, "typesetter"),
        new(Id(19), "Sam Sysadmin", "sam@demopress.example", "Demo Press", null, null, "system administrator")
    ];

    public static DemoPerson SystemAdministrator => People[^1];

    /// <summary>Where a sample manuscript has got to, so that every queue and status has something in it.</summary>
    private enum Stage
    {
        Submitted, WithEditor, Invited, Reviewing, ReadyForDecision, RevisionRequested, Accepted, DeskRejected, Withdrawn, Revised,
        // Accepted, and as far on in production as the name says.
        InCopyedit, CopyeditsWithAuthor, InTypesetting, InProof, ReadyToPublish,
        // Out, with its DOI, on the journal's reader site; and one with a correction published about it.
        Published, Corrected
    }

    /// <summary>Where the demo journal's readers find it, and its DOI prefix (a test prefix: these DOIs are registered nowhere).</summary>
    public static readonly PublicationSettings Publication = new("demonstrative-results", "10.55555", Abbreviation: "JDR");

    private static bool Produced(Stage stage) => stage >= Stage.InCopyedit;

    private static readonly (string Title, string Abstract, string[] Keywords, Stage Stage)[] SampleManuscripts =
    [
        ("Soil microbiome shifts after controlled burns in temperate forests",
         "We sampled soil cores before and after prescribed burns at twelve temperate forest sites and sequenced their microbial communities. Fungal diversity fell sharply in the first month and recovered within a year, while bacterial diversity barely changed.",
         ["soil ecology", "fire", "microbiome"], Stage.Submitted),
        ("A reproducible pipeline for measuring reviewer agreement",
         "Agreement between peer reviewers is often reported but rarely reproducible. We describe an open pipeline that computes agreement statistics from anonymised review records and apply it to three journals.",
         ["peer review", "reproducibility", "meta-research"], Stage.Submitted),
        ("Glacier retreat and the timing of alpine plant flowering",
         "Using thirty years of herbarium records and satellite images of six glaciers, we relate the retreat of ice to the flowering dates of alpine plants nearby.",
         ["glaciology", "phenology", "alpine plants"], Stage.WithEditor),
        ("Urban heat islands and nocturnal insect activity",
         "Light traps in twenty cities show that night-time temperature, more than artificial light, predicts moth activity along urban gradients.",
         ["urban ecology", "insects", "temperature"], Stage.Invited),
        ("A low-cost sensor network for river nitrate",
         "We built and calibrated forty nitrate sensors for under fifty dollars each and ran them for two years on a lowland river.",
         ["hydrology", "sensors", "nitrate"], Stage.Reviewing),
        ("Seabird diets reveal shifting forage fish stocks",
         "Stomach contents of three seabird species over fifteen breeding seasons track changes in sand eel and sprat abundance reported by fishery surveys.",
         ["seabirds", "fisheries", "diet"], Stage.ReadyForDecision),
        ("Drought memory in beech seedlings",
         "Seedlings that survived a first drought closed their stomata earlier in a second one, a memory that lasted two growing seasons.",
         ["plant physiology", "drought", "forests"], Stage.RevisionRequested),
        ("Coral recovery after marine heatwaves in protected reefs",
         "Reefs in no-take zones regained coral cover twice as fast after the 2016 and 2020 heatwaves as fished reefs nearby.",
         ["coral reefs", "marine protected areas", "heatwaves"], Stage.Accepted),
        ("Perpetual motion from ambient vibration",
         "We describe a device that extracts more energy from ambient vibration than it receives.",
         ["energy"], Stage.DeskRejected),
        ("Early results on lake ice phenology",
         "A first look at freeze and thaw dates of forty lakes; the full analysis will follow.",
         ["limnology", "ice"], Stage.Withdrawn),
        ("Hedgerow corridors and small mammal dispersal",
         "Radio-tracked wood mice crossed farmland along hedgerows far more often than across open fields.",
         ["landscape ecology", "mammals", "connectivity"], Stage.Revised),
        ("Kelp forest canopy loss under repeated marine heatwaves",
         "Aerial surveys of 40 km of coast over eight summers show kelp canopy halving after the third heatwave and not returning.",
         ["kelp", "heatwaves", "remote sensing"], Stage.InCopyedit),
        ("Pollinator visits to urban wildflower strips",
         "Timed counts in 30 road-verge strips found bee visits doubled when mowing was delayed until late summer.",
         ["pollinators", "urban ecology", "mowing"], Stage.CopyeditsWithAuthor),
        ("Peatland rewetting and methane: a five-year budget",
         "Eddy-covariance towers over rewetted and drained peat show methane rising for two years after rewetting before settling.",
         ["peatlands", "methane", "restoration"], Stage.InTypesetting),
        ("Groundwater age along a karst aquifer",
         "Tritium and CFC tracers date groundwater from a few months to forty years along a 25 km karst flow path.",
         ["hydrogeology", "karst", "tracers"], Stage.InProof),
        ("Songbird migration timing and spring temperature",
         "Fifty years of ringing records show arrival dates advancing two days per decade, tracking March temperatures.",
         ["migration", "phenology", "birds"], Stage.ReadyToPublish),
        ("Night-time light pollution delays leaf fall in street trees",
         "Along 120 km of lit and unlit streets, plane trees under LED lamps kept their leaves up to three weeks longer into the autumn.",
         ["urban ecology", "phenology", "light pollution"], Stage.Published),
        ("Beaver dams and the recovery of floodplain wetlands",
         "Drone surveys of eleven catchments before and after beavers returned show standing water and wetland plants spreading for a kilometre below each dam.",
         ["wetlands", "beavers", "restoration"], Stage.Corrected)
    ];

    public async Task Seed()
    {
        var journal = await desk.Execute(JournalId,
            new CreateJournal("Journal of Demonstrative Results", "1234-5679",
                "A demonstration journal for trying out EditorialPortal: every person and manuscript here is made up.",
                [ManuscriptType.ResearchArticle, ManuscriptType.ReviewArticle, ManuscriptType.ShortCommunication], ReviewMode.SingleBlind, ReviewsRequired: 2),
            Actor.System, Fixed("journal"));
        Expect(journal, "create the demo journal");
        Expect(await desk.Execute(JournalId, new ChangePublicationSettings(Publication), Actor.System, Fixed("publication-settings")), "set where the demo journal is read");

        foreach (var person in People)
        {
            Expect(await desk.Execute(person.Id, new RegisterAccount(person.Name, person.Email, person.Affiliation, person.Orcid, Passwords.Hash(Password)),
                Actor.System, Fixed($"account-{person.Email}")), $"register {person.Email}");
            if (person == SystemAdministrator)
                Expect(await desk.Execute(person.Id, new AppointSystemAdministrator(), Actor.System, Fixed($"sysadmin-{person.Email}")), "appoint the system administrator");
            if (person.Role is { } role)
                Expect(await desk.Execute(JournalId, new GrantJournalRole(person.Id, role), Actor.System, Fixed($"role-{person.Email}-{role}")),
                    $"grant {role} to {person.Email}");
        }

        var alice = Acting(People[0]);
        var bob = Acting(People[1]);
        for (var i = 0; i < SampleManuscripts.Length; i++)
            await SeedSample(i, SampleManuscripts[i], i == 6 || Produced(SampleManuscripts[i].Stage) ? alice : bob);
        var draft = Id(99);
        Expect(await desk.Execute(draft, new StartSubmission(JournalId, ManuscriptType.ShortCommunication), alice, Fixed("draft-start")), "start a draft");
        Expect(await desk.Execute(draft, new SetTitle("Notes on a half-finished field season"), alice, Fixed("draft-title")), "title the draft");
        await SeedSuspectedManuscripts();
        logger.LogInformation("Demo journal ready: {Count} people, password {Password}", People.Count, Password);
    }

    private static Actor Acting(DemoPerson person) => new(person.Id, person.Name, person.Email);

    /// <summary>
    /// Something for the integrity analysts to find: an author suggests a reviewer at a webmail address whose account was
    /// opened the moment before, the handling editor invites them, and they recommend acceptance at once; and two authors
    /// who review each other's manuscripts favourably.
    /// </summary>
    private async Task SeedSuspectedManuscripts()
    {
        var max = new Actor(Id(30), "Max Millwright", "max@millwright-research.example");
        var quinn = new Actor(Id(31), "Quinn Quickreview", "quinn.quickreview@gmail.com");
        var lena = new Actor(Id(32), "Lena Lindqvist", "lena.lindqvist@uu-demo.example");
        var omar = new Actor(Id(33), "Omar Okafor", "omar.okafor@unilag-demo.example");
        foreach (var (person, affiliation) in new[] { (max, "Millwright Research Services"), (quinn, "Quickreview Consulting"), (lena, "Uppsala University"), (omar, "University of Lagos") })
            Expect(await desk.Execute(person.Account, new RegisterAccount(person.Name, person.Email, affiliation, null, Passwords.Hash(Password)), Actor.System,
                Fixed($"account-{person.Email}")), $"register {person.Email}");
        await SeedReviewed(Id(150), max, "Millwright Research Services", "A single treatment that doubles crop yields in every soil",
            "One application of our proprietary amendment doubled yields of wheat, maize and rice on every soil we tried.", ["crop yields", "soil amendment"],
            quinn, "An excellent and important paper. Publish as it is.", suggested: true);
        await SeedReviewed(Id(151), lena, "Uppsala University", "Snowmelt timing and the flowering of alpine meadows",
            "Twelve years of plots on three slopes show alpine meadows flowering a week earlier for every two weeks' earlier snowmelt.", ["snowmelt", "phenology"],
            omar, "A careful long-term study; the slopes are well chosen and the conclusions follow. Accept.", suggested: false);
        await SeedReviewed(Id(152), omar, "University of Lagos", "Flowering shifts of savanna grasses under drier springs",
            "Across forty sites, savanna grasses flowered later in drier springs, by four days for every tenth less rain.", ["savanna", "phenology"],
            lena, "Convincing and well written; I have nothing to add. Accept.", suggested: false);
    }

    // A manuscript submitted, handed to Hugo, who invites the reviewer; the reviewer accepts and recommends acceptance at once.
    private async Task SeedReviewed(Guid submission, Actor author, string affiliation, string title, string @abstract, string[] keywords, Actor reviewer, string review, bool suggested)
    {
        var hugo = Acting(People[3]);
        var step = submission == Id(150) ? "suspected" : $"ring-{submission}";
        async Task Do(Actor actor, SubmissionCommand command, string what) =>
            Expect(await desk.Execute(submission, command, actor, Fixed($"{step}-{what}")), $"{what} “{title}”");
        await Do(author, new StartSubmission(JournalId, ManuscriptType.ResearchArticle), "start");
        await Do(author, new SetTitle(title), "title");
        await Do(author, new SetAbstract(@abstract), "abstract");
        await Do(author, new SetKeywords(keywords), "keywords");
        await Do(author, new SetAuthors([new ContributingAuthor(author.Name, author.Email, affiliation, null, true)]), "authors");
        if (suggested) await Do(author, new SetReviewerPreferences([new ReviewerPreference(reviewer.Name, reviewer.Email, "The leading expert on soil amendments.", false)]), "suggest");
        using (var pdf = new MemoryStream(SamplePdf.WithTitle(title)))
            Expect(await intake.Attach(submission, "manuscript.pdf", pdf, author, Fixed($"{step}-file")), $"attach the file of “{title}”");
        await Do(author, new SubmitManuscript(), "submit");
        await Do(Acting(People[2]), new AssignHandlingEditor(hugo.Account), "assign");
        var now = DateTimeOffset.UtcNow;
        var invitation = DeterministicGuid.From(submission, reviewer.Account);
        await Do(hugo, new InviteReviewer(invitation, reviewer.Account, now.AddDays(7), now.AddDays(28)), "invite");
        await Do(reviewer, new AcceptInvitation(invitation), "accept");
        await Do(reviewer, new SubmitReview(invitation, Recommendation.Accept, review, ""), "review");
    }

    private async Task SeedSample(int index, (string Title, string Abstract, string[] Keywords, Stage Stage) m, Actor author)
    {
        var submission = Id(100 + index);
        var (erin, hugo, rita, ivan) = (Acting(People[2]), Acting(People[3]), Acting(People[4]), Acting(People[6]));
        string Key(string step) => $"sample-{index}-{step}";
        async Task Do(Actor actor, SubmissionCommand command, string step) =>
            Expect(await desk.Execute(submission, command, actor, Fixed(Key(step))), $"{step} sample {index + 1}");

        var person = People.Single(p => p.Id == author.Account);
        await Do(author, new StartSubmission(JournalId, ManuscriptType.ResearchArticle), "start");
        await Do(author, new SetTitle(m.Title), "title");
        await Do(author, new SetAbstract(m.Abstract), "abstract");
        await Do(author, new SetKeywords(m.Keywords), "keywords");
        await Do(author, new SetAuthors([new ContributingAuthor(person.Name, person.Email, person.Affiliation, person.Orcid, true)]), "authors");
        using (var pdf = new MemoryStream(SamplePdf.WithTitle(m.Title)))
            Expect(await intake.Attach(submission, $"manuscript-{index + 1}.pdf", pdf, author, Fixed(Key("file"))), "attach its file");
        await Do(author, new SubmitManuscript(), "submit");
        if (m.Stage == Stage.Submitted) return;
        if (m.Stage == Stage.DeskRejected)
        {
            await Do(erin, new DeskReject("Dear Bob Coauthor,\n\nThis claim contradicts the conservation of energy, so the manuscript cannot go out for review.\n\nYours sincerely,\nErin Editor"), "desk-reject");
            return;
        }
        await Do(erin, new AssignHandlingEditor(hugo.Account), "assign");
        if (m.Stage == Stage.WithEditor) return;
        if (m.Stage == Stage.Withdrawn)
        {
            await Do(author, new RequestWithdrawal("We want to add two more seasons of data first."), "withdraw");
            await Do(hugo, new ConfirmWithdrawal(), "confirm-withdrawal");
            return;
        }
        var now = DateTimeOffset.UtcNow;
        var ritaInvitation = DeterministicGuid.From(submission, rita.Account);
        await Do(hugo, new InviteReviewer(ritaInvitation, rita.Account, now.AddDays(7), now.AddDays(28)), "invite-rita");
        if (m.Stage == Stage.Invited) return;
        await Do(rita, new AcceptInvitation(ritaInvitation), "rita-accepts");
        if (m.Stage == Stage.Reviewing) return;
        var ivanInvitation = DeterministicGuid.From(submission, ivan.Account);
        await Do(hugo, new InviteReviewer(ivanInvitation, ivan.Account, now.AddDays(7), now.AddDays(28)), "invite-ivan");
        await Do(ivan, new AcceptInvitation(ivanInvitation), "ivan-accepts");
        await Do(rita, new SubmitReview(ritaInvitation, Recommendation.MinorRevision, "The methods are sound. Please report the effect sizes with their uncertainty, and show the raw data in a supplement.", "A careful study; my concerns are minor."), "rita-reviews");
        await Do(ivan, new SubmitReview(ivanInvitation, m.Stage == Stage.Accepted || Produced(m.Stage) ? Recommendation.Accept : Recommendation.MajorRevision, "The conclusions go further than the data. A second site, or a sensitivity analysis, would help.", ""), "ivan-reviews");
        if (m.Stage == Stage.ReadyForDecision) return;
        var decision = m.Stage == Stage.Accepted || Produced(m.Stage) ? DecisionKind.Accept : DecisionKind.MajorRevision;
        await Do(hugo, new RecordDecision(decision, DecisionLetterTemplate.For(DecisionLetterTemplate.Defaults, decision).Compose(person.Name, m.Title, "Journal of Demonstrative Results", "Hugo Handler",
            "Reviewer 1:\nThe methods are sound. Please report the effect sizes with their uncertainty.\n\nReviewer 2:\nThe conclusions go further than the data.")), "decide");
        if (Produced(m.Stage)) await SeedProduction(index, m, author);
        if (m.Stage != Stage.Revised) return;

        // The author answers the reviewers with a second version, and the handling editor asks them to look again.
        await Do(author, new SetTitle(m.Title + " across three seasons"), "revised-title");
        await Do(author, new SetAbstract(m.Abstract + " A second site and a sensitivity analysis confirm the effect across three seasons."), "revised-abstract");
        await Do(author, new SetKeywords([.. m.Keywords, "radio tracking"]), "revised-keywords");
        using (var pdf = new MemoryStream(SamplePdf.WithTitle(m.Title + " across three seasons")))
            Expect(await intake.Attach(submission, $"manuscript-{index + 1}-v2.pdf", pdf, author, Fixed(Key("file-v2"))), "attach the revised file");
        await Do(author, new SubmitRevision("We added a second site and a sensitivity analysis, and now report effect sizes with 95% intervals."), "revise");
        await Do(hugo, new ReinvitePreviousReviewers(now.AddDays(7), now.AddDays(28)), "reinvite");
    }

    // Acceptance started the production; Pia, Cora, Tom and the author take it as far as the sample's stage.
    private async Task SeedProduction(int index, (string Title, string Abstract, string[] Keywords, Stage Stage) m, Actor author)
    {
        var (title, stage) = (m.Title, m.Stage);
        var submission = Id(100 + index);
        var production = ArticleProduction.StreamOf(submission);
        var (pia, cora, tom) = (Acting(People[5]), Acting(People.Single(p => p.Role == JournalRole.Copyeditor)), Acting(People.Single(p => p.Role == JournalRole.Typesetter)));
        Guid Task(int n) => DeterministicGuid.From(production, new Guid(n, 0, 0, new byte[8]));
        string Key(string step) => $"sample-{index}-production-{step}";
        async Task Do(Actor actor, ProductionCommand command, string step) =>
            Expect(await desk.Execute(production, command, actor, Fixed(Key(step))), $"{step} sample {index + 1}");
        async Task Upload(Actor actor, string fileName, byte[] content, Func<ProductionUpload, ProductionCommand> command, GalleyFormat? galley, string step)
        {
            using var bytes = new MemoryStream(content);
            Expect(await productionIntake.Take(submission, fileName, bytes, command, actor, galley, Fixed(Key(step))), $"{step} sample {index + 1}");
        }

        var now = DateTimeOffset.UtcNow;
        await Do(pia, new AssignCopyedit(Task(1), cora.Account, now.AddDays(5), "House style; check the units in the tables."), "assign-copyedit");
        if (stage == Stage.InCopyedit) return;
        await Upload(cora, "copyedited.txt", System.Text.Encoding.UTF8.GetBytes($"{title}\n\nCopyedited to the journal's house style."),
            upload => new UploadCopyeditedFile(Task(1), upload), null, "copyedited-file");
        await Do(cora, new CompleteCopyedit(Task(1)), "complete-copyedit");
        if (stage == Stage.CopyeditsWithAuthor) return;
        await Do(author, new AcceptCopyedits(), "accept-copyedits");
        await Do(pia, new AssignTypesetting(Task(2), tom.Account, now.AddDays(7), "PDF and HTML, please."), "assign-typesetting");
        if (stage == Stage.InTypesetting) return;
        await Upload(tom, "article.pdf", SamplePdf.WithTitle(title), upload => new UploadGalley(Task(2), Task(3), GalleyFormat.Pdf, "PDF", "en", 1, upload), GalleyFormat.Pdf, "pdf-galley");
        await Upload(tom, "article.html", System.Text.Encoding.UTF8.GetBytes($"<h1>{System.Net.WebUtility.HtmlEncode(title)}</h1><p>The full text as readers will see it.</p>"),
            upload => new UploadGalley(Task(2), Task(4), GalleyFormat.Html, "HTML", "en", 2, upload), GalleyFormat.Html, "html-galley");
        await Do(tom, new CompleteTypesetting(Task(2)), "complete-typesetting");
        await Do(pia, new SendProofs(Task(5), ProofReaderKind.Author, now.AddDays(3)), "send-proofs");
        if (stage == Stage.InProof) return;
        await Do(author, new ApproveProofs(Task(5), "All correct, thank you."), "approve-proofs");
        await Do(pia, new SetPublicationDetails("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "The authors", now.Year, "Research articles"), "details");
        await Do(pia, new MarkReadyToPublish(), "ready");
        if (stage == Stage.ReadyToPublish) return;

        var article = PublishedArticle.StreamOf(submission);
        async Task Publish(PublicationCommand command, string step) =>
            Expect(await desk.Execute(article, command, pia, Fixed(Key(step))), $"{step} sample {index + 1}");
        await Publish(new AssignDoi(Dois.Suggest(Publication, article, now.Year, index)!), "doi");
        if (stage == Stage.Published)
        {
            // Published in the journal's first issue, as a journal that publishes in issues does.
            var issue = Domain.Issues.JournalIssue.StreamOf(JournalId, 1, 1);
            Expect(await desk.Execute(issue, new Domain.Issues.CreateIssue(JournalId, 1, 1, now.Year, "Cities and seasons"), pia, Fixed("issue-1-1")), "open the demo issue");
            Expect(await desk.Execute(issue, new Domain.Issues.PlanArticle(article, 0, "1–14"), pia, Fixed(Key("plan"))), $"plan sample {index + 1} into the issue");
            Expect(await desk.Execute(issue, new Domain.Issues.PublishIssue(), pia, Fixed("issue-1-1-published")), "publish the demo issue");
            Expect(await desk.Execute(article, new PublishInIssue(issue), Actor.System, Fixed(Key("in-issue"))), $"publish sample {index + 1} in the issue");
            return;
        }
        await Publish(new PublishArticle(), "publish");
        var correction = PublishedArticle.NoticeId(article, 1);
        await Publish(new PublishNotice(correction, ArticleNoticeKind.Correction,
            "The map in Figure 1 placed two of the eleven catchments in the neighbouring valley. The corrected map changes none of the measurements or conclusions.",
            Dois.Suggest(Publication, correction, now.Year, index + 1)), "correction");
        // The authors asked for a keyword indexers missed: a minor version, the first staying readable as it was.
        await Publish(new BeginNewVersion(VersionKind.Minor, "The keywords now include “catchment hydrology”, at the authors' request; nothing else changed."), "version-2");
        await Do(pia, new CorrectArticleMetadata(m.Title, m.Abstract, [.. m.Keywords, "catchment hydrology"]), "version-2-keywords");
        await Do(pia, new MarkReadyToPublish(), "version-2-ready");
        await Publish(new PublishNewVersion(), "version-2-published");
    }

    private static void Expect(CommandOutcome outcome, string what)
    {
        if (outcome is CommandOutcome.Refused refused)
            throw new InvalidOperationException($"The demo seed could not {what}: {refused.Refusal.Message}");
    }

    private static Guid Id(int n) => Guid.Parse($"5eed0000-0000-4000-8000-{n:D12}");

    // Deterministic command ids make the seed idempotent: a second run finds every command processed already.
    private static CommandOptions Fixed(string key) =>
        new(new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("demo-seed:" + key))));
}
