using EditorialPortal.Tests.Scenarios.Screenplay;
using Microsoft.Playwright;

namespace EditorialPortal.E2E.Support;

public sealed partial class BrowsingProtocol
{
    public Task<IReadOnlyList<ListedArticle>> ArticlesOnTheJournalsHome(string address) => AsVisitor<IReadOnlyList<ListedArticle>>(async page =>
    {
        var response = await page.GotoAsync($"/read/{address}");
        if (response?.Status == 404) return [];
        var listed = new List<ListedArticle>();
        foreach (var link in await page.QuerySelectorAllAsync(".article-item a.article-title"))
            listed.Add(new ListedArticle(Guid.Parse((await link.GetAttributeAsync("href"))!.Split('/')[^1]), (await link.InnerTextAsync()).Trim()));
        return listed;
    });

    // A reader gets to an issue as the site leads them: from the journal's archive of issues.
    public Task<IReadOnlyList<ListedArticle>?> TheIssuesContents(string address, int volume, int number) => AsVisitor<IReadOnlyList<ListedArticle>?>(async page =>
    {
        var response = await page.GotoAsync($"/read/{address}/issues");
        if (response?.Status == 404) return null;
        var link = page.Locator($"a[href$='/issues/{volume}/{number}']");
        if (await link.CountAsync() == 0) return null;
        await link.First.ClickAsync();
        await Followed(page, $"**/issues/{volume}/{number}");
        var listed = new List<ListedArticle>();
        foreach (var item in await page.QuerySelectorAllAsync(".toc .article-item a.article-title"))
            listed.Add(new ListedArticle(Guid.Parse((await item.GetAttributeAsync("href"))!.Split('/')[^1]), (await item.InnerTextAsync()).Trim()));
        return listed;
    });

    public Task<ReadArticle?> ReadTheArticle(Guid article) => AsVisitor(async page =>
    {
        var response = await page.GotoAsync($"/articles/{article}");
        return response?.Status == 404 ? null : await Shown(page);
    });

    // A reader gets to an earlier version as the site leads them: from the list of versions on the article's page.
    public Task<ReadArticle?> ReadTheVersion(Guid article, int number) => AsVisitor(async page =>
    {
        var response = await page.GotoAsync($"/articles/{article}");
        if (response?.Status == 404) return null;
        var link = page.Locator($".versions a[href$='/versions/{number}']");
        if (await link.CountAsync() == 0) return null;
        await link.ClickAsync();
        await Followed(page, $"**/articles/{article}/versions/{number}");
        return await Shown(page);
    });

    // A reader page is plain HTML ending in the site's footer: once the new page holds it, all of it is there. Its load event
    // is not what is waited for: in one run it went unreported for 30 s after the page had arrived and the network was idle.
    private static async Task Followed(IPage page, string address)
    {
        await page.WaitForURLAsync(address, new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("footer.site").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task<ReadArticle?> Shown(IPage page)
    {
        var authors = new List<string>();
        foreach (var author in await page.QuerySelectorAllAsync(".author-name")) authors.Add((await author.InnerTextAsync()).Trim());
        return new ReadArticle((await page.InnerTextAsync("article h1")).Trim(), authors,
            await page.Locator("meta[name=citation_doi]").CountAsync() == 0 ? null : await page.GetAttributeAsync("meta[name=citation_doi]", "content"),
            (await page.InnerTextAsync(".facts dd")).Trim(),
            await page.Locator(".notice-banner strong").CountAsync() == 0 ? null : (await page.InnerTextAsync(".notice-banner strong")).Trim(),
            await page.Locator(".full-text").CountAsync() == 0 ? null : (await page.InnerTextAsync(".full-text")).Trim());
    }

    // As a reader who clicks "BibTeX" on the landing page: the file it downloads.
    public Task<string?> CiteAsBibTeX(Guid article) => AsVisitor(async page =>
    {
        var response = await page.GotoAsync($"/articles/{article}");
        if (response?.Status == 404) return null;
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".cite a:has-text('BibTeX')"));
        await using var content = await download.CreateReadStreamAsync();
        return await new StreamReader(content).ReadToEndAsync();
    });

    // As a reader who types the words into the search box of the journal's home and presses Enter.
    public Task<IReadOnlyList<FoundArticle>> SearchTheJournal(string address, string words) => AsVisitor<IReadOnlyList<FoundArticle>>(async page =>
    {
        var response = await page.GotoAsync($"/read/{address}");
        if (response?.Status == 404) return [];
        await page.FillAsync("header .site-search input[name=q]", words);
        await page.PressAsync("header .site-search input[name=q]", "Enter");
        await Followed(page, "**/search?*");
        var found = new List<FoundArticle>();
        foreach (var item in await page.QuerySelectorAllAsync(".article-item"))
        {
            var link = (await item.QuerySelectorAsync("a.article-title"))!;
            var marked = new List<string>();
            foreach (var mark in await item.QuerySelectorAllAsync(".snippet mark")) marked.Add(await mark.InnerTextAsync());
            found.Add(new FoundArticle(Guid.Parse((await link.GetAttributeAsync("href"))!.Split('/')[^1]), (await link.InnerTextAsync()).Trim(), marked));
        }
        return found;
    });
}
