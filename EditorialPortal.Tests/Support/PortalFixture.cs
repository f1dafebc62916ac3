using EditorialPortal.Domain.Common;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Support;

/// <summary>One PostgreSQL cluster and one running portal for the whole test assembly; each scenario works in its own journal.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    private TestPostgres? _postgres;

    public TestPostgres Postgres => _postgres ?? throw new InvalidOperationException("The fixture has not started.");
    public PortalFactory Portal { get; private set; } = null!;
    public TestMailServer Mail { get; } = new();
    public TestClock Clock { get; } = new();
    public Backstage Backstage => new(Portal.Services.GetRequiredService<IEditorialDesk>(), Clock);
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
