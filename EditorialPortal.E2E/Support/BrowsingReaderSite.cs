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

    public Task<ReadArticle?> ReadTheArticle(Guid article) => AsVisitor(async page =>
    {
        var response = await page.GotoAsync($"/articles/{article}");
        if (response?.Status == 404) return null;
        var authors = new List<string>();
        foreach (var author in await page.QuerySelectorAllAsync(".author-name")) authors.Add((await author.InnerTextAsync()).Trim());
        return new ReadArticle((await page.InnerTextAsync("article h1")).Trim(), authors,
            await page.Locator("meta[name=citation_doi]").CountAsync() == 0 ? null : await page.GetAttributeAsync("meta[name=citation_doi]", "content"),
            (await page.InnerTextAsync(".facts dd")).Trim());
    });

    // As a reader who clicks "BibTeX" on the landing page: the file it downloads.
    public Task<string?> CiteAsBibTeX(Guid article) => AsVisitor(async page =>
    {
        var response = await page.GotoAsync($"/articles/{article}");
        if (response?.Status == 404) return null;
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".cite a:has-text('BibTeX')"));
        await using var content = await download.CreateReadStreamAsync();
        return await new StreamReader(content).ReadToEndAsync();
    });
}
