using System.Text;
using EditorialPortal.Demo;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Files;
using EditorialPortal.Submissions;
using EditorialPortal.Tests.Direct;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Xunit;

namespace EditorialPortal.Tests.Files;

/// <summary>Uploads are streamed into a content-addressed folder; whatever is refused leaves no file and no fact behind.</summary>
public sealed class ManuscriptUploadTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "editorialportal-tests", "files-" + Guid.NewGuid().ToString("N"));
    private readonly InMemoryEditorialRecord _record = new(TimeProvider.System);
    private FolderFileStore _files = null!;
    private ManuscriptIntake _intake = null!;
    private Actor _alice = null!;
    private Guid _submission;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _files = new FolderFileStore(new FileStoreOptions { Folder = _folder, MaxFileMegabytes = 1 });
        _intake = new ManuscriptIntake(_record, _files);
        var backstage = new Backstage(_record, new TestClock());
        var journal = await backstage.NewJournal();
        var alice = await backstage.NewAccount("Alice Smith");
        _alice = new Actor(alice.Id, alice.Name, alice.Email);
        _submission = Guid.NewGuid();
        await _record.Execute(_submission, new StartSubmission(journal.Id, ManuscriptType.ResearchArticle), _alice);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private string[] FilesOnDisk() => [.. Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories)];

    private async Task<CommandOutcome> Upload(string fileName, byte[] content)
    {
        using var stream = new MemoryStream(content);
        return await _intake.Attach(_submission, fileName, stream, _alice, cancellationToken: Token);
    }

    private async Task AssertRefusedLeavingNothing(string fileName, byte[] content, string expectedMessage)
    {
        var factsBefore = _record.FactCount;
        var refused = Assert.IsType<CommandOutcome.Refused>(await Upload(fileName, content));
        var invalid = Assert.IsType<Refusal.Invalid>(refused.Refusal);
        Assert.Contains(expectedMessage, Assert.Single(invalid.Errors).Message);
        Assert.Equal("manuscript", invalid.Errors[0].Field);
        Assert.Empty(FilesOnDisk());
        Assert.Equal(factsBefore, _record.FactCount);
    }

    [Fact]
    public async Task A_pdf_is_kept_under_its_sha256_and_attached()
    {
        var pdf = SamplePdf.WithTitle("Kept");
        Assert.IsType<CommandOutcome.Accepted>(await Upload("paper.pdf", pdf));

        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        Assert.Equal([Path.Combine(_folder, digest)], FilesOnDisk());
        var state = await _record.Find(_submission, _alice);
        Assert.Equal(new ManuscriptFile("paper.pdf", "application/pdf", pdf.Length, digest, state!.Manuscript!.AttachedAt), state.Manuscript);
        await using var kept = _files.Open(digest)!;
        using var copy = new MemoryStream();
        await kept.CopyToAsync(copy, Token);
        Assert.Equal(pdf, copy.ToArray());
    }

    [Fact]
    public Task A_file_over_the_size_limit_is_refused_while_streaming() =>
        AssertRefusedLeavingNothing("big.pdf", [.. "%PDF-1.7\n"u8, .. new byte[1024 * 1024]], "larger than the limit of 1 MB");

    [Fact]
    public Task A_file_that_is_not_a_pdf_is_refused() =>
        AssertRefusedLeavingNothing("paper.pdf", Encoding.ASCII.GetBytes("MZ\u0090\0 this is an executable renamed to .pdf"), "not a PDF");

    [Fact]
    public Task A_zip_bomb_renamed_to_docx_is_refused_as_not_a_pdf() =>
        AssertRefusedLeavingNothing("paper.docx", [.. "PK\u0003\u0004"u8, .. new byte[4096]], "not a PDF");

    [Theory]
    [InlineData("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>", "JavaScript")]
    [InlineData("/AA << /O << /S /JS /JS<6170702e616c657274283129> >> >>", "JavaScript")]
    [InlineData("/OpenAction << /S /Launch /F (cmd.exe) >>", "starts a program")]
    [InlineData("/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >> 5 0 obj << /Type /EmbeddedFile >>", "embedded file")]
    public Task A_pdf_that_would_run_something_is_refused(string dictionary, string said) =>
        AssertRefusedLeavingNothing("paper.pdf", [.. SamplePdf.WithTitle("Active"), .. Encoding.ASCII.GetBytes($"\n9 0 obj {dictionary} endobj\n")], said);

    [Fact]
    public Task A_script_packed_inside_a_compressed_object_stream_is_found_and_refused() =>
        AssertRefusedLeavingNothing("paper.pdf", SamplePdfs.WithObjectStream("<< /S /JavaScript /JS (app.alert\\(1\\)) >>"), "JavaScript");

    [Fact]
    public async Task A_pdf_whose_objects_sit_in_compressed_object_streams_and_run_nothing_is_kept()
    {
        Assert.IsType<CommandOutcome.Accepted>(await Upload("packed.pdf", SamplePdfs.WithObjectStream("<< /S /GoTo /D [3 0 R /Fit] >>")));
    }

    [Fact]
    public Task A_file_that_starts_like_a_pdf_but_cannot_be_read_is_refused() =>
        AssertRefusedLeavingNothing("paper.pdf", [.. "%PDF-1.7\n1 0 obj << /Type /Catalog"u8, .. new byte[2048]], "cannot be read");

    [Fact]
    public async Task The_authors_named_in_the_pdfs_properties_are_recorded_so_that_the_author_can_be_warned()
    {
        Assert.IsType<CommandOutcome.Accepted>(await Upload("paper.pdf", SamplePdfs.ByAuthor("Tides", "Alice (A.) Smith")));
        Assert.Equal("Alice (A.) Smith", (await _record.Find(_submission, _alice))!.Manuscript!.EmbeddedAuthor);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("/tmp/paper.pdf")]
    [InlineData("folder\\paper.pdf")]
    [InlineData("paper\u0000.pdf")]
    public Task A_path_like_file_name_is_refused(string fileName) =>
        AssertRefusedLeavingNothing(fileName, SamplePdf.WithTitle("Path"), "plain name");

    [Fact]
    public async Task A_file_for_a_submission_the_person_may_not_change_is_not_kept()
    {
        var bob = new Actor(Guid.NewGuid(), "Bob Brown", "bob@eth.ch");
        using var stream = new MemoryStream(SamplePdf.WithTitle("Not yours"));
        var refused = Assert.IsType<CommandOutcome.Refused>(await _intake.Attach(_submission, "paper.pdf", stream, bob, cancellationToken: Token));
        Assert.IsType<Refusal.NotAuthorised>(refused.Refusal);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task The_same_file_uploaded_twice_is_stored_once()
    {
        var pdf = SamplePdf.WithTitle("Twice");
        await Upload("first.pdf", pdf);
        await Upload("second.pdf", pdf);
        Assert.Single(FilesOnDisk());
        Assert.Equal("second.pdf", (await _record.Find(_submission, _alice))!.Manuscript!.FileName);
    }
}
