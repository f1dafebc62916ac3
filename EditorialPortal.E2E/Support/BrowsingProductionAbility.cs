using EditorialPortal.Domain.Production;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Microsoft.Playwright;

namespace EditorialPortal.E2E.Support;

public sealed partial class BrowsingProtocol
{
    /// <summary>Production at the article's production page: its forms, buttons and file choosers, as a person uses them.</summary>
    private sealed partial class BrowsingAbility
    {
        private static readonly SeenRefusal NotOffered = new("NotAuthorised", []);

        /// <summary>The production page of the article; the refusal it shows instead, if any.</summary>
        private async Task<SeenRefusal?> OpenProductionPage(Guid submission)
        {
            await Open($"/production/{submission}");
            return await RefusalShown();
        }

        /// <summary>Acts with the control the page offers; a person offered none is not the one to do it.</summary>
        private async Task<SeenRefusal?> WithOffered(Guid submission, string control, Func<ILocator, Task> act)
        {
            if (await OpenProductionPage(submission) is { } shown) return shown;
            var offered = page.Locator(control).Last;
            if (await offered.CountAsync() == 0)
            {
                // A control missing from some other page says nothing of who may act: tell what was shown instead.
                if (await page.QuerySelectorAsync("[data-testid=production-title]") is null)
                    throw new InvalidOperationException($"Looked for {control} on the production page but {page.Url} showed “{await page.InnerTextAsync("h1")}”.");
                return NotOffered;
            }
            return await AfterOutcome(() => act(offered));
        }

        private Task<SeenRefusal?> Click(Guid submission, string control, string? confirm = null) =>
            WithOffered(submission, control, async button =>
            {
                await button.ClickAsync();
                if (confirm is not null) await Confirm(confirm);
            });

        private static FilePayload Payload(SampleFile file) => new() { Name = file.Name, MimeType = "application/octet-stream", Buffer = file.Content };

        /// <summary>Picks <paramref name="option"/> in the drop-down list marked <paramref name="select"/>.</summary>
        private async Task Choose(string select, string option)
        {
            await page.ClickAsync($"[data-testid={select}]");
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
            await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        }

        public async Task<ProductionSighting?> OpenProduction(Guid submission)
        {
            if (await OpenProductionPage(submission) is not null) return null;
            var step = Enum.Parse<ProductionStep>((await page.GetAttributeAsync("[data-testid=production-step]", "data-step"))!);
            var galleys = new List<Galley>();
            foreach (var row in await page.QuerySelectorAllAsync("[data-testid=galley]"))
                galleys.Add(new Galley(Guid.Parse((await row.GetAttributeAsync("data-galley"))!), GalleyFormat.Pdf, (await row.GetAttributeAsync("data-label"))!, "", galleys.Count, [])
                {
                    Locked = await row.GetAttributeAsync("data-locked") == "true"
                });
            var missing = new List<Domain.Common.FieldError>();
            foreach (var item in await page.QuerySelectorAllAsync("[data-testid=missing]"))
                missing.Add(new((await item.GetAttributeAsync("data-field"))!, (await item.InnerTextAsync()).Trim()));
            var history = new List<string>();
            foreach (var entry in await page.QuerySelectorAllAsync("[data-testid=production-history-entry]"))
                history.Add((await entry.InnerTextAsync()).Trim());
            return TheirTasks.Sighting(step, galleys, missing, history);
        }

        public Task<SeenRefusal?> AssignCopyedit(Guid submission, PersonAccount copyeditor) =>
            WithOffered(submission, "[data-testid=assign-copyedit]", async button =>
            {
                await Choose("copyeditor", copyeditor.Name);
                await button.ClickAsync();
            });

        public Task<SeenRefusal?> UploadCopyedit(Guid submission, SampleFile file) =>
            WithOffered(submission, "[data-testid=copyedit]:has([data-testid=upload-copyedit]) input[type=file]", input => input.SetInputFilesAsync(Payload(file)));

        public Task<SeenRefusal?> FinishCopyedit(Guid submission) => Click(submission, "[data-testid=complete-copyedit]");

        public Task<SeenRefusal?> AcceptCopyedits(Guid submission) => Click(submission, "[data-testid=accept-copyedits]");

        public Task<SeenRefusal?> SendCopyeditCorrections(Guid submission, string notes, SampleFile? correctedCopy = null) =>
            WithOffered(submission, "[data-testid=send-corrections]", async button =>
            {
                await page.FillAsync("#copyedit-corrections", notes);
                if (correctedCopy is not null) await Attach("corrected-copy", correctedCopy);
                await button.ClickAsync();
            });

