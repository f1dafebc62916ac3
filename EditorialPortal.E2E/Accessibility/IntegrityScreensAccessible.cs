using EditorialPortal.E2E.Integrity;
using EditorialPortal.E2E.Support;
using EditorialPortal.Tests.Scenarios.Integrity;
using EditorialPortal.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace EditorialPortal.E2E.Accessibility;

/// <summary>
/// axe-core on every screen of the research-integrity application, with a case, its network and signals to show, at
/// desktop and phone widths in the light and the dark theme: analysts use screen readers and keyboards too.
/// </summary>
[Collection(nameof(TimeTravel))]
public sealed class IntegrityScreensAccessible(BrowserFixture fixture)
{
    private const string Background = "() => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim()";

    [Fact]
    public async Task No_screen_of_the_integrity_application_has_an_accessibility_violation_at_any_width_in_either_theme()
    {
        await using var integrity = new BrowsingIntegrity(fixture);
        await using var journal = await Manipulation.InANewJournal(fixture.Portal, ordinaryReviews: 6);
        await journal.PlantRing("Ada Ringleader", "Ben Backscratcher");
        var ivy = new IntegrityAnalyst(journal.Analyst.Name, await integrity.StartForTheAnalyst(journal));
        var ring = await ivy.FindsTheCase("reviewed each other");
        await ivy.SeesTheRecordAnalysedThrough(await journal.NewestFact());

        var found = new List<string>();
        var page = integrity.AnalystPage!;
        foreach (var path in new[] { "/", $"/cases/{ring.Id}", $"/signals/{ring.Signals[0].Id}", "/signals", "/review-times", "/backtest", "/no-such-page" })
            found.AddRange(await Check(page, path, interactive: true));
        await using (var visitor = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = integrity.Application!.Url }))
        {
            var anonymous = await visitor.NewPageAsync();
            foreach (var path in new[] { "/sign-in", "/sign-in?failed=Credentials" })
                found.AddRange(await Check(anonymous, path, interactive: false));
        }
        Assert.True(found.Count == 0, $"{found.Count} violations:\n{string.Join("\n", found)}");
    }

    private static async Task<List<string>> Check(IPage page, string path, bool interactive)
    {
        var found = new List<string>();
        await Axe.Open(page, path, interactive);
        var current = ColorScheme.Light;
        foreach (var (width, height) in Axe.Widths)
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var theme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                var before = await page.EvaluateAsync<string>(Background);
                await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = theme });
                // The theme follows the system's as it changes (on interactive pages), so the page need not load again.
                if (interactive && theme != current) await page.WaitForFunctionAsync($"prev => ({Background})() !== prev", before);
                current = theme;
                found.AddRange((await Axe.Violations(page)).Select(v => $"{path} {width}px {theme}: {v}"));
            }
        }
        return found;
    }
}
