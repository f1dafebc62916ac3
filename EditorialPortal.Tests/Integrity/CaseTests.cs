using System.Net.Http.Json;
using System.Text.Json;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Integrity.Cases;
using EditorialPortal.Integrity.Signals;
using EditorialPortal.Tests.Scenarios.Integrity;
using EditorialPortal.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Integrity;

/// <summary>An analyst's work on a case: filing, the states, a concern raised in the portal for the editors, and what stays settled.</summary>
[Collection(nameof(TimeTravel))]
public sealed class CaseTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A journal with its planted manuscript, and the integrity application caught up with it and analysed.</summary>
    private sealed record Arranged(Manipulation Journal, IntegrityFactory Integrity) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Integrity.DisposeAsync();
            await Journal.DisposeAsync();
        }
    }

    private async Task<Arranged> CaughtUp()
    {
        var journal = await Manipulation.InANewJournal(fixture);
        var integrity = new IntegrityFactory(await fixture.Postgres.NewDatabase("integrity"), new PortalLine(fixture.Portal.Server.CreateHandler()), journal.Token);
        await integrity.CatchUp.ReadToHead(Token);
        await integrity.CatchUp.Analyse(Token);
        return new Arranged(journal, integrity);
    }

    private static async Task<IntegrityCase> CaseAbout(IntegrityFactory integrity, Guid manuscript)
    {
        await using var session = integrity.Store.QuerySession();
        return Assert.Single(await session.Query<IntegrityCase>().Where(c => c.Manuscripts.Contains(manuscript)).ToListAsync(Token));
    }

    private async Task<JsonElement> AsSeenBy(Scenarios.Screenplay.PersonAccount person, Guid manuscript)
    {
        using var client = await fixture.ApiClient(person);
        return await client.GetFromJsonAsync<JsonElement>($"/api/submissions/{manuscript}", Token);
    }

    [Fact]
    public async Task The_signals_of_one_planted_manuscript_make_one_case_which_the_analyst_confirms_and_whose_concern_holds_the_manuscript_for_its_editors_alone()
    {
        await using var arranged = await CaughtUp();
        var (journal, integrity) = (arranged.Journal, arranged.Integrity);

        var found = await CaseAbout(integrity, journal.Suggested);
        Assert.Equal((CaseState.Flagged, EditorialPortal.Integrity.Analysis.Severity.High, 2), (found.State, found.Severity, found.Signals.Count));
        Assert.Contains(journal.FakeReviewer.Id, found.People);
        var ivy = new Analyst(journal.Analyst.Id, journal.Analyst.Name);
        var desk = integrity.Desk();
        Assert.Equal("Say what was found: the confirmation is the case's finding.", await desk.Execute(found.Id, new CaseCommand.Confirm("  "), ivy, Token));
        Assert.Null(await desk.Execute(found.Id, new CaseCommand.BeginInvestigation(), ivy, Token));
        Assert.Null(await desk.Execute(found.Id, new CaseCommand.Note("The reviewer's address was registered the day before the invitation."), ivy, Token));
        Assert.Null(await desk.Execute(found.Id, new CaseCommand.Confirm("A reviewer account made for this manuscript by its authors."), ivy, Token));
        const string why = "Its only reviewer was suggested by the authors at a webmail address and reviewed it glowingly in three hours.";
        Assert.Null(await desk.RaiseConcern(found.Id, journal.Suggested, why, hold: true, ivy, journal.Token, Token));
        Assert.Equal("The case has a concern open on that manuscript already.", await desk.RaiseConcern(found.Id, journal.Suggested, why, hold: true, ivy, journal.Token, Token));

        var confirmed = await CaseAbout(integrity, journal.Suggested);
        Assert.Equal(CaseState.Confirmed, confirmed.State);
        Assert.Equal(["opened the case", "added a signal", "began investigating", "noted", "confirmed the case", "raised an integrity concern in the portal, holding the manuscript"],
            confirmed.History.Select(h => h.What.Split(':')[0]));
        var concern = Assert.Single(confirmed.Concerns);

        // The editors see the concern and may not decide; the author sees nothing of it.
        var editors = await AsSeenBy(journal.Editor, journal.Suggested);
        var shown = Assert.Single(editors.GetProperty("integrityConcerns").EnumerateArray());
        Assert.Equal((why, true), (shown.GetProperty("reason").GetString(), shown.GetProperty("hold").GetBoolean()));
        Assert.False(editors.GetProperty("_links").TryGetProperty("record-decision", out _));
        var desk2 = fixture.Portal.Services.GetRequiredService<IEditorialDesk>();
        var refused = Assert.IsType<CommandOutcome.Refused>(await desk2.Execute(journal.Suggested,
            new RecordDecision(DecisionKind.Accept, "Accepted.", null), new Actor(journal.Editor.Id, journal.Editor.Name, journal.Editor.Email)));
        Assert.Contains("integrity concern holds the manuscript", refused.Refusal.Message);
        var authors = await AsSeenBy(journal.Planted, journal.Suggested);
        Assert.Empty(authors.GetProperty("integrityConcerns").EnumerateArray());
        using (var client = await fixture.ApiClient(journal.Planted))
        {
            var history = await client.GetStringAsync($"/api/history/submissions/{journal.Suggested}", Token);
            Assert.DoesNotContain("IntegrityConcern", history);
            Assert.DoesNotContain(why, history);
        }

        // Lifted, it lets the editors decide again.
        Assert.Null(await desk.LiftConcern(found.Id, concern.Concern, "The reviewer confirmed their identity through their institution.", ivy, journal.Token, Token));
        Assert.True((await AsSeenBy(journal.Editor, journal.Suggested)).GetProperty("_links").TryGetProperty("record-decision", out _));
        Assert.Empty((await CaseAbout(integrity, journal.Suggested)).Concerns);
    }

    [Fact]
    public async Task A_cleared_case_stays_cleared_when_its_signals_are_seen_again_and_takes_in_a_new_one_about_the_same_reviewer_without_reopening()
    {
        await using var arranged = await CaughtUp();
        var (journal, integrity) = (arranged.Journal, arranged.Integrity);
        var ivy = new Analyst(journal.Analyst.Id, journal.Analyst.Name);
        var found = await CaseAbout(integrity, journal.Suggested);
        Assert.Null(await integrity.Desk().Execute(found.Id, new CaseCommand.Clear("The reviewer is a retired professor who uses a personal address; known to the editor."), ivy, Token));

        // New facts make the detectors look again: what they saw before is the same signal, and is not raised again.
        await fixture.SubmittedManuscript(journal.Journal, await fixture.Backstage.NewAccount("Nell Newcomer"), "An ordinary study of estuaries");
        await integrity.CatchUp.ReadToHead(Token);
        Assert.Equal(0, await integrity.CatchUp.Analyse(Token));
        var again = await CaseAbout(integrity, journal.Suggested);
        Assert.Equal((CaseState.Cleared, 0, 2), (again.State, again.SignalsSinceClosed, again.Signals.Count));

        // The same reviewer again, on another manuscript: the new signals join the cleared case, which stays cleared.
        var (second, _) = await journal.Plant("Another miracle of a single treatment");
        await integrity.CatchUp.ReadToHead(Token);
        Assert.True(await integrity.CatchUp.Analyse(Token) >= 1);
        var joined = await CaseAbout(integrity, second);
        Assert.Equal(found.Id, joined.Id);
        Assert.Equal(CaseState.Cleared, joined.State);
        Assert.True(joined.SignalsSinceClosed >= 1);
    }

    [Fact]
    public async Task An_override_for_a_person_keeps_that_detector_from_signalling_them_again_and_says_why()
    {
        await using var arranged = await CaughtUp();
        var (journal, integrity) = (arranged.Journal, arranged.Integrity);
        var ivy = new Analyst(journal.Analyst.Id, journal.Analyst.Name);
        Assert.Equal("Say why: the next analyst reads it.", await integrity.Desk().Override(journal.FakeReviewer.Id, "suggested-reviewer", " ", ivy, Token));
        Assert.Null(await integrity.Desk().Override(journal.FakeReviewer.Id, "suggested-reviewer", "Their gmail address is the one their university lists.", ivy, Token));

        var (second, _) = await journal.Plant("A third miracle");
        await integrity.CatchUp.ReadToHead(Token);
        await integrity.CatchUp.Analyse(Token);

        await using var session = integrity.Store.QuerySession();
        var aboutSecond = await session.Query<Signal>().Where(s => s.Manuscripts.Contains(second)).ToListAsync(Token);
        Assert.Equal(["fast-review"], aboutSecond.Select(s => s.Detector));
    }

    [Fact]
    public async Task A_backtest_runs_detectors_over_the_record_as_it_stood_then_side_by_side_and_raises_nothing()
    {
        await using var arranged = await CaughtUp();
        var (journal, integrity) = (arranged.Journal, arranged.Integrity);
        var invited = integrity.CatchUp.View.Manuscript(journal.Suggested)!.Invitations[journal.SuggestedAssignment].InvitedAt;
        using var scope = integrity.Services.CreateScope();
        var backtest = scope.ServiceProvider.GetRequiredService<EditorialPortal.Integrity.Backtesting.Backtest>();

        var before = await backtest.Run(invited.AddSeconds(-1), ["suggested-reviewer", "fast-review"], Token);
        var after = await backtest.Run(invited.AddDays(1), ["suggested-reviewer", "fast-review"], Token);

        Assert.Equal(["suggested-reviewer", "fast-review"], before.Select(r => r.Detector.Name));
        Assert.DoesNotContain(before.SelectMany(r => r.Findings), f => f.Manuscripts.Contains(journal.Suggested));
        Assert.Equal([1, 1], after.Select(r => r.Findings.Count(f => f.Manuscripts.Contains(journal.Suggested))));
        Assert.All(after, r => Assert.Equal(r.Findings.Count, r.RaisedSince));
        await using var session = integrity.Store.QuerySession();
        Assert.Equal(2, await session.Query<Signal>().CountAsync(Token));
    }
}
