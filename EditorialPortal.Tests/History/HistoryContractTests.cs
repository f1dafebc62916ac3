using System.Net.Http.Json;
using EditorialPortal.Contracts.History;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Tests.Http;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.Tests.History;

/// <summary>
/// What a program reading the record from outside relies on, read with the contracts assembly's types alone: a change to
/// the history API that would break such a reader fails here.
/// </summary>
public sealed class HistoryContractTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reader_pages_a_journals_whole_record_by_its_cursor_and_finds_every_fact_once_in_order_with_its_links()
    {
        var journal = await fixture.Backstage.NewJournal();
        var analyst = await fixture.Backstage.NewAccount("Rhoda Reader");
        await fixture.Backstage.Grant(journal, analyst, JournalRole.IntegrityAnalyst);
        var author = await fixture.Backstage.NewAccount("Abel Author");
        var submission = await fixture.SubmittedManuscript(journal, author, "A record read from outside");
        using var client = await fixture.ApiClient(analyst);

        var facts = new List<HistoryFact>();
        string? next = $"/api/history/facts?journal={journal.Id}&limit=3";
        while (next is not null)
        {
            var page = await client.GetFromJsonAsync<FactsPage>(next, HttpProtocol.Json, Token);
            Assert.NotNull(page);
            Assert.True(page.Facts.Count <= 3);
            facts.AddRange(page.Facts);
            next = page.Links.GetValueOrDefault("next")?.Href;
        }

        Assert.Equal(facts.Select(f => f.Sequence).Order(), facts.Select(f => f.Sequence));
        Assert.Equal(facts.Count, facts.Select(f => f.Sequence).Distinct().Count());
        Assert.Contains(facts, f => f.Stream == journal.Id && f.Links.ContainsKey("journalStaff"));
        var ofSubmission = facts.Where(f => f.Stream == submission).ToList();
        Assert.Contains(ofSubmission, f => f.Type == "ManuscriptSubmitted");
        Assert.All(ofSubmission, f => Assert.True(f.Links.ContainsKey("stream") && f.Data is not null && f.Chain is { Length: 64 } && f.Actor.Name.Length > 0));

        var history = await client.GetFromJsonAsync<SubmissionHistory>(ofSubmission[0].Links["stream"].Href, HttpProtocol.Json, Token);
        Assert.Equal((submission, "A record read from outside"), (history!.Submission, history.Title));
        Assert.Equal(ofSubmission.Select(f => f.Version), history.Facts.Select(f => f.Version));
    }
}
