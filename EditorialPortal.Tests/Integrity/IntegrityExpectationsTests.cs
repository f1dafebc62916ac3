using System.Net;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Integrity.Analysis;
using EditorialPortal.Integrity.CatchingUp;
using EditorialPortal.Integrity.Portal;
using EditorialPortal.Tests.Scenarios.Integrity;
using EditorialPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Integrity;

/// <summary>
/// What the integrity application expects of the portal's history API, written by the application and run in the
/// portal's build: a portal change that would break the peripheral fails here first. Each test reads through the
/// application's own client and folds with its own view, so the fields, paging, redaction and links are the ones it uses.
/// </summary>
[Collection(nameof(TimeTravel))]
public sealed class IntegrityExpectationsTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private PortalClient ClientWith(string token)
    {
        var http = new HttpClient(fixture.Portal.Server.CreateHandler());
        PortalClient.Configure(http, new PortalOptions { Url = new Uri(IntegrityFactory.PortalUrl), Token = token });
        return new PortalClient(http);
    }

    private static async Task<List<MirroredFact>> ReadAll(PortalClient client, int page)
    {
        var facts = new List<MirroredFact>();
        long after = 0;
        while (true)
        {
            var read = await client.FactsAfter(after, page, Token);
            facts.AddRange(read.Facts.Select(MirroredFact.Of));
            Assert.Equal(read.Facts.Count == page, read.Links.GetValueOrDefault("next") is not null);
            if (read.Facts.Count < page) return facts;
            after = read.Facts[^1].Sequence;
        }
    }

    [Fact]
    public async Task The_cursor_pages_the_whole_record_in_global_order_once_each_whatever_the_page_size()
    {
        await using var journal = await Manipulation.InANewJournal(fixture, ordinaryReviews: 3);
        var client = ClientWith(journal.Token);

        var byFive = await ReadAll(client, 5);
        var byAll = await ReadAll(client, 1000);

        Assert.Equal(byAll.Select(f => f.Sequence), byFive.Select(f => f.Sequence));
        Assert.True(byAll.Zip(byAll.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence), "Facts came out of order.");
        Assert.Contains(byAll, f => f.Type == "JournalCreated" && f.Stream == journal.Journal.Id);
        Assert.All(byAll.Where(f => f.Type != "JournalCreated" && f.Type.StartsWith("Journal") is false && f.Stream != journal.Journal.Id),
            f => Assert.True(f.Links.ContainsKey("asItWas"), $"{f.Type} has no link to the manuscript as it stood."));
    }

    [Fact]
    public async Task The_fields_the_detectors_read_are_there_and_fold_into_the_manuscript_its_suggestions_its_invitation_and_its_review()
    {
        await using var journal = await Manipulation.InANewJournal(fixture, ordinaryReviews: 1);
        var view = new RecordView();
        foreach (var fact in await ReadAll(ClientWith(journal.Token), 100)) view.Apply(fact);

        Assert.Equal(journal.Journal.Title, view.JournalTitle(journal.Journal.Id));
        var manuscript = view.Manuscript(journal.Suggested)!;
        Assert.Equal((journal.Journal.Id, journal.Planted.Id, "Miraculous yields from a single treatment"), (manuscript.Journal, manuscript.SubmittingAuthor, manuscript.Title));
        Assert.Equal([journal.Planted.Email.ToLowerInvariant()], manuscript.AuthorEmails);
        Assert.Equal("Quinn Quickreview", Assert.Single(manuscript.Suggested).Name);
        Assert.Equal(journal.Editor.Id, manuscript.HandlingEditor);
        var invitation = manuscript.Invitations[journal.SuggestedAssignment];
        Assert.Equal((journal.FakeReviewer.Id, 1, journal.Editor.Id, "Accept"), (invitation.Reviewer, invitation.Round, invitation.InvitedBy, invitation.Recommendation));
        Assert.Equal("The sampling is sound; the statistics need a second look.", invitation.CommentsToAuthor);
        Assert.InRange(invitation.TimeToReview!.Value, TimeSpan.FromHours(3), TimeSpan.FromHours(3).Add(TimeSpan.FromSeconds(5)));
        Assert.Equal(["ReviewerInvited", "InvitationAccepted", "ReviewSubmitted"], invitation.Evidence.Select(e => e.Type));
    }

    [Fact]
    public async Task An_invitation_links_to_its_reviewer_on_record_with_the_address_and_the_age_of_the_account()
    {
        await using var journal = await Manipulation.InANewJournal(fixture, ordinaryReviews: 1);
        var client = ClientWith(journal.Token);
        var invited = (await ReadAll(client, 100)).Last(f => f.Type == "ReviewerInvited" && f.Stream == journal.Suggested);

        Assert.StartsWith("/api/history/people/", invited.Links["actor"]);
        var reviewer = (await client.Person(invited.Links["reviewer"], Token))!;
        Assert.Equal("Quinn Quickreview", reviewer.Name);
        Assert.EndsWith("@gmail.com", reviewer.Email);
        Assert.True(reviewer.RegisteredAt <= invited.At);
        Assert.Null(await client.Person($"/api/history/people/{Guid.NewGuid()}", Token));
        var stranger = await fixture.Backstage.NewAccount("Someone Elsewhere");
        Assert.Null(await client.Person($"/api/history/people/{stranger.Id}", Token));
    }

    [Fact]
    public async Task An_analyst_who_also_authors_in_the_journal_does_not_read_their_own_manuscript_and_one_who_keeps_no_record_is_refused()
    {
        await using var journal = await Manipulation.InANewJournal(fixture, ordinaryReviews: 1);
        var own = await fixture.SubmittedManuscript(journal.Journal, journal.Analyst, "The analyst's own study");

        var facts = await ReadAll(ClientWith(journal.Token), 100);
        Assert.DoesNotContain(facts, f => f.Stream == own);
        Assert.Contains(facts, f => f.Stream == journal.Suggested);

        var outsider = await fixture.Backstage.NewAccount("Otto Outsider");
        var (_, token) = await fixture.Portal.Services.GetRequiredService<EditorialPortal.People.AccountService>()
            .CreateAccessToken(new Domain.Common.Actor(outsider.Id, outsider.Name, outsider.Email), "not an analyst");
        var refused = await Assert.ThrowsAsync<PortalRefused>(() => ClientWith(token!).FactsAfter(0, 10, Token));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        await fixture.Backstage.Revoke(journal.Journal, journal.Analyst, JournalRole.IntegrityAnalyst);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<PortalRefused>(() => ClientWith(journal.Token).FactsAfter(0, 10, Token))).Status);
    }
}
