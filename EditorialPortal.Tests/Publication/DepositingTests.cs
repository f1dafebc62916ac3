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
public sealed class DepositingTests(EditorialPortal.Tests.Support.PortalFixture fixture) : IAsyncLifetime
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

    // Crossref's deposit API as the adapter meets it, each way it can answer.
    private WebApplication? _standIn;
    private string _address = "";
    private readonly List<Received> _received = [];

    private sealed record Received(string Operation, string Login, string Password, string FileName, string Xml);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _standIn = builder.Build();
        _standIn.MapPost("/servlet/deposit", async (HttpContext http, string answer) =>
        {
            var form = await http.Request.ReadFormAsync();
            var file = form.Files["fname"]!;
            using (var content = new StreamReader(file.OpenReadStream()))
                _received.Add(new Received(form["operation"].ToString(), form["login_id"].ToString(), form["login_passwd"].ToString(), file.FileName, await content.ReadToEndAsync()));
            return answer switch
            {
                "success" => Results.Text(Diagnostic("Success", "Successfully added"), "text/xml"),
                "warning" => Results.Text(Diagnostic("Warning", "Added with conflict"), "text/xml"),
                "failure" => Results.Text(Diagnostic("Failure", "Record not processed because submitted version: 1 is less or equal to previously submitted version"), "text/xml"),
                "acknowledged" => Results.Text("<html><body><h2>SUCCESS</h2><p>Your batch submission was successfully received.</p></body></html>", "text/html"),
                "unauthorised" => Results.StatusCode(StatusCodes.Status401Unauthorized),
                "down" => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
                _ => await Slow(http)
            };
        });
        await _standIn.StartAsync(Token);
        _address = _standIn.Urls.Single();
    }

    private static async Task<IResult> Slow(HttpContext http)
    {
        await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted);
        return Results.Ok();
    }

    private static string Diagnostic(string status, string message) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><doi_batch_diagnostic status=\"completed\"><record_diagnostic status=\"{status}\"><doi>{Doi}</doi><msg>{message}</msg></record_diagnostic></doi_batch_diagnostic>";

    private CrossrefHttpClient Client(string answer, double timeoutSeconds = 10) =>
        new(new Clients(), Options.Create(new CrossrefOptions
        {
            DepositUrl = $"{_address}/servlet/deposit?answer={answer}", Login = "demo", Password = "secret", TimeoutSeconds = timeoutSeconds
        }));

    private sealed class Clients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    [Fact]
    public async Task The_adapter_reads_crossrefs_answers_as_registered_with_warnings_refused_taken_in_or_unreachable()
    {
        var xml = CrossrefDeposit.Of(Given(WithDoi, When(new PublishArticle(), WithDoi).Facts), Journal, new Depositor("Demo Press", "crossref@demo.example"), "https://j.example").ToString();
        Assert.Equal(DepositResult.Registered, (await Client("success").Deposit("b-1", xml, Token)).Result);
        var warned = await Client("warning").Deposit("b-1", xml, Token);
        Assert.Equal((DepositResult.RegisteredWithWarnings, "Added with conflict"), warned);
        var failed = await Client("failure").Deposit("b-1", xml, Token);
        Assert.Equal(DepositResult.Failed, failed.Result);
        Assert.Contains("less or equal to previously submitted", failed.Message);
        Assert.Equal(DepositResult.Submitted, (await Client("acknowledged").Deposit("b-1", xml, Token)).Result);
        Assert.Equal(DepositResult.Failed, (await Client("unauthorised").Deposit("b-1", xml, Token)).Result);
        Assert.Equal(DepositResult.Unreachable, (await Client("down").Deposit("b-1", xml, Token)).Result);
        var slow = await Client("slow", timeoutSeconds: 1).Deposit("b-1", xml, Token);
        Assert.Equal(DepositResult.Unreachable, slow.Result);
        Assert.Contains("did not answer within 1 seconds", slow.Message);

        var first = _received[0];
        Assert.Equal(("doMDUpload", "demo", "secret", "b-1.xml"), (first.Operation, first.Login, first.Password, first.FileName));
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
        var options = Options.Create(new CrossrefOptions { DepositUrl = $"{_address}/servlet/deposit?answer=success", Login = "demo", Password = "secret" });
        var round = new EditorialPortal.Publication.DepositingRound(services.GetRequiredService<IPublicationQueries>(), services.GetRequiredService<IJournalQueries>(), desk,
            new CrossrefHttpClient(new Clients(), options), options, services.GetRequiredService<EditorialPortal.Notifications.PortalLinks>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EditorialPortal.Publication.DepositingRound>.Instance);
        Assert.True(await round.Run(fixture.Clock.GetUtcNow(), Token) >= 1);

        var recorded = (await services.GetRequiredService<IPublicationQueries>().Published(article))!;
        Assert.Equal(DepositStatus.Registered, recorded.Deposits.Single().Status);
        var sent = System.Xml.Linq.XDocument.Parse(_received.Last(r => r.FileName.StartsWith($"{article:N}")).Xml);
        Assert.Equal($"10.55555/{Dois.RandomSuffix(article)}", sent.Descendants().Single(e => e.Name.LocalName == "doi").Value);
        Assert.DoesNotContain(await services.GetRequiredService<IPublicationQueries>().DepositsDue(fixture.Clock.GetUtcNow(), 500), a => a.Id == article);
    }

    public async ValueTask DisposeAsync()
    {
        if (_standIn is not null) await _standIn.DisposeAsync();
    }
}
