using EditorialPortal.Integrity.CatchingUp;
using EditorialPortal.Integrity.Signals;
using EditorialPortal.Tests.Scenarios.Integrity;
using EditorialPortal.Tests.Support;
using Marten;
using Xunit;

namespace EditorialPortal.Tests.Integrity;

/// <summary>The integrity application catching up with the portal's record: from nothing, after a restart, and after the portal was down.</summary>
[Collection(nameof(TimeTravel))]
public sealed class CatchUpTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<int> FactsOfTheJournal(Manipulation journal)
    {
        var line = new PortalLine(fixture.Portal.Server.CreateHandler());
        await using var reader = new IntegrityFactory(await fixture.Postgres.NewDatabase("count"), line, journal.Token);
        return await reader.CatchUp.ReadToHead(Token);
    }

    [Fact]
    public async Task From_an_empty_checkpoint_it_reads_the_whole_record_raises_the_planted_signals_and_a_restart_reads_nothing_again()
    {
        await using var journal = await Manipulation.InANewJournal(fixture);
        var database = await fixture.Postgres.NewDatabase("integrity");
        var line = new PortalLine(fixture.Portal.Server.CreateHandler());

        await using (var integrity = new IntegrityFactory(database, line, journal.Token))
        {
            var read = await integrity.CatchUp.ReadToHead(Token);
            Assert.True(read > 24 * 6, $"Only {read} facts were read.");
            Assert.Equal(CatchUpState.UpToDate, integrity.Status.State);
            Assert.True(await integrity.CatchUp.Analyse(Token) >= 2);
            Assert.Equal(0, await integrity.CatchUp.Analyse(Token));
        }

        await using (var restarted = new IntegrityFactory(database, line, journal.Token))
        {
            Assert.Equal(0, await restarted.CatchUp.ReadToHead(Token));
            Assert.Equal(0, await restarted.CatchUp.Analyse(Token));
            await using var session = restarted.Store.QuerySession();
            var checkpoint = await session.LoadAsync<Checkpoint>(Checkpoint.OfPortal, Token);
            Assert.Equal(await session.Query<MirroredFact>().MaxAsync(f => f.Id, Token), checkpoint!.Sequence);
            var signals = await session.Query<Signal>().ToListAsync(Token);
            var planted = signals.Where(s => s.Manuscripts.Contains(journal.Suggested)).ToList();
            Assert.Equal(["fast-review", "suggested-reviewer"], planted.Select(s => s.Detector).Order());
            Assert.DoesNotContain(signals, s => s.Manuscripts.Any(journal.Ordinary.Contains));
            var suggested = planted.Single(s => s.Detector == "suggested-reviewer");
            Assert.Equal(EditorialPortal.Integrity.Analysis.Severity.High, suggested.Severity);
            Assert.Contains("gmail.com, a webmail service", suggested.Explanation);
            Assert.Contains("The one reviewer invited to this manuscript was suggested by its authors", suggested.Explanation);
            Assert.Contains("and Erin Editor invited them", suggested.Explanation);
            Assert.Equal(["ReviewerPreferencesChanged", "ReviewerInvited", "InvitationAccepted", "ReviewSubmitted"], suggested.Evidence.Select(e => e.Type));
            Assert.All(suggested.Evidence, e => Assert.StartsWith($"/submissions/{journal.Suggested}?at=", e.Page));
        }
    }

    [Fact]
    public async Task While_the_portal_is_down_it_waits_longer_each_time_and_then_resumes_from_its_checkpoint_losing_nothing_and_keeping_nothing_twice()
    {
        await using var journal = await Manipulation.InANewJournal(fixture, ordinaryReviews: 2);
        var line = new PortalLine(fixture.Portal.Server.CreateHandler());
        await using var integrity = new IntegrityFactory(await fixture.Postgres.NewDatabase("integrity"), line, journal.Token, catchesUpByItself: true);
        integrity.CreateClient().Dispose();
        await Eventually(() => integrity.Status.State == CatchUpState.UpToDate);

        line.Down = true;
        var asked = line.Requests;
        await Eventually(() => integrity.Status.State == CatchUpState.PortalUnreachable);
        var more = await fixture.SubmittedManuscript(journal.Journal, await fixture.Backstage.NewAccount("Late Author"), "Written while the reader was away");
        await Task.Delay(TimeSpan.FromSeconds(1.5), Token);
        // Waits of 0.1, 0.2, 0.4, 0.4 s: a handful of tries in 1.5 s, not a tight loop.
        Assert.InRange(line.Requests - asked, 2, 8);
        line.Down = false;
        await Eventually(() => integrity.CatchUp.View.Manuscript(more) is not null && integrity.Status.State == CatchUpState.UpToDate);

        await using var session = integrity.Store.QuerySession();
        var kept = await session.Query<MirroredFact>().OrderBy(f => f.Id).Select(f => f.Id).ToListAsync(Token);
        Assert.Equal(kept.Distinct().Count(), kept.Count);
        Assert.Equal(await FactsOfTheJournal(journal), kept.Count);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            if (waited > 20_000) Assert.Fail("It did not happen within 20 s.");
            await Task.Delay(50, Token);
        }
    }
}
