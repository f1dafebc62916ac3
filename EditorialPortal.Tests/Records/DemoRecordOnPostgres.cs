using EditorialPortal.Demo;
using EditorialPortal.Notifications;
using EditorialPortal.Records;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.Tests.Records;

/// <summary>
/// The demo journal's record in a database of its own (every kind of stream: journals, accounts, submissions at every
/// stage, outgoing mail), for tests that then change it behind the portal's back in SQL.
/// </summary>
public abstract class DemoRecordOnPostgres(PortalFixture fixture, string name) : IAsyncLifetime
{
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected DocumentStore Store { get; private set; } = null!;
    protected MartenEditorialDesk Desk { get; private set; } = null!;
    protected string ConnectionString { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        ConnectionString = await fixture.Postgres.NewDatabase(name);
        Store = DocumentStore.For(opts => EditorialRecordSetup.Configure(opts, ConnectionString));
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Desk = DeskOn(Store);
        await new DemoJournal(Desk, new EditorialPortal.Submissions.ManuscriptIntake(Desk, new Direct.InMemoryFileStore()),
            new EditorialPortal.Production.ProductionIntake(Desk, new Direct.InMemoryFileStore()), NullLogger<DemoJournal>.Instance).Seed();
    }

    protected static MartenEditorialDesk DeskOn(IDocumentStore store) =>
        new(store, TimeProvider.System, new PortalLinks("http://portal.test"), new OutboxSignal(), NullLogger<MartenEditorialDesk>.Instance);

    public async ValueTask DisposeAsync() => await Store.DisposeAsync();

    protected async Task Execute(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Store.Options.Tenancy.Default.Database.CreateConnection();
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (parameter, value) in parameters) command.Parameters.AddWithValue(parameter, value);
        await command.ExecuteNonQueryAsync(Token);
    }

    /// <summary>The stream and version of a fact of this kind, in another stream than <paramref name="notIn"/>.</summary>
    protected async Task<(Guid Stream, long Version)> AFactOf<TFact>(Guid? notIn = null)
    {
        await using var session = Store.QuerySession();
        var other = notIn ?? Guid.Empty;
        var alias = ((IDocumentStore)Store).Options.Events.AllKnownEventTypes().Single(t => t.EventType == typeof(TFact)).EventTypeName;
        var fact = await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == alias && e.StreamId != other).FirstAsync(Token);
        return (fact.StreamId, fact.Version);
    }
}
