using EditorialPortal.Notifications;
using EditorialPortal.Demo;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Records;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace EditorialPortal.Tests.Records;

/// <summary>The historical record on a real PostgreSQL: one command, one transaction, no lost update, no double record.</summary>
public sealed class MartenRecordTests(PortalFixture fixture) : IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DocumentStore _store = null!;
    private MartenEditorialDesk _desk = null!;
    private JournalRef _journal = null!;
    private Actor _alice = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await fixture.Postgres.NewDatabase("record");
        _store = DocumentStore.For(opts => EditorialRecordSetup.Configure(opts, connectionString));
        _desk = new MartenEditorialDesk(_store, TimeProvider.System, new PortalLinks("http://portal.test"), new OutboxSignal(), NullLogger<MartenEditorialDesk>.Instance);
        var backstage = new Backstage(_desk, new TestClock());
        _journal = await backstage.NewJournal();
        var alice = await backstage.NewAccount("Alice Smith");
        _alice = new Actor(alice.Id, alice.Name, alice.Email);
    }

    public async ValueTask DisposeAsync() => await _store.DisposeAsync();

    private async Task<Guid> StartedSubmission()
    {
        var id = Guid.CreateVersion7();
        Assert.IsType<CommandOutcome.Accepted>(await _desk.Execute(id, new StartSubmission(_journal.Id, ManuscriptType.ResearchArticle), _alice));
        return id;
    }

    private async Task<long> StreamVersion(Guid id)
    {
        await using var session = _store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))?.Version ?? 0;
    }

    private async Task<Submission?> CurrentState(Guid id)
    {
        await using var session = _store.QuerySession();
        return await session.LoadAsync<Submission>(id);
    }

    [Fact]
    public async Task A_commands_facts_and_its_current_state_are_written_by_one_transaction()
    {
        var id = await StartedSubmission();
        await _desk.Execute(id, new SetTitle("One transaction"), _alice);

        await using var connection = new NpgsqlConnection(_store.Options.Tenancy.Default.Database.CreateConnection().ConnectionString);
        await connection.OpenAsync(Token);
        await using var query = new NpgsqlCommand(
            "SELECT (SELECT xmin::text FROM editorial.mt_events WHERE stream_id = @id AND version = 2), (SELECT xmin::text FROM editorial.mt_doc_submission WHERE id = @id)", connection);
        query.Parameters.AddWithValue("id", id);
        await using var reader = await query.ExecuteReaderAsync(Token);
        Assert.True(await reader.ReadAsync(Token));
        Assert.Equal(reader.GetString(0), reader.GetString(1));
        Assert.Equal("One transaction", (await CurrentState(id))!.Title);
    }

    [Fact]
    public async Task When_the_commit_fails_neither_the_facts_nor_the_current_state_are_kept()
    {
        var id = Guid.CreateVersion7();
        await using (var session = _store.LightweightSession())
        {
            session.Events.StartStream<Submission>(id, new SubmissionStarted(id, _journal.Id, ManuscriptType.ResearchArticle, _alice.Account, DateTimeOffset.UtcNow));
            // A second account with Alice's email breaks a unique index, so the whole transaction must roll back.
            session.Events.StartStream<Account>(Guid.NewGuid(), new AccountRegistered(Guid.NewGuid(), "Impostor", _alice.Email, "", null, Guid.Empty, DateTimeOffset.UtcNow));
            await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync(Token));
        }

        Assert.Equal(0, await StreamVersion(id));
        Assert.Null(await CurrentState(id));
    }

    [Fact]
    public async Task Of_two_writers_at_the_same_version_the_second_is_told_of_the_concurrent_change_and_nothing_is_lost()
    {
        var id = await StartedSubmission();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _desk.Execute(id, new SetTitle($"Title {i}"), _alice, CommandOptions.New(expectedVersion: 1))));

        var accepted = Assert.Single(outcomes.OfType<CommandOutcome.Accepted>());
        Assert.All(outcomes.OfType<CommandOutcome.Refused>(), r => Assert.IsType<Refusal.ConcurrentChange>(r.Refusal));
        Assert.Equal(2, await StreamVersion(id));
        Assert.Equal(((TitleChanged)accepted.Facts[0]).Title, (await CurrentState(id))!.Title);
    }

    [Fact]
    public async Task Writers_without_an_expected_version_never_lose_an_update()
    {
        var id = await StartedSubmission();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _desk.Execute(id, new SetKeywords([$"keyword {i}"]), _alice)));

        var accepted = outcomes.OfType<CommandOutcome.Accepted>().ToList();
        Assert.All(outcomes.OfType<CommandOutcome.Refused>(), r => Assert.IsType<Refusal.ConcurrentChange>(r.Refusal));
        Assert.Equal(1 + accepted.Count, await StreamVersion(id));
        Assert.Equal(1 + accepted.Count, (await CurrentState(id))!.Version);
    }

    [Fact]
    public async Task The_same_command_id_twice_records_its_facts_once_and_answers_the_first_outcome()
    {
        var id = await StartedSubmission();
        var once = new CommandOptions(Guid.NewGuid());

        var first = Assert.IsType<CommandOutcome.Accepted>(await _desk.Execute(id, new SetTitle("Double click"), _alice, once));
        var second = Assert.IsType<CommandOutcome.Accepted>(await _desk.Execute(id, new SetTitle("Double click"), _alice, once));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _desk.Execute(id, new SetAbstract("Pressed four times"), _alice, new CommandOptions(Guid.Parse("00000000-0000-0000-0000-00000000d0b1")))));

        Assert.False(first.Repeated);
        Assert.True(second.Repeated);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(1, concurrent.Count(o => o is CommandOutcome.Accepted { Repeated: false }));
        Assert.All(concurrent, o => Assert.IsType<CommandOutcome.Accepted>(o));
        Assert.Equal(3, await StreamVersion(id));
    }

    [Fact]
    public async Task A_command_made_from_a_version_that_has_since_moved_is_told_of_the_change_not_judged_on_a_state_never_seen()
    {
        var id = await StartedSubmission();
        Assert.IsType<CommandOutcome.Accepted>(await _desk.Execute(id, new SetTitle("Changed on another device"), _alice, CommandOptions.New(1)));

        // On the current state this would be refused as incomplete; the person saw version 1, so they hear it moved.
        var outcome = await _desk.Execute(id, new SubmitManuscript(), _alice, CommandOptions.New(1));

        Assert.Equal(new Refusal.ConcurrentChange(1, 2), Assert.IsType<CommandOutcome.Refused>(outcome).Refusal);
    }

    [Fact]
    public async Task A_document_read_just_after_another_commit_counts_as_a_change_to_the_version_seen()
    {
        // The stream's version and its document come from two statements; a commit between them leaves the document one
        // fact ahead of the version. Shown here by moving the document's own version on, as that commit would have.
        var id = await StartedSubmission();
        await using (var connection = new NpgsqlConnection(_store.Options.Tenancy.Default.Database.CreateConnection().ConnectionString))
        {
            await connection.OpenAsync(Token);
            await using var ahead = new NpgsqlCommand("update editorial.mt_doc_submission set data = jsonb_set(data, '{Version}', '2') where id = @id", connection);
            ahead.Parameters.AddWithValue("id", id);
            await ahead.ExecuteNonQueryAsync(Token);
        }

        var outcome = await _desk.Execute(id, new SetTitle("Decided on version 1"), _alice, CommandOptions.New(1));

        Assert.Equal(new Refusal.ConcurrentChange(1, 2), Assert.IsType<CommandOutcome.Refused>(outcome).Refusal);
    }

    [Fact]
    public async Task An_id_that_names_one_kind_of_thing_cannot_start_another()
    {
        var submission = await StartedSubmission();

        var outcome = await _desk.Execute(submission, new CreateJournal("Journal of Borrowed Ids", null, "A forged id.", [ManuscriptType.ResearchArticle]), Actor.System);

        var refused = Assert.IsType<CommandOutcome.Refused>(outcome);
        Assert.Equal("id", Assert.IsType<Refusal.Invalid>(refused.Refusal).Errors.Single().Field);
        Assert.Equal(1, await StreamVersion(submission));
    }

    [Fact]
    public async Task A_review_draft_never_lands_in_a_stream_that_an_author_made_under_the_invitations_id()
    {
        // Alice's own draft manuscript sits at the id the invitation will carry, as if she could have chosen or guessed it.
        var trap = await StartedSubmission();
        var backstage = new Backstage(_desk, new TestClock());
        Actor As(PersonAccount p) => new(p.Id, p.Name, p.Email);
        var (erin, hugo, rita) = (await backstage.NewAccount("Erin Chief"), await backstage.NewAccount("Hugo Handler"), await backstage.NewAccount("Rita Reviewer"));
        await backstage.Grant(_journal, erin, JournalRole.EditorInChief);
        await backstage.Grant(_journal, hugo, JournalRole.HandlingEditor);
        var reviewed = Guid.CreateVersion7();
        var other = await backstage.NewAccount("Olga Author");
        async Task Do(PersonAccount who, SubmissionCommand command) => Assert.IsType<CommandOutcome.Accepted>(await _desk.Execute(reviewed, command, As(who)));
        await Do(other, new StartSubmission(_journal.Id, ManuscriptType.ResearchArticle));
        await Do(other, new SetTitle("Reviewed"));
        await Do(other, new SetAbstract("Abstract."));
        await Do(other, new SetKeywords(["k"]));
        await Do(other, new SetAuthors([new ContributingAuthor(other.Name, other.Email, "Oslo", null, true)]));
        await Do(other, new AttachManuscript("m.pdf", "application/pdf", 10, new string('b', 64)));
        await Do(other, new SubmitManuscript());
        await Do(erin, new AssignHandlingEditor(hugo.Id));
        await Do(hugo, new InviteReviewer(trap, rita.Id, DateTimeOffset.UtcNow.AddDays(7), DateTimeOffset.UtcNow.AddDays(30)));
        await Do(rita, new AcceptInvitation(trap));

        var saved = await new MartenReviewDrafts(_store, _desk).Save(reviewed, trap, Domain.Review.Recommendation.Reject,
            "Rita's words", "Rita's confidential words", As(rita));

        Assert.Equal("id", Assert.IsType<Refusal.Invalid>(Assert.IsType<CommandOutcome.Refused>(saved).Refusal).Errors.Single().Field);
        Assert.Equal(1, await StreamVersion(trap));
    }

    [Fact]
    public async Task Rebuilding_every_projection_from_the_facts_gives_documents_identical_to_the_inline_ones()
    {
        // The demo journal goes through every stage: reviews, decisions, a revision round, withdrawals, mail.
        await new DemoJournal(_desk, new EditorialPortal.Submissions.ManuscriptIntake(_desk, new Direct.InMemoryFileStore()),
            new EditorialPortal.Production.ProductionIntake(_desk, new Direct.InMemoryFileStore()), NullLogger<DemoJournal>.Instance).Seed();
        var reviewing = DemoJournal.People.Single(p => p.Email == "rita@kyoto-u.example");
        var underReview = Guid.Parse("5eed0000-0000-4000-8000-000000000104");
        await using (var read = _store.QuerySession())
        {
            var invitation = (await read.LoadAsync<Submission>(underReview, Token))!.Assignments.Single(a => a.Reviewer == reviewing.Id).Id;
            Assert.IsType<CommandOutcome.Accepted>(await new MartenReviewDrafts(_store, _desk).Save(underReview, invitation,
                Domain.Review.Recommendation.MinorRevision, "Half written.", "", new Actor(reviewing.Id, reviewing.Name, reviewing.Email)));
        }

        var before = await Documents();
        Assert.All(before, kind => Assert.NotEmpty(kind.Value));
        using var daemon = await _store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<SubmissionProjection>(Token);
        await daemon.RebuildProjectionAsync<JournalProjection>(Token);
        await daemon.RebuildProjectionAsync<AccountProjection>(Token);
        await daemon.RebuildProjectionAsync<OutgoingMessageProjection>(Token);
        await daemon.RebuildProjectionAsync<ReviewDraftProjection>(Token);
        await daemon.RebuildProjectionAsync<ProductionProjection>(Token);
        var after = await Documents();

        foreach (var (kind, documents) in before)
        {
            Assert.Equal(documents.Keys.Order(), after[kind].Keys.Order());
            foreach (var (id, json) in documents) Assert.True(json == after[kind][id], $"The rebuilt {kind} {id} differs from the inline one.");
        }
    }

    /// <summary>Every projected document, by kind and id, as JSON.</summary>
    private async Task<Dictionary<string, Dictionary<Guid, string>>> Documents()
    {
        var serializer = _store.Options.Serializer();
        await using var session = _store.QuerySession();
        Dictionary<Guid, string> Of<T>(IEnumerable<T> documents, Func<T, Guid> id) => documents.ToDictionary(id, d => serializer.ToJson(d!));
        return new()
        {
            ["submission"] = Of(await session.Query<Submission>().ToListAsync(Token), d => d.Id),
            ["journal"] = Of(await session.Query<Journal>().ToListAsync(Token), d => d.Id),
            ["account"] = Of(await session.Query<Account>().ToListAsync(Token), d => d.Id),
            ["outgoing message"] = Of(await session.Query<Domain.Notifications.OutgoingMessage>().ToListAsync(Token), d => d.Id),
            ["review draft"] = Of(await session.Query<Domain.Review.ReviewDraft>().ToListAsync(Token), d => d.Id),
            ["production"] = Of(await session.Query<Domain.Production.ArticleProduction>().ToListAsync(Token), d => d.Id)
        };
    }
}
