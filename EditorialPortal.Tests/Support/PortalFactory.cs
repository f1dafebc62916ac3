using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EditorialPortal.Tests.Support;

/// <summary>The real portal, in-process, on a test database and its own file folder, without the demo seed.</summary>
public sealed class PortalFactory(string connectionString, TestMailServer mail, TestClock clock) : WebApplicationFactory<Program>
{
    /// <summary>The address emailed links point at; the browser tests set their real port here.</summary>
    public string PublicUrl { get; set; } = "http://portal.test";

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "editorialportal-tests", "portal-" + Guid.NewGuid().ToString("N"));

    public long MaxFileMegabytes { get; init; } = 2;

    /// <summary>Sign-in attempts a minute from one address; high, since every test signs in from 127.0.0.1.</summary>
    public int RateLimit { get; init; } = 100_000;

    /// <summary>The environment the portal runs in; its appsettings file for that environment applies.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Whether to seed the demo journal; null leaves it to the portal's own settings.</summary>
    public bool? SeedDemo { get; init; } = false;

    /// <summary>More settings, as a deployment's configuration would give them.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Marten", connectionString);
        if (SeedDemo is { } seed) builder.UseSetting("Portal:SeedDemo", seed.ToString());
        builder.UseSetting("Portal:DataFolder", DataFolder);
        builder.UseSetting("Files:MaxFileMegabytes", MaxFileMegabytes.ToString());
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Portal:PublicUrl", PublicUrl);
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", mail.Port.ToString());
        builder.UseSetting("Mail:Smtp:UseTls", "false");
        builder.UseSetting("RateLimits:CredentialAttemptsPerMinute", RateLimit.ToString());
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
