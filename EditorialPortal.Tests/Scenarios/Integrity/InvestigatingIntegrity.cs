using Xunit;

namespace EditorialPortal.Tests.Scenarios.Integrity;

/// <summary>
/// An integrity analyst's work on a journal's record: the research-integrity application reads it from the portal,
/// finds what was planted and explains it; the analyst investigates, settles the case, and raises a concern in the
/// portal that the journal's editors see and its authors do not. Written once, run on each kind of actor.
/// </summary>
public abstract class InvestigatingIntegrity(IIntegrityProtocol protocol) : IAsyncLifetime
{
    private async Task<Manipulation> AJournal() => _journal = await Manipulation.InANewJournal(protocol.Portal, ordinaryReviews: 6);

    // Signed in after what was planted: planting moves the portal's clock by days, and a sign-in lasts hours by it.
    private async Task<IntegrityAnalyst> TheAnalystOf(Manipulation journal) => new(journal.Analyst.Name, await protocol.StartForTheAnalyst(journal));

    private Manipulation? _journal;

    [Fact]
    public async Task A_planted_ring_is_found_and_explained_and_once_confirmed_its_concern_holds_the_manuscript_for_the_editors_alone()
    {
        var journal = await AJournal();
        var ring = await journal.PlantRing("Ada Ringleader", "Ben Backscratcher");
        var ivy = await TheAnalystOf(journal);

        var found = await ivy.FindsTheCase("Ada Ringleader", "Ben Backscratcher", "reviewed each other");
        Assert.Equal(("Flagged", "High"), (found.State, found.Severity));
        var signal = Assert.Single(found.Signals);
        Assert.Equal("review-ring", signal.Detector);
        Assert.Contains(", who reviewed “", signal.Explanation);
        Assert.Contains("Coastal upwelling revisited by Ada Ringleader", signal.Explanation);
        Assert.Contains("both reviews were favourable", signal.Explanation);
        Assert.Equal([ring.OfFirst, ring.OfSecond], found.Manuscripts.Select(m => m.Id).Order());
        var explained = await ivy.OpensTheSignal(signal.Id);
        Assert.Equal(["ReviewSubmitted", "ReviewSubmitted"], explained.Evidence.Select(e => e.Type));
        Assert.Contains(explained.Evidence, e => e.Page.Contains($"/submissions/{ring.OfFirst}?at=", StringComparison.Ordinal));
        Assert.Contains(explained.Evidence, e => e.Page.Contains($"/submissions/{ring.OfSecond}?at=", StringComparison.Ordinal));

        await ivy.CanBeginInvestigating(found);
        await ivy.CannotConfirm(found, "   ", because: "Say what was found");
        await ivy.CanConfirm(found, "Ada and Ben traded favourable reviews of each other's manuscripts and declared no conflict.");
        const string concern = "The manuscript's only review came from an author whose own manuscript its author reviewed; the integrity office confirmed a review ring.";
        await ivy.CanRaiseAConcern(found, ring.OfFirst, concern, hold: true);

        var settled = await ivy.OpensTheCase(found.Id);
        Assert.Equal("Confirmed", settled.State);
        Assert.Equal([true, false], settled.Manuscripts.OrderBy(m => m.Id != ring.OfFirst).Select(m => m.ConcernOpen));
        Assert.Contains(settled.History, h => h.Contains("confirmed the case", StringComparison.Ordinal));
        Assert.Contains(settled.History, h => h.Contains("raised an integrity concern in the portal, holding the manuscript", StringComparison.Ordinal));
        Assert.Equal([(concern, true)], await protocol.ConcernsShownInThePortal(journal.Editor, ring.OfFirst));
        Assert.Empty(await protocol.ConcernsShownInThePortal(ring.First, ring.OfFirst));
    }

    [Fact]
    public async Task A_cleared_case_stays_cleared_when_the_same_signal_recurs_and_when_a_new_one_about_its_people_joins_it()
    {
        var journal = await AJournal();
        var ring = await journal.PlantRing("Cleo Colleague", "Dev Departmental");
        var ivy = await TheAnalystOf(journal);
        var found = await ivy.FindsTheCase("Cleo Colleague", "Dev Departmental", "reviewed each other");
        await ivy.CanClear(found, "Cleo and Dev share a field of two; the editor chose them knowingly and said so at the time.");

        // The same two again: the same signal, seen again, raises nothing.
        await journal.ReviewedManuscript(ring.First, ring.Second, "Upwelling once more");
        await ivy.SeesTheRecordAnalysedThrough(await journal.NewestFact());
        var again = await ivy.OpensTheCase(found.Id);
        Assert.Equal(("Cleared", 1, 0), (again.State, again.Signals.Count, again.NewSinceClosed));

        // Cleo and someone new review each other: a new signal about Cleo joins the case, which stays cleared and says so.
        var eli = await journal.NewPerson("Eli Elsewhere");
        await journal.ReviewedManuscript(eli, ring.First, "Nutrients from the deep");
        await journal.ReviewedManuscript(ring.First, eli, "Deep nutrients, again");
        await ivy.SeesTheRecordAnalysedThrough(await journal.NewestFact());
        var joined = await ivy.OpensTheCase(found.Id);
        Assert.Equal(("Cleared", 2, 1), (joined.State, joined.Signals.Count, joined.NewSinceClosed));
        Assert.Equal(("Cleared", 1), ((await ivy.SeesTheCaseListed(found.Id)).State, (await ivy.SeesTheCaseListed(found.Id)).NewSinceClosed));
    }

    [Fact]
    public async Task While_the_portal_is_down_the_application_says_so_and_afterwards_catches_up_and_finds_what_happened_meanwhile()
    {
        var journal = await AJournal();
        var ivy = await TheAnalystOf(journal);
        await ivy.SeesTheRecordAnalysedThrough(await journal.NewestFact());

        await protocol.CutThePortalOff(true);
        var down = await ivy.SeesTheFreshness("PortalUnreachable");
        Assert.Contains("The portal cannot be reached", down.Words);
        await journal.PlantRing("Fay Favour", "Gus Goodword");

        await protocol.CutThePortalOff(false);
        await ivy.SeesTheRecordAnalysedThrough(await journal.NewestFact());
        var found = await ivy.FindsTheCase("Fay Favour", "Gus Goodword", "reviewed each other");
        Assert.Equal("Flagged", found.State);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await protocol.DisposeAsync();
        if (_journal is not null) await _journal.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
