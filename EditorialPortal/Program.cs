using EditorialPortal.Api;
using EditorialPortal.Components;
using EditorialPortal.Demo;
using EditorialPortal.Hosting;
using EditorialPortal.People;
using Serilog;
using Serilog.Extensions.Logging;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSerilog((services, logging) => logging.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services));

PortalDatabase database;
using (var startupLog = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger())
{
    try
    {
        database = await PortalDatabase.Prepare(builder, new SerilogLoggerFactory(startupLog).CreateLogger("Startup"));
    }
    catch (PostgresNotInstalledException e)
    {
        Console.Error.WriteLine(e.Message);
        return PortalExitCodes.NoDatabase;
    }
}
// Stops the portal's own PostgreSQL however the portal ends: Ctrl-C, SIGTERM or a failed start.
await using var stopsDatabase = database;
builder.AddEditorialPortal(database.ConnectionString);

var app = builder.Build();

app.UseSerilogRequestLogging();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapAuthApi();
app.MapAccountApi();
app.MapSubmissionsApi();
app.MapJournalsApi();
app.MapAccountEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

if (app.Configuration.GetValue("Portal:SeedDemo", true))
    await app.Services.GetRequiredService<DemoJournal>().Seed();

await app.RunAsync();
return 0;

public partial class Program;
