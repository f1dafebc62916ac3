using EditorialPortal.Components.Layout;
using EditorialPortal.Demo;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.E2E.Support;
using EditorialPortal.Notifications;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace EditorialPortal.E2E.Accessibility;

/// <summary>
/// axe-core on every page of the portal, as every role that can see it, at desktop and phone widths, in the light and
/// the dark theme, on the demo journal with manuscripts at every stage: no violation anywhere, of any impact (the
/// journal's readers include people with screen readers, low vision and no mouse).
/// </summary>
public sealed class AccessibleToEveryone(BrowserFixture fixture)
{
    private static readonly ColorScheme[] Themes = [ColorScheme.Light, ColorScheme.Dark];

    // The portal's backgrounds as the browser reports MudBlazor's variables: the sign that a theme has taken over the page.
    private static readonly string LightBackground = CssColour(PortalTheme.LightBackground);
    private static readonly string DarkBackground = CssColour(PortalTheme.DarkBackground);

    // The menu is a drawer beside the page on wide screens and hides behind its button on narrow ones.
    private const string DrawerFits = "narrow => { const d = document.querySelector('.mud-drawer'); return !d || d.classList.contains('mud-drawer--closed') === narrow; }";

    private static string CssColour(string hex) => $"rgba({Convert.ToInt32(hex[1..3], 16)},{Convert.ToInt32(hex[3..5], 16)},{Convert.ToInt32(hex[5..7], 16)},1)";

    // Rendered on the server alone, as pages that set cookies must be: they never become interactive.
    private static readonly string[] StaticPages = ["/signin", "/register", "/account/forgot-password", "/account/reset-password", "/account/confirm", "/read/", "/articles/"];

    [Fact]
    public async Task No_page_has_an_accessibility_violation_for_any_role_at_any_width_in_either_theme()
    {
        var portal = fixture.Portal.Portal;
        await portal.Services.GetRequiredService<DemoJournal>().Seed();
        var journal = DemoJournal.JournalId;
        await using var session = portal.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var submissions = await session.Query<Submission>().Where(s => s.Journal == journal).ToListAsync(TestContext.Current.CancellationToken);
        Guid In(SubmissionStatus status) => submissions.First(s => s.Status == status).Id;
        var reviewing = submissions.First(s => s.Status == SubmissionStatus.UnderReview && s.Assignments.Any(a => a.Review is null && a.Status == Domain.Review.InvitationStatus.Accepted));
        var invited = submissions.SelectMany(s => s.Assignments.Where(a => a.Status == Domain.Review.InvitationStatus.Invited).Select(a => (Submission: s.Id, Invitation: a.Id))).First();
        var token = portal.Services.GetRequiredService<InvitationLinks>().LinkFor(invited.Submission, invited.Invitation, DateTimeOffset.UtcNow.AddDays(30));
        var draft = In(SubmissionStatus.Draft);
        var productions = await session.Query<ArticleProduction>().Where(p => p.Journal == journal).ToListAsync(TestContext.Current.CancellationToken);
        ArticleProduction At(ProductionStep step) => productions.First(p => p.Step == step);
        var (copyediting, inProof) = (At(ProductionStep.Copyediting), productions.First(p => p.Proofs.Any(t => t.Status == ProofStatus.Waiting && t.ReaderKind == ProofReaderKind.Author)));
        var published = await session.Query<Domain.Publication.PublishedArticle>()
            .Where(a => a.Journal == journal && a.Status == Domain.Publication.PublicationStatus.Published).ToListAsync(TestContext.Current.CancellationToken);
        var corrected = published.First(a => a.Notices.Count > 0);
        // The search's results are what the publishing round indexed, as on the running portal.
        await portal.Services.GetRequiredService<EditorialPortal.Reader.SearchIndexingRound>().Run(TestContext.Current.CancellationToken);

        var visits = new Dictionary<string, string[]>
        {
            [""] = ["/signin", "/register", "/account/forgot-password", "/account/reset-password?account=00000000-0000-0000-0000-000000000000&token=x",
                    "/account/confirm?account=00000000-0000-0000-0000-000000000000&token=x", new Uri(token).PathAndQuery, "/invitations/not-a-token", "/api-reference", "/no-such-page",
                    $"/read/{DemoJournal.Publication.Path}", $"/articles/{corrected.Id}", $"/articles/{corrected.Id}/notices/{corrected.Notices[0].Id}",
                    $"/read/{DemoJournal.Publication.Path}/search?q=phenology", $"/articles/{Guid.Empty}",
                    $"/read/{DemoJournal.Publication.Path}/issues", $"/read/{DemoJournal.Publication.Path}/issues/1/1"],
            ["alice@uni-bristol.example"] = ["/", "/submissions", "/submissions/new", $"/submissions/{draft}/edit", $"/submissions/{In(SubmissionStatus.RevisionRequested)}",
                    $"/submissions/{In(SubmissionStatus.RevisionRequested)}/edit", $"/submissions/{In(SubmissionStatus.Accepted)}", "/account",
                    "/production", $"/production/{inProof.Submission}", .. inProof.Galleys.Select(g => $"/production/{inProof.Submission}/galleys/{g.Id}")],
            ["erin@utoronto.example"] = ["/", $"/journals/{journal}/new-submissions", $"/journals/{journal}/queues", $"/submissions/{In(SubmissionStatus.Submitted)}",
                    $"/submissions/{reviewing.Id}", $"/submissions/{reviewing.Id}?at=3"],
            ["hugo@uchile.example"] = ["/handling", $"/submissions/{In(SubmissionStatus.WithEditor)}", $"/submissions/{reviewing.Id}"],
            ["rita@kyoto-u.example"] = ["/reviewing", $"/reviews/{reviewing.Id}", $"/submissions/{reviewing.Id}"],
            ["pia@demopress.example"] = ["/", $"/journals/{journal}/production", $"/production/{copyediting.Submission}", $"/production/{At(ProductionStep.ReadyToPublish).Submission}",
                    $"/journals/{journal}/issues"],
            ["cora@demopress.example"] = ["/production", $"/production/{copyediting.Submission}"],
            ["ivan@demopress.example"] = ["/", "/admin/record", $"/submissions/{reviewing.Id}"],
            ["ada@demopress.example"] = [$"/journals/{journal}/people", $"/journals/{journal}/mail"],
            ["sam@demopress.example"] = ["/admin/journals", "/admin/outbox", "/admin/record"]
        };

        // Three people at once: the portal renders one person's page while the browser lays out another's.
        using var turns = new SemaphoreSlim(3);
        var checks = await Task.WhenAll(visits.Select(async visit =>
        {
            await turns.WaitAsync();
            try
            {
                return await Check(visit.Key, visit.Value);
            }
            finally
            {
                turns.Release();
            }
        }));
        var found = checks.SelectMany(c => c.Found).ToList();
        var checkedPages = checks.Sum(c => c.Checked);
        Assert.True(found.Count == 0, $"{found.Count} violations on {checkedPages} pages checked:\n{string.Join("\n", found)}");
    }

