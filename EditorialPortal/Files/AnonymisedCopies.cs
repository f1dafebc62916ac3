using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace EditorialPortal.Files;

/// <summary>
/// The copy of a manuscript PDF that reviewers receive: the same pages, without the document properties that word
/// processors fill in from the writer's account. Rewritten with PDFsharp, which also writes fresh XMP metadata from the
/// properties that are left, so the original XMP packet (with its dc:creator) goes too.
/// </summary>
public static class AnonymisedCopies
{
    // What describes the work rather than who wrote it or on which machine.
    private static readonly IReadOnlySet<string> KeptProperties = new HashSet<string> { "/Title", "/Subject", "/Keywords" };

    public static byte[] WithoutAuthorMetadata(Stream original)
    {
        using var document = PdfReader.Open(original, PdfDocumentOpenMode.Modify);
        foreach (var key in document.Info.Elements.Keys.Where(key => !KeptProperties.Contains(key)).ToList()) document.Info.Elements.Remove(key);
        document.Info.Author = "";
        document.Internals.Catalog.Elements.Remove("/Metadata");
        document.Internals.Catalog.Elements.Remove("/PieceInfo");
        foreach (var page in document.Pages)
        {
            page.Elements.Remove("/Metadata");
            page.Elements.Remove("/PieceInfo");
        }
        using var copy = new MemoryStream();
        document.Save(copy);
        return copy.ToArray();
    }
}
