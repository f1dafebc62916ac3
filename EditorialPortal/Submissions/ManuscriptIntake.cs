using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Submissions;

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
        if (staged.ActiveContent is { } active)
            return Refused($"This PDF contains {active}, which a reader's software could run. Export the manuscript again without scripts, forms or attachments, and upload that file.");

        // Kept before the fact is recorded, so that no recorded fact ever points at a missing file.
        await staged.Keep();
        var embeddedAuthor = await EmbeddedAuthor(staged.Sha256, cancellationToken);
        var outcome = await desk.Execute(submission, new AttachManuscript(fileName, SubmissionRules.PdfMediaType, staged.Size, staged.Sha256, embeddedAuthor), actor, options);
        if (outcome is CommandOutcome.Refused) await staged.Unkeep();
        return outcome;
    }

    // Both ends of the file, where PDF writers put the document's properties.
    private async Task<string?> EmbeddedAuthor(string sha256, CancellationToken cancellationToken)
    {
        await using var stream = files.Open(sha256);
        if (stream is null) return null;
        var size = PdfMetadata.ScannedBytesAtEachEnd;
        var head = new byte[(int)Math.Min(stream.Length, size)];
        await stream.ReadExactlyAsync(head, cancellationToken);
        var tail = Array.Empty<byte>();
        if (stream.Length > size)
        {
            tail = new byte[(int)Math.Min(stream.Length - size, size)];
            stream.Seek(-tail.Length, SeekOrigin.End);
            await stream.ReadExactlyAsync(tail, cancellationToken);
        }
        var names = PdfMetadata.AuthorsNamed([.. head, .. tail]);
        return names.Count == 0 ? null : string.Join("; ", names);
    }

    private static CommandOutcome Refused(string message) => new CommandOutcome.Refused(new Refusal.Invalid("manuscript", message));
}