    /// <summary>Each page of one person's at each width, in each theme; answers what axe found and how many pages it read.</summary>
    private async Task<(List<string> Found, int Checked)> Check(string email, IReadOnlyList<string> paths)
    {
        var found = new List<string>();
        var checkedPages = 0;
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, BypassCSP = true });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        if (email.Length > 0) await SignIn(page, email);
        foreach (var path in paths)
        {
            var interactive = !StaticPages.Any(path.StartsWith);
            await Axe.Open(page, path, interactive);
            foreach (var (width, height) in Axe.Widths)
            {
                // The layout follows the window as it narrows, as it does when a phone turns, so the page need not load again.
                await page.SetViewportSizeAsync(width, height);
                if (interactive) await DrawerFollows(page, path, width, height);
                foreach (var theme in Themes)
                {
                    // The theme follows the system setting as it changes, so the page need not load again either.
                    await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = theme });
                    if (interactive)
                        await page.WaitForFunctionAsync("dark => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').trim() === dark",
                            theme == ColorScheme.Dark ? DarkBackground : LightBackground);
                    var violations = await Axe.Violations(page);
                    checkedPages++;
                    found.AddRange(violations.Select(v => $"{(email.Length == 0 ? "visitor" : email)} {path} {width}px {theme}: {v}"));
                }
            }
        }
        return (found, checkedPages);
    }

    // MudBlazor's drawer hears of the width through a viewport listener it registers after its first interactive render;
    // a resize that lands while that registration is still on its way is now and then never reported to it. A second
    // resize, as a phone turned back and forth makes, is; a drawer that ignores that too is a failure with its page named.
    private static async Task DrawerFollows(IPage page, string path, int width, int height)
    {
        var narrow = width < 960;
        try
        {
            await page.WaitForFunctionAsync(DrawerFits, narrow, new PageWaitForFunctionOptions { Timeout = 10_000 });
            return;
        }
        catch (TimeoutException)
        {
            await page.SetViewportSizeAsync(width - 1, height);
            await page.SetViewportSizeAsync(width, height);
        }
        try
        {
            await page.WaitForFunctionAsync(DrawerFits, narrow, new PageWaitForFunctionOptions { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The menu on {path} did not {(narrow ? "hide" : "open")} at {width}px, even after a second resize.");
        }
    }

    private static async Task SignIn(IPage page, string email)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("[data-testid=signin-email]", email);
        await page.FillAsync("[data-testid=signin-password]", DemoJournal.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-as]");
    }
}
