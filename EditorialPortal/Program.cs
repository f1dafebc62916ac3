using EditorialPortal.Api;
using EditorialPortal.Components;
using EditorialPortal.Demo;
using EditorialPortal.Generation;
using EditorialPortal.History;
using EditorialPortal.Hosting;
using EditorialPortal.People;
using EditorialPortal.Production;
using EditorialPortal.Publication;
using EditorialPortal.Reader;
using EditorialPortal.Records;
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

// `--verify-record`: recompute every fact's chain, print what was found and end; the exit code says whether it held.
if (args.Contains(RecordVerificationCommand.Switch))
    return await RecordVerificationCommand.Run(app.Services, Console.Out);
// `--rebuild-projections`: write every current-state document anew from the facts (with the portal stopped), then end.
if (args.Contains(ProjectionRebuildCommand.Switch))
    return await ProjectionRebuildCommand.Run(app.Services, Console.Out);
// `--generate N`: add N synthetic submissions with realistic lives to the record, then end.
if (args.Contains(GenerateCommand.Switch))
    return await GenerateCommand.Run(app.Services, args, Console.Out);

app.UseSerilogRequestLogging(RequestLogging.Configure);
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
// People who open a page that is not there get a page saying so; programs get the bare status and problem details.
app.UseWhen(context => HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
// Routing after the status pages, so that a re-executed request finds the not-found page's endpoint.
app.UseRouting();
app.UseAuthentication();
app.UseSignInStamps();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
// After authentication, so that only anonymous readers are served kept pages.
app.UseOutputCache();

app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapAuthApi();
app.MapAccountApi();
app.MapSubmissionsApi();
app.MapJournalsApi();
app.MapProductionApi();
app.MapReaderSite();
app.MapOaiPmh();
app.MapPublicationApi();
app.MapIssuesApi();
app.MapInvitationsApi();
app.MapHistoryApi();
app.MapOpenApi().AllowAnonymous();
app.MapAccountEndpoints();
// The portal's own policy already forbids framing; Blazor need not add a second header.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);

if (app.Configuration.GetValue("Portal:SeedDemo", false))
    await app.Services.GetRequiredService<DemoJournal>().Seed();
// The portal's own upkeep, which a benchmark on a fixed record turns off with the background services.
if (app.Configuration.GetValue("Portal:BackgroundServices", true))
    await app.Services.GetRequiredService<ProductionBackfill>().Run();

await app.RunAsync();
return 0;

public partial class Program;
