using EditorialPortal.Integrity;
using EditorialPortal.Integrity.Cases;
using EditorialPortal.Integrity.CatchingUp;
using EditorialPortal.Integrity.Portal;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialPortal.Tests.Integrity;

/// <summary>The line between the integrity application and the portal, which a test can cut to play the portal being down.</summary>
public sealed class PortalLine(HttpMessageHandler portal) : DelegatingHandler(portal)
{
    public volatile bool Down;
    private int _requests;

    public int Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return Down ? throw new HttpRequestException("Connection refused: the portal is down.") : base.SendAsync(request, cancellationToken);
    }

    // The handler factory lets go of its handlers from time to time; the portal's own stays open for the other tests.
    protected override void Dispose(bool disposing)
    {
    }
}

/// <summary>
/// The real integrity application, in-process, on a database of its own on the test cluster, talking to the test portal
/// only over HTTP (through <see cref="PortalLine"/>) with a service identity's personal access token. Any of its types
/// names its assembly for the factory; its entry point is a static class, which cannot.
/// </summary>
public sealed class IntegrityFactory(string connectionString, PortalLine line, string token, bool catchesUpByItself = false, int pageSize = 50)
    : WebApplicationFactory<PortalClient>
{
    public const string PortalUrl = "http://portal.test/";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Integrity", connectionString);
        builder.UseSetting("Portal:Url", PortalUrl);
        builder.UseSetting("Portal:Token", token);
        builder.UseSetting("Portal:PageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("CatchUp:Enabled", catchesUpByItself.ToString());
        builder.UseSetting("CatchUp:PollInterval", "00:00:00.200");
        builder.UseSetting("CatchUp:FirstWait", "00:00:00.100");
        builder.UseSetting("CatchUp:LongestWait", "00:00:00.400");
        // The waits while the portal is down are warnings the tests cause on purpose.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Error");
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient<PortalClient>().ConfigurePrimaryHttpMessageHandler(() => line);
            services.AddHttpClient<EditorialPortal.Integrity.People.AnalystSignIn>().ConfigurePrimaryHttpMessageHandler(() => line);
            services.AddHttpClient<PortalActing>().ConfigurePrimaryHttpMessageHandler(() => line);
        });
    }

    public CatchUp CatchUp => Services.GetRequiredService<CatchUp>();

    public CatchUpStatus Status => Services.GetRequiredService<CatchUpStatus>();

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>The desk analysts work cases at, as a page gets it.</summary>
    public CaseDesk Desk() => Services.CreateScope().ServiceProvider.GetRequiredService<CaseDesk>();
}
