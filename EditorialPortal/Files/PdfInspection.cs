using System.Xml.Linq;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace EditorialPortal.Files;

/// <summary>What a manuscript PDF holds that matters before it is kept.</summary>
/// <param name="Readable">Whether it opens as a PDF at all.</param>
/// <param name="ActiveContent">What in it a reader's software could run, in words; null if nothing.</param>
/// <param name="AuthorsNamed">Whom its own properties name as author (the document information and XMP's dc:creator), distinct, in the order met.</param>
public sealed record PdfFindings(bool Readable, string? ActiveContent, IReadOnlyList<string> AuthorsNamed);

/// <summary>
/// Reads a PDF with PdfPig, object by object through its cross-reference table, so that what sits inside compressed
/// object streams is seen as well as what is written out plainly.
/// </summary>
public static class PdfInspection
{
    // A name anywhere in the file (as a key or a value) that makes a PDF act rather than show.
    private static readonly IReadOnlyDictionary<string, string> ActiveNames = new Dictionary<string, string>
    {
        ["JavaScript"] = "JavaScript",
        ["JS"] = "JavaScript",
        ["Launch"] = "an action that starts a program",
        ["EmbeddedFile"] = "an embedded file",
        ["EmbeddedFiles"] = "an embedded file",
        ["RichMedia"] = "embedded media that can run code"
    };

    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Pdf = "http://ns.adobe.com/pdf/1.3/";

    public static PdfFindings Inspect(Stream content)
    {
        try
        {
            using var bytes = new MemoryStream();
            content.CopyTo(bytes);
            var whole = bytes.GetBuffer().AsMemory(0, (int)bytes.Length);
            using var document = PdfDocument.Open(whole);
            // Written out plainly, a name counts even in an object the cross-reference table leaves out: a reader that
            // repairs a damaged file may still find it.
            var active = ActiveNames.Where(n => NamedIn(whole.Span, n.Key)).Select(n => n.Value).FirstOrDefault();
            foreach (var reference in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
            {
                if (active is not null) break;
                active = ActiveIn(document.Structure.GetObject(reference).Data);
            }
            var authors = new List<string>();
            if (document.Information.Author is { } author) authors.Add(author);
            if (document.TryGetXmpMetadata(out var xmp) && xmp.GetXDocument() is { } xml)
            {
                authors.AddRange(xml.Descendants(Dc + "creator").SelectMany(c => c.Descendants()).Where(e => !e.HasElements).Select(e => e.Value));
                authors.AddRange(xml.Descendants(Pdf + "Author").Select(e => e.Value));
            }
            return new PdfFindings(true, active, [.. authors.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new PdfFindings(false, null, []);
        }
    }

    // A PDF name ends at whitespace or a delimiter: "/JS" counts, "/JSON" does not.
    private static bool NamedIn(ReadOnlySpan<byte> raw, string name)
    {
        var wanted = System.Text.Encoding.ASCII.GetBytes("/" + name);
        while (raw.IndexOf(wanted) is var at and >= 0)
        {
            var end = at + wanted.Length;
            if (end == raw.Length || raw[end] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f' or 0 or (byte)'/' or (byte)'<' or (byte)'>'
                    or (byte)'[' or (byte)']' or (byte)'(' or (byte)')' or (byte)'{' or (byte)'}' or (byte)'%')
                return true;
            raw = raw[end..];
        }
        return false;
    }

    private static string? ActiveIn(IToken token) => token switch
    {
        NameToken name => ActiveNames.GetValueOrDefault(name.Data),
        DictionaryToken dictionary => dictionary.Data.Keys.Select(key => ActiveNames.GetValueOrDefault(key)).FirstOrDefault(found => found is not null)
            ?? dictionary.Data.Values.Select(ActiveIn).FirstOrDefault(found => found is not null),
        ArrayToken array => array.Data.Select(ActiveIn).FirstOrDefault(found => found is not null),
        StreamToken stream => ActiveIn(stream.StreamDictionary),
        _ => null
    };
}
