using System.Text.RegularExpressions;
using EditorialPortal.E2E.Support;
using EditorialPortal.Tests.Scenarios.Integrity;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace EditorialPortal.E2E.Integrity;

/// <summary>
/// The analyst at the integrity application's screens, in its own process beside the portal, and the editors and
/// authors at the portal's manuscript page.
/// </summary>
public sealed partial class BrowsingIntegrity(BrowserFixture browser) : IIntegrityProtocol
{
    private PortalRelay? _relay;
    private IntegrityApplication? _app;
    private IBrowserContext? _context;

    public string Kind => "browser";

    /// <summary>The analyst's page, once signed in.</summary>
    public IPage? AnalystPage { get; private set; }

    public IntegrityApplication? Application => _app;

    public PortalFixture Portal => browser.Portal;

    public async Task<IAnalystAbility> StartForTheAnalyst(Manipulation journal)
    {
        _relay = new PortalRelay(browser.Portal.KestrelPort!.Value);
        _app = await IntegrityApplication.Start(await browser.Portal.Postgres.NewDatabase("integrity"), _relay.Url, journal.Token, BrowserFixture.FreePort());
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.Url, ViewportSize = new() { Width = 1280, Height = 900 } });
        _context.SetDefaultTimeout(30_000);
        var page = await _context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#email", journal.Analyst.Email);
        await page.FillAsync("#password", journal.Analyst.Password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-as], [data-testid=sign-in-problem]");
        if (await page.Locator("[data-testid=sign-in-problem]").CountAsync() > 0)
            throw new InvalidOperationException($"The analyst could not sign in: {await page.Locator("[data-testid=sign-in-problem]").InnerTextAsync()}\n{_app.Output()}");
        AnalystPage = page;
        return new BrowsingAnalyst(page);
    }

    public Task CutThePortalOff(bool off)
    {
        _relay!.CutOff(off);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<(string Reason, bool Holds)>> ConcernsShownInThePortal(PersonAccount person, Guid manuscript)
    {
        var (context, page) = await browser.SignedIn(person);
        await using (context)
        {
            await page.GotoAsync($"/submissions/{manuscript}");
            await AtRest(page, "[data-testid=submission-title]");
            var shown = new List<(string, bool)>();
            foreach (var banner in await page.QuerySelectorAllAsync("[data-testid=integrity-concern]"))
                shown.Add(((await (await banner.QuerySelectorAsync(".abstract-text"))!.InnerTextAsync()).Trim(), await banner.GetAttributeAsync("data-held") == "true"));
            return shown;
        }
    }

    // What the server rendered first is drawn again once the circuit connects, and the page loads its data afresh then:
    // it is read once it is interactive, shows what it is for, and loads nothing more.
    private static async Task AtRest(IPage page, string ready)
    {
        await page.WaitForSelectorAsync("[data-interactive=true]");
        await page.WaitForSelectorAsync(ready);
        await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear.mud-progress-indeterminate')");
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null) await _context.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
        if (_relay is not null) await _relay.DisposeAsync();
    }

    private sealed partial class BrowsingAnalyst(IPage page) : IAnalystAbility
    {
        private async Task Open(string path, string ready)
        {
            await page.GotoAsync(path);
            await AtRest(page, ready);
        }

        private static Guid IdIn(string? href) => Guid.Parse(href is null ? "" : href[(href.LastIndexOf('/') + 1)..]);

        public async Task<SeenFreshness> Freshness()
        {
            await Open("/", "[data-testid=freshness]");
            var bar = page.Locator("[data-testid=freshness]");
            return new SeenFreshness((await bar.GetAttributeAsync("data-state"))!, (await bar.InnerTextAsync()).Trim(), long.Parse((await bar.GetAttributeAsync("data-analysed-through"))!));
        }

        public async Task<IReadOnlyList<ListedCase>> Cases()
        {
            await Open("/", "[data-testid=cases], [data-testid=no-cases]");
            var listed = new List<ListedCase>();
            foreach (var row in await page.Locator("[data-testid=cases] tbody tr").AllAsync())
            {
                var link = row.Locator("[data-testid=case-link]");
                var state = (await row.Locator("[data-testid=case-state]").InnerTextAsync()).Trim();
                var since = SinceClosed().Match(state);
                listed.Add(new ListedCase(IdIn(await link.GetAttributeAsync("href")), (await link.InnerTextAsync()).Trim(), state.Split(' ')[0],
                    (await row.Locator("[data-testid=severity]").InnerTextAsync()).Trim(), int.Parse((await row.Locator("td").Nth(3).InnerTextAsync()).Trim()),
                    since.Success ? int.Parse(since.Groups[1].Value) : 0));
            }
            return listed;
        }

        public async Task<SeenCase?> OpenCase(Guid id)
        {
            await Open($"/cases/{id}", "[data-testid=case-title], h1");
            if (await page.Locator("[data-testid=case-title]").CountAsync() == 0) return null;
            var signals = new List<CaseSignal>();
            foreach (var item in await page.Locator("[data-testid=case-signal]").AllAsync())
            {
                var link = item.Locator("[data-testid=signal-link]");
                signals.Add(new CaseSignal(IdIn(await link.GetAttributeAsync("href")), (await item.GetAttributeAsync("data-detector"))!, (await link.InnerTextAsync()).Trim(),
                    (await item.Locator(".signal-explanation").InnerTextAsync()).Trim()));
            }
            var manuscripts = new List<CaseManuscript>();
            foreach (var paper in await page.Locator("[data-testid=case-manuscript]").AllAsync())
                manuscripts.Add(new CaseManuscript(Guid.Parse((await paper.GetAttributeAsync("data-manuscript"))!),
                    (await paper.Locator("[data-testid=manuscript-title]").InnerTextAsync()).Trim('“', '”', ' '), await paper.Locator("[data-testid=open-concern]").CountAsync() > 0));
            var history = new List<string>();
            foreach (var entry in await page.Locator("[data-testid=history-entry]").AllAsync())
                history.Add((await entry.InnerTextAsync()).Trim());
            var since = await page.Locator("[data-testid=since-closed]").CountAsync() == 0 ? 0
                : (await page.Locator("[data-testid=since-closed]").InnerTextAsync()).Trim() is var words && words.StartsWith("A signal", StringComparison.Ordinal) ? 1
                : int.Parse(words.Split(' ')[0]);
            return new SeenCase(id, (await page.Locator("[data-testid=case-title]").InnerTextAsync()).Trim(), (await page.Locator("[data-testid=case-state]").InnerTextAsync()).Trim(),
                (await page.Locator("[data-testid=severity]").First.InnerTextAsync()).Trim(), signals, manuscripts, history, since);
        }

        public async Task<SeenSignal?> OpenSignal(Guid id)
        {
            await Open($"/signals/{id}", "[data-testid=signal-headline], h1");
            if (await page.Locator("[data-testid=signal-headline]").CountAsync() == 0) return null;
            var evidence = new List<SeenEvidence>();
            foreach (var row in await page.Locator("[data-testid=evidence] tbody tr").AllAsync())
                evidence.Add(new SeenEvidence((await row.Locator("[data-fact-type]").GetAttributeAsync("data-fact-type"))!,
                    await row.Locator("[data-testid=fact-link]").GetAttributeAsync("href") ?? ""));
            var headline = page.Locator("[data-testid=signal-headline]");
            return new SeenSignal((await headline.InnerTextAsync()).Trim(), (await page.Locator("[data-testid=signal-explanation]").InnerTextAsync()).Trim(),
                (await headline.GetAttributeAsync("data-detector"))!, evidence);
        }

        // Clicks the button on the case's page and waits for what shows the work done, or for the refusal.
        private async Task<string?> Work(Guid caseId, string button, string done, Func<Task>? fill = null)
        {
            await Open($"/cases/{caseId}", "[data-testid=case-title]");
            if (await page.Locator(button).CountAsync() == 0) return "The page offers no such button.";
            if (fill is not null) await fill();
            await page.ClickAsync(button);
            await page.WaitForSelectorAsync($"{done}, [data-testid=case-problem]");
            return await page.Locator("[data-testid=case-problem]").CountAsync() > 0 ? (await page.Locator("[data-testid=case-problem]").InnerTextAsync()).Trim() : null;
        }

        private Task Say(string text) => page.FillAsync("#case-text", text);

        public Task<string?> BeginInvestigating(Guid caseId) => Work(caseId, "[data-testid=begin-investigation]", "[data-testid=case-state]:has-text('Investigating')");

        public Task<string?> Confirm(Guid caseId, string finding) => Work(caseId, "[data-testid=confirm]", "[data-testid=case-state]:has-text('Confirmed')", () => Say(finding));

        public Task<string?> Clear(Guid caseId, string reason) => Work(caseId, "[data-testid=clear]", "[data-testid=case-state]:has-text('Cleared')", () => Say(reason));

        public Task<string?> RaiseConcern(Guid caseId, Guid manuscript, string reason, bool hold)
        {
            var paper = $"[data-manuscript='{manuscript}']";
            return Work(caseId, $"{paper} [data-testid=raise-concern]", $"{paper} [data-testid=open-concern]", async () =>
            {
                await page.FillAsync($"#concern-{manuscript}", reason);
                if (hold) await page.Locator($"{paper} input[type=checkbox]").CheckAsync();
            });
        }

        [GeneratedRegex(@"(\d+) new since closed")]
        private static partial Regex SinceClosed();
    }
}

[Collection(nameof(TimeTravel))]
public sealed class InvestigatingIntegrity_InTheBrowser(BrowserFixture browser) : InvestigatingIntegrity(new BrowsingIntegrity(browser));
