using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.E2E.Support;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace EditorialPortal.E2E.Accessibility;

/// <summary>
/// The three screens people spend longest in, walked with the keyboard alone: no click, no fill. Every control the
/// Tab key reaches has a name a screen reader can say, and shows that it has the focus.
/// </summary>
public sealed class KeyboardOnly(BrowserFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_author_fills_in_uploads_and_submits_a_manuscript_with_the_keyboard_alone()
    {
        var backstage = fixture.Portal.Backstage;
        var journal = await backstage.NewJournal();
        var author = await backstage.NewAccount("Kira Keyboard");
        var submission = Guid.CreateVersion7();
        await Desk.Execute(submission, new StartSubmission(journal.Id, ManuscriptType.ResearchArticle), As(author));
        var (context, page) = await fixture.SignedIn(author);
        await using var _ = context;
        var walk = new Walk(page);
        await page.GotoAsync($"/submissions/{submission}/edit");
        await page.WaitForSelectorAsync("[data-interactive=true]");

        await walk.TabTo("#title");
        await page.Keyboard.TypeAsync("Tides measured without a mouse");
        await walk.TabTo("#abstract");
        await page.Keyboard.TypeAsync("We moved through every field with the Tab key and typed what the journal needs.");
        await walk.TabTo("#keywords");
        await page.Keyboard.TypeAsync("keyboard; accessibility");
        await walk.TabTo("#author-0-affiliation");
        await page.Keyboard.TypeAsync("University of Keys");
        await walk.TabTo("[data-testid=save-authors]");
        await page.Keyboard.PressAsync("Enter");
        await walk.TabTo("[data-testid=upload-manuscript]");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Enter"));
        await chooser.SetFilesAsync(new FilePayload { Name = "tides.pdf", MimeType = "application/pdf", Buffer = SamplePdfs.Titled("Tides measured without a mouse") });
        await page.WaitForSelectorAsync("[data-testid=ready]");
        await walk.TabTo("[data-testid=submit]");
        await page.Keyboard.PressAsync("Enter");
        await walk.DialogOpened();
        await walk.TabTo(".mud-dialog button:has-text('Submit')");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/submissions/{submission}");

        // The address changes before the new page has rendered: its status is read once it says something new.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=status]')?.innerText.trim() === 'Submitted'");
        walk.ReachedOnlyNamedAndVisiblyFocusedControls();
    }

    [Fact]
    public async Task A_reviewer_accepts_an_invitation_from_its_mailed_link_with_the_keyboard_alone()
    {
        var (submission, invitation, _) = await AnInvitation(accepted: false);
        var link = fixture.Portal.Portal.Services.GetRequiredService<Notifications.InvitationLinks>().LinkFor(submission, invitation, DateTimeOffset.UtcNow.AddDays(30));
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var walk = new Walk(page);
        await page.GotoAsync(new Uri(link).PathAndQuery);
        await page.WaitForSelectorAsync("[data-interactive=true]");

        await walk.TabTo("[data-testid=invitation-accept]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-testid=outcome][data-outcome=accepted]", new() { State = WaitForSelectorState.Attached });

        walk.ReachedOnlyNamedAndVisiblyFocusedControls();
    }

    [Fact]
    public async Task A_reviewer_writes_and_submits_a_review_with_the_keyboard_alone()
    {
        var (submission, _, reviewer) = await AnInvitation(accepted: true);
        var (context, page) = await fixture.SignedIn(reviewer);
        await using var _ = context;
        var walk = new Walk(page);
        await page.GotoAsync($"/reviews/{submission}");
        await page.WaitForSelectorAsync("[data-interactive=true]");

        await walk.TabTo("input[type=radio]");
        // The focus lands on the choice made (minor revision, the default); an arrow key moves it, as in any radio group.
        await page.Keyboard.PressAsync("ArrowDown");
        await walk.TabTo("#review-to-author");
        await page.Keyboard.TypeAsync("Clear and careful; the second figure needs error bars.");
        await walk.TabTo("#review-to-editor");
        await page.Keyboard.TypeAsync("No concerns.");
        await walk.TabTo("[data-testid=submit-review]");
        await page.Keyboard.PressAsync("Enter");
        await walk.DialogOpened();
        await walk.TabTo(".mud-dialog button:has-text('Submit')");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-testid=review-submitted]");

        Assert.Contains("Recommendation: Major revision", await page.InnerTextAsync("main"));
        walk.ReachedOnlyNamedAndVisiblyFocusedControls();
    }

    private IEditorialDesk Desk => fixture.Portal.Portal.Services.GetRequiredService<IEditorialDesk>();

    private static Actor As(PersonAccount p) => new(p.Id, p.Name, p.Email);

    private async Task<(Guid Submission, Guid Invitation, PersonAccount Reviewer)> AnInvitation(bool accepted)
    {
        var backstage = fixture.Portal.Backstage;
        var journal = await backstage.NewJournal();
        var (author, editor, reviewer) = (await backstage.NewAccount("Alba Author"), await backstage.NewAccount("Ed Editor"), await backstage.NewAccount("Rey Reviewer"));
        await backstage.Grant(journal, editor, JournalRole.EditorInChief);
        await backstage.Grant(journal, reviewer, JournalRole.Reviewer);
        var submission = await fixture.Portal.SubmittedManuscript(journal, author, "Keyboard tides");
        var invitation = Guid.CreateVersion7();
        var now = fixture.Portal.Clock.GetUtcNow();
        foreach (var (who, command) in new (PersonAccount, SubmissionCommand)[]
                 {
                     (editor, new AssignHandlingEditor(editor.Id)), (editor, new InviteReviewer(invitation, reviewer.Id, now.AddDays(7), now.AddDays(28)))
                 }.Concat(accepted ? [(reviewer, new AcceptInvitation(invitation))] : []))
            Assert.IsType<CommandOutcome.Accepted>(await Desk.Execute(submission, command, As(who)));
        return (submission, invitation, reviewer);
    }

    /// <summary>Moves the focus with the Tab key only, noting every control it stops at that has no name or shows no focus.</summary>
    private sealed class Walk(IPage page)
    {
        private const int MostTabsToAControl = 80;
        private readonly List<string> _problems = [];
        private readonly List<string> _stops = [];

        private sealed class Focused
        {
            public string Description { get; set; } = "";
            public string Name { get; set; } = "";
            public bool Visible { get; set; }
            public bool Matches { get; set; }
        }

        public async Task TabTo(string selector)
        {
            for (var tabs = 0; tabs < MostTabsToAControl; tabs++)
            {
                await page.Keyboard.PressAsync("Tab");
                // A dialog's focus trap catches the focus at its edges and hands it on to the first or last control in it.
                await page.WaitForFunctionAsync(LeftTheFocusTrap);
                var focused = await page.EvaluateAsync<Focused?>(FocusedScript);
                if (focused is null) continue;
                focused.Matches = await page.Locator(selector).EvaluateAllAsync<bool>("found => found.includes(document.activeElement)");
                _stops.Add(focused.Description);
                if (focused.Name.Length == 0) _problems.Add($"{focused.Description} has no name (after {string.Join(" → ", _stops.SkipLast(1).TakeLast(3))})");
                if (!focused.Visible) _problems.Add($"{focused.Description} does not show its focus");
                if (focused.Matches) return;
            }
            Assert.Fail($"{MostTabsToAControl} presses of Tab never reached {selector}; the focus went to: {string.Join(" → ", _stops.TakeLast(20))}");
        }

        /// <summary>
        /// The dialog opens on the server's answer, and then moves the focus into itself in two steps: first onto its
        /// own frame, then onto its first control. Tabbing before the second step would be undone by it.
        /// </summary>
        public async Task DialogOpened() =>
            await page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-dialog') != null && document.activeElement.matches('button, input, textarea, a[href]')");

        public void ReachedOnlyNamedAndVisiblyFocusedControls() =>
            Assert.True(_problems.Count == 0, string.Join("\n", _problems.Distinct()));

        private const string LeftTheFocusTrap =
            "() => !(document.activeElement?.closest('.mud-focus-trap') && document.activeElement.classList.contains('fixed') && document.activeElement.childElementCount === 0)";

        // The accessible name as a screen reader would say it, near enough: a label, aria-label(ledby), the text, a title.
        private const string FocusedScript = """
            () => {
              const el = document.activeElement;
              if (!el || el === document.body) return null;
              const byIds = (el.getAttribute('aria-labelledby') || '').split(/\s+/).map(id => document.getElementById(id)?.innerText || '').join(' ').trim();
              const labels = el.labels ? [...el.labels].map(l => l.innerText).join(' ').trim() : '';
              const name = (el.getAttribute('aria-label') || byIds || labels || el.innerText || el.getAttribute('title') || el.value || '').trim();
              const shows = e => { if (!e) return false; const s = getComputedStyle(e); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
              const visible = shows(el) || shows(el.closest('.mud-radio, .mud-checkbox, .mud-switch'));
              const description = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.dataset.testid ? '[' + el.dataset.testid + ']' : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} "${name.slice(0, 40)}"`;
              return { description, name, visible };
            }
            """;
    }
}
