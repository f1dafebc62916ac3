using System.Xml.Linq;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Publication.Crossref;
using Xunit;

namespace EditorialPortal.Tests.Publication;

/// <summary>The Crossref deposit of a published article: valid against the 5.3.1 schema the portal ships, and the same from the same record.</summary>
public sealed class CrossrefDepositTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 30, 15, 123, TimeSpan.Zero);
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-00000000cc01");
    private static readonly Guid ArticleId = Guid.Parse("00000000-0000-0000-0000-00000000cc02");
    private static readonly Depositor Office = new("Demo Press", "crossref@demopress.example");
    private static readonly XNamespace Cr = "http://www.crossref.org/schema/5.3.1";

    private static Journal Journal(string? issn) =>
        Domain.Journals.Journal.Fold(null, new JournalCreated(JournalId, "Journal of Tides & Currents", issn, "Tides.", [ManuscriptType.ResearchArticle], Guid.Empty, Now))!;

    private static PublishedArticle Published()
    {
        var metadata = new ArticleMetadata(ManuscriptType.ResearchArticle, "Tidal mixing <feeds> coastal plankton & more", "We report.", ["tides"],
            [new ContributingAuthor("Alice Marie Author", "alice@example.org", "University of Bristol", "0000-0002-1825-0097", true),
                new ContributingAuthor("Bo", "bo@example.org", "", null, false)],
            new PublicationDetails("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "The authors", 2026, "Research articles"),
            Now.AddDays(-60), [], Now.AddDays(-10), []);
        return new IHistoricalFact[]
        {
            new ArticleReadyForPublication(ArticleId, Guid.NewGuid(), JournalId, Guid.NewGuid(), metadata, Guid.Empty, Now.AddDays(-1)),
            new DoiAssigned(ArticleId, "10.55555/k3f9-7m2q", Guid.Empty, Now.AddHours(-1)),
            new ArticlePublished(ArticleId, "10.55555/k3f9-7m2q", metadata, Now, Guid.Empty, Now)
        }.Aggregate<IHistoricalFact, PublishedArticle?>(null, PublishedArticle.Fold)! with { Version = 3 };
    }

    [Fact]
    public void A_published_articles_deposit_is_valid_crossref_5_3_1_with_or_without_an_issn()
    {
        foreach (var journal in new[] { Journal("1234-5679"), Journal(null) })
        {
            var deposit = CrossrefDeposit.Of(Published(), journal, Office, "https://journals.example");
            var xml = $"{deposit.Declaration}\n{deposit.Root}";
            Assert.Empty(CrossrefValidation.Problems(xml));
            Assert.Equal("10.55555/k3f9-7m2q", deposit.Descendants(Cr + "doi").Single().Value);
            Assert.Equal($"https://journals.example/articles/{ArticleId}", deposit.Descendants(Cr + "resource").Single().Value);
            Assert.Equal("https://orcid.org/0000-0002-1825-0097", deposit.Descendants(Cr + "ORCID").Single().Value);
            Assert.Equal("Tidal mixing <feeds> coastal plankton & more", deposit.Descendants(Cr + "title").Single().Value);
        }
    }

    [Fact]
    public void The_same_record_writes_the_same_batch_and_a_later_change_a_later_timestamp()
    {
        var article = Published();
        Assert.Equal(CrossrefDeposit.BatchId(article), CrossrefDeposit.BatchId(Published()));
        Assert.Equal(20261202093015123, CrossrefDeposit.Timestamp(article));
        var changed = article with { Version = 4, LastChangedAt = Now.AddMilliseconds(1) };
        Assert.True(CrossrefDeposit.Timestamp(changed) > CrossrefDeposit.Timestamp(article));
        Assert.NotEqual(CrossrefDeposit.BatchId(article), CrossrefDeposit.BatchId(changed));
    }

    [Fact]
    public void A_deposit_that_breaks_the_schema_is_told_with_its_line()
    {
        var deposit = CrossrefDeposit.Of(Published(), Journal("1234-5679"), Office, "https://journals.example");
        deposit.Descendants(Cr + "doi_data").Single().Remove();
        var problems = CrossrefValidation.Problems($"{deposit.Declaration}\n{deposit.Root}");
        Assert.StartsWith("Line ", Assert.Single(problems));
        Assert.Contains("Line 1", CrossrefValidation.Problems("<doi_batch").Single());
    }

    [Fact]
    public void A_notices_deposit_is_valid_carries_its_own_doi_and_page_and_in_crossmark_names_the_article_it_updates()
    {
        var article = Published();
        var noticeDoi = $"10.55555/{Dois.RandomSuffix(article.NextNoticeId)}";
        var notice = new NoticePublished(article.Id, article.NextNoticeId, ArticleNoticeKind.Retraction, "Retraction: Tidal mixing <feeds> coastal plankton & more",
            "The counts in Figure 2 came from a miscalibrated sensor.", noticeDoi, Guid.Empty, Now.AddDays(30));
        var queued = new DepositQueued(article.Id, noticeDoi, $"{article.Id:N}-2", CrossrefDeposit.Timestamp(article) + 1, Guid.Empty, notice.At);
        var retracted = new IHistoricalFact[] { notice, queued }.Aggregate(article, (a, f) => PublishedArticle.Fold(a, f)!);
        var deposit = retracted.Deposits.Single(d => d.Doi == noticeDoi);
        Assert.True(deposit.Timestamp > CrossrefDeposit.Timestamp(article));

        var inCrossmark = Journal("1234-5679") with { Publication = new PublicationSettings("tides", "10.55555", CrossmarkPolicy: "10.55555/crossmark-policy") };
        foreach (var journal in new[] { Journal("1234-5679"), inCrossmark })
        {
            var written = CrossrefDeposit.Of(retracted, journal, Office, "https://journals.example", deposit);
            Assert.Empty(CrossrefValidation.Problems($"{written.Declaration}\n{written.Root}"));
            Assert.Equal(noticeDoi, written.Descendants(Cr + "doi_data").Single().Element(Cr + "doi")!.Value);
            Assert.Equal($"https://journals.example/articles/{ArticleId}/notices/{notice.Notice}", written.Descendants(Cr + "resource").Single().Value);
            Assert.Equal(notice.Title, written.Descendants(Cr + "title").Single().Value);
            var update = written.Descendants(Cr + "update").SingleOrDefault();
            var updated = update is null ? "none" : $"{update.Attribute("type")!.Value} {update.Attribute("date")!.Value} {update.Value}";
            Assert.Equal(journal == inCrossmark ? "retraction 2027-01-01 10.55555/k3f9-7m2q" : "none", updated);
        }
        // The article's own deposit in a Crossmark journal carries Crossmark too, with no update of its own.
        var original = CrossrefDeposit.Of(retracted, inCrossmark, Office, "https://journals.example");
        Assert.Empty(CrossrefValidation.Problems($"{original.Declaration}\n{original.Root}"));
        Assert.Equal("10.55555/crossmark-policy", original.Descendants(Cr + "crossmark_policy").Single().Value);
        Assert.Empty(original.Descendants(Cr + "update"));
    }
}
