using EditorialPortal.Domain.Files;
using EditorialPortal.Domain.Submissions;
using System.Text;
using Xunit;

namespace EditorialPortal.Tests.Submissions;

public sealed class TextDiffTests
{
    [Fact]
    public void Words_that_stay_go_and_come_are_told_apart()
    {
        var runs = TextDiff.Words("Tidal mixing feeds coastal plankton", "Tidal mixing starves coastal plankton in winter");
        Assert.Equal(
            [new(Change.Same, "Tidal mixing"), new(Change.Added, "starves"), new(Change.Removed, "feeds"), new(Change.Same, "coastal plankton"), new DiffRun(Change.Added, "in winter")],
            runs);
    }

    [Fact]
    public void Identical_texts_are_one_unchanged_run() =>
        Assert.Equal([new DiffRun(Change.Same, "Same words")], TextDiff.Words("Same words", "Same words"));

    [Fact]
    public void List_entries_are_kept_removed_or_added_as_wholes() =>
        Assert.Equal([new(Change.Same, "tides"), new(Change.Removed, "plankton"), new DiffRun(Change.Added, "mixing")],
            TextDiff.Lines(["tides", "plankton"], ["tides", "mixing"]));

    [Fact]
    public void A_pdf_names_its_author_in_its_information_dictionary_or_its_xmp_metadata()
    {
        var pdf = Encoding.Latin1.GetBytes(
            "%PDF-1.7\n1 0 obj << /Title (Tides) /Author (Alice \\(A.\\) Smith) >> endobj\n" +
            "2 0 obj << /Author <FEFF0042006F0062> >> endobj\n" +
            "<x:xmpmeta><dc:creator><rdf:Seq><rdf:li>Carl Coauthor</rdf:li></rdf:Seq></dc:creator></x:xmpmeta>\n%%EOF");
        Assert.Equal(["Alice (A.) Smith", "Bob", "Carl Coauthor"], PdfMetadata.AuthorsNamed(pdf));
    }

    [Fact]
    public void A_pdf_with_an_empty_author_names_nobody() =>
        Assert.Empty(PdfMetadata.AuthorsNamed(Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj << /Author () /Creator (Word) >> endobj\n%%EOF")));
}
