using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;
using Xunit;

namespace EditorialPortal.Tests.Submissions;

/// <summary>Given facts, when a command, then facts or a refusal: every submission command, decided without I/O.</summary>
public sealed class SubmissionDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Actor Alice = new(Guid.Parse("00000000-0000-0000-0000-00000000a11c"), "Alice Smith", "alice@bristol.ac.uk");
    private static readonly Actor Bob = new(Guid.Parse("00000000-0000-0000-0000-000000000b0b"), "Bob Brown", "bob@eth.ch");
    private static readonly Actor Erin = new(Guid.Parse("00000000-0000-0000-0000-00000000e111"), "Erin Jones", "erin@toronto.ca");

    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-0000000000f1");

    private static readonly Journal Journal = new IHistoricalFact[]
    {
        new JournalCreated(JournalId, "Journal of Tests", null, "", [ManuscriptType.ResearchArticle], Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Erin.Account, JournalRole.EditorInChief, Guid.Empty, Now)
    }.Aggregate<IHistoricalFact, Journal?>(null, Journal.Fold)!;

    private static readonly ContributingAuthor AliceAsAuthor = new("Alice Smith", "alice@bristol.ac.uk", "University of Bristol", "0000-0002-1825-0097", true);

    private static Submission? Given(params IHistoricalFact[] facts) => facts.Aggregate<IHistoricalFact, Submission?>(null, Submission.Fold);

    private static IHistoricalFact[] Started => [new SubmissionStarted(Id, Journal.Id, ManuscriptType.ResearchArticle, Alice.Account, Now)];

    private static IHistoricalFact[] Complete =>
    [
        .. Started,
        new TitleChanged(Id, "Tidal mixing", Alice.Account, Now),
        new AbstractChanged(Id, "We measured it.", Alice.Account, Now),
        new KeywordsChanged(Id, ["tides"], Alice.Account, Now),
        new AuthorsChanged(Id, [AliceAsAuthor], Alice.Account, Now),
        new ManuscriptFileAttached(Id, 1, "paper.pdf", "application/pdf", 1234, new string('a', 64), Alice.Account, Now)
    ];

    private static IHistoricalFact[] Submitted => [.. Complete, new ManuscriptSubmitted(Id, Journal.Id, 1, Alice.Account, Now)];

    private static Decision When(Submission? state, SubmissionCommand command, Actor? actor = null, Journal? journal = null) =>
        SubmissionDecider.Decide(Id, command, state, journal ?? Journal, actor ?? Alice, Now);

    private static T Single<T>(Decision decision)
    {
        Assert.Null(decision.Refusal);
        return Assert.IsType<T>(Assert.Single(decision.Facts));
    }

    private static T Refused<T>(Decision decision) where T : Refusal => Assert.IsType<T>(decision.Refusal);

    [Fact]
    public void Starting_a_submission_records_who_started_it_in_which_journal()
    {
        var fact = Single<SubmissionStarted>(When(null, new StartSubmission(Journal.Id, ManuscriptType.ResearchArticle)));
        Assert.Equal(new SubmissionStarted(Id, Journal.Id, ManuscriptType.ResearchArticle, Alice.Account, Now), fact);
    }

    [Fact]
    public void A_submission_cannot_be_started_twice() =>
        Refused<Refusal.NotAllowedInState>(When(Given(Started), new StartSubmission(Journal.Id, ManuscriptType.ResearchArticle)));

    [Fact]
    public void A_submission_needs_a_journal_that_exists()
    {
        var refusal = Refused<Refusal.Invalid>(SubmissionDecider.Decide(Id, new StartSubmission(Guid.NewGuid(), ManuscriptType.ResearchArticle), null, null, Alice, Now));
        Assert.Equal("journal", Assert.Single(refusal.Errors).Field);
    }

    [Fact]
    public void A_journal_takes_only_the_manuscript_types_it_publishes()
    {
        var refusal = Refused<Refusal.Invalid>(When(null, new StartSubmission(Journal.Id, ManuscriptType.Letter)));
        Assert.Equal("type", Assert.Single(refusal.Errors).Field);
    }

    [Fact]
    public void Setting_the_title_records_it_trimmed()
    {
        var fact = Single<TitleChanged>(When(Given(Started), new SetTitle("  Tidal mixing  ")));
        Assert.Equal("Tidal mixing", fact.Title);
    }

    [Fact]
    public void Setting_the_same_title_again_records_nothing()
    {
        var decision = When(Given(Complete), new SetTitle("Tidal mixing"));
        Assert.Null(decision.Refusal);
        Assert.Empty(decision.Facts);
    }

    [Fact]
    public void A_title_longer_than_the_limit_is_refused() =>
        Assert.Equal("title", Assert.Single(Refused<Refusal.Invalid>(When(Given(Started), new SetTitle(new string('t', 301)))).Errors).Field);

    [Fact]
    public void Setting_the_abstract_records_it()
    {
        Assert.Equal("Waves.", Single<AbstractChanged>(When(Given(Started), new SetAbstract("Waves."))).Abstract);
    }

    [Fact]
    public void An_abstract_over_the_word_limit_is_refused_with_its_word_count()
    {
        var refusal = Refused<Refusal.Invalid>(When(Given(Started), new SetAbstract(string.Join(' ', Enumerable.Repeat("word", 501)))));
        Assert.Contains("501", Assert.Single(refusal.Errors).Message);
    }

    [Fact]
    public void Keywords_are_trimmed_and_duplicates_dropped()
    {
        var fact = Single<KeywordsChanged>(When(Given(Started), new SetKeywords([" tides ", "Tides", "", "mixing"])));
        Assert.Equal(["tides", "mixing"], fact.Keywords);
    }

    [Fact]
    public void More_than_ten_keywords_are_refused() =>
        Refused<Refusal.Invalid>(When(Given(Started), new SetKeywords([.. Enumerable.Range(1, 11).Select(i => $"k{i}")])));

    [Fact]
    public void Authors_are_recorded_in_byline_order_with_normalised_email_and_orcid()
    {
        var fact = Single<AuthorsChanged>(When(Given(Started), new SetAuthors(
        [
            new ContributingAuthor(" Alice Smith ", "Alice@Bristol.ac.uk", "University of Bristol", "https://orcid.org/0000-0002-1825-0097", true),
            new ContributingAuthor("Bob Brown", "bob@eth.ch", "ETH Zürich", null, false)
        ])));
        Assert.Equal([AliceAsAuthor, new ContributingAuthor("Bob Brown", "bob@eth.ch", "ETH Zürich", null, false)], fact.Authors);
    }

    [Theory]
    [InlineData("0000-0002-1825-0098", "authors[0].orcid")]
    [InlineData("not an orcid", "authors[0].orcid")]
    public void An_orcid_id_with_a_wrong_check_digit_is_refused(string orcid, string field)
    {
        var refusal = Refused<Refusal.Invalid>(When(Given(Started), new SetAuthors([AliceAsAuthor with { Orcid = orcid }])));
        Assert.Equal(field, Assert.Single(refusal.Errors).Field);
    }

    [Fact]
    public void An_orcid_id_ending_in_x_is_accepted() =>
        Single<AuthorsChanged>(When(Given(Started), new SetAuthors([AliceAsAuthor with { Orcid = "0000-0002-9079-593X" }])));

    [Fact]
    public void An_author_list_needs_exactly_one_corresponding_author()
    {
        var none = Refused<Refusal.Invalid>(When(Given(Started), new SetAuthors([AliceAsAuthor with { IsCorresponding = false }])));
        var two = Refused<Refusal.Invalid>(When(Given(Started), new SetAuthors([AliceAsAuthor, AliceAsAuthor with { Email = "a2@bristol.ac.uk" }])));
        Assert.All([none, two], r => Assert.Contains(r.Errors, e => e.Field == "authors"));
    }

    [Fact]
    public void Each_author_needs_a_name_an_email_and_an_affiliation()
    {
        var refusal = Refused<Refusal.Invalid>(When(Given(Started), new SetAuthors([new ContributingAuthor("", "nope", "", null, true)])));
        Assert.Equal(["authors[0].affiliation", "authors[0].email", "authors[0].name"], refusal.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void Attaching_a_manuscript_records_its_name_size_and_digest_for_the_current_version()
    {
        var fact = Single<ManuscriptFileAttached>(When(Given(Started), new AttachManuscript("paper.pdf", "application/pdf", 1234, new string('A', 64))));
        Assert.Equal(new ManuscriptFileAttached(Id, 1, "paper.pdf", "application/pdf", 1234, new string('a', 64), Alice.Account, Now), fact);
    }

    [Theory]
    [InlineData("../paper.pdf")]
    [InlineData("folder/paper.pdf")]
    [InlineData("C:\\paper.pdf")]
    [InlineData("")]
    public void A_file_name_with_folder_parts_is_refused(string fileName) =>
        Refused<Refusal.Invalid>(When(Given(Started), new AttachManuscript(fileName, "application/pdf", 1234, new string('a', 64))));

    [Fact]
    public void Only_a_pdf_can_be_the_manuscript() =>
        Refused<Refusal.Invalid>(When(Given(Started), new AttachManuscript("paper.docx", "application/msword", 1234, new string('a', 64))));

    [Fact]
    public void Submitting_a_complete_draft_records_version_1_submitted_to_the_journal()
    {
        var fact = Single<ManuscriptSubmitted>(When(Given(Complete), new SubmitManuscript()));
        Assert.Equal(new ManuscriptSubmitted(Id, Journal.Id, 1, Alice.Account, Now), fact);
    }

    [Fact]
    public void Submitting_an_incomplete_draft_is_refused_with_everything_that_is_missing()
    {
        var refusal = Refused<Refusal.Invalid>(When(Given(Started), new SubmitManuscript()));
        Assert.Equal(["abstract", "authors", "keywords", "manuscript", "title"], refusal.Errors.Select(e => e.Field).Order());
        Assert.Contains(refusal.Errors, e => e.Message == "Before submitting, add the manuscript file (PDF).");
    }

    public static TheoryData<SubmissionCommand> EveryChange =>
    [
        new SetTitle("Mine now"), new SetAbstract("Mine."), new SetKeywords(["mine"]), new SetAuthors([AliceAsAuthor]),
        new AttachManuscript("mine.pdf", "application/pdf", 1, new string('b', 64)), new SubmitManuscript()
    ];

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void Only_the_submitting_author_changes_a_submission(SubmissionCommand command)
    {
        foreach (var someoneElse in new[] { Bob, Erin, Actor.System })
        {
            var refusal = Refused<Refusal.NotAuthorised>(When(Given(Complete), command, someoneElse));
            Assert.Equal(someoneElse.Account, refusal.Actor);
            Assert.Equal(Id, refusal.Target);
        }
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void A_co_author_with_an_account_may_see_but_not_change_the_submission(SubmissionCommand command)
    {
        var state = Given([.. Complete, new AuthorsChanged(Id, [AliceAsAuthor, new ContributingAuthor("Bob Brown", "bob@eth.ch", "ETH", null, false)], Alice.Account, Now)])!;
        Assert.True(state.CanRead(Bob, Journal));
        Refused<Refusal.NotAuthorised>(When(state, command, Bob));
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void A_submission_that_does_not_exist_reads_like_someone_elses(SubmissionCommand command) =>
        Refused<Refusal.NotAuthorised>(When(null, command, Bob));

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void Nobody_changes_a_submitted_manuscript_through_these_commands(SubmissionCommand command) =>
        Refused<Refusal.NotAllowedInState>(When(Given(Submitted), command));

    [Fact]
    public void Editors_see_submitted_manuscripts_of_their_journal_but_not_drafts()
    {
        Assert.False(Given(Complete)!.CanRead(Erin, Journal));
        Assert.True(Given(Submitted)!.CanRead(Erin, Journal));
        Assert.False(Given(Submitted)!.CanRead(Bob, Journal));
    }

    [Fact]
    public void The_actions_offered_are_exactly_those_the_decider_would_accept()
    {
        Assert.Equal([SubmissionAction.ChangeMetadata, SubmissionAction.AttachManuscript], SubmissionActions.Available(Given(Started)!, Journal, Alice, Now));
        Assert.Equal([SubmissionAction.ChangeMetadata, SubmissionAction.AttachManuscript, SubmissionAction.Submit], SubmissionActions.Available(Given(Complete)!, Journal, Alice, Now));
        Assert.Empty(SubmissionActions.Available(Given(Complete)!, Journal, Bob, Now));
        Assert.Equal([SubmissionAction.RequestWithdrawal], SubmissionActions.Available(Given(Submitted)!, Journal, Alice, Now));
    }
}
