using Bunit;
using EditorialPortal.Components.Pages.Editorial;
using EditorialPortal.Demo;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Xunit;

namespace EditorialPortal.Tests.Components;

public sealed class NewSubmissionsQueueTests : PortalComponentContext
{
    private async Task Submitted(JournalRef journal, Actor author, string title)
    {
        var id = Guid.NewGuid();
        await Record.Execute(id, new StartSubmission(journal.Id, ManuscriptType.ResearchArticle), author);
        await Record.Execute(id, new SetTitle(title), author);
        await Record.Execute(id, new SetAbstract("Abstract."), author);
        await Record.Execute(id, new SetKeywords(["k"]), author);
        await Record.Execute(id, new SetAuthors([new ContributingAuthor(author.Name, author.Email, "Bristol", null, true)]), author);
        using var pdf = new MemoryStream(SamplePdf.WithTitle(title));
        await new EditorialPortal.Submissions.ManuscriptIntake(Record, Files).Attach(id, "m.pdf", pdf, author, cancellationToken: Xunit.TestContext.Current.CancellationToken);
        await Record.Execute(id, new SubmitManuscript(), author);
    }

    [Fact]
    public async Task The_queue_lists_submitted_manuscripts_newest_first_with_their_corresponding_author()
    {
        var journal = await Backstage.NewJournal();
        var alice = await Backstage.NewAccount("Alice Smith");
        var aliceActing = new Actor(alice.Id, alice.Name, alice.Email);
        foreach (var title in new[] { "First in", "Second in", "Third in" })
            await Submitted(journal, aliceActing, title);
        var draft = Guid.NewGuid();
        await Record.Execute(draft, new StartSubmission(journal.Id, ManuscriptType.ResearchArticle), aliceActing);
        var erin = await Backstage.NewAccount("Erin Jones");
        await Backstage.Grant(journal, erin, JournalRole.EditorInChief);
        SignIn(erin);

        var page = Render<NewSubmissionsQueue>(p => p.Add(x => x.JournalId, journal.Id));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=queue-row]").Count));
        Assert.Equal(["Third in", "Second in", "First in"], page.FindAll("[data-testid=queue-row]").Select(r => r.TextContent.Trim()));
        Assert.Contains("Alice Smith", page.Find("[data-testid=queue] tbody").TextContent);
        page.WaitForAssertion(() => Assert.Contains("3 in all", page.Markup));
    }

    [Fact]
    public async Task Only_the_journals_editors_see_its_queue()
    {
        var journal = await Backstage.NewJournal();
        SignIn(await Backstage.NewAccount("Bob Brown"));

        var page = Render<NewSubmissionsQueue>(p => p.Add(x => x.JournalId, journal.Id));

        page.WaitForElement("[data-testid=refusal]");
        Assert.Empty(page.FindAll("[data-testid=queue]"));
    }
}
