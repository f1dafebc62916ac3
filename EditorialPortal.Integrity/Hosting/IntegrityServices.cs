using EditorialPortal.Integrity.Api;
using EditorialPortal.Integrity.Cases;
using EditorialPortal.Integrity.CatchingUp;
using EditorialPortal.Integrity.Components;
using EditorialPortal.Integrity.People;
using EditorialPortal.Integrity.Portal;
using EditorialPortal.Integrity.Signals;
using Marten;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Serilog;

namespace EditorialPortal.Integrity.Hosting;

public static class IntegrityServices
{
    public const string PortalHttp = "portal";

    public static void AddIntegrity(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        services.Configure<CatchUpOptions>(builder.Configuration.GetSection(CatchUpOptions.Section));
        services.AddMarten(opts => IntegrityRecord.Configure(opts, connectionString)).UseLightweightSessions().ApplyAllDatabaseChangesOnStartup();

        // The service identity reads the record; a signing-in analyst's own password goes to the portal without a token.
        services.AddHttpClient<PortalClient>((sp, http) => PortalClient.Configure(http, sp.GetRequiredService<IOptions<PortalOptions>>().Value));
        services.AddHttpClient<AnalystSignIn>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<PortalOptions>>().Value.Url.ToString().TrimEnd('/') + "/"));
        services.AddHttpClient<PortalActing>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<PortalOptions>>().Value.Url.ToString().TrimEnd('/') + "/"));
        services.AddScoped<CaseDesk>();
        services.AddScoped<CaseQueries>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddMemoryCache();
        services.AddScoped<Backtesting.Backtest>();
        services.AddSingleton<CatchUpStatus>();
        services.AddSingleton<CatchUp>();
        services.AddHostedService(sp => sp.GetRequiredService<CatchUp>());

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, PortalTokenAuthentication>(PortalTokenAuthentication.SchemeName, null)
            .AddCookie(options =>
        {
            options.LoginPath = "/sign-in";
            options.Cookie.Name = "integrity";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            // No longer than the portal token made at sign-in, and not renewed past it.
            options.ExpireTimeSpan = AnalystSignIn.Lasts;
            options.SlidingExpiration = false;
        });
        services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddHealthChecks();
    }

    public static void UseIntegrity(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.Use(async (context, next) =>
        {
            // Nothing here is meant to be framed or to leak where an analyst came from.
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next();
        });
        // People who open a page that is not there get a page saying so; programs get the bare status and problem details.
        app.UseWhen(context => HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api"),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status pages, so that a re-executed request finds the not-found page's endpoint.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        AnalystSignIn.MapSignIn(app);
        app.MapIntegrityApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
