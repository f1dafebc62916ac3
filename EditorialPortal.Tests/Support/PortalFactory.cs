using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EditorialPortal.Tests.Support;

/// <summary>The real portal, in-process, on a test database and its own file folder, without the demo seed.</summary>
public sealed class PortalFactory(string connectionString) : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "editorialportal-tests", "portal-" + Guid.NewGuid().ToString("N"));

    public long MaxFileMegabytes { get; init; } = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Marten", connectionString);
        builder.UseSetting("Portal:SeedDemo", "false");
        builder.UseSetting("Portal:DataFolder", DataFolder);
        builder.UseSetting("Files:MaxFileMegabytes", MaxFileMegabytes.ToString());
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
