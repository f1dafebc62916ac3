using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Tests.Scenarios.Screenplay;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.Publication;

/// <summary>
/// An article ready to publish gets its DOI, is scheduled, and reaches readers at its time and not a moment before:
/// found on the journal's home and by searching, read on its landing page, cited. Moves the portal's clock, and puts it back.
/// </summary>
public abstract class PublishingArticles(IProtocol protocol) : Scenario(protocol)
{
    private const string Title = "Tidal mixing feeds coastal plankton";

    private TimeSpan _travelled;

    private const string FullText = "Spring tides mixed the water column to the bed, and the plankton bloomed a week later.";

    private async Task<(JournalRef Journal, string Address, Person Alice, Person Pia, SubmissionRef Article)> AnArticleReadyToPublish(string? doiPrefix = "10.55555")
    {
        var journal = await NewJournal();
        var address = $"tides-{journal.Id.ToString()[^8..]}";
        await Backstage.ChangePublicationSettings(journal, new PublicationSettings(address, doiPrefix));
        var (erin, rita) = (await Backstage.NewAccount("Erin Editor"), await Backstage.NewAccount("Rita Reviewer"));
        await Backstage.Grant(journal, erin, JournalRole.EditorInChief);
        var alice = await NewAuthor("Alice Author");
        var pia = await NewStaffMember("Pia Production", journal, JournalRole.ProductionEditor);
        var article = await Backstage.ArticleReadyToPublish(journal, alice.Account, erin, rita, pia.Account, Title, FullText);
        return (journal, address, alice, pia, article);
    }

    [Fact]
    public async Task An_article_is_given_its_doi_scheduled_and_reaches_readers_at_its_time_and_not_before()
    {
        var (_, address, alice, pia, article) = await AnArticleReadyToPublish();
        var reader = Reader();
        var landing = PublishedArticle.StreamOf(article.Id);

        await pia.CannotPublish(article, because: Because.Missing("doi"));
        await pia.CanAssignTheOfferedDoi(article);
        await pia.CanPublish(article, at: Backstage.Now.AddDays(2));
        await Backstage.PublishingRuns();
        await reader.DoesNotFindOnTheJournalsHome(address, Title);
        await reader.DoesNotFindBySearching(address, "coastal plankton", Title);
        await reader.CannotRead(landing);

        _travelled += TimeSpan.FromDays(2) + TimeSpan.FromMinutes(2);
        Backstage.TimePasses(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(2));
        await Backstage.PublishingRuns();

        var found = await reader.FindsOnTheJournalsHome(address, Title);
        Assert.Equal(landing, found);
        Assert.Equal(landing, await reader.FindsBySearching(address, "coastal plankton", Title, "coastal", "plankton"));
        var doi = $"10.55555/{Dois.RandomSuffix(landing)}";
        await reader.CanRead(found, Title, doi, "Alice Author");
        await reader.CanCiteAsBibTeX(found, $"doi = {{{doi}}}", "title = {Tidal mixing feeds coastal plankton}", "author = {Author, Alice}");
        Assert.Contains(await Mailbox(alice), m => m.Subject == $"\"{Title}\" is published" && m.Body.Contains(Dois.Link(doi), StringComparison.Ordinal));
        // Two days on, her sign-in has ended: she signs in again.
        pia = await SignInAgain(pia);
        await pia.SeesTheArticleInProduction(article, "Ready to publish");
    }

    [Fact]
    public async Task An_article_planned_into_an_issue_comes_out_with_the_issue_at_its_time_deposited_and_cited_with_its_pages()
    {
        var (journal, address, _, pia, article) = await AnArticleReadyToPublish();
        var reader = Reader();
        var landing = PublishedArticle.StreamOf(article.Id);

        await pia.CanAssignTheOfferedDoi(article);
        await pia.CanOpenIssue(journal, 4, 2, "Shelf seas");
        // As typed: a hyphen, which the portal writes as the en dash of a page range.
        await pia.CanPlanIntoIssue(article, 4, 2, "101-112");
        await pia.CanPublishIssue(journal, 4, 2, at: Backstage.Now.AddDays(1));
        await Backstage.PublishingRuns();
        await reader.CannotOpenTheIssue(address, 4, 2);
        await reader.CannotRead(landing);

        _travelled += TimeSpan.FromDays(1) + TimeSpan.FromMinutes(2);
        Backstage.TimePasses(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(2));
        await Backstage.PublishingRuns();

        await reader.SeesInTheIssue(address, 4, 2, Title);
        var doi = $"10.55555/{Dois.RandomSuffix(landing)}";
        Assert.Contains(FullText, (await reader.CanRead(landing, Title, doi, "Alice Author")).FullText);
        Assert.Equal(landing, await reader.FindsBySearching(address, "plankton", Title, "plankton"));
        await reader.CanCiteAsBibTeX(landing, "volume = {4}", "number = {2}", "pages = {101--112}", $"doi = {{{doi}}}");
        pia = await SignInAgain(pia);
        await pia.SeesTheDeposits(article, DepositStatus.Registered);
    }

