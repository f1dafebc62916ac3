using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace EditorialPortal.E2E.Accessibility;

/// <summary>
/// axe-core as the Deque package bundles it, put into a page once and run there as often as its width or theme
/// changes; only what fails comes back, with the first three places and why, which costs a tenth of the full report.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    private const string Run = """
        async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({
          id: v.id, impact: v.impact ?? '',
          where: v.nodes.slice(0, 3).map(n => `${n.target.join(' ')} (${([...n.any, ...n.all][0] || {}).message || ''})`).join(' | ')
        }))
        """;

    private sealed class Violation
    {
        public string Id { get; set; } = "";
        public string Impact { get; set; } = "";
        public string Where { get; set; } = "";
    }

    /// <summary>The widths every page is checked at: a desktop's, and a phone's.</summary>
    public static readonly (int Width, int Height)[] Widths = [(1280, 900), (390, 844)];

    /// <summary>Opens the page at the desktop width in the light theme, waits for it (and its interactivity, if it has any), and puts axe into it.</summary>
    public static async Task Open(IPage page, string path, bool interactive)
    {
        await page.SetViewportSizeAsync(Widths[0].Width, Widths[0].Height);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("h1");
        if (interactive) await page.WaitForSelectorAsync("[data-interactive=true]");
        // Colours ease from one theme to the other; axe measures the page at rest.
        await Prepare(page);
    }

    /// <summary>Puts axe into the page, which must be at rest: transitions and animations are switched off.</summary>
    private static async Task Prepare(IPage page)
    {
        await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = "*, *::before, *::after { transition: none !important; animation: none !important; }" });
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Script.Value });
    }

    /// <summary>What axe finds on the page as it is now, one line a violation.</summary>
    public static async Task<IReadOnlyList<string>> Violations(IPage page) =>
        [.. (await page.EvaluateAsync<Violation[]>(Run)).Select(v => $"{v.Id} ({v.Impact}) at {v.Where}")];
}
