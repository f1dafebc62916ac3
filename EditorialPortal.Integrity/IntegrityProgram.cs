using EditorialPortal.Integrity.Hosting;
using Serilog;

namespace EditorialPortal.Integrity;

/// <summary>The research-integrity application: reads the portal's record over HTTP, finds what looks like manipulation, and shows it to the analysts.</summary>
public static class IntegrityProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSerilog((services, logging) => logging.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services));
        var connectionString = IntegrityDatabase.ConnectionString(builder.Configuration);
        await IntegrityDatabase.CreateIfMissing(connectionString);
        builder.AddIntegrity(connectionString);
        var app = builder.Build();
        app.UseIntegrity();
        await app.RunAsync();
        return 0;
    }
}