    [Fact]
    public async Task A_journal_without_dois_publishes_at_once()
    {
        var (_, address, _, pia, article) = await AnArticleReadyToPublish(doiPrefix: null);
        await pia.CanPublish(article);

        var reader = Reader();
        await reader.SeesOnTheJournalsHome(address, Title);
        await reader.CanRead(await reader.FindsOnTheJournalsHome(address, Title), Title, null, "Alice Author");
    }

    private const string WhyRetracted =
        "The authors told the journal that the plankton counts in Figure 2 came from a miscalibrated sensor. The findings cannot be relied on; " +
        "the authors agree with the retraction.";

    [Fact]
    public async Task A_retraction_says_why_has_a_doi_of_its_own_and_leaves_the_article_readable_under_its_banner()
    {
        var (_, _, alice, pia, article) = await AnArticleReadyToPublish();
        await pia.CanAssignTheOfferedDoi(article);
        await pia.CanPublish(article);
        var reader = Reader();
        var landing = PublishedArticle.StreamOf(article.Id);

        await pia.CannotPublishNotice(article, ArticleNoticeKind.Retraction, "   ", because: Because.Missing("text"));
        await pia.CanPublishNotice(article, ArticleNoticeKind.Retraction, WhyRetracted);

        await reader.CanRead(landing, Title, $"10.55555/{Dois.RandomSuffix(landing)}", "Alice Author");
        await reader.SeesTheBanner(landing, "This article has been retracted.");
        Assert.Contains(await Mailbox(alice), m => m.Subject == $"Retraction: \"{Title}\"" && m.Body.Contains(WhyRetracted, StringComparison.Ordinal));
        // A retraction is the journal's last word: nothing is published about the article after it.
        await pia.CannotPublishNotice(article, ArticleNoticeKind.Correction, "A typing slip in Table 1.", because: Because.NotAllowedInState);
    }

    [Fact]
    public async Task A_published_article_is_put_right_in_a_new_version_and_the_version_readers_cited_stays_readable_marked_superseded()
    {
        var (_, _, alice, pia, article) = await AnArticleReadyToPublish();
        await pia.CanAssignTheOfferedDoi(article);
        await pia.CanPublish(article);
        var landing = PublishedArticle.StreamOf(article.Id);
        const string Corrected = "Tidal mixing feeds coastal phytoplankton";
        const string Note = "The title names the phytoplankton the study counted.";

        await pia.CannotBeginNewVersion(article, VersionKind.Minor, "   ", because: Because.Missing("note"));
        await pia.CanBeginNewVersion(article, VersionKind.Minor, Note);
        await pia.CannotPublishNewVersion(article, because: Because.NotAllowedInState);
        await pia.CanCorrectTheTitle(article, Corrected);
        await pia.CanMarkTheArticleReadyToPublish(article);
        await pia.CanPublishNewVersion(article);

        var reader = Reader();
        await reader.CanRead(landing, Corrected, $"10.55555/{Dois.RandomSuffix(landing)}", "Alice Author");
        await reader.CanReadTheSupersededVersion(landing, 1, Title);
        Assert.Contains(await Mailbox(alice), m => m.Subject == $"Version 2 of \"{Corrected}\" is published" && m.Body.Contains(Note, StringComparison.Ordinal));
    }

    public override async ValueTask DisposeAsync()
    {
        Backstage.TimePasses(-_travelled);
        await base.DisposeAsync();
    }
}
