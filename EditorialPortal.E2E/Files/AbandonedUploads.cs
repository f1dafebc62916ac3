using EditorialPortal.Demo;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.E2E.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace EditorialPortal.E2E.Files;

/// <summary>An upload the browser abandons half way leaves nothing: no fact, and no file, staged or kept.</summary>
public sealed class AbandonedUploads(BrowserFixture fixture)
{
    [Fact]
    public async Task Closing_the_page_in_the_middle_of_an_upload_records_nothing_and_leaves_no_file_behind()
    {
        var backstage = fixture.Portal.Backstage;
        var journal = await backstage.NewJournal();
        var alice = await backstage.NewAccount("Alice Smith");
        var submission = Guid.CreateVersion7();
        var desk = fixture.Portal.Portal.Services.GetRequiredService<IEditorialDesk>();
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(submission, new StartSubmission(journal.Id, ManuscriptType.ResearchArticle), new Actor(alice.Id, alice.Name, alice.Email)));
        var files = Path.Combine(fixture.Portal.Portal.DataFolder, "files");
        var (context, page) = await fixture.SignedIn(alice);
        await page.GotoAsync($"/submissions/{submission}/edit");
        await page.WaitForSelectorAsync("[data-interactive=true]");
        // The browser hands over the file's first chunks and then no more, as one does whose network drops, so the
        // page is closed while the upload is surely in the middle rather than perhaps already done.
        await page.EvaluateAsync("""
            () => {
                const read = Blob.prototype.arrayBuffer;
                let chunks = 0;
                Blob.prototype.arrayBuffer = function () { return chunks++ < 2 ? read.call(this) : new Promise(() => {}); };
            }
            """);
        var marked = SamplePdf.WithTitle($"Abandoned {Guid.NewGuid():N}");
        var pdf = marked.Concat(new byte[(int)(1.9 * 1024 * 1024)]).ToArray();
        await page.SetInputFilesAsync("input[type=file]", new FilePayload { Name = "abandoned.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.WaitForSelectorAsync("[data-testid=upload-progress]");
        await context.CloseAsync();

        // No more bytes arrive, the upload is given up, and its staged bytes are removed. Other tests upload beside
        // this one, so only this file's bytes are looked for: staged under any name, or kept under its digest. The
        // page gives up after 10 s without bytes; on a busy machine the read sometimes ends only at Blazor's own
        // 60 s limit for data that stops arriving, so the wait allows for that too.
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        string[] left;
        do
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            left = [.. Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) == digest || StartsLike(f, marked))];
        }
        while (left.Length > 0 && DateTime.UtcNow < deadline);
        Assert.Empty(left);
        await using var session = fixture.Portal.Store.QuerySession();
        var facts = await session.Events.FetchStreamAsync(submission, token: TestContext.Current.CancellationToken);
        Assert.DoesNotContain(facts, f => f.Data is ManuscriptFileAttached);
    }

    // The marked PDF carries a title no other test uses: a file that begins with it is this upload's, whole or in part.
    private static bool StartsLike(string path, byte[] marked)
    {
        try
        {
            using var file = File.OpenRead(path);
            var head = new byte[marked.Length];
            var read = file.ReadAtLeast(head, marked.Length, throwOnEndOfStream: false);
            return read == marked.Length && head.AsSpan().SequenceEqual(marked);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
