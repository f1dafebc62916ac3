using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using EditorialPortal.Publication;
using EditorialPortal.Tests.Scenarios.Screenplay;

namespace EditorialPortal.Tests.Http;

public sealed partial class HttpProtocol
{
    // The reader site answers anyone: no sign-in, no cookie kept between requests.
    private async Task<(HttpStatusCode Status, string Body)> Anonymously(string path)
    {
        using var client = fixture.Portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<IReadOnlyList<ListedArticle>> ArticlesOnTheJournalsHome(string address)
    {
        var (status, body) = await Anonymously($"/read/{address}");
        if (status == HttpStatusCode.NotFound) return [];
        var page = new HtmlParser().ParseDocument(body);
        return [.. page.QuerySelectorAll(".article-item a.article-title")
            .Select(a => new ListedArticle(Guid.Parse(a.GetAttribute("href")!.Split('/')[^1]), a.TextContent.Trim()))];
    }

    public async Task<IReadOnlyList<ListedArticle>?> TheIssuesContents(string address, int volume, int number)
    {
        var (status, body) = await Anonymously($"/read/{address}/issues/{volume}/{number}");
        if (status == HttpStatusCode.NotFound) return null;
        return [.. new HtmlParser().ParseDocument(body).QuerySelectorAll(".toc .article-item a.article-title")
            .Select(a => new ListedArticle(Guid.Parse(a.GetAttribute("href")!.Split('/')[^1]), a.TextContent.Trim()))];
    }

    public Task<ReadArticle?> ReadTheArticle(Guid article) => Read($"/articles/{article}");

    public Task<ReadArticle?> ReadTheVersion(Guid article, int number) => Read($"/articles/{article}/versions/{number}");

    private async Task<ReadArticle?> Read(string path)
    {
        var (status, body) = await Anonymously(path);
        if (status == HttpStatusCode.NotFound) return null;
        var page = new HtmlParser().ParseDocument(body);
        return new ReadArticle(page.QuerySelector("article h1")!.TextContent.Trim(), [.. page.QuerySelectorAll(".author-name").Select(a => a.TextContent.Trim())],
            page.QuerySelector("meta[name=citation_doi]")?.GetAttribute("content"), page.QuerySelector(".facts dd")!.TextContent.Trim(),
            page.QuerySelector(".notice-banner strong")?.TextContent.Trim(), page.QuerySelector(".full-text")?.TextContent.Trim());
    }

    public async Task<string?> CiteAsBibTeX(Guid article)
    {
        var (status, body) = await Anonymously($"/articles/{article}/cite.bib");
        return status == HttpStatusCode.NotFound ? null : body;
    }

    public async Task<IReadOnlyList<FoundArticle>> SearchTheJournal(string address, string words)
    {
        var (status, body) = await Anonymously($"/read/{address}/search?q={Uri.EscapeDataString(words)}");
        if (status == HttpStatusCode.NotFound) return [];
        return [.. new HtmlParser().ParseDocument(body).QuerySelectorAll(".article-item").Select(item =>
        {
            var link = item.QuerySelector("a.article-title")!;
            return new FoundArticle(Guid.Parse(link.GetAttribute("href")!.Split('/')[^1]), link.TextContent.Trim(),
                [.. item.QuerySelectorAll(".snippet mark").Select(m => m.TextContent)]);
        })];
    }

    private sealed partial class HttpAbility
    {
        private async Task<SeenRefusal?> OnPublication(Guid submission, Func<PublicationRepresentation, (string Rel, object? Body)?> request)
        {
            var response = await client.GetAsync($"/api/publication/{submission}");
            if (response.StatusCode == HttpStatusCode.NotFound) return new SeenRefusal("NotAuthorised", []);
            response.EnsureSuccessStatusCode();
            var publication = (await response.Content.ReadFromJsonAsync<PublicationRepresentation>(Json))!;
            if (request(publication) is not { } chosen) return new SeenRefusal("NotAllowedInState", []);
            // Where the publication offers no link, the route table's address, to hear the refusal the portal gives.
            var route = PublicationApi.Commands.Single(r => r.Rel == chosen.Rel);
            var href = publication._links.TryGetValue(chosen.Rel, out var link) ? link.Href : $"/api/publication/{submission}/{route.Path}";
            var answer = await client.PostAsync(href, chosen.Body is null ? null : JsonContent.Create(chosen.Body, options: Json));
            return answer.IsSuccessStatusCode ? null : await Refusal(answer);
        }

        public Task<SeenRefusal?> AssignTheOfferedDoi(Guid submission) =>
            OnPublication(submission, p => p.SuggestedDoi is { } doi ? ("assign-doi", new { doi }) : null);

        public Task<SeenRefusal?> Publish(Guid submission, DateTimeOffset? at = null) =>
            OnPublication(submission, _ => ("publish", at is null ? null : new { at }));

        public async Task<SeenRefusal?> OpenIssue(Guid journal, int volume, int number, string title)
        {
            var answer = await client.PostAsJsonAsync($"/api/journals/{journal}/issues", new { volume, number, year = DateTimeOffset.UtcNow.Year, title }, Json);
            return answer.IsSuccessStatusCode ? null : await Refusal(answer);
        }

        /// <summary>Finds the issue in the journal's list, as a program would, and follows the link it offers for the command.</summary>
        private async Task<SeenRefusal?> OnIssue(Guid journal, int volume, int number, string rel, object? body)
        {
            var response = await client.GetAsync($"/api/journals/{journal}/issues");
            if (response.StatusCode == HttpStatusCode.NotFound) return new SeenRefusal("NotAuthorised", []);
            response.EnsureSuccessStatusCode();
            var issue = (await response.Content.ReadFromJsonAsync<List<IssueRepresentation>>(Json))!.SingleOrDefault(i => i.Volume == volume && i.Number == number);
            if (issue is null) return new SeenRefusal("NotFound", []);
            if (!issue._links.TryGetValue(rel, out var link)) return new SeenRefusal("NotAllowedInState", []);
            var answer = await client.PostAsync(link.Href, body is null ? null : JsonContent.Create(body, options: Json));
            return answer.IsSuccessStatusCode ? null : await Refusal(answer);
        }

        public async Task<SeenRefusal?> PlanIntoIssue(Guid submission, int volume, int number, string pages)
        {
            var response = await client.GetAsync($"/api/publication/{submission}");
            if (response.StatusCode == HttpStatusCode.NotFound) return new SeenRefusal("NotAuthorised", []);
            var publication = (await response.Content.ReadFromJsonAsync<PublicationRepresentation>(Json))!;
            return await OnIssue(publication.Journal, volume, number, "plan-article", new { article = publication.Id, pages });
        }

        public Task<SeenRefusal?> PublishIssue(Guid journal, int volume, int number, DateTimeOffset? at = null) =>
            OnIssue(journal, volume, number, "publish", at is null ? null : new { at });

        public async Task<IReadOnlyList<Domain.Publication.DepositStatus>?> DepositsOf(Guid submission)
        {
            var response = await client.GetAsync($"/api/publication/{submission}");
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            return [.. (await response.Content.ReadFromJsonAsync<PublicationRepresentation>(Json))!.Deposits.Select(d => d.Status)];
        }

        public Task<SeenRefusal?> PublishNotice(Guid submission, Domain.Publication.ArticleNoticeKind kind, string text) =>
            OnPublication(submission, p => p.NextNotice is { } next ? ("publish-notice", new { notice = next.Id, kind, text, doi = next.SuggestedDoi }) : null);

        public Task<SeenRefusal?> BeginNewVersion(Guid submission, Domain.Publication.VersionKind kind, string note) =>
            OnPublication(submission, _ => ("begin-version", new { kind, note }));

        public Task<SeenRefusal?> PublishNewVersion(Guid submission) => OnPublication(submission, _ => ("publish-version", null));
    }
}
