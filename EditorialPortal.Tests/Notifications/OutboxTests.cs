using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Notifications;
using EditorialPortal.Records;
using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace EditorialPortal.Tests.Notifications;

/// <summary>Mail on a real PostgreSQL: queued in the command's transaction, each attempt a fact, failures retried and shown to the journal's administrators.</summary>
public sealed class OutboxTests(PortalFixture fixture) : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private DocumentStore _store = null!;
    private MartenEditorialDesk _desk = null!;
    private MartenOutbox _outbox = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await fixture.Postgres.NewDatabase("outbox");
        _store = DocumentStore.For(opts => EditorialRecordSetup.Configure(opts, connectionString));
        _desk = new MartenEditorialDesk(_store, _clock, new PortalLinks("http://portal.test"), new OutboxSignal(), NullLogger<MartenEditorialDesk>.Instance);
        _outbox = new MartenOutbox(_store);
    }

    public async ValueTask DisposeAsync() => await _store.DisposeAsync();

    private sealed class FailingPostOffice : IPostOffice
    {
        public Task Send(OutgoingMail mail, CancellationToken cancellationToken = default) => throw new IOException("Connection refused by smtp.example");
    }

    private MailDispatcher Dispatcher(IPostOffice post) =>
        new(_outbox, post, new InvitationLinks(new EphemeralDataProtectionProvider(), new PortalLinks("http://portal.test"), _clock),
            new EditorialPortal.People.AccountLinks(new EphemeralDataProtectionProvider(), new PortalLinks("http://portal.test")), _clock, NullLogger<MailDispatcher>.Instance);

    [Fact]
    public async Task A_failed_send_is_recorded_retried_after_a_pause_and_shown_to_the_journals_administrators_until_it_goes()
    {
        var backstage = new Backstage(_desk, _clock);
        var journal = await backstage.NewJournal();
        var alice = await backstage.NewAccount("Alice Smith");
        var erin = await backstage.NewAccount("Erin Jones");
        var ada = await backstage.NewAccount("Ada Admin");
        await backstage.Grant(journal, erin, JournalRole.EditorInChief);
        await backstage.Grant(journal, ada, JournalRole.JournalAdministrator);
        var author = new Actor(alice.Id, alice.Name, alice.Email);
        var submission = Guid.CreateVersion7();
        foreach (var command in new SubmissionCommand[]
                 {
                     new StartSubmission(journal.Id, ManuscriptType.ResearchArticle), new SetTitle("Tidal mixing"), new SetAbstract("We measured it."),
                     new SetKeywords(["tides"]), new SetAuthors([new ContributingAuthor(alice.Name, alice.Email, "Bristol", null, true)]),
                     new AttachManuscript("m.pdf", SubmissionRules.PdfMediaType, 10, new string('a', 64)), new SubmitManuscript()
                 })
            Assert.IsType<CommandOutcome.Accepted>(await _desk.Execute(submission, command, author));

        Assert.Equal(0, await Dispatcher(new FailingPostOffice()).DispatchDue(TestContext.Current.CancellationToken));
        var asAdmin = new Actor(ada.Id, ada.Name, ada.Email);
        Assert.Null(await _outbox.OfJournal(journal.Id, new Actor(erin.Id, erin.Name, erin.Email), undeliveredOnly: true, 1, 20));
        var undelivered = await _outbox.OfJournal(journal.Id, asAdmin, undeliveredOnly: true, 1, 20);
        Assert.Equal(2, undelivered!.Total);
        Assert.All(undelivered.Items, m => Assert.Equal((DeliveryStatus.Retrying, 1, "Connection refused by smtp.example"), (m.Status, m.Attempts, m.LastError)));
        Assert.Equal(0, await Dispatcher(new InMemoryPostOffice()).DispatchDue(TestContext.Current.CancellationToken));

        _clock.Advance(OutgoingMessage.Backoff[0]);
        var post = new InMemoryPostOffice();
        Assert.Equal(2, await Dispatcher(post).DispatchDue(TestContext.Current.CancellationToken));
        Assert.Equal([alice.Email, erin.Email], post.Sent.Select(m => m.ToAddress).Order());
        Assert.Equal(0, (await _outbox.OfJournal(journal.Id, asAdmin, undeliveredOnly: true, 1, 20))!.Total);

        await using var session = _store.QuerySession();
        var message = (await _outbox.OfJournal(journal.Id, asAdmin, undeliveredOnly: false, 1, 20))!.Items[0];
        var facts = await session.Events.FetchStreamAsync(message.Id, token: TestContext.Current.CancellationToken);
        Assert.Equal([typeof(MailQueued), typeof(MailSendFailed), typeof(MailSent)], facts.Select(f => f.EventType));
    }
}
