using EditorialPortal.Integrity.Analysis;
using EditorialPortal.Integrity.Cases;
using EditorialPortal.Integrity.Charts;
using Xunit;

namespace EditorialPortal.Tests.Integrity;

/// <summary>What the analysts' pictures are drawn from: a case's network, and a journal's review times with the flagged ones marked.</summary>
public sealed class ChartTests
{
    [Fact]
    public void A_rings_network_joins_each_author_to_their_manuscript_and_to_the_one_they_reviewed_and_says_so_in_words()
    {
        var record = new SyntheticRecord();
        var journal = record.Journal("Journal of Rings");
        var (editor, ann, ben) = (record.Person("Eve Editor"), record.Person("Ann Author"), record.Person("Ben Author"));
        var ofAnn = record.Manuscript(journal, ann, "Ann's paper");
        var ofBen = record.Manuscript(journal, ben, "Ben's paper");
        record.Review(ofAnn, editor, ben, 1, 10, recommendation: "Accept");
        record.Review(ofBen, editor, ann, 1, 10, recommendation: "Accept");
        var ring = new IntegrityCase(Guid.NewGuid(), "Ann Author and Ben Author reviewed each other", CaseState.Flagged, Severity.High, [journal], [ofAnn, ofBen],
            [ann.Id, ben.Id], [], SyntheticRecord.Day(20), SyntheticRecord.Day(20));

        var network = CaseNetwork.Of(ring, record.View(), record.People);

        Assert.Equal(["Ann Author", "Ann's paper", "Ben Author", "Ben's paper"], network.Nodes.Select(n => n.Label).Order());
        Assert.All(network.Nodes.Where(n => !n.IsManuscript), n => Assert.True(n.Named));
        var ann2 = ann.Email.ToLowerInvariant();
        Assert.Equal([(ofAnn.ToString(), Relation.Authored), (ofBen.ToString(), Relation.Reviewed)],
            network.Edges.Where(e => e.From == ann2).Select(e => (e.To, e.Relation)).OrderBy(e => e.Relation));
        Assert.All(network.Nodes, n => Assert.InRange(n.X, 0, CaseNetwork.Size));
        Assert.Contains("Ann Author wrote “Ann's paper”, reviewed “Ben's paper”", network.Described());
    }

    [Fact]
    public void A_journals_review_times_fall_into_widening_bins_and_the_flagged_review_is_counted_in_its_own()
    {
        var record = new SyntheticRecord();
        var journal = record.Journal("Journal of Times");
        var editor = record.Person("Eve Editor");
        var author = record.Person("Ann Author");
        for (var n = 0; n < 10; n++) record.Review(record.Manuscript(journal, author, $"Paper {n}"), editor, record.Person($"Rev {n}"), 1, 3);
        var quick = record.Review(record.Manuscript(journal, author, "Quick one"), editor, record.Person("Quinn"), 1, 2.0 / 24);

        var bins = ReviewTimeHistogram.Of(record.View(), journal, firstRound: true, new HashSet<Guid> { quick });

        Assert.Equal(11, bins.Sum(b => b.Reviews));
        Assert.Equal((1, 1), (bins.Single(b => b.Label == "1–3 h").Reviews, bins.Single(b => b.Label == "1–3 h").Flagged));
        Assert.Equal((10, 0), (bins.Single(b => b.Label == "2–4 d").Reviews, bins.Single(b => b.Label == "2–4 d").Flagged));
        Assert.DoesNotContain(ReviewTimeHistogram.Of(record.View(), journal, firstRound: false, new HashSet<Guid>()), b => b.Reviews > 0);
    }
}
