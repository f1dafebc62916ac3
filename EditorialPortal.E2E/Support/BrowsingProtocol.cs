using System.Text.RegularExpressions;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Tests.Support;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Microsoft.Playwright;

namespace EditorialPortal.E2E.Support;

/// <summary>The browsing actor: a person at the portal's pages in headless Chromium, clicking and typing as anyone would.</summary>
public sealed partial class BrowsingProtocol(BrowserFixture fixture) : IProtocol
{
    public string Kind => "browser";

    public Backstage Backstage => fixture.Portal.Backstage;

    public async Task<(IEditorialAbility? Ability, string? Problem)> TrySignIn(string email, string password)
    {
        var context = await NewContext();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("[data-testid=signin-email]", email);
        await page.FillAsync("[data-testid=signin-password]", password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForSelectorAsync("[data-testid=signed-in-as], [data-testid=signin-error]");
        if (await page.QuerySelectorAsync("[data-testid=signin-error]") is { } error)
        {
            var problem = await error.InnerTextAsync();
            await context.DisposeAsync();
            return (null, problem);
        }
        return (new BrowsingAbility(context, page), null);
    }

    public Task<SeenRefusal?> Register(string name, string email, string password) => AsVisitor(async page =>
    {
        await page.GotoAsync("/register");
        await page.FillAsync("[data-testid=register-name]", name);
        await page.FillAsync("[data-testid=register-email]", email);
        await page.FillAsync("[data-testid=register-affiliation]", "University of Scenarios");
        await page.FillAsync("[data-testid=register-password]", password);
        await page.ClickAsync("[data-testid=register-submit]");
        await page.WaitForSelectorAsync("[data-testid=registered], .validation-message");
        return await FieldErrorsShown(page);
    });

    public async Task<SeenRefusal?> FollowConfirmationLink(string email)
    {
        var link = await fixture.Portal.LinkMailedTo(email, "Confirm your email address", "/account/confirm");
        return await AsVisitor(async page =>
        {
            await page.GotoAsync(link.ToString());
            await page.ClickAsync("[data-testid=confirm-submit]");
            await page.WaitForSelectorAsync("[data-testid=confirmed-note], [data-testid=confirm-error]");
            return await page.QuerySelectorAsync("[data-testid=confirm-error]") is null ? null : new SeenRefusal("Invalid", ["token"]);
        });
    }

    public Task AskForPasswordReset(string email) => AsVisitor(async page =>
    {
        await page.GotoAsync("/account/forgot-password");
        await page.FillAsync("[data-testid=forgot-email]", email);
        await page.ClickAsync("[data-testid=forgot-submit]");
        await page.WaitForSelectorAsync("[data-testid=reset-sent]");
        return (SeenRefusal?)null;
    });

    public async Task<SeenRefusal?> FollowPasswordResetLink(string email, string newPassword)
    {
        var link = await fixture.Portal.LinkMailedTo(email, "Reset your EditorialPortal password", "/account/reset-password");
        return await AsVisitor(async page =>
        {
            await page.GotoAsync(link.ToString());
            await page.FillAsync("[data-testid=reset-password]", newPassword);
            await page.ClickAsync("[data-testid=reset-submit]");
            await page.WaitForSelectorAsync("[data-testid=reset-note], .validation-message");
            return await FieldErrorsShown(page);
        });
    }

    private async Task<IBrowserContext> NewContext()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public Task<IReadOnlyList<SeenMail>> Mailbox(string email) => fixture.Portal.Mailbox(email);

    public async Task<SeenRefusal?> AnswerInvitationFromTheMail(string email, bool accept, string? reason = null, string? suggestion = null)
    {
        var mail = (await Mailbox(email)).Last(m => m.Body.Contains("/invitations/", StringComparison.Ordinal));
        var link = mail.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).First(w => w.Contains("/invitations/", StringComparison.Ordinal));
        return await AsVisitor(async page =>
        {
            await page.GotoAsync(link);
            // The page is rendered first on the server, then again once interactive: read it only after that.
            await page.WaitForSelectorAsync("[data-interactive=true]");
            await page.WaitForSelectorAsync("[data-testid=invitation-status], [data-testid=refusal]");
            // A closed invitation shows its state instead of the buttons; an invalid link shows a refusal.
            if (await page.QuerySelectorAsync("[data-testid=invitation-accept]") is null)
                return new SeenRefusal(await page.QuerySelectorAsync("[data-testid=refusal]") is null ? "NotAllowedInState" : "NotAuthorised",
                    [(await page.InnerTextAsync(".mud-main-content")).Trim()]);
            return await OutcomeOf(page, async () =>
            {
                if (accept)
                {
                    await page.ClickAsync("[data-testid=invitation-accept]");
                    return;
                }
                await page.FillAsync("#invitation-reason", reason ?? "");
                await page.FillAsync("#invitation-suggestion", suggestion ?? "");
                await page.ClickAsync("[data-testid=invitation-decline]");
            });
        });
    }

