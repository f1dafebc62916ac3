using System.Text;
using System.Xml.Linq;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Production.Jats;
using Xunit;

namespace EditorialPortal.Tests.Production;

/// <summary>The JATS 1.3 the portal writes from the record validates; what it is given is checked, and rendered to HTML without script.</summary>
public sealed class JatsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid SubmissionId = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    private static Journal JournalOf(string? issn) => new IHistoricalFact[]
    {
        new JournalCreated(JournalId, "Journal of Coastal Ecology", issn, "", [ManuscriptType.ResearchArticle], Guid.Empty, Now),
        new ProductionSettingsChanged(JournalId, ProductionSettings.Default with { Publisher = "Coastal Press" }, Guid.Empty, Now)
    }.Aggregate<IHistoricalFact, Journal?>(null, Journal.Fold)!;

    private static ArticleProduction Article(ManuscriptType type = ManuscriptType.ResearchArticle) => new IHistoricalFact[]
    {
        new ProductionStarted(ArticleProduction.StreamOf(SubmissionId), SubmissionId, JournalId, type, "Tidal mixing feeds <coastal> plankton & more",
            "We measured mixing at 12 stations.\n\nPlankton followed.", ["tides", "plankton"],
            [new("Alice B. Smith", "alice@bristol.ac.uk", "University of Bristol", "0000-0002-1825-0097", true), new("Kenji Sato", "kenji@kyoto-u.ac.jp", "Kyoto University", null, false),
                new("Carl Coauthor", "carl@bristol.ac.uk", "University of Bristol", null, false)],
            Guid.NewGuid(), new ProductionFile("paper.pdf", "application/pdf", 10, new string('a', 64), Guid.Empty, Now), Now.AddMonths(-4), [Now.AddMonths(-2), Now.AddMonths(-1)],
            Now, ProductionSettings.Default, Guid.Empty, Now),
        new PublicationDetailsSet(ArticleProduction.StreamOf(SubmissionId), new PublicationDetails("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "The authors", 2026, "Research articles"),
            Guid.Empty, Now)
    }.Aggregate<IHistoricalFact, ArticleProduction?>(null, ArticleProduction.Fold)!;

    private static Stream Of(string xml) => new MemoryStream(Encoding.UTF8.GetBytes(xml));

    private static IReadOnlyList<string> Problems(XDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream);
        stream.Position = 0;
        return JatsValidation.Problems(stream);
    }

    public static TheoryData<ManuscriptType> Types => [.. Enum.GetValues<ManuscriptType>()];

    [Theory]
    [MemberData(nameof(Types))]
    public void The_front_matter_written_from_the_record_is_valid_JATS_1_3(ManuscriptType type)
    {
        var jats = JatsArticle.FrontMatter(Article(type), JournalOf("2049-3630"), "https://portal.example/articles/1/article.pdf");
        Assert.Empty(Problems(jats));
        var meta = jats.Root!.Element("front")!.Element("article-meta")!;
        Assert.Equal("https://orcid.org/0000-0002-1825-0097", meta.Descendants("contrib-id").Single().Value);
        Assert.Equal(["received", "rev-recd", "rev-recd", "accepted"], meta.Element("history")!.Elements("date").Select(d => (string)d.Attribute("date-type")!));
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", meta.Descendants(JatsArticle.Ali + "license_ref").Single().Value);
        Assert.Equal(2, meta.Elements("aff").Count());
        Assert.Equal("Tidal mixing feeds <coastal> plankton & more", meta.Element("title-group")!.Element("article-title")!.Value);
    }

    [Fact]
    public void A_journal_without_an_issn_and_an_article_without_details_still_give_valid_JATS()
    {
        var bare = ArticleProduction.Fold(null, new ProductionStarted(Guid.NewGuid(), SubmissionId, JournalId, ManuscriptType.Letter, "A letter", "", [],
            [new("Solo", "solo@example.org", "", null, true)], Guid.Empty, new ProductionFile("l.pdf", "application/pdf", 1, new string('b', 64), Guid.Empty, Now),
            Now, [], Now, ProductionSettings.Default, Guid.Empty, Now))!;
        Assert.Empty(Problems(JatsArticle.FrontMatter(bare, JournalOf(null))));
    }

    [Fact]
    public void Invalid_JATS_is_refused_in_the_validators_words_with_line_numbers()
    {
        var problems = JatsValidation.Problems(Of("<article dtd-version=\"1.3\">\n<front><journal-meta/>\n<surprise/></front></article>"));
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.StartsWith("Line ", p));
        Assert.Contains(JatsValidation.Problems(Of("<html><body/></html>")), p => p.Contains("root element is <html>"));
        Assert.Contains(JatsValidation.Problems(Of("<article><front>")), p => p.StartsWith("Line "));
    }

    [Fact]
    public void A_doctype_naming_a_dtd_on_the_network_is_read_past_and_nothing_is_fetched()
    {
        var jats = JatsArticle.FrontMatter(Article(), JournalOf("2049-3630")).ToString();
        var declared = "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.3 20210610//EN\" \"https://jats.nlm.nih.gov/publishing/1.3/JATS-journalpublishing1-3.dtd\">\n" + jats;
        Assert.Empty(JatsValidation.Problems(Of(declared)));
        var entity = "<!DOCTYPE article [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]><article>&leak;</article>";
        Assert.DoesNotContain(JatsValidation.Problems(Of(entity)), p => p.Contains("root:"));
    }

    [Fact]
    public void The_html_readers_see_has_no_script_whatever_the_jats_or_the_uploaded_html_holds()
    {
        var jats = JatsArticle.FrontMatter(Article(), JournalOf("2049-3630"));
        jats.Root!.Add(new XElement("body", new XElement("sec", new XElement("title", "Methods"),
            new XElement("p", "See ", new XElement("ext-link", new XAttribute(JatsArticle.XLink + "href", "javascript:alert(1)"), "this"), " and ",
                new XElement("italic", "<script>alert(2)</script>")))));
        var html = GalleyHtml.FromJats(jats);
        Assert.Contains("<h2>Methods</h2>", html);
        Assert.Contains("<em>", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<script", html);

        var uploaded = GalleyHtml.Sanitize("<p onclick=\"steal()\">Text</p><script>steal()</script><iframe src=\"https://evil.example\"></iframe><a href=\"https://doi.org/10.1000/1\">ok</a>");
        Assert.Equal("<p>Text</p><a href=\"https://doi.org/10.1000/1\">ok</a>", uploaded);
    }
}
