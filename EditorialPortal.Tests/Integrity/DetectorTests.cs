using EditorialPortal.Integrity.Analysis;
using Xunit;

namespace EditorialPortal.Tests.Integrity;

/// <summary>Each detector on the situation it is for, and on the honest situation nearest to it, which it must leave alone.</summary>
public sealed class DetectorTests
{
    private const string Review =
        "The sampling design is clear and the statistics are appropriate. The discussion should weigh the seasonal confound more carefully, " +
        "and the second figure would read better with its axes labelled in full. I recommend acceptance after these minor changes are made.";

    [Fact]
    public void Two_authors_who_review_each_other_are_a_ring_and_three_who_review_round_in_a_circle_are_one_too()
    {
        var record = new SyntheticRecord();
        var journal = record.Journal("Journal of Rings");
        var (editor, ann, ben, cat, dan) = (record.Person("Eve Editor"), record.Person("Ann"), record.Person("Ben"), record.Person("Cat"), record.Person("Dan"));
        record.Review(record.Manuscript(journal, ann, "Ann's paper"), editor, ben, 1, 10, recommendation: "Accept");
        record.Review(record.Manuscript(journal, ben, "Ben's paper"), editor, ann, 1, 10, recommendation: "Accept");
        record.Review(record.Manuscript(journal, cat, "Cat's paper"), editor, dan, 1, 10);
        record.Review(record.Manuscript(journal, dan, "Dan's paper"), editor, editor, 1, 10);

        var rings = record.Detect(new ReviewRings());

        var pair = Assert.Single(rings);
        Assert.Equal(Severity.High, pair.Severity);
        Assert.Equal(new[] { ann.Id, ben.Id }.Order(), pair.People.Order());
        Assert.Contains("both reviews were favourable", pair.Explanation);

        record.Review(record.Manuscript(journal, editor, "Eve's paper"), dan, cat, 1, 10);
        Assert.Contains(record.Detect(new ReviewRings()), f => f.Headline.EndsWith("review one another in a circle") && f.People.Count == 3);
    }

    [Fact]
    public void Reviews_by_different_reviewers_with_the_same_words_are_near_duplicates_and_different_reviews_are_not()
    {
        var record = new SyntheticRecord();
        var journal = record.Journal("Journal of Copies");
        var editor = record.Person("Eve Editor");
        record.Review(record.Manuscript(journal, record.Person("Ann"), "First"), editor, record.Person("Rev One"), 1, 5, Review);
        record.Review(record.Manuscript(journal, record.Person("Ben"), "Second"), editor, record.Person("Rev Two"), 1, 5, Review.Replace("second figure", "third figure"));
        record.Review(record.Manuscript(journal, record.Person("Cat"), "Third"), editor, record.Person("Rev Three"), 1, 5,
            "This manuscript tackles an old question with a new data set from three estuaries, but the models omit temperature entirely, which every earlier study found to " +
            "matter most; without it the conclusions cannot stand, and I would ask for the analysis to be repeated with it included before the paper goes further.");

        var found = Assert.Single(record.Detect(new NearDuplicateReviews()));
        Assert.Equal(Severity.High, found.Severity);
        Assert.Contains("Rev One", found.Headline);
        Assert.Contains("Rev Two", found.Headline);
    }

    [Fact]
    public void A_suggested_reviewer_is_signalled_for_two_marks_of_a_fake_and_severely_for_three_but_not_for_one_alone()
    {
        var record = new SyntheticRecord();
        var journal = record.Journal("Journal of Suggestions");
        var editor = record.Person("Eve Editor");
        for (var n = 0; n < 24; n++) record.Review(record.Manuscript(journal, record.Person($"Author {n}"), $"Paper {n}"), editor, record.Person($"Rev {n}"), 1, 3 + n % 4);
        Severity? SignalledFor(KnownPerson reviewer, double days)
        {
            var author = record.Person($"Author of {reviewer.Name}");
            var manuscript = record.Manuscript(journal, author, $"Suggested {reviewer.Name}");
            record.Suggest(manuscript, author, -1, reviewer);
            record.Review(manuscript, editor, reviewer, 1, days, recommendation: "Accept");
            return record.Detect(new SuggestedReviewers()).SingleOrDefault(f => f.Manuscripts.Contains(manuscript))?.Severity;
        }

        Assert.Null(SignalledFor(record.Person("Retired Professor", "emeritus.prof@gmail.com"), days: 5));
        Assert.Null(SignalledFor(record.Person("Quick Reader"), days: 0.1));
        Assert.Equal(Severity.Medium, SignalledFor(record.Person("New Webmail", "new.webmail@outlook.com", registered: -3), days: 5));
        Assert.Equal(Severity.High, SignalledFor(record.Person("Fake Reviewer", "dr.fake.reviewer@gmail.com", registered: -2), days: 0.1));
    }

