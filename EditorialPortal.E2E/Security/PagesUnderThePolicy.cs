using EditorialPortal.Domain.Journals;
using EditorialPortal.E2E.Support;
using Microsoft.Playwright;
using Xunit;

namespace EditorialPortal.E2E.Security;

/// <summary>Every screen works in a real browser under the content security policy: no blocked script, no console error.</summary>
public sealed class PagesUnderThePolicy(BrowserFixture fixture)
{
    [Fact]
    public async Task Every_screen_renders_interactively_without_a_policy_violation_or_console_error()
    {
        var backstage = fixture.Portal.Backstage;
        var journal = await backstage.NewJournal();
        var sam = await backstage.NewSystemAdministrator("Sam Sysadmin");
        foreach (var role in new[] { JournalRole.EditorInChief, JournalRole.JournalAdministrator, JournalRole.Reviewer })
            await backstage.Grant(journal, sam, role);

        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add($"{page.Url}: {message.Text}"); };
        page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");

        foreach (var path in new[] { "/signin", "/register", "/account/forgot-password" })
        {
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync("h1");
        }
        await page.GotoAsync("/signin");
        await page.FillAsync("[data-testid=signin-email]", sam.Email);
        await page.FillAsync("[data-testid=signin-password]", sam.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-as]");

        foreach (var path in new[] { "/", "/submissions", "/submissions/new", "/account", "/reviewing", "/admin/journals", "/admin/outbox",
                     $"/journals/{journal.Id}/people", $"/journals/{journal.Id}/new-submissions" })
        {
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync("[data-interactive=true]");
            await page.WaitForSelectorAsync("h1");
        }

        // A page that does not exist answers 404 (which the browser logs) with a page that says so.
        await page.GotoAsync("/no-such-page");
        Assert.Equal("Not found", (await page.InnerTextAsync("h1")).Trim());
        problems.RemoveAll(p => p.Contains("/no-such-page") && p.Contains("status of 404"));

        Assert.Empty(problems);
    }
}
