using EditorialPortal.Domain.Journals;
using EditorialPortal.E2E.Support;
using Microsoft.Playwright;
using Xunit;

namespace EditorialPortal.E2E.Security;

/// <summary>A page left open keeps no authority: what was withdrawn is refused on the very next action in that same circuit.</summary>
public sealed class StaleCircuits(BrowserFixture fixture)
{
    [Fact]
    public async Task An_editor_whose_role_is_revoked_while_the_queue_is_open_is_refused_on_the_next_click()
    {
        var backstage = fixture.Portal.Backstage;
        var journal = await backstage.NewJournal();
        var erin = await backstage.NewAccount("Erin Evans");
        await backstage.Grant(journal, erin, JournalRole.EditorInChief);

        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("[data-testid=signin-email]", erin.Email);
        await page.FillAsync("[data-testid=signin-password]", erin.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-as]");
        await page.GotoAsync($"/journals/{journal.Id}/new-submissions");
        await page.WaitForSelectorAsync("[data-interactive=true]");
        await page.WaitForSelectorAsync("[data-testid=queue]");

        await backstage.Revoke(journal, erin, JournalRole.EditorInChief);
        await page.ClickAsync(".mud-table-sort-label:has-text('Submitted')");

        await page.WaitForSelectorAsync("[data-testid=refusal][data-refusal=NotAuthorised]");
        Assert.Equal(0, await page.Locator("[data-testid=queue]").CountAsync());
    }
}
