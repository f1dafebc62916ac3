using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Issues;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Production;
using EditorialPortal.Domain.Publication;
using EditorialPortal.Domain.Submissions;
using Xunit;

namespace EditorialPortal.Tests.Publication;

/// <summary>Issues: opened once per volume and number, planned in order with pages, published at once, and their articles published in them.</summary>
public sealed class IssuingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid JournalId = Guid.Parse("00000000-0000-0000-0000-00000000ee01");
    private static readonly Guid IssueId = JournalIssue.StreamOf(JournalId, 12, 3);
    private static readonly Actor Pia = new(Guid.Parse("00000000-0000-0000-0000-00000000ee03"), "Pia Production", "pia@example.org");
    private static readonly Actor Erin = new(Guid.Parse("00000000-0000-0000-0000-00000000ee04"), "Erin Editor", "erin@example.org");

    private static readonly Journal Journal = new IHistoricalFact[]
    {
        new JournalCreated(JournalId, "Journal of Tides", "1234-5679", "Tides.", [ManuscriptType.ResearchArticle], Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Pia.Account, JournalRole.ProductionEditor, Guid.Empty, Now),
        new JournalRoleGranted(JournalId, Erin.Account, JournalRole.EditorInChief, Guid.Empty, Now),
        new PublicationSettingsChanged(JournalId, new PublicationSettings("tides", "10.55555"), Guid.Empty, Now)
    }.Aggregate<IHistoricalFact, Journal?>(null, Journal.Fold)!;

    private static PublishedArticle Article(int n, string? doi = "", ManuscriptType type = ManuscriptType.ResearchArticle)
    {
        var submission = new Guid(n, 0, 0, new byte[8]);
        var id = PublishedArticle.StreamOf(submission);
        var metadata = new ArticleMetadata(type, $"Article {n}", "We report.", [], [new ContributingAuthor("Alice Author", "alice@example.org", "Bristol", null, true)],
            new PublicationDetails("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "The authors", 2026, "Research articles"), Now, [], Now, []);
        var ready = PublishedArticle.Fold(null, new ArticleReadyForPublication(id, submission, JournalId, Guid.NewGuid(), metadata, Pia.Account, Now))!;
        return doi is null ? ready : PublishedArticle.Fold(ready, new DoiAssigned(id, doi.Length == 0 ? $"10.55555/{Dois.RandomSuffix(id)}" : doi, Pia.Account, Now))!;
    }

    private static Decision On(JournalIssue? issue, IssueCommand command, PublishedArticle? article = null, Actor? actor = null, DateTimeOffset? now = null,
        bool doiInUse = false) =>
        StreamKinds.Issues.Decide(IssueId, command, issue, actor ?? Pia,
            new DecisionContext(Journal, new Dictionary<Guid, Domain.People.Account>(), new HashSet<string>(), false, now ?? Now) { Article = article, DoiInUse = doiInUse });

    private static JournalIssue Given(JournalIssue? issue, Decision decision)
    {
        Assert.Null(decision.Refusal);
        return decision.Facts.Aggregate(issue, JournalIssue.Fold)!;
    }

    private static JournalIssue Open => Given(null, On(null, new CreateIssue(JournalId, 12, 3, 2026, "Estuaries")));

    [Fact]
    public void An_issues_history_tells_each_of_its_facts_in_words_naming_who_did_it()
    {
        var facts = new IHistoricalFact[]
        {
            new IssueCreated(IssueId, JournalId, 12, 3, 2026, "Estuaries", "", null, Pia.Account, Now),
            new ArticlePlannedInIssue(IssueId, Guid.NewGuid(), "Salt wedges", Domain.Submissions.ManuscriptType.ResearchArticle, 1, "101–119", Pia.Account, Now),
            new ArticlePlannedInIssue(IssueId, Guid.NewGuid(), "Fronts", Domain.Submissions.ManuscriptType.ResearchArticle, 0, "e1002", Pia.Account, Now),
            new IssueScheduled(IssueId, new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero), Pia.Account, Now),
            new IssuePublished(IssueId, new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero), Actor.System.Account, Now)
        };
        var told = IssueFacts.Told(facts.Select((f, i) => ((long)i + 1, f)), new Dictionary<Guid, string> { [Pia.Account] = Pia.Name });
        Assert.Equal([
            "Pia Production opened Volume 12, Issue 3 (2026): Estuaries",
            "Pia Production placed “Salt wedges” 2nd in the issue, pages 101–119",
            "Pia Production placed “Fronts” 1st in the issue, article e1002",
            "Pia Production scheduled the issue to be published on 4 December 2026 at 09:00 UTC",
            $"{Actor.System.Name} published the issue, dated 4 December 2026 at 09:00 UTC"
        ], told.Select(e => $"{e.ByName} {e.Description}"));
        Assert.All(told, e => Assert.Equal(IssueFacts.Kind, e.Kind));
        Assert.All(JournalIssue.FactTypes, type => Assert.True(IssueFacts.All.Has(type), $"{type.Name} has no line in the issue's history."));
    }

    [Fact]
    public void An_issue_is_opened_once_per_volume_and_number_by_the_journals_production_editors()
    {
        var issue = Open;
        Assert.Equal("Volume 12, Issue 3 (2026)", issue.Label);
        Assert.Equal(IssueStatus.Planned, issue.Status);
        Assert.IsType<Refusal.NotAllowedInState>(On(issue, new CreateIssue(JournalId, 12, 3, 2026)).Refusal);
        Assert.IsType<Refusal.NotAuthorised>(On(null, new CreateIssue(JournalId, 12, 3, 2026), actor: Erin).Refusal);
        Assert.IsType<Refusal.Invalid>(On(null, new CreateIssue(JournalId, 12, 4, 2026)).Refusal);
        var bad = Assert.IsType<Refusal.Invalid>(On(null, new CreateIssue(JournalId, 12, 3, 2026, Doi: "10.99999/x")).Refusal);
        Assert.Equal("doi", Assert.Single(bad.Errors).Field);
        Assert.IsType<Refusal.Invalid>(On(null, new CreateIssue(JournalId, 12, 3, 2026, Doi: "10.55555/tides.12.3"), doiInUse: true).Refusal);
    }

    [Fact]
    public void Articles_are_planned_in_order_with_their_pages_and_the_article_learns_its_projected_issue_in_the_same_commit()
    {
        var (first, second) = (Article(1), Article(2, type: ManuscriptType.ReviewArticle));
        var issue = Given(Open, On(Open, new PlanArticle(first.Id, Pages: "1-19"), first));
        issue = Given(issue, On(issue, new PlanArticle(second.Id, Position: 0, Pages: "e1002"), second));

        Assert.Equal([second.Id, first.Id], issue.Contents.Select(e => e.Article));
        Assert.Equal(["e1002", "1–19"], issue.Contents.Select(e => e.Pages));
        Assert.Equal([ManuscriptType.ReviewArticle, ManuscriptType.ResearchArticle], issue.Sections.Select(s => s.Key));
        Assert.Empty(On(issue, new PlanArticle(first.Id, Position: 1, Pages: "1–19"), first).Facts);

        var planned = new ArticlePlannedInIssue(IssueId, first.Id, first.Metadata.Title, first.Metadata.Type, 0, "1–19", Pia.Account, Now);
        var context = new DecisionContext(Journal, new Dictionary<Guid, Domain.People.Account>(), new HashSet<string>(), false, Now) { Article = first };
        var followOn = Assert.Single(IssuePlans.OnPlanning(IssueId, [planned], issue, context));
        Assert.Equal(first.Id, followOn.Stream);
        var projected = Assert.IsType<ArticlePlannedForIssue>(Assert.Single(followOn.Facts));
        Assert.Equal(IssueId, PublishedArticle.Fold(first, projected)!.PlannedIssue);
    }

    [Fact]
    public void Planning_refuses_an_article_without_its_doi_another_journals_article_one_planned_elsewhere_and_pages_that_are_neither_a_range_nor_a_number()
    {
        Assert.Equal("article", Assert.IsType<Refusal.Invalid>(On(Open, new PlanArticle(Article(3, doi: null).Id), Article(3, doi: null)).Refusal).Errors[0].Field);
        Assert.IsType<Refusal.Invalid>(On(Open, new PlanArticle(Guid.NewGuid())).Refusal);
        var elsewhere = PublishedArticle.Fold(Article(4), new ArticlePlannedForIssue(Article(4).Id, JournalIssue.StreamOf(JournalId, 12, 4), "Volume 12, Issue 4 (2026)", Pia.Account, Now))!;
        Assert.IsType<Refusal.Invalid>(On(Open, new PlanArticle(elsewhere.Id), elsewhere).Refusal);
        Assert.Equal("pages", Assert.IsType<Refusal.Invalid>(On(Open, new PlanArticle(Article(5).Id, Pages: "19-1"), Article(5)).Refusal).Errors[0].Field);
        Assert.Equal("pages", Assert.IsType<Refusal.Invalid>(On(Open, new PlanArticle(Article(5).Id, Pages: "<script>"), Article(5)).Refusal).Errors[0].Field);
    }

    [Fact]
    public void An_issue_is_published_now_or_at_its_time_never_empty_and_its_contents_are_fixed_once_out()
    {
        Assert.IsType<Refusal.NotAllowedInState>(On(Open, new PublishIssue()).Refusal);
        var article = Article(6);
        var planned = Given(Open, On(Open, new PlanArticle(article.Id, Pages: "1–9"), article));

        var scheduled = Given(planned, On(planned, new PublishIssue(Now.AddDays(7))));
        Assert.Equal(IssueStatus.Scheduled, scheduled.Status);
        Assert.Empty(On(scheduled, new PublishDueIssue(), actor: Actor.System).Facts);
        var published = Given(scheduled, On(scheduled, new PublishDueIssue(), actor: Actor.System, now: Now.AddDays(7).AddMinutes(1)));
        Assert.Equal(Now.AddDays(7), published.PublishedAt);
        Assert.Empty(On(published, new PublishIssue()).Facts);

        Assert.IsType<Refusal.NotAllowedInState>(On(published, new PlanArticle(Article(7).Id), Article(7)).Refusal);
        Assert.IsType<Refusal.NotAllowedInState>(On(published, new TakeOutOfIssue(article.Id)).Refusal);
        Assert.Single(On(published, new PlanArticle(article.Id, Pages: "1–10"), article).Facts);
    }

    [Fact]
    public void The_issues_publication_publishes_a_waiting_article_at_the_issues_time_and_places_an_online_first_one_depositing_it_again()
    {
        var (waiting, online) = (Article(8), Article(9));
        var issue = Given(Open, On(Open, new PlanArticle(waiting.Id, Pages: "1–9"), waiting));
        issue = Given(issue, On(issue, new PlanArticle(online.Id, Pages: "10–20"), online));
        issue = Given(issue, On(issue, new PublishIssue()));

        var facts = PublicationDecider.Decide(waiting.Id, new PublishInIssue(IssueId), waiting, Journal, Actor.System, Now.AddMinutes(1), issue: issue).Facts;
        Assert.Equal(Now, Assert.IsType<ArticlePublished>(facts[0]).PublishedAt);
        Assert.IsType<DepositQueued>(facts[1]);
        var placed = facts.Aggregate(waiting, (a, f) => PublishedArticle.Fold(a, f)!);
        Assert.Equal(new IssuePlacement(IssueId, 12, 3, 2026, "Estuaries", null, 0, "1–9"), placed.Issue);
        Assert.Empty(PublicationDecider.Decide(waiting.Id, new PublishInIssue(IssueId), placed, Journal, Actor.System, Now, issue: issue).Facts);

        var published = PublicationDecider.Decide(online.Id, new PublishArticle(), online, Journal, Pia, Now.AddDays(-3)).Facts.Aggregate(online, (a, f) => PublishedArticle.Fold(a, f)!);
        published = PublicationDecider.Decide(online.Id, new RecordDepositAnswer(published.Deposits[0].Batch, DepositResult.Registered, "Registered."), published, Journal,
            Actor.System, Now.AddDays(-3)).Facts.Aggregate(published, (a, f) => PublishedArticle.Fold(a, f)!);
        var assigned = PublicationDecider.Decide(online.Id, new PublishInIssue(IssueId), published, Journal, Actor.System, Now, issue: issue).Facts;
        Assert.IsType<ArticleAssignedToIssue>(assigned[0]);
        Assert.IsType<DepositQueued>(assigned[1]);
        Assert.Equal(Now.AddDays(-3), assigned.Aggregate(published, (a, f) => PublishedArticle.Fold(a, f)!).PublishedAt);
        Assert.IsType<Refusal.NotAuthorised>(PublicationDecider.Decide(online.Id, new PublishInIssue(IssueId), published, Journal, Pia, Now, issue: issue).Refusal);
    }
}