    [Fact]
    public void A_manuscript_before_two_journals_at_once_is_a_duplicate_but_one_sent_elsewhere_after_its_rejection_is_not()
    {
        var record = new SyntheticRecord();
        var (first, second) = (record.Journal("Journal A"), record.Journal("Journal B"));
        var (author, editor) = (record.Person("Ann Author"), record.Person("Eve Editor"));
        const string abstractText = "We measured nitrate in twelve rivers through four seasons and found that riparian buffers halve the load reaching the estuary in every season.";
        record.Manuscript(first, author, "Riparian buffers halve nitrate loads", abstractText, submitted: 0);
        record.Manuscript(second, author, "Riparian buffers halve the nitrate loads", abstractText, submitted: 3);

        var twice = Assert.Single(record.Detect(new DuplicateSubmissions()));
        Assert.Equal(Severity.High, twice.Severity);
        Assert.Contains("in Journal A and Journal B", twice.Explanation);

        var honest = new SyntheticRecord();
        var (a, b) = (honest.Journal("Journal A"), honest.Journal("Journal B"));
        var (writer, chief) = (honest.Person("Ann Author"), honest.Person("Eve Editor"));
        var rejected = honest.Manuscript(a, writer, "Riparian buffers halve nitrate loads", abstractText, submitted: 0);
        honest.Decide(rejected, chief, "Reject", 20);
        honest.Manuscript(b, writer, "Riparian buffers halve nitrate loads", abstractText, submitted: 30);
        Assert.Empty(honest.Detect(new DuplicateSubmissions()));
    }

    [Fact]
    public void An_author_added_after_acceptance_is_signalled_and_one_added_in_revision_is_not()
    {
        var record = new SyntheticRecord();
        var journal = record.Journal("Journal of Authors");
        var (author, editor, buyer, colleague) = (record.Person("Ann Author"), record.Person("Eve Editor"), record.Person("Bo Buyer"), record.Person("Cy Colleague"));
        var manuscript = record.Manuscript(journal, author, "A sure thing");
        record.Authors(manuscript, author, SyntheticRecord.Day(2), author, colleague);
        record.Decide(manuscript, editor, "Accept", 10);
        record.Authors(manuscript, author, SyntheticRecord.Day(12), author, colleague, buyer);

        var changed = Assert.Single(record.Detect(new AuthorshipChanges()));
        Assert.Contains($"added {buyer.Email}", changed.Explanation);
    }

    [Fact]
    public void An_editor_acting_on_a_manuscript_they_wrote_or_after_declaring_a_conflict_is_signalled_but_not_before_the_declaration()
    {
        var record = new SyntheticRecord();
        var journal = record.Journal("Journal of Conflicts");
        var (editor, other, author, reviewer) = (record.Person("Eve Editor"), record.Person("Oz Other"), record.Person("Ann Author"), record.Person("Rev Reviewer"));
        var own = record.Manuscript(journal, author, "Written with the editor", coauthors: editor);
        record.Review(own, editor, reviewer, 1, 10);
        var conflicted = record.Manuscript(journal, author, "A rival's paper");
        record.Review(conflicted, other, reviewer, 1, 10);
        record.DeclareConflict(conflicted, other, 12);
        record.Decide(conflicted, other, "Reject", 14);
        var honest = record.Manuscript(journal, author, "Handled properly");
        record.Review(honest, other, reviewer, 1, 10);
        record.DeclareConflict(honest, editor, 15);

        var found = record.Detect(new EditorConflicts());

        Assert.Equal(new[] { own, conflicted }.Order(), found.Select(f => f.Manuscripts.Single()).Order());
        Assert.Contains("are among its authors", found.Single(f => f.Manuscripts.Contains(own)).Explanation);
        Assert.StartsWith("Oz Other recorded the decision (rejection)", found.Single(f => f.Manuscripts.Contains(conflicted)).Explanation);
    }

    [Fact]
    public void An_editor_with_a_private_pool_of_reviewers_is_signalled_but_a_small_journal_s_only_editor_is_not()
    {
        var record = new SyntheticRecord();
        var journal = record.Journal("Journal of Pools");
        var (insider, colleague) = (record.Person("Ian Insider"), record.Person("Col League"));
        var pool = new[] { record.Person("Pal One"), record.Person("Pal Two"), record.Person("Pal Three") };
        var board = Enumerable.Range(0, 8).Select(n => record.Person($"Board {n}")).ToArray();
        for (var n = 0; n < 12; n++) record.Review(record.Manuscript(journal, record.Person($"Author {n}"), $"Paper {n}"), insider, pool[n % 3], 1, 7);
        for (var n = 0; n < 12; n++) record.Review(record.Manuscript(journal, record.Person($"Other {n}"), $"Other paper {n}"), colleague, board[n % 8], 1, 7);

        var found = Assert.Single(record.Detect(new ReviewerConcentration()));
        Assert.Contains(insider.Id, found.People);
        Assert.DoesNotContain(colleague.Id, found.People);

        var small = new SyntheticRecord();
        var only = small.Journal("Journal of Few");
        var (chief, reviewers) = (small.Person("Solo Editor"), new[] { small.Person("R1"), small.Person("R2"), small.Person("R3") });
        for (var n = 0; n < 15; n++) small.Review(small.Manuscript(only, small.Person($"Author {n}"), $"Paper {n}"), chief, reviewers[n % 3], 1, 7);
        Assert.Empty(small.Detect(new ReviewerConcentration()));
    }

    [Fact]
    public void A_review_far_faster_than_the_journal_s_own_is_signalled_and_the_quickest_ordinary_ones_are_not()
    {
        var record = new SyntheticRecord();
        var journal = record.Journal("Journal of Speed");
        var editor = record.Person("Eve Editor");
        for (var n = 0; n < 30; n++) record.Review(record.Manuscript(journal, record.Person($"Author {n}"), $"Paper {n}"), editor, record.Person($"Reviewer {n}"), n, 5 + n % 20);
        var fast = record.Review(record.Manuscript(journal, record.Person("Hasty Author"), "Hasty"), editor, record.Person("Hasty Reviewer"), 40, 0.1);

        var found = Assert.Single(record.Detect(new FastReviews()));
        Assert.Equal($"fast-review:{fast}", found.Key);
        Assert.Contains("2.4 hours", found.Headline);
    }
}
