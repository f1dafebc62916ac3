using System.Net;
using System.Net.Sockets;
using EditorialPortal.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace EditorialPortal.E2E.Support;

/// <summary>The real portal on a real port, and one headless Debian Chromium driven by Playwright, for the whole run.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PortalFixture Portal { get; } = new() { KestrelPort = FreePort() };
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => $"http://127.0.0.1:{Portal.KestrelPort}";

    public async ValueTask InitializeAsync()
    {
        await Portal.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Portal.DisposeAsync();
    }

    /// <summary>A new browser context signed in as <paramref name="person"/>, on the home page.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> SignedIn(Tests.Scenarios.Screenplay.PersonAccount person)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("[data-testid=signin-email]", person.Email);
        await page.FillAsync("[data-testid=signin-password]", person.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-as]");
        return (context, page);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
