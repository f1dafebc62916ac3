using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;
using Xunit;

namespace EditorialPortal.Tests.Publication;

/// <summary>Publishing an article ready from production: its DOI by the journal's rule, its time, and never twice.</summary>
public sealed class PublishingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-00000000aa01");
    private static readonly Guid Submission = Guid.Parse("00000000-0000-0000-0000-00000000aa02");
    private static readonly Guid ArticleId = PublishedArticle.StreamOf(Submission);
    private static readonly Actor Pia = new(Guid.Parse("00000000-0000-0000-0000-00000000aa03"), "Pia Production", "pia@example.org");
    private static readonly Actor Alice = new(Guid.Parse("00000000-0000-0000-0000-00000000aa04"), "Alice Author", "alice@example.org");

    private static Journal JournalWith(PublicationSettings settings) =>
        new IHistoricalFact[]
        {
            new JournalCreated(JournalId, "Journal of Tides", "1234-5679", "Tides.", [ManuscriptType.ResearchArticle], Guid.Empty, Now),
            new JournalRoleGranted(JournalId, Pia.Account, JournalRole.ProductionEditor, Guid.Empty, Now),
            new PublicationSettingsChanged(JournalId, settings, Guid.Empty, Now)
        }.Aggregate<IHistoricalFact, Journal?>(null, Journal.Fold)!;

    private static readonly Journal WithRandomDois = JournalWith(new PublicationSettings("tides", "10.55555"));

    private static readonly ArticleMetadata Metadata = new(ManuscriptType.ResearchArticle, "Tidal mixing {and} plankton", "We report.", ["tides"],
        [new ContributingAuthor("Alice Marie Author", "alice@example.org", "University of Bristol", "0000-0002-1825-0097", true),
            new ContributingAuthor("Bo Second", "bo@example.org", "", null, false)],
        new PublicationDetails("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "The authors", 2026, "Research articles"),
        Now.AddDays(-60), [Now.AddDays(-20)], Now.AddDays(-10), []);

    private static PublishedArticle Ready => PublishedArticle.Fold(null, new ArticleReadyForPublication(ArticleId, Submission, JournalId, Alice.Account, Metadata, Pia.Account, Now))!;

    private static PublishedArticle Given(PublishedArticle state, params IHistoricalFact[] facts) => facts.Aggregate(state, (a, f) => PublishedArticle.Fold(a, f)!);

    private static Decision When(PublicationCommand command, PublishedArticle state, Journal? journal = null, Actor? actor = null, DateTimeOffset? now = null, bool doiInUse = false) =>
        PublicationDecider.Decide(ArticleId, command, state, journal ?? WithRandomDois, actor ?? Pia, now ?? Now, doiInUse);

    [Fact]
    public void A_journal_that_publishes_continuously_numbers_each_article_out_on_its_own_next_in_its_order_and_cites_it_by_that_number()
    {
        var continuous = JournalWith(new PublicationSettings("tides", "10.55555", NumbersArticles: true));
        var withDoi = Given(Ready, new DoiAssigned(ArticleId, $"10.55555/{Dois.RandomSuffix(ArticleId)}", Pia.Account, Now));

        var facts = PublicationDecider.Decide(ArticleId, new PublishArticle(), withDoi, continuous, Pia, Now, articlesNumbered: 41).Facts;
        Assert.Equal([typeof(ArticlePublished), typeof(ArticleNumbered), typeof(DepositQueued)], facts.Select(f => f.GetType()));
        var published = Given(withDoi, [.. facts.Cast<IHistoricalFact>()]);
        Assert.Equal(("e42", "e42"), (published.ArticleNumber, published.Locator));
        Assert.Contains("pages = {e42}", Citations.BibTeX(published, continuous));
        Assert.EndsWith("Journal of Tides, e42. https://doi.org/" + published.Doi, Citations.Apa(published, continuous));
        Assert.Contains("SP  - e42", Citations.Ris(published, continuous));

        // A scheduled article takes its number when it comes out; one planned into an issue takes its place there instead.
        var scheduled = Given(withDoi, new PublicationScheduled(ArticleId, Now.AddDays(1), Pia.Account, Now));
        Assert.Contains(PublicationDecider.Decide(ArticleId, new PublishDueArticle(), scheduled, continuous, Actor.System, Now.AddDays(1), articlesNumbered: 7).Facts,
            f => f is ArticleNumbered { Number: "e8" });
        var planned = Given(withDoi, new ArticlePlannedForIssue(ArticleId, Guid.NewGuid(), "Volume 1, Issue 1 (2026)", Pia.Account, Now));
        Assert.DoesNotContain(PublicationDecider.Decide(ArticleId, new PublishArticle(), planned, continuous, Pia, Now).Facts, f => f is ArticleNumbered);
        Assert.DoesNotContain(When(new PublishArticle(), withDoi).Facts, f => f is ArticleNumbered);
    }

    [Fact]
    public void A_random_suffix_is_eight_characters_of_crockfords_alphabet_whose_last_checks_the_others()
    {
        var suffix = Dois.RandomSuffix(ArticleId);
        Assert.Matches("^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$", suffix);
        Assert.Equal(suffix, Dois.RandomSuffix(ArticleId));
        Assert.NotEqual(suffix, Dois.RandomSuffix(ArticleId, attempt: 1));
        Assert.True(Dois.IsRandomSuffix(suffix));
        var slipped = suffix[0] == '0' ? "1" + suffix[1..] : "0" + suffix[1..];
        Assert.False(Dois.IsRandomSuffix(slipped));
        var swapped = $"{suffix[1]}{suffix[0]}{suffix[2..]}";
        if (suffix[0] != suffix[1]) Assert.False(Dois.IsRandomSuffix(swapped));
    }

    [Fact]
    public void A_pattern_makes_the_suffix_from_the_journal_the_year_and_the_number()
    {
        var settings = new PublicationSettings("tides", "10.55555", DoiSuffixRule.Pattern, "{journal}.{year}.{number}", "JTides");
        Assert.Equal("10.55555/jtides.2026.7", Dois.Suggest(settings, ArticleId, 2026, 7));
        Assert.True(Dois.FitsPattern("jtides.2026.12", settings.SuffixPattern, "JTides", 2026));
        Assert.False(Dois.FitsPattern("jtides.2025.12", settings.SuffixPattern, "JTides", 2026));
        Assert.False(Dois.FitsPattern("jtides.2026.x", settings.SuffixPattern, "JTides", 2026));
        Assert.Empty(settings.Problems());
        Assert.NotEmpty((settings with { SuffixPattern = "{journal}.{year}" }).Problems());
        Assert.NotEmpty((settings with { DoiPrefix = "11.5555" }).Problems());
        Assert.NotEmpty((settings with { Path = "Not A Path" }).Problems());
    }

    [Fact]
    public void The_doi_the_rule_gives_is_assigned_and_one_that_is_mistyped_of_another_prefix_or_taken_is_refused()
    {
        var doi = Dois.Suggest(WithRandomDois.Publication, ArticleId, 2026, 1)!;
        var assigned = Assert.IsType<DoiAssigned>(Assert.Single(When(new AssignDoi(doi), Ready).Facts));
        Assert.Equal(doi, assigned.Doi);

        var suffix = doi["10.55555/".Length..];
        var slipped = "10.55555/" + (suffix[0] == '0' ? "1" : "0") + suffix[1..];
        Assert.Equal("doi", Assert.Single(Assert.IsType<Refusal.Invalid>(When(new AssignDoi(slipped), Ready).Refusal).Errors).Field);
        Assert.IsType<Refusal.Invalid>(When(new AssignDoi("10.66666/" + suffix), Ready).Refusal);
        Assert.Contains("never reused", Assert.IsType<Refusal.Invalid>(When(new AssignDoi(doi), Ready, doiInUse: true).Refusal).Message);
        Assert.IsType<Refusal.Invalid>(When(new AssignDoi(doi), Ready, JournalWith(new PublicationSettings("tides"))).Refusal);
        Assert.IsType<Refusal.NotAuthorised>(When(new AssignDoi(doi), Ready, actor: Alice).Refusal);
    }

    [Fact]
    public void A_journal_with_a_doi_prefix_publishes_nothing_without_a_doi_and_a_published_doi_never_changes()
    {
        Assert.Equal("doi", Assert.Single(Assert.IsType<Refusal.Invalid>(When(new PublishArticle(), Ready).Refusal).Errors).Field);
        var doi = Dois.Suggest(WithRandomDois.Publication, ArticleId, 2026, 1)!;
        var published = Given(Ready, new DoiAssigned(ArticleId, doi, Pia.Account, Now), new ArticlePublished(ArticleId, doi, Metadata, Now, Pia.Account, Now));
        Assert.IsType<Refusal.NotAllowedInState>(When(new AssignDoi(Dois.Suggest(WithRandomDois.Publication, ArticleId, 2026, 1, attempt: 1)!), published).Refusal);
        Assert.Empty(When(new PublishArticle(), published).Facts);
    }

    private static PublishedArticle Published
    {
        get
        {
            var doi = Dois.Suggest(WithRandomDois.Publication, ArticleId, 2026, 1)!;
            return Given(Ready, new DoiAssigned(ArticleId, doi, Pia.Account, Now), new ArticlePublished(ArticleId, doi, Metadata, Now, Pia.Account, Now));
        }
    }

    private static string NoticeDoi(PublishedArticle article, int attempt = 0) => Dois.Suggest(WithRandomDois.Publication, article.NextNoticeId, 2026, 1, attempt)!;

    [Fact]
    public void A_new_version_is_begun_with_a_note_published_once_production_has_it_ready_supersedes_the_one_before_and_is_deposited_afresh()
    {
        var withDoi = Given(Ready, new DoiAssigned(ArticleId, $"10.55555/{Dois.RandomSuffix(ArticleId)}", Pia.Account, Now));
        var published = Given(withDoi, [.. When(new PublishArticle(), withDoi).Facts.Cast<IHistoricalFact>()]);
        const string Note = "The second author's affiliation is corrected.";

        Assert.Equal("kind", Assert.IsType<Refusal.Invalid>(When(new BeginNewVersion(VersionKind.Original, Note), published).Refusal).Errors.Single().Field);
        Assert.IsType<Refusal.NotAuthorised>(When(new BeginNewVersion(VersionKind.Minor, Note), published, actor: Alice).Refusal);
        Assert.IsType<Refusal.NotAllowedInState>(When(new BeginNewVersion(VersionKind.Minor, Note), withDoi).Refusal);
        var begun = Assert.IsType<NewVersionBegun>(Assert.Single(When(new BeginNewVersion(VersionKind.Minor, $" {Note}\n"), published).Facts));
        Assert.Equal((2, Note), (begun.Number, begun.Note));
        var preparing = Given(published, begun);
        Assert.Empty(When(new BeginNewVersion(VersionKind.Minor, Note), preparing).Facts);
        var reopened = Assert.IsType<ProductionReopened>(Assert.Single(Assert.Single(Versioning.OnNewVersion(ArticleId, [begun], preparing, new DecisionContext(WithRandomDois, new Dictionary<Guid, EditorialPortal.Domain.People.Account>(), new HashSet<string>(), false, Now))).Facts));
        Assert.Equal((ArticleProduction.StreamOf(Submission), 2, VersionKind.Minor), (reopened.Production, reopened.ForVersion, reopened.Kind));
        Assert.IsType<Refusal.NotAllowedInState>(When(new PublishNewVersion(), preparing).Refusal);

        var corrected = Metadata with { Authors = [Metadata.Authors[0], Metadata.Authors[1] with { Affiliation = "Marine Institute, Galway" }] };
        var ready = Given(preparing, new NewVersionReady(ArticleId, 2, corrected, Pia.Account, Now.AddHours(1)));
        var facts = When(new PublishNewVersion(), ready, now: Now.AddHours(2)).Facts;
        Assert.Equal([typeof(ArticleVersionPublished), typeof(DepositQueued)], facts.Select(f => f.GetType()));
        Assert.True(((DepositQueued)facts[1]).Timestamp > published.Deposits.Single().Timestamp);
        var second = Given(ready, [.. facts.Cast<IHistoricalFact>()]);
        Assert.Equal([1, 2], second.Versions.Select(v => v.Number));
        Assert.Equal((corrected, corrected), (second.Metadata, second.CurrentVersion!.Metadata));
        Assert.Equal(Metadata, second.VersionNumbered(1)!.Metadata);
        Assert.Equal(published.PublishedAt, second.PublishedAt);
        Assert.Null(second.Preparing);
        Assert.Empty(When(new PublishNewVersion(), second).Facts);

        var retracted = Given(second, [.. When(new PublishNotice(second.NextNoticeId, ArticleNoticeKind.Retraction, "The counts were not made as reported.", NoticeDoi(second)), second)
            .Facts.Cast<IHistoricalFact>()]);
        Assert.Equal("retracted", Assert.IsType<Refusal.NotAllowedInState>(When(new BeginNewVersion(VersionKind.Minor, Note), retracted).Refusal).State);
    }

    [Fact]
    public void A_notice_says_why_has_its_own_doi_names_the_article_and_is_published_once_however_often_it_is_sent()
    {
        var published = Published;
        const string why = "Table 2 gave the salinity in the wrong unit; the conclusions stand.";
        var facts = When(new PublishNotice(published.NextNoticeId, ArticleNoticeKind.Correction, $"  {why}\n", NoticeDoi(published)), published).Facts;
        var notice = Assert.IsType<NoticePublished>(facts[0]);
        Assert.Equal(("Correction to: Tidal mixing {and} plankton", why, NoticeDoi(published)), (notice.Title, notice.Text, notice.Doi));
        // Its DOI is queued for Crossref in the same commit, after the article's own deposits.
        var queued = Assert.IsType<DepositQueued>(Assert.Single(facts, f => f is DepositQueued));
        Assert.Equal(notice.Doi, queued.Doi);
        var corrected = Given(published, [.. facts.Cast<IHistoricalFact>()]);
        Assert.Equal(notice.Doi, corrected.Deposits[^1].Doi);
        Assert.Equal(ArticleNoticeKind.Correction, corrected.Standing?.Kind);
        Assert.NotEqual(published.NextNoticeId, corrected.NextNoticeId);
        Assert.Empty(When(new PublishNotice(notice.Notice, ArticleNoticeKind.Correction, why, notice.Doi), corrected).Facts);

        Assert.Equal("text", Assert.Single(Assert.IsType<Refusal.Invalid>(When(new PublishNotice(Guid.NewGuid(), ArticleNoticeKind.Retraction, " \n ", NoticeDoi(corrected)),
            corrected).Refusal).Errors).Field);
        Assert.IsType<Refusal.Invalid>(When(new PublishNotice(Guid.NewGuid(), ArticleNoticeKind.Retraction, new string('x', Noticing.LongestText + 1), NoticeDoi(corrected)),
            corrected).Refusal);
        // Its DOI is its own: not missing, not the article's, not the earlier notice's, not another article's.
        foreach (var doi in new[] { null, corrected.Doi, notice.Doi })
            Assert.Equal("doi", Assert.Single(Assert.IsType<Refusal.Invalid>(When(new PublishNotice(Guid.NewGuid(), ArticleNoticeKind.Retraction, why, doi), corrected).Refusal).Errors).Field);
        Assert.IsType<Refusal.Invalid>(When(new PublishNotice(corrected.NextNoticeId, ArticleNoticeKind.Retraction, why, NoticeDoi(corrected)), corrected, doiInUse: true).Refusal);
        var withoutDois = JournalWith(new PublicationSettings("tides"));
        Assert.IsType<Refusal.Invalid>(When(new PublishNotice(corrected.NextNoticeId, ArticleNoticeKind.Retraction, why, "10.55555/abcd-efgh"), corrected, withoutDois).Refusal);
        Assert.Single(When(new PublishNotice(corrected.NextNoticeId, ArticleNoticeKind.Retraction, why), corrected, withoutDois).Facts);
    }

    [Fact]
    public void A_notice_is_about_a_published_article_only_by_its_production_editors_and_nothing_follows_a_retraction()
    {
        const string why = "The journal was told that the images in Figure 3 were duplicated from an earlier paper.";
        Assert.IsType<Refusal.NotAllowedInState>(When(new PublishNotice(Ready.NextNoticeId, ArticleNoticeKind.ExpressionOfConcern, why, NoticeDoi(Ready)), Ready).Refusal);
        var published = Published;
        Assert.IsType<Refusal.NotAuthorised>(When(new PublishNotice(published.NextNoticeId, ArticleNoticeKind.Retraction, why, NoticeDoi(published)), published, actor: Alice).Refusal);

        var concerned = Given(published, [.. When(new PublishNotice(published.NextNoticeId, ArticleNoticeKind.ExpressionOfConcern, why, NoticeDoi(published)), published).Facts.Cast<IHistoricalFact>()]);
        var retracted = Given(concerned, [.. When(new PublishNotice(concerned.NextNoticeId, ArticleNoticeKind.Retraction, why, NoticeDoi(concerned)), concerned).Facts.Cast<IHistoricalFact>()]);
        Assert.True(retracted.IsRetracted);
        Assert.Equal(ArticleNoticeKind.Retraction, retracted.Standing?.Kind);
        Assert.True(retracted.IsPublic);
        var refusal = Assert.IsType<Refusal.NotAllowedInState>(When(new PublishNotice(retracted.NextNoticeId, ArticleNoticeKind.Correction, why, NoticeDoi(retracted)), retracted).Refusal);
        Assert.Contains("last word", refusal.Message);
    }

    [Fact]
    public void A_scheduled_article_is_published_by_the_portal_at_its_time_and_not_a_moment_before()
    {
        var journal = JournalWith(new PublicationSettings("tides"));
        var at = Now.AddDays(3);
        var scheduled = Assert.IsType<PublicationScheduled>(Assert.Single(When(new PublishArticle(at), Ready, journal).Facts));
        var waiting = Given(Ready, scheduled);
        Assert.False(waiting.IsPublic);

        Assert.Empty(When(new PublishDueArticle(), waiting, journal, Actor.System, at.AddSeconds(-1)).Facts);
        Assert.IsType<Refusal.NotAuthorised>(When(new PublishDueArticle(), waiting, journal, Pia, at).Refusal);
        var published = Assert.IsType<ArticlePublished>(Assert.Single(When(new PublishDueArticle(), waiting, journal, Actor.System, at.AddMinutes(1)).Facts));
        Assert.Equal(at, published.PublishedAt);
        Assert.True(Given(waiting, published).IsPublic);
        Assert.Empty(When(new PublishDueArticle(), Given(waiting, published), journal, Actor.System, at.AddMinutes(2)).Facts);
    }

    [Fact]
    public void A_publication_begins_in_the_commit_that_declares_the_article_ready()
    {
        var production = new IHistoricalFact[]
        {
            new ProductionStarted(ArticleProduction.StreamOf(Submission), Submission, JournalId, ManuscriptType.ResearchArticle, "Tides", "We report.", ["tides"],
                [Metadata.Authors[0]], Alice.Account, new ProductionFile("m.pdf", "application/pdf", 10, new string('a', 64), Alice.Account, Now), Now.AddDays(-60), [],
                Now.AddDays(-10), ProductionSettings.Default, Pia.Account, Now),
            new MarkedReadyToPublish(ArticleProduction.StreamOf(Submission), Pia.Account, Now)
        }.Aggregate<IHistoricalFact, ArticleProduction?>(null, ArticleProduction.Fold);
        var followOn = Assert.Single(StreamKinds.FollowOns(ArticleProduction.StreamOf(Submission), [new MarkedReadyToPublish(ArticleProduction.StreamOf(Submission), Pia.Account, Now)],
            production, new DecisionContext(WithRandomDois, new Dictionary<Guid, Domain.People.Account>(), new HashSet<string>(), false, Now)));
        Assert.Equal(ArticleId, followOn.Stream);
        var ready = Assert.IsType<ArticleReadyForPublication>(Assert.Single(followOn.Facts));
        Assert.Equal("Tides", ready.Metadata.Title);
        Assert.Equal(Alice.Account, ready.SubmittingAuthor);
    }

    [Fact]
    public void Citations_name_every_author_and_the_doi_and_keep_markup_and_line_breaks_out_of_bibtex_and_ris()
    {
        var doi = "10.55555/abcd-efgh";
        var article = Given(Ready, new ArticlePublished(ArticleId, doi, Metadata with { Abstract = "First line\nTY  - BOOK" }, Now, Pia.Account, Now));
        var bibtex = Citations.BibTeX(article, WithRandomDois);
        Assert.Contains("title = {Tidal mixing \\{and\\} plankton}", bibtex);
        Assert.Contains("author = {Author, Alice Marie and Second, Bo}", bibtex);
        Assert.Contains($"doi = {{{doi}}}", bibtex);
        var ris = Citations.Ris(article, WithRandomDois).Split("\r\n");
        Assert.Single(ris, line => line.StartsWith("TY  - "));
        Assert.Contains("AB  - First line TY  - BOOK", ris);
        Assert.Equal("Author, A. M., & Second, B. (2026). Tidal mixing {and} plankton. Journal of Tides. https://doi.org/10.55555/abcd-efgh",
            Citations.Apa(article, WithRandomDois));
        Assert.Equal("Author AM, Second B. Tidal mixing {and} plankton. Journal of Tides. 2026. doi:10.55555/abcd-efgh", Citations.Vancouver(article, WithRandomDois));
    }
}