        /// <summary>Chooses a file to go with the answer, and waits until the page shows it chosen.</summary>
        private async Task Attach(string attachment, SampleFile file)
        {
            await page.SetInputFilesAsync($"[data-testid={attachment}] input[type=file]", Payload(file));
            await page.WaitForSelectorAsync($"[data-testid={attachment}] [data-testid=attached]:has-text('{file.Name}')");
        }

        public Task<SeenRefusal?> AssignTypesetting(Guid submission, PersonAccount typesetter) =>
            WithOffered(submission, "[data-testid=assign-typesetting]", async button =>
            {
                await Choose("typesetter", typesetter.Name);
                await button.ClickAsync();
            });

        // The page links the front matter for its staff; the typesetter takes it as they would, with their own sign-in.
        public async Task<byte[]?> DownloadJatsFrontMatter(Guid submission)
        {
            if (await OpenProductionPage(submission) is not null) return null;
            var response = await context.APIRequest.GetAsync($"/api/production/{submission}/jats");
            return response.Ok ? await response.BodyAsync() : null;
        }

        public Task<SeenRefusal?> UploadGalley(Guid submission, GalleyFormat format, string label, SampleFile file) =>
            WithOffered(submission, "[data-testid=galley-form] input[type=file]", async input =>
            {
                await Choose("galley-format", format.Describe());
                await page.FillAsync("#galley-label", label);
                await input.SetInputFilesAsync(Payload(file));
            });

        public Task<SeenRefusal?> FinishTypesetting(Guid submission) => Click(submission, "[data-testid=complete-typesetting]");

        public Task<SeenRefusal?> SendProofsToTheAuthor(Guid submission) => Click(submission, "[data-testid=send-proofs]");

        public Task<SeenRefusal?> ApproveProofs(Guid submission) => Click(submission, "[data-testid=approve-proofs]", confirm: "Yes");

        public Task<SeenRefusal?> AskForProofCorrections(Guid submission, string galleyLabel, string note, SampleFile? annotated = null) =>
            WithOffered(submission, "[data-testid=ask-corrections]", async button =>
            {
                await page.GetByLabel($"Corrections to {galleyLabel}", new() { Exact = true }).FillAsync(note);
                if (annotated is not null) await Attach("annotated-proofs", annotated);
                await button.ClickAsync();
            });

        public Task<SeenRefusal?> SaveSuggestedPublicationDetails(Guid submission) => Click(submission, "[data-testid=set-details]");

        public Task<SeenRefusal?> AssignTheOfferedDoi(Guid submission) => Click(submission, "[data-testid=assign-doi]");

        public Task<SeenRefusal?> Publish(Guid submission, DateTimeOffset? at = null) =>
            at is { } when
                ? WithOffered(submission, "[data-testid=schedule-publication]", async button =>
                {
                    await page.FillAsync("#publish-at", when.UtcDateTime.ToString("yyyy-MM-ddTHH:mm"));
                    await page.PressAsync("#publish-at", "Tab");
                    await button.ClickAsync();
                })
                : WithOffered(submission, "[data-testid=publish-now]", async button =>
                {
                    await button.ClickAsync();
                    await Confirm("Yes");
                });

        private async Task<SeenRefusal?> OnIssuesPage(Guid journal, Func<Task<SeenRefusal?>> act)
        {
            await Open($"/journals/{journal}/issues");
            return await RefusalShown() ?? await act();
        }

        public Task<SeenRefusal?> OpenIssue(Guid journal, int volume, int number, string title) => OnIssuesPage(journal, () => AfterOutcome(async () =>
        {
            await page.FillAsync("#volume", volume.ToString());
            await page.FillAsync("#number", number.ToString());
            await page.FillAsync("#issue-title", title);
            await page.PressAsync("#issue-title", "Tab");
            await page.ClickAsync("[data-testid=create-issue]");
        }));

        public async Task<SeenRefusal?> PlanIntoIssue(Guid submission, int volume, int number, string pages)
        {
            if (await OpenProductionPage(submission) is { } shown) return shown;
            if (await page.QuerySelectorAsync("[data-testid=issue-choice]") is null) return NotOffered;
            return await AfterOutcome(async () =>
            {
                await Choose("issue-choice", $"Volume {volume}, Issue {number} (");
                await page.FillAsync("#plan-pages", pages);
                await page.PressAsync("#plan-pages", "Tab");
                await page.ClickAsync("[data-testid=plan-into-issue]");
            });
        }