    /// <summary>Acts on an interactive page and reads what its outcome marker then says.</summary>
    private static async Task<SeenRefusal?> OutcomeOf(IPage page, Func<Task> act)
    {
        var before = await page.GetAttributeAsync("[data-testid=outcome]", "data-seq");
        await act();
        await page.WaitForFunctionAsync("before => document.querySelector('[data-testid=outcome]').dataset.seq !== before", before);
        var outcome = page.Locator("[data-testid=outcome]");
        if (await outcome.GetAttributeAsync("data-outcome") == "accepted") return null;
        var fields = (await outcome.GetAttributeAsync("data-fields") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new SeenRefusal((await outcome.GetAttributeAsync("data-refusal"))!, fields);
    }

    private async Task<T> AsVisitor<T>(Func<IPage, Task<T>> visit)
    {
        await using var context = await NewContext();
        return await visit(await context.NewPageAsync());
    }

    /// <summary>The fields a statically rendered form marked as wrong, as the refusal they stand for.</summary>
    private static async Task<SeenRefusal?> FieldErrorsShown(IPage page)
    {
        var fields = new List<string>();
        foreach (var error in await page.QuerySelectorAllAsync("[data-testid^=error-]"))
            fields.Add((await error.GetAttributeAsync("data-testid"))!["error-".Length..]);
        return fields.Count == 0 ? null : new SeenRefusal("Invalid", fields);
    }

    private sealed partial class BrowsingAbility : IEditorialAbility
    {
        private readonly IBrowserContext context;
        private readonly IPage page;
        private int _dialogs;

        // Every page of the person's context is watched: alert(), confirm() and prompt() are what injected script reaches for.
        public BrowsingAbility(IBrowserContext context, IPage page)
        {
            (this.context, this.page) = (context, page);
            context.Page += (_, opened) => Watch(opened);
            Watch(page);
        }

        public int ScriptsRun => _dialogs;

        private void Watch(IPage watched) => watched.Dialog += async (_, dialog) =>
        {
            Interlocked.Increment(ref _dialogs);
            await dialog.DismissAsync();
        };

        public async Task<(Guid? Submission, SeenRefusal? Refusal)> StartSubmission(Guid journal, ManuscriptType type)
        {
            await Open("/submissions/new");
            await page.ClickAsync($"[data-testid=journal-option][data-journal='{journal}']");
            await page.ClickAsync($"[data-testid=type-{type}]");
            await page.ClickAsync("[data-testid=start]");
            if (await MovedOnOrRefused("/submissions/[0-9a-f-]{36}/edit$", "Start") is { } refused) return (null, refused);
            return (Guid.Parse(EditPage().Match(page.Url).Groups[1].Value), null);
        }

        public async Task<SeenRefusal?> Execute(Guid submission, SubmissionCommand command)
        {
            if (command is ReturnToAuthor or DeskReject or AssignHandlingEditor) return await Triage(submission, command);
            if (command is RequestWithdrawal or ConfirmWithdrawal)
            {
                await Open($"/submissions/{submission}");
                if (await RefusalShown() is { } hidden) return hidden;
                var button = command is RequestWithdrawal ? "[data-testid=request-withdrawal]" : "[data-testid=confirm-withdrawal]";
                if (await page.QuerySelectorAsync(button) is null) return new SeenRefusal("NotAllowedInState", []);
                if (command is RequestWithdrawal request) await page.FillAsync("#withdraw-reason", request.Reason);
                return await AfterOutcome(async () =>
                {
                    await page.ClickAsync(button);
                    await Confirm("Yes");
                });
            }
            if (command is ReinvitePreviousReviewers)
            {
                await Open($"/submissions/{submission}");
                if (await RefusalShown() is { } notShown) return notShown;
                if (await page.QuerySelectorAsync("[data-testid=reinvite]") is null) return new SeenRefusal("NotAllowedInState", []);
                return await AfterOutcome(() => page.ClickAsync("[data-testid=reinvite]"));
            }
            await Open($"/submissions/{submission}/edit");
            if (await RefusalShown() is { } shown) return shown;
            switch (command)
            {
                case SetTitle c: return await Type("#title", c.Title);
                case SetAbstract c: return await Type("#abstract", c.Abstract);
                case SetKeywords c: return await Type("#keywords", string.Join("; ", c.Keywords));
                case SetAuthors c: return await ListAuthors(c.Authors);
                case SubmitManuscript: return await Submit(submission);
                case SubmitRevision c:
                    await page.FillAsync("#revision-response", c.ResponseToReviewers);
                    await page.ClickAsync("[data-testid=submit-revision]");
                    await Confirm("Submit");
                    return await MovedOnOrRefused($"/submissions/{submission}$", "Submitting the revision");
                default: throw new ArgumentOutOfRangeException(nameof(command), command, "No page for this command");
            }
        }

        /// <summary>Triage happens on the submission page; a person who may not triage is offered no triage at all.</summary>
        private async Task<SeenRefusal?> Triage(Guid submission, SubmissionCommand command)
        {
            await Open($"/submissions/{submission}");
            if (await RefusalShown() is { } shown) return shown;
            if (await page.QuerySelectorAsync("[data-testid=triage]") is null)
            {
                var status = (await page.InnerTextAsync("[data-testid=status]")).Trim();
                return new SeenRefusal(status is "Submitted" or "With a handling editor" ? "NotAuthorised" : "NotAllowedInState", []);
            }
            switch (command)
            {
                case AssignHandlingEditor c:
                    var option = page.Locator($"[data-testid=editor-option][data-editor='{c.Editor}']");
                    if (await option.CountAsync() == 0) return new SeenRefusal("Invalid", ["editor"]);
                    await option.CheckAsync();
                    return await AfterOutcome(() => page.ClickAsync("[data-testid=assign-editor]"));
                case ReturnToAuthor c:
                    await page.FillAsync("#return-message", c.Message);
                    return await AfterOutcome(async () =>
                    {
                        await page.ClickAsync("[data-testid=return-to-author]");
                        await Confirm("Yes");
                    });
                case DeskReject c:
                    await page.FillAsync("#desk-letter", c.Letter);
                    return await AfterOutcome(async () =>
                    {
                        await page.ClickAsync("[data-testid=desk-reject]");
                        await Confirm("Yes");
                    });
                default:
                    throw new ArgumentOutOfRangeException(nameof(command), command, "Not a triage command");
            }
        }

        public async Task<SeenRefusal?> AttachManuscript(Guid submission, string fileName, byte[] content)
        {
            await Open($"/submissions/{submission}/edit");
            if (await RefusalShown() is { } shown) return shown;
            return await AfterOutcome(() => page.SetInputFilesAsync("input[type=file]",
                new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = content }));
        }

        public async Task<IReadOnlyList<QueuedManuscript>?> NewSubmissions(Guid journal)
        {
            await Open($"/journals/{journal}/new-submissions");
            if (await RefusalShown() is not null) return null;
            await page.WaitForSelectorAsync("[data-testid=queue] tbody tr");
            var rows = await page.QuerySelectorAllAsync("[data-testid=queue-row]");
            var queue = new List<QueuedManuscript>();
            foreach (var row in rows)
                queue.Add(new QueuedManuscript(Guid.Parse((await row.GetAttributeAsync("data-submission"))!), (await row.InnerTextAsync()).Trim()));
            return queue;
        }

        public async Task<IReadOnlyList<QueuedManuscript>?> NeedingAnEditorWithoutAConflict(Guid journal)
        {
            await Open($"/journals/{journal}/people");
            if (await RefusalShown() is not null) return null;
            await page.WaitForSelectorAsync("[data-testid=staff]");
            var waiting = new List<QueuedManuscript>();
            foreach (var row in await page.QuerySelectorAllAsync("[data-testid=needs-free-editor-row]"))
                waiting.Add(new QueuedManuscript(Guid.Parse((await row.GetAttributeAsync("data-submission"))!), (await row.InnerTextAsync()).Trim()));
            return waiting;
        }

        public Task<SubmissionSighting?> Open(Guid submission) => Sighting($"/submissions/{submission}");

        public async Task<SubmissionSighting?> OpenAsItWas(Guid submission, long version)
        {
            var sighting = await Sighting($"/submissions/{submission}?at={version}");
            if (sighting is not null && await page.GetAttributeAsync("[data-testid=as-it-was]", "data-version") != version.ToString()) return null;
            return sighting;
        }

        // The history API answers a browser with a page: what a person opening the record's link is given.
        public async Task<string?> ReadRecordOf(Guid submission)
        {
            var response = await page.GotoAsync($"/api/history/submissions/{submission}");
            return response?.Status == 404 ? null : await page.ContentAsync();
        }

        public async Task<IReadOnlyList<(Guid Stream, long Version)>?> VerifyRecord()
        {
            await Open("/admin/record");
            if (await RefusalShown() is not null) return null;
            await page.ClickAsync("[data-testid=verify-record]");
            await page.WaitForSelectorAsync("[data-testid=verification-result]");
            var breaks = new List<(Guid, long)>();
            foreach (var row in await page.QuerySelectorAllAsync("[data-testid=chain-breaks] tbody tr"))
                breaks.Add((Guid.Parse((await (await row.QuerySelectorAsync("[data-testid=broken-stream]"))!.InnerTextAsync()).Trim()),
                    long.Parse((await (await row.QuerySelectorAsync("[data-testid=broken-version]"))!.InnerTextAsync()).Trim())));
            return breaks;
        }

        private async Task<SubmissionSighting?> Sighting(string path)
        {
            await Open(path);
            if (await RefusalShown() is not null) return null;
            await page.WaitForSelectorAsync("[data-testid=history-entry]");
            var history = new List<string>();
            foreach (var entry in await page.QuerySelectorAllAsync("[data-testid=history-entry] .history-entry"))
                history.Add((await entry.InnerTextAsync()).Trim());
            var authors = new List<string>();
            foreach (var author in await page.QuerySelectorAllAsync("[data-testid=author-name]"))
                authors.Add((await author.InnerTextAsync()).Trim());
            return new SubmissionSighting(
                (await page.InnerTextAsync("[data-testid=status]")).Trim(),
                (await page.InnerTextAsync("[data-testid=submission-title]")).Trim(),
                history,
                authors);
        }

        public async Task<SeenRefusal?> Grant(Guid journal, string email, JournalRole role)
        {
            await Open($"/journals/{journal}/people");
            if (await RefusalShown() is { } shown) return shown;
            await page.FillAsync("#grant-email", email);
            await page.Locator($"[data-testid=grant-role-{role}]").CheckAsync();
            return await AfterOutcome(() => page.ClickAsync("[data-testid=grant]"));
        }

        public async Task<SeenRefusal?> Revoke(Guid journal, Guid account, JournalRole role)
        {
            await Open($"/journals/{journal}/people");
            if (await RefusalShown() is { } shown) return shown;
            return await AfterOutcome(() => page.ClickAsync($"[data-testid=revoke][data-account='{account}'][data-role='{role}']"));
        }

        public async Task<IReadOnlyList<string>> ReviewerJournals()
        {
            await Open("/reviewing");
            var titles = new List<string>();
            foreach (var title in await page.QuerySelectorAllAsync("[data-testid=reviewer-journal] b"))
                titles.Add((await title.InnerTextAsync()).Trim());
            return titles;
        }

        public async Task<SeenRefusal?> InviteReviewer(Guid submission, string email, string? conflictReason = null)
        {
            await Open($"/submissions/{submission}");
            if (await RefusalShown() is { } shown) return shown;
            if (await page.QuerySelectorAsync("[data-testid=invite]") is null) return new SeenRefusal("NotAuthorised", []);
            await page.FillAsync("#invite-email", email);
            var refusal = await AfterOutcome(() => page.ClickAsync("[data-testid=invite]"));
            if (refusal is { Fields: ["conflict"] } && conflictReason is not null)
            {
                await page.FillAsync("#invite-conflict", conflictReason);
                refusal = await AfterOutcome(() => page.ClickAsync("[data-testid=invite]"));
            }
            return refusal;
        }

        public async Task<SeenRefusal?> AnswerInvitation(Guid submission, bool accept, string? reason = null, string? suggestion = null)
        {
            await Open("/reviewing");
            var invitation = page.Locator($"[data-testid=invitation][data-submission='{submission}']");
            if (await invitation.CountAsync() == 0) return new SeenRefusal("NotAuthorised", []);
            if (accept) return await AfterOutcome(() => invitation.Locator("[data-testid=accept-invitation]").ClickAsync());
            await page.FillAsync($"#decline-reason-{submission}", reason ?? "");
            await page.FillAsync($"#decline-suggestion-{submission}", suggestion ?? "");
            return await AfterOutcome(() => invitation.Locator("[data-testid=decline-invitation]").ClickAsync());
        }

        public async Task<SeenRefusal?> SubmitReview(Guid submission, Recommendation recommendation, string commentsToAuthor, string confidentialCommentsToEditor)
        {
            await Open($"/reviews/{submission}");
            if (await RefusalShown() is { } shown) return shown;
            if (await page.QuerySelectorAsync("[data-testid=submit-review]") is null) return new SeenRefusal("NotAllowedInState", []);
            await page.Locator($"[data-testid=recommend-{recommendation}]").CheckAsync();
            await page.FillAsync("#review-to-author", commentsToAuthor);
            await page.FillAsync("#review-to-editor", confidentialCommentsToEditor);
            return await AfterOutcome(async () =>
            {
                await page.ClickAsync("[data-testid=submit-review]");
                await Confirm("Submit");
            });
        }

        public async Task<SeenRefusal?> Decide(Guid submission, DecisionKind decision, string letter, string? earlyDecisionReason = null)
        {
            await Open($"/submissions/{submission}");
            if (await RefusalShown() is { } shown) return shown;
            if (await page.QuerySelectorAsync("[data-testid=record-decision]") is null) return new SeenRefusal("NotAuthorised", []);
            await page.Locator($"[data-testid=decision-{decision}]").CheckAsync();
            await page.FillAsync("#decision-letter", letter);
            if (earlyDecisionReason is not null) await page.FillAsync("#early-reason", earlyDecisionReason);
            return await AfterOutcome(async () =>
            {
                await page.ClickAsync("[data-testid=record-decision]");
                await Confirm("Yes");
            });
        }

        public async Task<IReadOnlyList<SeenReview>> ReviewsShown(Guid submission)
        {
            await Open($"/submissions/{submission}");
            if (await RefusalShown() is not null) return [];
            var reviews = new List<SeenReview>();
            foreach (var review in await page.QuerySelectorAllAsync("[data-testid=shown-review]"))
            {
                var toEditor = await review.QuerySelectorAsync("[data-testid=review-to-editor]");
                reviews.Add(new SeenReview(
                    (await review.GetAttributeAsync("data-reviewer"))!,
                    (await (await review.QuerySelectorAsync("[data-testid=review-to-author]"))!.InnerTextAsync()).Trim(),
                    toEditor is null ? "" : (await toEditor.InnerTextAsync()).Trim()));
            }
            return reviews;
        }

        public async ValueTask DisposeAsync() => await context.DisposeAsync();

        private async Task Open(string path)
        {
            await page.GotoAsync(path);
            // Clicks before the circuit connects do nothing: wait until the page is interactive and has loaded its data.
            await page.WaitForSelectorAsync("[data-interactive=true]");
            await page.WaitForSelectorAsync("h1");
            await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear.mud-progress-indeterminate')");
        }

        private async Task<SeenRefusal?> RefusalShown()
        {
            var notice = await page.QuerySelectorAsync("[data-testid=refusal]");
            return notice is null ? null : new SeenRefusal((await notice.GetAttributeAsync("data-refusal"))!, []);
        }

        private Task<SeenRefusal?> Type(string selector, string text) => AfterOutcome(async () =>
        {
            await page.FillAsync(selector, text);
            await page.PressAsync(selector, "Tab");
        });

        private async Task<SeenRefusal?> ListAuthors(IReadOnlyList<ContributingAuthor> authors)
        {
            var rows = page.Locator("[data-testid=author-row]");
            for (var remaining = await rows.CountAsync(); remaining > 0; remaining--)
            {
                await rows.First.Locator("button[aria-label='Remove author']").ClickAsync();
                await page.WaitForFunctionAsync("n => document.querySelectorAll('[data-testid=author-row]').length === n", remaining - 1);
            }
            for (var i = 0; i < authors.Count; i++)
            {
                var author = authors[i];
                await page.ClickAsync("[data-testid=add-author]");
                await page.FillAsync($"#author-{i}-name", author.Name);
                await page.FillAsync($"#author-{i}-email", author.Email);
                await page.FillAsync($"#author-{i}-affiliation", author.Affiliation);
                await page.FillAsync($"#author-{i}-orcid", author.Orcid ?? "");
                await page.Locator($"[data-testid=author-{i}-corresponding]").SetCheckedAsync(author.IsCorresponding);
            }
            return await AfterOutcome(() => page.ClickAsync("[data-testid=save-authors]"));
        }

        private async Task<SeenRefusal?> Submit(Guid submission)
        {
            var submit = page.Locator("[data-testid=submit]");
            if (await submit.IsDisabledAsync())
            {
                // The page does not offer Submit; its checklist says what is missing.
                var fields = new List<string>();
                foreach (var missing in await page.QuerySelectorAllAsync("[data-testid=missing]"))
                    fields.Add((await missing.GetAttributeAsync("data-field"))!);
                return new SeenRefusal("Invalid", fields);
            }
            await submit.ClickAsync();
            await Confirm("Submit");
            return await MovedOnOrRefused($"/submissions/{submission}$", "Submit");
        }

        /// <summary>
        /// Answers the confirmation dialog with <paramref name="answer"/>. A click that reaches the dialog while it is
        /// still opening can go unheard; a person whose click did nothing clicks again, and so does this.
        /// </summary>
        private async Task Confirm(string answer)
        {
            var button = page.Locator($".mud-dialog button:has-text('{answer}')");
            // Open means the dialog has taken the focus; until then it is still being put together.
            await page.WaitForFunctionAsync("() => document.activeElement?.closest('.mud-dialog') != null");
            await button.ClickAsync();
            try
            {
                await button.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                if (await button.CountAsync() == 1) await button.ClickAsync();
            }
        }

        /// <summary>
        /// Accepted, the page moves on to <paramref name="path"/>; refused, it stays and says why. A page that does
        /// neither is described in the failure, with what it shows.
        /// </summary>
        private async Task<SeenRefusal?> MovedOnOrRefused(string path, string action)
        {
            try
            {
                await page.WaitForFunctionAsync("path => new RegExp(path).test(location.pathname) || document.querySelector('[data-testid=outcome]')?.dataset.outcome === 'refused'", path);
            }
            catch (TimeoutException waited)
            {
                throw new TimeoutException($"{action} led nowhere; the page at {page.Url} reads: {await page.InnerTextAsync("body")}", waited);
            }
            if (new Regex(path).IsMatch(new Uri(page.Url).AbsolutePath)) return null;
            var outcome = page.Locator("[data-testid=outcome]");
            return new SeenRefusal((await outcome.GetAttributeAsync("data-refusal"))!,
                (await outcome.GetAttributeAsync("data-fields") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
        }

        /// <summary>Does something on the page and waits for the command's outcome the page reports.</summary>
        private Task<SeenRefusal?> AfterOutcome(Func<Task> act) => OutcomeOf(page, act);

        [GeneratedRegex(@"/submissions/([0-9a-f-]{36})/edit$")]
        private static partial Regex EditPage();
    }
}
