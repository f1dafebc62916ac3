using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Files;
using EditorialPortal.Production.Jats;

namespace EditorialPortal.Production;

/// <summary>
/// Takes a production file (a copyedit, the author's corrections, a galley, annotated proofs) from a browser or the API
/// into the store and onto the article by command. The file is streamed and checked first: its kind by its name and
/// its first bytes, a PDF for active content, a JATS galley against the JATS 1.3 schema. Whatever is refused leaves
/// neither a file nor a fact behind.
/// </summary>
public sealed class ProductionIntake(IEditorialDesk desk, IManuscriptFileStore files)
{
    public long MaxFileBytes => files.MaxFileBytes;

    /// <summary>The kinds of file production works with, by extension.</summary>
    public static readonly IReadOnlyDictionary<string, string> MediaTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".rtf"] = "application/rtf",
        [".tex"] = "application/x-tex",
        [".md"] = "text/markdown",
        [".txt"] = "text/plain",
        [".xml"] = "application/xml",
        [".html"] = "text/html",
        [".htm"] = "text/html",
        [".zip"] = "application/zip"
    };

    /// <summary>Receives the file, checks it, keeps it, and records the command the upload completes.</summary>
    /// <param name="command">The command that names the kept file.</param>
    /// <param name="galley">The galley format the file must be, when it is a galley.</param>
    public async Task<CommandOutcome> Take(Guid submission, string fileName, Stream content, Func<ProductionUpload, ProductionCommand> command, Actor actor,
        GalleyFormat? galley = null, CommandOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!SubmissionRules.IsPlainFileName(fileName))
            return Refused("The file name must be a plain name such as article.pdf, without folders or control characters.");
        if (!MediaTypes.TryGetValue(Path.GetExtension(fileName), out var mediaType))
            return Refused($"Production takes files of these kinds: {string.Join(", ", MediaTypes.Keys)}.");
        if (galley is { } format && mediaType != Typesetting.MediaTypeOf(format))
            return Refused($"A {format.Describe()} galley is a {Typesetting.MediaTypeOf(format)} file; this one is {mediaType}.");

        var reception = await files.Receive(content, cancellationToken);
        if (reception is FileReception.Refused refused) return new CommandOutcome.Refused(refused.Refusal);
        await using var staged = ((FileReception.Received)reception).File;
        if (await Problem(staged, mediaType, galley) is { } problem) return Refused(problem);

        // Kept before the fact is recorded, so that no recorded fact ever points at a missing file.
        await staged.Keep();
        var outcome = await desk.Execute(ArticleProduction.StreamOf(submission), command(new ProductionUpload(fileName, mediaType, staged.Size, staged.Sha256)), actor, options);
        if (outcome is CommandOutcome.Refused) await staged.Unkeep();
        return outcome;
    }

    private static async Task<string?> Problem(IStagedFile staged, string mediaType, GalleyFormat? galley)
    {
        if (mediaType == "application/pdf")
        {
            if (!ManuscriptFormats.LooksLikePdf(staged.Header.Span)) return "This file is not a PDF, whatever its name says.";
            await using var bytes = staged.OpenRead();
            var findings = PdfInspection.Inspect(bytes);
            if (!findings.Readable) return "This PDF cannot be read: it may be damaged or only partly uploaded.";
            if (findings.ActiveContent is { } active) return $"This PDF contains {active}, which a reader's software could run. Export it again without scripts, forms or attachments.";
        }
        // A JATS galley is what readers and indexers get: it must be valid. Other XML (a copyeditor's) is the production's own business.
        if (galley == GalleyFormat.JatsXml)
        {
            await using var bytes = staged.OpenRead();
            if (JatsValidation.Problems(bytes) is { Count: > 0 } problems)
                return "This is not valid JATS 1.3 (Journal Publishing): " + string.Join(" ", problems);
        }
        return null;
    }

    private static CommandOutcome Refused(string message) => new CommandOutcome.Refused(new Refusal.Invalid("file", message));
}
