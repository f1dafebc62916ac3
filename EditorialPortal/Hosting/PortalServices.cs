using EditorialPortal.Demo;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Files;
using EditorialPortal.People;
using EditorialPortal.Records;
using EditorialPortal.Reader;
using EditorialPortal.Review;
using EditorialPortal.Domain.Review;
using EditorialPortal.Submissions;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using EditorialPortal.Api;
using EditorialPortal.Domain.Notifications;
using EditorialPortal.Notifications;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using MudBlazor.Services;

namespace EditorialPortal.Hosting;

public static class PortalServices
{
    public const string CookieOrBearer = "CookieOrBearer";

    public static void AddEditorialPortal(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);

        services.AddMarten(opts => EditorialRecordSetup.Configure(opts, connectionString, builder.Configuration["Portal:Schema"] ?? "editorial"))
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .InitializeWith<RecountQueueTally>();
        services.AddSingleton<MartenEditorialDesk>();
        services.AddSingleton<IEditorialDesk>(sp => sp.GetRequiredService<MartenEditorialDesk>());
        services.AddSingleton<MartenQueries>();
        services.AddSingleton<ISubmissionQueries>(sp => sp.GetRequiredService<MartenQueries>());
        services.AddSingleton<IJournalQueries>(sp => sp.GetRequiredService<MartenQueries>());
        services.AddSingleton<IAccountQueries>(sp => sp.GetRequiredService<MartenQueries>());
        services.AddSingleton<IReviewRounds>(sp => sp.GetRequiredService<MartenQueries>());
        services.AddSingleton<IReviewerPool, MartenReviewerPool>();
        services.AddSingleton<History.RecordVerification>();
        services.AddSingleton<History.HistoryReader>();
        services.AddSingleton<History.CaseFiles>();
        services.AddSingleton<History.IHistoricalRecord, Records.MartenHistoricalRecord>();
        services.AddSingleton<IReviewDrafts, MartenReviewDrafts>();
        services.AddSingleton<ReminderRound>();
        services.AddSingleton<IProductionQueries, MartenProductionQueries>();
        services.AddSingleton<Production.ProductionReminderRound>();
        services.AddSingleton<Production.ProductionIntake>();
        services.AddReaderPageCache();
        services.AddSingleton<Production.ProductionBackfill>();
        if (RunsBackgroundServices(builder)) services.AddHostedService<ReminderService>();
        services.AddSingleton<IPublicationQueries, MartenPublicationQueries>();
        services.AddSingleton<Domain.Issues.IIssueQueries, MartenIssueQueries>();
        services.AddSingleton<Publication.PublishingRound>();
        services.AddSingleton<Publication.IssuePublishingRound>();
        services.Configure<Publication.Crossref.CrossrefOptions>(builder.Configuration.GetSection("Crossref"));
        services.AddHttpClient(Publication.Crossref.CrossrefHttpClient.Name, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<Publication.Crossref.ICrossrefClient, Publication.Crossref.CrossrefHttpClient>();
        services.AddSingleton<Publication.DepositingRound>();
        services.AddSingleton<Reader.SearchIndexingRound>();
        if (RunsBackgroundServices(builder)) services.AddHostedService<Publication.PublishingService>();
        services.AddSingleton<InvitationAnswers>();

        // Keys that every node shares, so that sign-in cookies survive a restart and work behind a load balancer:
        // in PostgreSQL by default, or in a shared folder named by DataProtection:KeysFolder.
        var dataProtection = services.AddDataProtection().SetApplicationName("EditorialPortal");
        if (builder.Configuration["DataProtection:KeysFolder"] is { Length: > 0 } keysFolder)
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        else
            services.AddOptions<KeyManagementOptions>().Configure<IDocumentStore>((options, store) => options.XmlRepository = new MartenXmlRepository(store));
        // At rest the keys are encrypted with a certificate when one is configured: whoever reads the database or the
        // folder then still cannot forge a sign-in cookie or an invitation link.
        if (builder.Configuration["DataProtection:Certificate:Path"] is { Length: > 0 } certificatePath)
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, builder.Configuration["DataProtection:Certificate:Password"]);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        var fileOptions = builder.Configuration.GetSection("Files").Get<FileStoreOptions>() ?? new FileStoreOptions();
        fileOptions.Folder = Path.Combine(PortalFolders.Data(builder.Configuration, builder.Environment), "files");
        services.AddSingleton(fileOptions);
        services.AddSingleton<IManuscriptFileStore, FolderFileStore>();
        services.AddSingleton<ManuscriptIntake>();
        services.AddSingleton(sp => new AccountService(sp.GetRequiredService<IEditorialDesk>(), sp.GetRequiredService<IAccountQueries>(),
            sp.GetRequiredService<AccountLinks>(), sp.GetRequiredService<TimeProvider>(),
            builder.Configuration.GetValue<TimeSpan?>("Accounts:SteadyAnswer") ?? AccountService.SteadyAnswer));
        AddMail(builder);
        AddRateLimits(builder);
        services.AddSingleton<DemoJournal>();

