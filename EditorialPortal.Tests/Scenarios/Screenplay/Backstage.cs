using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Submissions;
using EditorialPortal.People;
using EditorialPortal.Tests.Support;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>Arranges what a scenario needs before anyone acts, through the same desk and commands the portal uses.</summary>
/// <param name="tamper">Changes the first fact of a type in a stream behind the portal's back, as someone with access to the store could, and answers its version.</param>
/// <param name="intake">Takes manuscript files in, for arranging manuscripts that are already under way.</param>
/// <param name="production">Takes production files in, for arranging articles that are already typeset.</param>
/// <param name="publishingRound">The portal's publishing round, as its background service runs it.</param>
public sealed class Backstage(IEditorialDesk desk, TestClock clock, Func<Task>? reminderRound = null, Func<Guid, string, Task<long>>? tamper = null,
    ManuscriptIntake? intake = null, EditorialPortal.Production.ProductionIntake? production = null, Func<Task>? publishingRound = null)
{
    /// <summary>The portal's clock now.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    public const string Password = "correct horse battery staple";

    public async Task<JournalRef> NewJournal(string? title = null, ReviewMode mode = ReviewMode.SingleBlind)
    {
        var id = Guid.CreateVersion7();
        title ??= $"Journal of Scenario {id.ToString()[^6..]}";
        Expect(await desk.Execute(id, new CreateJournal(title, null, "A journal made for one scenario.",
            [ManuscriptType.ResearchArticle, ManuscriptType.ShortCommunication], mode), Actor.System));
        return new JournalRef(id, title);
    }

    /// <summary>Edits the recorded fact of type <typeparamref name="TFact"/> in the submission's stream, out of the portal's sight; answers its version.</summary>
    public Task<long> TamperWith<TFact>(SubmissionRef submission) =>
        (tamper ?? throw new InvalidOperationException("This backstage cannot reach the store."))(submission.Id, typeof(TFact).Name);

    /// <summary>A confirmed account, as the portal itself registers them.</summary>
    /// <param name="email">Its address; by default one at a domain no other account shares.</param>
    public async Task<PersonAccount> NewAccount(string name, string? email = null)
    {
        var id = Guid.CreateVersion7();
        email ??= UniqueEmail(name);
        Expect(await desk.Execute(id, new RegisterAccount(name, email, $"University of {name}", null, Passwords.Hash(Password)), Actor.System));
        return new PersonAccount(id, name, email, Password);
    }

    public async Task<PersonAccount> NewSystemAdministrator(string name)
    {
        var account = await NewAccount(name);
        Expect(await desk.Execute(account.Id, new AppointSystemAdministrator(), Actor.System));
        return account;
    }

    /// <summary>An address no other scenario uses, at a domain of its own, so that scenarios can share one portal and nobody looks like a colleague.</summary>
    public static string UniqueEmail(string name) =>
        $"{name.ToLowerInvariant().Replace(' ', '.')}@{Guid.NewGuid().ToString("N")[..10]}.example.org";

    public async Task Grant(JournalRef journal, PersonAccount person, JournalRole role) =>
        Expect(await desk.Execute(journal.Id, new GrantJournalRole(person.Id, role), Actor.System));

    public async Task Revoke(JournalRef journal, PersonAccount person, JournalRole role) =>
        Expect(await desk.Execute(journal.Id, new RevokeJournalRole(person.Id, role), Actor.System));

    /// <summary>
    /// A manuscript by <paramref name="author"/> that <paramref name="editor"/> (the journal's editor-in-chief) has handled
    /// and accepted after one review by <paramref name="reviewer"/>: how every article reaches production.
    /// </summary>
    public async Task<SubmissionRef> AcceptedManuscript(JournalRef journal, PersonAccount author, PersonAccount editor, PersonAccount reviewer, string title)
    {
        var id = Guid.CreateVersion7();
        var (byAuthor, byEditor, byReviewer) = (As(author), As(editor), As(reviewer));
        foreach (var command in new SubmissionCommand[]
                 {
                     new StartSubmission(journal.Id, ManuscriptType.ResearchArticle), new SetTitle(title), new SetAbstract($"We report {title.ToLowerInvariant()}, with methods in full."),
                     new SetKeywords(["tides", "plankton"]), new SetAuthors([new ContributingAuthor(author.Name, author.Email, $"University of {author.Name}", null, true)])
                 })
            Expect(await desk.Execute(id, command, byAuthor));
        using (var pdf = new MemoryStream(SamplePdfs.Titled(title)))
            Expect(await (intake ?? throw new InvalidOperationException("This backstage takes no files.")).Attach(id, "manuscript.pdf", pdf, byAuthor));
        Expect(await desk.Execute(id, new SubmitManuscript(), byAuthor));
        var invitation = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        foreach (var (command, by) in new (SubmissionCommand, Actor)[]
                 {
                     (new AssignHandlingEditor(editor.Id), byEditor), (new InviteReviewer(invitation, reviewer.Id, now.AddDays(7), now.AddDays(28)), byEditor),
                     (new AcceptInvitation(invitation), byReviewer), (new SubmitReview(invitation, Recommendation.Accept, "Clear and careful.", ""), byReviewer),
                     (new RecordDecision(DecisionKind.Accept, $"Dear {author.Name}, your manuscript is accepted.", "One careful review is enough for this short study."), byEditor)
                 })
            Expect(await desk.Execute(id, command, by));
        return new SubmissionRef(id);
    }

    /// <summary>
    /// An article of <paramref name="author"/>'s, accepted and produced in a journal that goes straight to a PDF galley
    /// without proofs, and declared ready to publish by <paramref name="productionEditor"/>; with an HTML galley holding
    /// <paramref name="fullText"/> too, where it is given.
    /// </summary>
    public async Task<SubmissionRef> ArticleReadyToPublish(JournalRef journal, PersonAccount author, PersonAccount editor, PersonAccount reviewer,
        PersonAccount productionEditor, string title, string? fullText = null)
    {
        await ChangeProductionSettings(journal, new Domain.Production.ProductionSettings(Copyediting: false, AuthorReviewsCopyedits: false, ProofRounds: 0));
        var accepted = await AcceptedManuscript(journal, author, editor, reviewer, title);
        var article = Domain.Production.ArticleProduction.StreamOf(accepted.Id);
        var (pia, round) = (As(productionEditor), Guid.CreateVersion7());
        Expect(await desk.Execute(article, new Domain.Production.AssignTypesetting(round, productionEditor.Id, clock.GetUtcNow().AddDays(7)), pia));
        using (var pdf = new MemoryStream(SamplePdfs.Titled(title)))
            Expect(await (production ?? throw new InvalidOperationException("This backstage takes no production files.")).Take(accepted.Id, "article.pdf", pdf,
                upload => new Domain.Production.UploadGalley(round, Guid.CreateVersion7(), Domain.Production.GalleyFormat.Pdf, "PDF", "en", 1, upload), pia,
                Domain.Production.GalleyFormat.Pdf));
        if (fullText is not null)
            using (var html = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"<html><body><h1>{title}</h1><p>{fullText}</p></body></html>")))
                Expect(await production!.Take(accepted.Id, "article.html", html,
                    upload => new Domain.Production.UploadGalley(round, Guid.CreateVersion7(), Domain.Production.GalleyFormat.Html, "HTML", "en", 2, upload), pia,
                    Domain.Production.GalleyFormat.Html));
        Expect(await desk.Execute(article, new Domain.Production.CompleteTypesetting(round), pia));
        Expect(await desk.Execute(article, new Domain.Production.SetPublicationDetails("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "The authors",
            clock.GetUtcNow().Year, "Research articles"), pia));
        Expect(await desk.Execute(article, new Domain.Production.MarkReadyToPublish(), pia));
        return accepted;
    }

    /// <summary>The journal's administrator sets where readers find the journal and how its DOIs are made.</summary>
    public async Task ChangePublicationSettings(JournalRef journal, Domain.Publication.PublicationSettings settings) =>
        Expect(await desk.Execute(journal.Id, new ChangePublicationSettings(settings), Actor.System));

    /// <summary>The portal's publishing round runs, as its background service does every minute.</summary>
    public Task PublishingRuns() => (publishingRound ?? throw new InvalidOperationException("This backstage runs no publishing."))();

    /// <summary>The journal's administrator chooses which production steps the journal uses.</summary>
    public async Task ChangeProductionSettings(JournalRef journal, Domain.Production.ProductionSettings settings) =>
        Expect(await desk.Execute(journal.Id, new ChangeProductionSettings(settings), Actor.System));

    private static Actor As(PersonAccount person) => new(person.Id, person.Name, person.Email);

    /// <summary>Moves the portal's clock forward, as if that much time had passed.</summary>
    public void TimePasses(TimeSpan time) => clock.Advance(time);

    /// <summary>The portal's reminder round runs, as its background service does at every interval.</summary>
    public Task RemindersRun() => (reminderRound ?? throw new InvalidOperationException("This backstage runs no reminders."))();

    private static void Expect(CommandOutcome outcome)
    {
        if (outcome is CommandOutcome.Refused refused)
            throw new InvalidOperationException($"Could not arrange the scenario: {refused.Refusal.Message}");
    }
}
