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

        var problems = new List<string>();
        void Watch(IPage page)
        {
            page.Console += (_, message) => { if (message.Type is "error" or "warning") problems.Add($"{page.Url}: {message.Text}"); };
            page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");
        }

        await using (var visitor = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl }))
        {
            var visiting = await visitor.NewPageAsync();
            Watch(visiting);
            foreach (var path in new[] { "/signin", "/register", "/account/forgot-password", "/invitations/not-a-valid-token", "/api-reference" })
            {
                await visiting.GotoAsync(path);
                await visiting.WaitForSelectorAsync("h1");
            }
        }
        var (context, page) = await fixture.SignedIn(sam);
        await using var _ = context;
        Watch(page);

        foreach (var path in new[] { "/", "/submissions", "/submissions/new", "/account", "/reviewing", "/admin/journals", "/admin/outbox",
                     $"/journals/{journal.Id}/people", $"/journals/{journal.Id}/new-submissions",
                     $"/journals/{journal.Id}/queues", $"/journals/{journal.Id}/mail", "/handling" })
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