        public Task<SeenRefusal?> PublishIssue(Guid journal, int volume, int number, DateTimeOffset? at = null) => OnIssuesPage(journal, async () =>
        {
            var issue = page.Locator($"[data-issue='{Domain.Issues.JournalIssue.StreamOf(journal, volume, number)}']");
            if (await issue.CountAsync() == 0) return new SeenRefusal("NotFound", []);
            var offered = issue.Locator(at is null ? "[data-testid=publish-issue]" : "[data-testid=schedule-issue]");
            if (await offered.CountAsync() == 0) return new SeenRefusal("NotAllowedInState", []);
            return await AfterOutcome(async () =>
            {
                if (at is { } when)
                {
                    var field = $"#issue-at-{volume}-{number}";
                    await page.FillAsync(field, when.UtcDateTime.ToString("yyyy-MM-ddTHH:mm"));
                    await page.PressAsync(field, "Tab");
                    await offered.ClickAsync();
                }
                else
                {
                    await offered.ClickAsync();
                    await Confirm("Publish");
                }
            });
        });

        public async Task<IReadOnlyList<Domain.Publication.DepositStatus>?> DepositsOf(Guid submission)
        {
            if (await OpenProductionPage(submission) is not null) return null;
            var statuses = new List<Domain.Publication.DepositStatus>();
            // The page lists the latest deposit first.
            foreach (var deposit in await page.QuerySelectorAllAsync("[data-testid=deposit]"))
                statuses.Insert(0, Enum.Parse<Domain.Publication.DepositStatus>((await deposit.GetAttributeAsync("data-status"))!));
            return statuses;
        }

        // A retracted article's page says that nothing more is published about it, in place of the form.
        public async Task<SeenRefusal?> PublishNotice(Guid submission, Domain.Publication.ArticleNoticeKind kind, string text)
        {
            if (await OpenProductionPage(submission) is { } shown) return shown;
            var offered = page.Locator("[data-testid=publish-notice]").Last;
            if (await offered.CountAsync() == 0)
                return await page.QuerySelectorAsync("[data-testid=notices-closed]") is null ? NotOffered : new SeenRefusal("NotAllowedInState", []);
            return await AfterOutcome(async () =>
            {
                await Choose("notice-kind", Domain.Publication.ArticleNoticeKinds.Describe(kind));
                await page.FillAsync("#notice-text", text);
                await page.PressAsync("#notice-text", "Tab");
                await offered.ClickAsync();
                await Confirm("Yes");
            });
        }

        public async Task<SeenRefusal?> BeginNewVersion(Guid submission, Domain.Publication.VersionKind kind, string note)
        {
            if (await OpenProductionPage(submission) is { } shown) return shown;
            if (await page.Locator("[data-testid=begin-version]").CountAsync() == 0)
                return await page.Locator("[data-testid=version-in-preparation]").CountAsync() > 0 ? new SeenRefusal("NotAllowedInState", []) : NotOffered;
            return await AfterOutcome(async () =>
            {
                await page.Locator("[data-testid=version-kind] label").Filter(new() { HasText = kind == Domain.Publication.VersionKind.Major ? "Major" : "Minor" }).ClickAsync();
                await page.FillAsync("#version-note", note);
                await page.PressAsync("#version-note", "Tab");
                await page.ClickAsync("[data-testid=begin-version]");
            });
        }

        public Task<SeenRefusal?> CorrectTheTitle(Guid submission, string title) =>
            WithOffered(submission, "[data-testid=correct-metadata]", async button =>
            {
                await page.FillAsync("#metadata-title", title);
                await page.PressAsync("#metadata-title", "Tab");
                await button.ClickAsync();
            });

        public async Task<SeenRefusal?> PublishNewVersion(Guid submission)
        {
            if (await OpenProductionPage(submission) is { } shown) return shown;
            if (await page.Locator("[data-testid=publish-version]").CountAsync() == 0)
                return await page.Locator("[data-testid=version-in-preparation]").CountAsync() > 0 ? new SeenRefusal("NotAllowedInState", []) : NotOffered;
            return await AfterOutcome(async () =>
            {
                await page.ClickAsync("[data-testid=publish-version]");
                await Confirm("Yes");
            });
        }

        public async Task<SeenRefusal?> MarkReadyToPublish(Guid submission)
        {
            if (await OpenProductionPage(submission) is { } shown) return shown;
            if (await page.QuerySelectorAsync("[data-testid=mark-ready]") is null)
            {
                // The page offers no button while something is missing; its checklist says what.
                var fields = new List<string>();
                foreach (var missing in await page.QuerySelectorAllAsync("[data-testid=missing]"))
                    fields.Add((await missing.GetAttributeAsync("data-field"))!);
                return fields.Count > 0 ? new SeenRefusal("Invalid", fields) : NotOffered;
            }
            return await AfterOutcome(async () =>
            {
                await page.ClickAsync("[data-testid=mark-ready]");
                await Confirm("Yes");
            });
        }
    }
}
