using System.IO.Compression;
using System.Text;
using EditorialPortal.Demo;
using PdfSharp.Pdf;

namespace EditorialPortal.Tests.Scenarios.Screenplay;

/// <summary>PDFs as authors' software writes them: with the writer's name in their properties, or objects packed into compressed object streams.</summary>
public static class SamplePdfs
{
    public static byte[] Titled(string title) => SamplePdf.WithTitle(title);

    /// <summary>A one-page PDF written by PDFsharp, which puts the author into the document information and into XMP's dc:creator, as word processors do.</summary>
    public static byte[] ByAuthor(string title, string author)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Author = author;
        document.Info.Elements.SetString("/Company", $"{author}'s laboratory");
        document.AddPage();
        using var bytes = new MemoryStream();
        document.Save(bytes);
        return bytes.ToArray();
    }

    /// <summary>
    /// A PDF 1.5 whose every object but two sits deflated inside one object stream, listed by a cross-reference stream:
    /// nothing in it can be read from the raw bytes.
    /// </summary>
    /// <param name="extra">One more object (number 4), which the catalog opens with: an action, say.</param>
    public static byte[] WithObjectStream(string extra)
    {
        string[] objects = ["<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>", extra];
        var index = new StringBuilder();
        var body = new StringBuilder();
        for (var i = 0; i < objects.Length; i++)
        {
            index.Append($"{i + 1} {body.Length} ");
            body.Append(objects[i]).Append('\n');
        }
        using var packed = new MemoryStream();
        using (var deflate = new ZLibStream(packed, CompressionLevel.Optimal)) deflate.Write(Encoding.ASCII.GetBytes(index.ToString() + body));
        var compressed = packed.ToArray();

        using var pdf = new MemoryStream();
        void Write(string text) => pdf.Write(Encoding.Latin1.GetBytes(text));
        Write("%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
        var objectStream = pdf.Position;
        Write($"5 0 obj\n<< /Type /ObjStm /N {objects.Length} /First {index.Length} /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n");
        pdf.Write(compressed);
        Write("\nendstream\nendobj\n");
        var xref = pdf.Position;
        static byte[] Entry(int type, long field2, int field3) =>
            [(byte)type, (byte)(field2 >> 24), (byte)(field2 >> 16), (byte)(field2 >> 8), (byte)field2, (byte)(field3 >> 8), (byte)field3];
        byte[] entries = [.. Entry(0, 0, 65535), .. Enumerable.Range(0, objects.Length).SelectMany(i => Entry(2, 5, i)), .. Entry(1, objectStream, 0), .. Entry(1, xref, 0)];
        Write($"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length {entries.Length} >>\nstream\n");
        pdf.Write(entries);
        Write($"\nendstream\nendobj\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
