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
}
