using Bunit;
using EditorialPortal.Components.Pages.Submissions;
using EditorialPortal.Demo;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Xunit;

namespace EditorialPortal.Tests.Components;

/// <summary>The submission editor: messages next to the fields they concern, a checklist of what is missing, Submit only when complete.</summary>
public sealed class EditSubmissionTests : PortalComponentContext
{
    private async Task<(Guid Submission, Actor Alice)> Draft()
    {
        var journal = await Backstage.NewJournal();
        var account = await Backstage.NewAccount("Alice Smith");
        var alice = SignIn(account);
        var id = Guid.NewGuid();
        await Record.Execute(id, new StartSubmission(journal.Id, ManuscriptType.ResearchArticle), alice);
        return (id, alice);
    }

    [Fact]
    public async Task A_title_that_is_too_long_is_explained_next_to_the_title_and_not_saved()
    {
        var (id, alice) = await Draft();
        var page = Render<EditSubmission>(p => p.Add(x => x.Id, id));
        page.WaitForElement("#title");

        page.Find("#title").Change(new string('t', 301));

        page.WaitForAssertion(() => Assert.Contains("The title can have at most 300 characters.", page.Find("#title").Closest(".mud-input-control")!.TextContent));
        Assert.Equal("", (await Record.Find(id, alice))!.Title);
        Assert.Equal("Invalid", page.Find("[data-testid=outcome]").GetAttribute("data-refusal"));
    }

    [Fact]
    public async Task A_wrong_orcid_check_digit_is_explained_next_to_that_authors_orcid()
    {
        var (id, _) = await Draft();
        var page = Render<EditSubmission>(p => p.Add(x => x.Id, id));
        page.WaitForElement("#author-0-orcid");

        page.Find("#author-0-affiliation").Change("University of Bristol");
        page.Find("#author-0-orcid").Change("0000-0002-1825-0098");
        page.Find("[data-testid=save-authors]").Click();

        page.WaitForAssertion(() => Assert.Contains("its check digit does not match", page.Find("#author-0-orcid").Closest(".mud-input-control")!.TextContent));
        Assert.DoesNotContain("check digit", page.Find("#author-0-name").Closest(".mud-input-control")!.TextContent);
    }

    [Fact]
    public async Task The_checklist_names_what_is_missing_and_submit_waits_until_nothing_is()
    {
        var (id, alice) = await Draft();
        await Record.Execute(id, new SetTitle("Nearly there"), alice);
        var page = Render<EditSubmission>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=checklist]");

        Assert.Equal(["abstract", "keywords", "authors", "manuscript"], page.FindAll("[data-testid=missing]").Select(m => m.GetAttribute("data-field")));
        Assert.True(page.Find("[data-testid=submit]").HasAttribute("disabled"));

        await Record.Execute(id, new SetAbstract("Done."), alice);
        await Record.Execute(id, new SetKeywords(["done"]), alice);
        await Record.Execute(id, new SetAuthors([new ContributingAuthor("Alice Smith", alice.Email, "Bristol", null, true)]), alice);
        var complete = Render<EditSubmission>(p => p.Add(x => x.Id, id));
        complete.WaitForElement("[data-testid=checklist]");
        complete.Find("#keywords").Change("done; finished");
        complete.WaitForAssertion(() => Assert.Equal(["manuscript"], complete.FindAll("[data-testid=missing]").Select(m => m.GetAttribute("data-field"))));

        using var pdf = new MemoryStream(SamplePdf.WithTitle("Done"));
        await new EditorialPortal.Submissions.ManuscriptIntake(Record, Files).Attach(id, "done.pdf", pdf, alice, cancellationToken: Xunit.TestContext.Current.CancellationToken);
        var ready = Render<EditSubmission>(p => p.Add(x => x.Id, id));
        ready.WaitForElement("[data-testid=ready]");
        Assert.False(ready.Find("[data-testid=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Someone_elses_draft_shows_no_form_only_a_notice()
    {
        var (id, _) = await Draft();
        SignIn(await Backstage.NewAccount("Bob Brown"));
        var page = Render<EditSubmission>(p => p.Add(x => x.Id, id));

        page.WaitForElement("[data-testid=refusal]");
        Assert.Equal("NotAuthorised", page.Find("[data-testid=refusal]").GetAttribute("data-refusal"));
        Assert.Empty(page.FindAll("#title"));
    }
}
