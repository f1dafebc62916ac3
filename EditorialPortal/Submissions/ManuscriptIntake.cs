using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Files;

namespace EditorialPortal.Submissions;

/// <summary>
/// Takes an uploaded manuscript file from a browser or the API into the store and onto the submission:
/// the file is streamed and checked, kept under its digest, and then attached by command. Whatever is refused
/// leaves neither a file nor a fact behind.
/// </summary>
public sealed class ManuscriptIntake(IEditorialDesk desk, IManuscriptFileStore files)
{
    public long MaxFileBytes => files.MaxFileBytes;

    public async Task<CommandOutcome> Attach(Guid submission, string fileName, Stream content, Actor actor,
        CommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!SubmissionRules.IsPlainFileName(fileName))
            return Refused("The file name must be a plain name such as manuscript.pdf, without folders or control characters.");

        var reception = await files.Receive(content, cancellationToken);
        if (reception is FileReception.Refused refused) return new CommandOutcome.Refused(refused.Refusal);
        await using var staged = ((FileReception.Received)reception).File;
        if (!ManuscriptFormats.LooksLikePdf(staged.Header.Span))
            return Refused("This file is not a PDF. Export the manuscript as PDF and upload that file.");
        PdfFindings findings;
        await using (var bytes = staged.OpenRead()) findings = PdfInspection.Inspect(bytes);
        if (findings.Readable && !await ReviewersCopyCanBeMade(staged)) findings = findings with { Readable = false };
        if (!findings.Readable)
            return Refused("This PDF cannot be read: it may be damaged or only partly uploaded. Export the manuscript as PDF again and upload that file.");
        if (findings.ActiveContent is { } active)
            return Refused($"This PDF contains {active}, which a reader's software could run. Export the manuscript again without scripts, forms or attachments, and upload that file.");

        // Kept before the fact is recorded, so that no recorded fact ever points at a missing file.
        await staged.Keep();
        var embeddedAuthor = findings.AuthorsNamed.Count == 0 ? null : string.Join("; ", findings.AuthorsNamed);
        var outcome = await desk.Execute(submission, new AttachManuscript(fileName, SubmissionRules.PdfMediaType, staged.Size, staged.Sha256, embeddedAuthor), actor, options);
        if (outcome is CommandOutcome.Refused) await staged.Unkeep();
        return outcome;
    }

    // Reviewers receive a rewritten copy without the authors' document properties; a file that cannot be rewritten
    // would leave them nothing to read, so it is refused now, while the author can still export it again.
    private static async Task<bool> ReviewersCopyCanBeMade(IStagedFile staged)
    {
        await using var bytes = staged.OpenRead();
        try
        {
            AnonymisedCopies.WithoutAuthorMetadata(bytes);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    private static CommandOutcome Refused(string message) => new CommandOutcome.Refused(new Refusal.Invalid("manuscript", message));
}