        services.AddAuthentication(CookieOrBearer)
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    AccessTokenAuthentication.Carries(context.Request) ? AccessTokenAuthentication.SchemeName
                    : context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null)
            .AddCookie(options =>
            {
                options.LoginPath = "/signin";
                options.LogoutPath = "/signout";
                options.Cookie.Name = "editorialportal";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                // The API answers 401 instead of sending a program to a sign-in page.
                options.Events.OnRedirectToLogin = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    else context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
            })
            .AddBearerToken(options => options.BearerTokenExpiration = TimeSpan.FromHours(1));
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SignInRevalidation>();
        services.AddSingleton<KnownBrowsers>();
        services.AddSingleton<SignInRenewal>();
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql");
        // The REST API describes itself at /openapi/v1.json and on the API reference page.
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new() { Title = "EditorialPortal API", Version = "v1",
                    Description = "Submissions, peer review and journals. Sign in with a personal access token (Authorization: Bearer ep_...) or POST /api/auth/token. " +
                                  "Refusals are problem details whose 'refusal' names the rule; anything the caller may not know of answers 404." };
                return Task.CompletedTask;
            });
        });

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
    }

    // An SMTP server when one is configured; otherwise .eml files in the data folder, listed on the Outbox page.
    private static void AddMail(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        options.PickupFolder ??= Path.Combine(PortalFolders.Data(builder.Configuration, builder.Environment), "mail");
        builder.Services.AddSingleton(options);
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            builder.Services.AddSingleton<PickupFolderPostOffice>();
            builder.Services.AddSingleton<IPostOffice>(sp => sp.GetRequiredService<PickupFolderPostOffice>());
        }
        else
        {
            if (options.Smtp.Problem is { } problem) throw new InvalidOperationException(problem);
            builder.Services.AddSingleton<IPostOffice, SmtpPostOffice>();
        }
        var publicUrl = builder.Configuration["Portal:PublicUrl"]
            ?? throw new InvalidOperationException("Set Portal:PublicUrl to the address people use to reach the portal; emailed links are built from it.");
        builder.Services.AddSingleton(new PortalLinks(publicUrl));
        builder.Services.AddSingleton<InvitationLinks>();
        builder.Services.AddSingleton<AccountLinks>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IOutbox, MartenOutbox>();
        builder.Services.AddSingleton<MailDispatcher>();
        if (RunsBackgroundServices(builder)) builder.Services.AddHostedService<OutboxService>();
    }

    // Guessing passwords or flooding reset mails costs an attacker time: a few attempts a minute per address.
    // Off only where nothing may change behind a measurement: a benchmark's portal neither reminds nor mails.
    private static bool RunsBackgroundServices(WebApplicationBuilder builder) => builder.Configuration.GetValue("Portal:BackgroundServices", true);

    private static void AddRateLimits(WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("RateLimits:CredentialAttemptsPerMinute", 20);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AuthApi.CredentialsPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
