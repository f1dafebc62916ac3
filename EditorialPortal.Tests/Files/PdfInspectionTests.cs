using System.Text;
using EditorialPortal.Files;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Xunit;

namespace EditorialPortal.Tests.Files;

/// <summary>Reading manuscript PDFs with a maintained library, and the copy reviewers receive.</summary>
public sealed class PdfInspectionTests
{
    private static PdfFindings Inspect(byte[] pdf) => PdfInspection.Inspect(new MemoryStream(pdf));

    [Fact]
    public void A_pdf_names_its_author_in_its_document_information_and_in_its_xmp_metadata()
    {
        var pdf = SamplePdfs.ByAuthor("Tides", "Alice (A.) Smith");
        Assert.Contains("dc:creator", Encoding.Latin1.GetString(pdf));
        Assert.Equal(["Alice (A.) Smith"], Inspect(pdf).AuthorsNamed);
    }

    [Fact]
    public void A_pdf_without_an_author_names_nobody() => Assert.Empty(Inspect(SamplePdfs.Titled("Anonymous tides")).AuthorsNamed);

    [Fact]
    public void What_a_compressed_object_stream_holds_is_read()
    {
        var pdf = SamplePdfs.WithObjectStream("<< /Type /Action /S /Launch /F (calc.exe) >>");
        Assert.DoesNotContain("/Launch", Encoding.Latin1.GetString(pdf));
        Assert.Equal("an action that starts a program", Inspect(pdf).ActiveContent);
    }

    [Fact]
    public void Names_that_only_start_like_active_ones_are_not_taken_for_them() =>
        Assert.Null(Inspect([.. SamplePdfs.Titled("Plain"), .. "\n9 0 obj << /JSON (x) /Launcher (y) /JavaScripted (z) >> endobj\n"u8]).ActiveContent);

    [Fact]
    public void The_reviewers_copy_keeps_the_pages_and_title_and_loses_every_property_that_names_the_authors()
    {
        var original = SamplePdfs.ByAuthor("Blind tides", "Aurelia Qzauthor");

        var copy = AnonymisedCopies.WithoutAuthorMetadata(new MemoryStream(original));

        var text = Encoding.Latin1.GetString(copy);
        Assert.DoesNotContain("Qzauthor", text);
        Assert.Empty(Inspect(copy).AuthorsNamed);
        using var document = UglyToad.PdfPig.PdfDocument.Open(copy);
        Assert.Equal(1, document.NumberOfPages);
        Assert.Equal("Blind tides", document.Information.Title);
    }

    [Fact]
    public void The_reviewers_copy_of_a_pdf_packed_into_object_streams_is_made_too()
    {
        var copy = AnonymisedCopies.WithoutAuthorMetadata(new MemoryStream(SamplePdfs.WithObjectStream("<< /S /GoTo /D [3 0 R /Fit] >>")));
        Assert.True(Inspect(copy).Readable);
    }
}
