using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Submissions;
using EditorialPortal.Domain.Common;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using EditorialPortal.Notifications;
using EditorialPortal.Review;

namespace EditorialPortal.Tests.Support;

/// <summary>One PostgreSQL cluster and one running portal for the whole test assembly; each scenario works in its own journal.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private TestPostgres? _postgres;

    public TestPostgres Postgres => _postgres ?? throw new InvalidOperationException("The fixture has not started.");
    public PortalFactory Portal { get; private set; } = null!;
    public TestMailServer Mail { get; } = new();
    public TestClock Clock { get; } = new();
    public Backstage Backstage => new(Portal.Services.GetRequiredService<IEditorialDesk>(), Clock, () => Portal.Services.GetRequiredService<ReminderRound>().Run(), Tamper,
        Portal.Services.GetRequiredService<ManuscriptIntake>(), Portal.Services.GetRequiredService<EditorialPortal.Production.ProductionIntake>(),
        async () =>
        {
            await Portal.Services.GetRequiredService<EditorialPortal.Publication.PublishingRound>().Run(Clock.GetUtcNow());
            await Portal.Services.GetRequiredService<EditorialPortal.Publication.IssuePublishingRound>().Run(Clock.GetUtcNow());
            await (await CrossrefStandIn.Running).Round(Portal.Services.GetRequiredService<EditorialPortal.Domain.Publication.IPublicationQueries>(),
                Portal.Services.GetRequiredService<EditorialPortal.Domain.Journals.IJournalQueries>(), Portal.Services.GetRequiredService<IEditorialDesk>(),
                Portal.Services.GetRequiredService<PortalLinks>()).Run(Clock.GetUtcNow());
            await Portal.Services.GetRequiredService<EditorialPortal.Reader.SearchIndexingRound>().Run();
        });

    // What someone with access to the database could do: move the time of a recorded fact in the fact table itself.
    private async Task<long> Tamper(Guid stream, string type)
    {
        var alias = Store.Options.Events.AllKnownEventTypes().Single(t => t.EventType.Name == type).EventTypeName;
        await using var connection = Store.Options.Tenancy.Default.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            $"update {Store.Options.Events.DatabaseSchemaName}.mt_events set data = jsonb_set(data, '{{At}}', '\"2001-01-01T00:00:00+00:00\"') " +
            "where seq_id = (select min(seq_id) from " + Store.Options.Events.DatabaseSchemaName + ".mt_events where stream_id = @stream and type = @type) returning version", connection);
        command.Parameters.AddWithValue("stream", stream);
        command.Parameters.AddWithValue("type", alias);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>An API client signed in as the person with a short-lived bearer token, as a program would be.</summary>
    public async Task<HttpClient> ApiClient(PersonAccount person)
    {
        var client = Portal.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { person.Email, person.Password }, TestContext.Current.CancellationToken);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A complete manuscript with its PDF, submitted by its author through the portal's own desk and intake; <paramref name="before"/> run before submitting.</summary>
    public async Task<Guid> SubmittedManuscript(JournalRef journal, PersonAccount author, string title, ManuscriptType type = ManuscriptType.ResearchArticle,
        params SubmissionCommand[] before)
    {
        var desk = Portal.Services.GetRequiredService<IEditorialDesk>();
        var actor = new Actor(author.Id, author.Name, author.Email);
        var id = Guid.CreateVersion7();
        async Task Do(SubmissionCommand command)
        {
            if (await desk.Execute(id, command, actor) is CommandOutcome.Refused refused)
                throw new InvalidOperationException($"Could not arrange the manuscript: {refused.Refusal.Message}");
        }
        foreach (var command in new SubmissionCommand[]
                 {
                     new StartSubmission(journal.Id, type), new SetTitle(title), new SetAbstract($"We report {title.ToLowerInvariant()}."), new SetKeywords(["testing"]),
                     new SetAuthors([new ContributingAuthor(author.Name, author.Email, $"University of {author.Name}", null, true)])
                 }.Concat(before))
            await Do(command);
        using (var pdf = new MemoryStream(SamplePdfs.Titled(title)))
            if (await Portal.Services.GetRequiredService<ManuscriptIntake>().Attach(id, "manuscript.pdf", pdf, actor, cancellationToken: TestContext.Current.CancellationToken) is CommandOutcome.Refused refused)
                throw new InvalidOperationException($"Could not attach the manuscript: {refused.Refusal.Message}");
        await Do(new SubmitManuscript());
        return id;
    }

    /// <summary>What has reached <paramref name="email"/>, after the outbox has sent everything due.</summary>
    public async Task<IReadOnlyList<SeenMail>> Mailbox(string email)
    {
        await Portal.Services.GetRequiredService<MailDispatcher>().DispatchDue();
        return [.. Mail.To(email).Select(m => new SeenMail(m.Subject ?? "", m.TextBody ?? ""))];
    }

    /// <summary>The link to <paramref name="path"/> in the last such mail to <paramref name="email"/>, once the outbox has sent what is due.</summary>
    public async Task<Uri> LinkMailedTo(string email, string subject, string path)
    {
        await Portal.Services.GetRequiredService<MailDispatcher>().DispatchDue();
        return TestMailServer.LinkIn(await Mail.WaitFor(email, subject), path);
    }

    public IDocumentStore Store => Portal.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Set by the browser tests, which need the portal on a real port.</summary>
    public int? KestrelPort { get; init; }

    public async ValueTask InitializeAsync()
    {
        _postgres = await TestPostgres.Start();
        Portal = new PortalFactory(await Postgres.NewDatabase("portal"), Mail, Clock);
        if (KestrelPort is { } port)
        {
            Portal.PublicUrl = $"http://127.0.0.1:{port}";
            Portal.UseKestrel(port);
            Portal.StartServer();
        }
        else
        {
            Portal.CreateClient().Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Mail.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
