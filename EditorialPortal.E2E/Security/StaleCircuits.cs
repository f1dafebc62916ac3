using EditorialPortal.Domain.Journals;
using EditorialPortal.E2E.Support;
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

        var (context, page) = await fixture.SignedIn(erin);
        await using var _ = context;
        await page.GotoAsync($"/journals/{journal.Id}/new-submissions");
        await page.WaitForSelectorAsync("[data-interactive=true]");
        await page.WaitForSelectorAsync("[data-testid=queue]");

        await backstage.Revoke(journal, erin, JournalRole.EditorInChief);
        await page.ClickAsync(".mud-table-sort-label:has-text('Submitted')");

        await page.WaitForSelectorAsync("[data-testid=refusal][data-refusal=NotAuthorised]");
        Assert.Equal(0, await page.Locator("[data-testid=queue]").CountAsync());
    }
}
