using EditorialPortal.Demo;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.E2E.Support;
using EditorialPortal.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.E2E.Review;

/// <summary>A review being written survives the tab closing and follows the reviewer to another device: nothing typed is lost before it is submitted.</summary>
public sealed class ReviewDrafts(BrowserFixture fixture)
{
    private async Task<(Guid Submission, Tests.Scenarios.Screenplay.PersonAccount Reviewer)> ReviewUnderWay()
    {
        var backstage = fixture.Portal.Backstage;
        var desk = fixture.Portal.Portal.Services.GetRequiredService<IEditorialDesk>();
        var journal = await backstage.NewJournal();
        var (author, editor, reviewer) = (await backstage.NewAccount("Alice Smith"), await backstage.NewAccount("Erin Jones"), await backstage.NewAccount("Rita Reyes"));
        await backstage.Grant(journal, editor, JournalRole.EditorInChief);
        var alice = new Actor(author.Id, author.Name, author.Email);
        var erin = new Actor(editor.Id, editor.Name, editor.Email);
        var submission = Guid.NewGuid();
        await desk.Execute(submission, new StartSubmission(journal.Id, ManuscriptType.ResearchArticle), alice);
        await desk.Execute(submission, new SetTitle("Drafts survive"), alice);
        await desk.Execute(submission, new SetAbstract("Abstract."), alice);
        await desk.Execute(submission, new SetKeywords(["drafts"]), alice);
        await desk.Execute(submission, new SetAuthors([new ContributingAuthor(author.Name, author.Email, "Bristol", null, true)]), alice);
        using (var pdf = new MemoryStream(SamplePdf.WithTitle("Drafts survive")))
            await fixture.Portal.Portal.Services.GetRequiredService<ManuscriptIntake>().Attach(submission, "m.pdf", pdf, alice, cancellationToken: TestContext.Current.CancellationToken);
        await desk.Execute(submission, new SubmitManuscript(), alice);
        await desk.Execute(submission, new AssignHandlingEditor(erin.Account), erin);
        var invitation = Guid.NewGuid();
        await desk.Execute(submission, new InviteReviewer(invitation, reviewer.Id, DateTimeOffset.UtcNow.AddDays(7), DateTimeOffset.UtcNow.AddDays(28)), erin);
        await desk.Execute(submission, new AcceptInvitation(invitation), new Actor(reviewer.Id, reviewer.Name, reviewer.Email));
        return (submission, reviewer);
    }

    [Fact]
    public async Task What_a_reviewer_typed_is_still_there_when_the_page_is_opened_again()
    {
        var (submission, reviewer) = await ReviewUnderWay();
        var (context, page) = await fixture.SignedIn(reviewer);
        await using var _ = context;
        await page.GotoAsync($"/reviews/{submission}");
        await page.WaitForSelectorAsync("[data-interactive=true]");
        await page.WaitForSelectorAsync("#review-to-author");
        await page.FillAsync("#review-to-author", "Half of my careful comments");
        await page.FillAsync("#review-to-editor", "A note for the editor");

        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-interactive=true]");
        await page.WaitForFunctionAsync("() => document.getElementById('review-to-author')?.value === 'Half of my careful comments'");
        Assert.Equal("A note for the editor", await page.InputValueAsync("#review-to-editor"));
    }

    [Fact]
    public async Task A_draft_saved_on_one_device_opens_on_another()
    {
        var (submission, reviewer) = await ReviewUnderWay();
        var (laptop, atWork) = await fixture.SignedIn(reviewer);
        await using (laptop)
        {
            await atWork.GotoAsync($"/reviews/{submission}");
            await atWork.WaitForSelectorAsync("[data-interactive=true]");
            await atWork.Locator("[data-testid=recommend-MajorRevision]").CheckAsync();
            await atWork.WaitForSelectorAsync("[data-testid=draft-saved][data-saved-at]");
            var firstSave = await atWork.GetAttributeAsync("[data-testid=draft-saved]", "data-saved-at");
            // The text is saved a moment after typing stops.
            await atWork.FillAsync("#review-to-author", "Begun at the office");
            await atWork.WaitForFunctionAsync("first => document.querySelector('[data-testid=draft-saved]').dataset.savedAt !== first", firstSave);
        }

        var (phone, onTheTrain) = await fixture.SignedIn(reviewer);
        await using var _ = phone;
        await onTheTrain.GotoAsync($"/reviews/{submission}");
        await onTheTrain.WaitForSelectorAsync("[data-interactive=true]");
        await onTheTrain.WaitForFunctionAsync("() => document.getElementById('review-to-author')?.value === 'Begun at the office'");
        Assert.True(await onTheTrain.Locator("[data-testid=recommend-MajorRevision]").IsCheckedAsync());
    }
}
