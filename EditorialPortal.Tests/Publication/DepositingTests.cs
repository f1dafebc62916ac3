using System.Net;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Publication.Crossref;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace EditorialPortal.Tests.Publication;

/// <summary>
/// Depositing DOIs with Crossref: queued in the commit that publishes, sent by the portal, every answer a fact, an
/// unreachable Crossref tried again later and a refusal kept for the production editor. The adapter is tried against a
/// local stand-in that answers as Crossref's deposit API does.
/// </summary>
public sealed class DepositingTests(EditorialPortal.Tests.Support.PortalFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-00000000dd01");
    private static readonly Guid ArticleId = Guid.Parse("00000000-0000-0000-0000-00000000dd02");
    private static readonly Actor Pia = new(Guid.Parse("00000000-0000-0000-0000-00000000dd03"), "Pia Production", "pia@example.org");
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly Journal Journal = new IHistoricalFact[]
    {
        new JournalCreated(JournalId, "Journal of Tides", "1234-5679", "Tides.", [ManuscriptType.ResearchArticle], Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Pia.Account, JournalRole.ProductionEditor, Guid.Empty, Now),
        new PublicationSettingsChanged(JournalId, new PublicationSettings("tides", "10.55555"), Guid.Empty, Now)
    }.Aggregate<IHistoricalFact, Journal?>(null, Journal.Fold)!;

    private static readonly string Doi = $"10.55555/{Dois.RandomSuffix(ArticleId)}";

    private static PublishedArticle WithDoi => new IHistoricalFact[]
    {
        new ArticleReadyForPublication(ArticleId, Guid.NewGuid(), JournalId, Guid.NewGuid(), new ArticleMetadata(ManuscriptType.ResearchArticle, "Tides", "We report.", [],
            [new ContributingAuthor("Alice Author", "alice@example.org", "University of Bristol", null, true)],
            new PublicationDetails("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "The authors", 2026, "Research articles"), Now, [], Now, []), Pia.Account, Now),
        new DoiAssigned(ArticleId, Doi, Pia.Account, Now)
    }.Aggregate<IHistoricalFact, PublishedArticle?>(null, PublishedArticle.Fold)!;

    private static PublishedArticle Given(PublishedArticle a, IEnumerable<object> facts) => facts.Aggregate(a, (s, f) => PublishedArticle.Fold(s, f)!);

    private static Decision When(PublicationCommand c, PublishedArticle a, Actor? actor = null, DateTimeOffset? now = null) =>
        PublicationDecider.Decide(ArticleId, c, a, Journal, actor ?? Pia, now ?? Now);

    [Fact]
    public void Publishing_queues_the_deposit_in_the_same_commit_and_an_unreachable_crossref_is_tried_again_later()
    {
        var facts = When(new PublishArticle(), WithDoi).Facts;
        Assert.IsType<ArticlePublished>(facts[0]);
        var queued = Assert.IsType<DepositQueued>(facts[1]);
        Assert.Equal(Doi, queued.Doi);
        var published = Given(WithDoi, facts);
        Assert.Equal(Now, published.DepositDue);

        var unreachable = When(new RecordDepositAnswer(queued.Batch, DepositResult.Unreachable, "HTTP 503"), published, Actor.System, Now.AddSeconds(5)).Facts;
        var waiting = Given(published, unreachable);
        var deposit = Assert.Single(waiting.Deposits);
        Assert.Equal((DepositStatus.Queued, 1), (deposit.Status, deposit.Attempts));
        Assert.Equal(Now.AddSeconds(5) + Depositing.Backoff[0], waiting.DepositDue);
        Assert.IsType<Refusal.NotAuthorised>(When(new RecordDepositAnswer(queued.Batch, DepositResult.Registered, ""), waiting, Pia).Refusal);

        var registered = Given(waiting, When(new RecordDepositAnswer(queued.Batch, DepositResult.Registered, "Registered."), waiting, Actor.System).Facts);
        Assert.Equal(DepositStatus.Registered, registered.Deposits.Single().Status);
        Assert.Null(registered.DepositDue);
        Assert.Empty(When(new RecordDepositAnswer(queued.Batch, DepositResult.Failed, "Late."), registered, Actor.System).Facts);
    }

    [Fact]
    public void A_refused_deposit_waits_for_the_production_editor_who_deposits_again_as_a_new_batch_with_a_later_timestamp()
    {
        var published = Given(WithDoi, When(new PublishArticle(), WithDoi).Facts);
        var first = published.Deposits.Single();
        var refused = Given(published, When(new RecordDepositAnswer(first.Batch, DepositResult.Failed, "Invalid ISSN."), published, Actor.System).Facts);
        Assert.Null(refused.DepositDue);
        Assert.Equal("Invalid ISSN.", refused.Deposits.Single().Message);

        var again = Assert.IsType<DepositQueued>(Assert.Single(When(new DepositAgain(), refused, now: Now).Facts));
        Assert.NotEqual(first.Batch, again.Batch);
        Assert.True(again.Timestamp > first.Timestamp);
        Assert.Empty(When(new DepositAgain(), Given(refused, [again])).Facts);
        Assert.IsType<Refusal.NotAllowedInState>(When(new DepositAgain(), WithDoi).Refusal);
    }

    [Fact]
    public void A_deposit_crossref_took_in_waits_for_its_report_which_registers_or_refuses_it_once()
    {
        var published = Given(WithDoi, When(new PublishArticle(), WithDoi).Facts);
        var batch = published.Deposits.Single().Batch;
        Assert.Empty(When(new RecordDepositReport(batch, DepositResult.Registered, "Too early."), published, Actor.System).Facts);
        var takenIn = Given(published, When(new RecordDepositAnswer(batch, DepositResult.Submitted, "Taken in."), published, Actor.System, Now.AddSeconds(3)).Facts);
        Assert.Equal(DepositStatus.Submitted, takenIn.Deposits.Single().Status);
        Assert.Equal(Now.AddSeconds(3) + Depositing.ReportWait, takenIn.ReportDue);
        Assert.Null(takenIn.DepositDue);

        Assert.IsType<Refusal.Invalid>(When(new RecordDepositReport(batch, DepositResult.Unreachable, "?"), takenIn, Actor.System).Refusal);
        Assert.IsType<Refusal.NotAuthorised>(When(new RecordDepositReport(batch, DepositResult.Registered, ""), takenIn, Pia).Refusal);
        var reported = When(new RecordDepositReport(batch, DepositResult.Registered, "Successfully added"), takenIn, Actor.System, Now.AddMinutes(9)).Facts;
        var registered = Given(takenIn, reported);
        Assert.Equal((DepositStatus.Registered, "Successfully added"), (registered.Deposits.Single().Status, registered.Deposits.Single().Message));
        Assert.Null(registered.ReportDue);
        Assert.Empty(When(new RecordDepositReport(batch, DepositResult.Failed, "Late."), registered, Actor.System).Facts);

        var refused = Given(takenIn, When(new RecordDepositReport(batch, DepositResult.Failed, "Invalid ISSN."), takenIn, Actor.System).Facts);
        Assert.Equal(DepositStatus.Failed, refused.Deposits.Single().Status);
        Assert.IsType<DepositQueued>(Assert.Single(When(new DepositAgain(), refused).Facts));
    }

    [Fact]
    public void A_refused_deposit_tells_the_production_editors_crossrefs_message_and_links_the_production_page_where_they_deposit_again()
    {
        var published = Given(WithDoi, When(new PublishArticle(), WithDoi).Facts);
        var answered = When(new RecordDepositAnswer(published.Deposits.Single().Batch, DepositResult.Failed, "ISSN 1234-5679 is not registered to this prefix."),
            published, Actor.System).Facts;
        var pia = Account.Fold(null, new AccountRegistered(Pia.Account, Pia.Name, Pia.Email, "Coastal Press", null, Guid.Empty, Now));

        var mail = Assert.Single(Notices.Compose(PublicationNotices.Mailing, Guid.NewGuid(), answered, published, Journal, id => id == Pia.Account ? pia : null,
            path => "https://portal.example" + path));

        Assert.Equal(Pia.Email, mail.ToAddress);
        Assert.Equal("Crossref refused the DOI deposit of \"Tides\"", mail.Subject);
        Assert.Contains("ISSN 1234-5679 is not registered to this prefix.", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"https://portal.example/production/{published.Submission}", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("{", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_adapter_reads_crossrefs_answers_as_registered_with_warnings_refused_taken_in_or_unreachable()
    {
        var standIn = await EditorialPortal.Tests.Support.CrossrefStandIn.Running;
        var batch = $"adapter-{Guid.NewGuid():N}";
        var xml = CrossrefDeposit.Of(Given(WithDoi, When(new PublishArticle(), WithDoi).Facts), Journal, new Depositor("Demo Press", "crossref@demo.example"), "https://j.example").ToString();
        Assert.Equal(DepositResult.Registered, (await standIn.Client("success").Deposit(batch, xml, Token)).Result);
        var warned = await standIn.Client("warning").Deposit(batch, xml, Token);
        Assert.Equal((DepositResult.RegisteredWithWarnings, "Added with conflict"), warned);
        var failed = await standIn.Client("failure").Deposit(batch, xml, Token);
        Assert.Equal(DepositResult.Failed, failed.Result);
        Assert.Contains("less or equal to previously submitted", failed.Message);
        Assert.Equal(DepositResult.Submitted, (await standIn.Client("acknowledged").Deposit(batch, xml, Token)).Result);
        Assert.Equal(DepositResult.Failed, (await standIn.Client("unauthorised").Deposit(batch, xml, Token)).Result);
        Assert.Equal(DepositResult.Unreachable, (await standIn.Client("down").Deposit(batch, xml, Token)).Result);
        var slow = await standIn.Client("slow", timeoutSeconds: 1).Deposit(batch, xml, Token);
        Assert.Equal(DepositResult.Unreachable, slow.Result);
        Assert.Contains("did not answer within 1 seconds", slow.Message);

        var first = standIn.Uploads.First(u => u.FileName == $"{batch}.xml");
        Assert.Equal(("doMDUpload", "demo", "secret", $"{batch}.xml"), (first.Operation, first.Login, first.Password, first.FileName));
    }

    [Fact]
    public async Task The_adapter_asks_for_crossrefs_report_and_hears_in_process_as_not_yet()
    {
        var standIn = await EditorialPortal.Tests.Support.CrossrefStandIn.Running;
        var batch = $"report-{Guid.NewGuid():N}";
        Assert.Null(await standIn.Client(report: "success").Report(batch, Token));
        var xml = CrossrefDeposit.Of(Given(WithDoi, When(new PublishArticle(), WithDoi).Facts), Journal, new Depositor("Demo Press", "crossref@demo.example"), "https://j.example").ToString();
        Assert.Equal(DepositResult.Submitted, (await standIn.Client("acknowledged").Deposit(batch, xml, Token)).Result);

        Assert.Null(await standIn.Client(report: "pending").Report(batch, Token));
        Assert.Equal(DepositResult.Registered, (await standIn.Client(report: "success").Report(batch, Token))?.Result);
        var refused = await standIn.Client(report: "failure").Report(batch, Token);
        Assert.Equal(DepositResult.Failed, refused?.Result);
        Assert.Contains("not registered to this prefix", refused?.Message);
    }

    // On a record of its own, which no other test's publishing round deposits from.
    [Fact]
    public async Task The_portal_asks_for_the_report_of_a_deposit_crossref_took_in_until_it_has_one()
    {
        var direct = new EditorialPortal.Tests.Direct.DirectProtocol();
        var backstage = direct.Backstage;
        var journal = await backstage.NewJournal();
        await backstage.ChangePublicationSettings(journal, new PublicationSettings("reports", "10.55555"));
        var (erin, rita, alice, pia) = (await backstage.NewAccount("Erin Editor"), await backstage.NewAccount("Rita Reviewer"), await backstage.NewAccount("Alice Author"),
            await backstage.NewAccount("Pia Production"));
        await backstage.Grant(journal, erin, JournalRole.EditorInChief);
        await backstage.Grant(journal, pia, JournalRole.ProductionEditor);
        var article = PublishedArticle.StreamOf((await backstage.ArticleReadyToPublish(journal, alice, erin, rita, pia, "Reported tides")).Id);
        var record = direct.Record;
        var actor = new Actor(pia.Id, pia.Name, pia.Email);
        Assert.IsType<CommandOutcome.Accepted>(await record.Execute(article, new AssignDoi($"10.55555/{Dois.RandomSuffix(article)}"), actor));
        Assert.IsType<CommandOutcome.Accepted>(await record.Execute(article, new PublishArticle(), actor));
        var standIn = await EditorialPortal.Tests.Support.CrossrefStandIn.Running;
        var links = new EditorialPortal.Notifications.PortalLinks("http://portal.test");
        var now = backstage.Now;

        var takenIn = standIn.Round(record, record, record, links, answer: "acknowledged", report: "pending");
        await takenIn.Run(now, Token);
        Assert.Equal(DepositStatus.Submitted, (await record.Published(article))!.Deposits.Single().Status);
        var later = now + Depositing.ReportWait + TimeSpan.FromMinutes(1);
        await takenIn.Run(later, Token);
        Assert.Equal(DepositStatus.Submitted, (await record.Published(article))!.Deposits.Single().Status);

        var uploads = standIn.Uploads.Count(u => u.Xml.Contains(Dois.RandomSuffix(article)));
        await standIn.Round(record, record, record, links, report: "success").Run(later, Token);
        var reported = (await record.Published(article))!;
        Assert.Equal((DepositStatus.Registered, "Successfully added"), (reported.Deposits.Single().Status, reported.Deposits.Single().Message));
        Assert.Equal(uploads, standIn.Uploads.Count(u => u.Xml.Contains(Dois.RandomSuffix(article))));
        Assert.Empty(await record.ReportsDue(now + TimeSpan.FromDays(1), 500));
    }

    [Fact]
    public async Task The_portal_sends_a_published_articles_due_deposit_and_records_what_crossref_answered()
    {
        var backstage = fixture.Backstage;
        var journal = await backstage.NewJournal();
        await backstage.ChangePublicationSettings(journal, new PublicationSettings($"deposits-{journal.Id.ToString()[^8..]}", "10.55555"));
        var (erin, rita, alice, pia) = (await backstage.NewAccount("Erin Editor"), await backstage.NewAccount("Rita Reviewer"), await backstage.NewAccount("Alice Author"),
            await backstage.NewAccount("Pia Production"));
        await backstage.Grant(journal, erin, JournalRole.EditorInChief);
        await backstage.Grant(journal, pia, JournalRole.ProductionEditor);
        var submission = await backstage.ArticleReadyToPublish(journal, alice, erin, rita, pia, "Deposited tides");
        var article = PublishedArticle.StreamOf(submission.Id);
        var desk = fixture.Portal.Services.GetRequiredService<IEditorialDesk>();
        var actor = new Actor(pia.Id, pia.Name, pia.Email);
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(article, new AssignDoi($"10.55555/{Dois.RandomSuffix(article)}"), actor));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(article, new PublishArticle(), actor));

        var services = fixture.Portal.Services;
        var standIn = await EditorialPortal.Tests.Support.CrossrefStandIn.Running;
        var round = standIn.Round(services.GetRequiredService<IPublicationQueries>(), services.GetRequiredService<IJournalQueries>(), desk,
            services.GetRequiredService<EditorialPortal.Notifications.PortalLinks>());
        // Another scenario's publishing may have sent it first; either way it is registered once.
        await round.Run(fixture.Clock.GetUtcNow(), Token);

        var recorded = (await services.GetRequiredService<IPublicationQueries>().Published(article))!;
        Assert.Equal(DepositStatus.Registered, recorded.Deposits.Single().Status);
        var sent = System.Xml.Linq.XDocument.Parse(standIn.Uploads.Last(r => r.FileName.StartsWith($"{article:N}")).Xml);
        Assert.Equal($"10.55555/{Dois.RandomSuffix(article)}", sent.Descendants().Single(e => e.Name.LocalName == "doi").Value);
        Assert.DoesNotContain(await services.GetRequiredService<IPublicationQueries>().DepositsDue(fixture.Clock.GetUtcNow(), 500), a => a.Id == article);
    }
}
