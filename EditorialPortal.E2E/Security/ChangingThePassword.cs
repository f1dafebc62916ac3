using EditorialPortal.E2E.Support;
using Xunit;

namespace EditorialPortal.E2E.Security;

/// <summary>A new password ends every sign-in made with the old one, except in the browser where it was chosen.</summary>
public sealed class ChangingThePassword(BrowserFixture fixture)
{
    [Fact]
    public async Task Changing_the_password_keeps_this_browser_signed_in_signs_out_the_others_and_offers_to_revoke_access_tokens()
    {
        var backstage = fixture.Portal.Backstage;
        var wendy = await backstage.NewAccount("Wendy Wary");
        var (laptop, page) = await fixture.SignedIn(wendy);
        await using var _ = laptop;
        var (phone, other) = await fixture.SignedIn(wendy);
        await using var __ = phone;

        await page.GotoAsync("/account");
        await page.WaitForSelectorAsync("[data-interactive=true]");
        await page.FillAsync("#token-name", "nightly export");
        await page.ClickAsync("[data-testid=create-token]");
        await page.WaitForSelectorAsync("[data-testid=new-token]");
        await page.FillAsync("#current-password", wendy.Password);
        await page.FillAsync("#new-password", "a new and longer passphrase");
        await page.ClickAsync("[data-testid=change-password]");

        await page.WaitForSelectorAsync("[data-interactive=true] [data-testid=password-changed]");
        Assert.EndsWith("/account?passwordChanged=true", page.Url, StringComparison.Ordinal);
        Assert.Contains("Wendy Wary", await page.InnerTextAsync("[data-testid=signed-in-as]"));
        await page.ClickAsync("[data-testid=revoke-all-tokens]");
        await page.WaitForSelectorAsync("[data-testid=token-status]:has-text('revoked')");

        await other.GotoAsync("/account");
        await other.WaitForURLAsync(url => url.Contains("/signin", StringComparison.Ordinal));
        Assert.Equal(0, await other.Locator("[data-testid=signed-in-as]").CountAsync());
    }
}
