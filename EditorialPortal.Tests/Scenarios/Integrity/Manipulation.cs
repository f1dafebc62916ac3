using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.People;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Scenarios.Integrity;

/// <summary>
/// A journal's record made through the portal's own desk, with what the integrity application is for: an analyst whose
/// token it reads with, ordinary reviews, and an author who suggests a reviewer at a webmail address, whom the editor
/// invites and who returns a glowing review within hours; on demand, authors who review each other.
/// </summary>
public sealed class Manipulation(PortalFixture fixture) : IAsyncDisposable
{
    public JournalRef Journal { get; private set; } = null!;
    public PersonAccount Analyst { get; private set; } = null!;
    public string Token { get; private set; } = "";
    public PersonAccount Editor { get; private set; } = null!;
    public PersonAccount Planted { get; private set; } = null!;
    public PersonAccount FakeReviewer { get; private set; } = null!;
    public Guid Suggested { get; private set; }
    public Guid SuggestedAssignment { get; private set; }
    public List<Guid> Ordinary { get; } = [];

    private Backstage Backstage => fixture.Backstage;
    private IEditorialDesk Desk => fixture.Portal.Services.GetRequiredService<IEditorialDesk>();

    public static async Task<Manipulation> InANewJournal(PortalFixture fixture, int ordinaryReviews = 24)
    {
        var made = new Manipulation(fixture);
        try
        {
            await made.Make(ordinaryReviews);
        }
        catch
        {
            await made.DisposeAsync();
            throw;
        }
        return made;
    }

    private async Task Make(int ordinaryReviews)
    {
        Journal = await Backstage.NewJournal();
        Analyst = await Backstage.NewAccount("Ivy Analyst");
        await Backstage.Grant(Journal, Analyst, JournalRole.IntegrityAnalyst);
        var (_, token) = await fixture.Portal.Services.GetRequiredService<AccountService>().CreateAccessToken(As(Analyst), "integrity analysis");
        Token = token!;
        Editor = await Backstage.NewAccount("Erin Editor");
        await Backstage.Grant(Journal, Editor, JournalRole.EditorInChief);
        var reviewers = new List<PersonAccount>();
        for (var r = 0; r < 4; r++) reviewers.Add(await Backstage.NewAccount($"Rowan Reviewer {r}"));

        // Ordinary reviews take two to six days: the journal's own yardstick.
        for (var n = 0; n < ordinaryReviews; n++)
        {
            var author = await Backstage.NewAccount($"Alex Author {n}");
            var manuscript = await fixture.SubmittedManuscript(Journal, author, $"Tidal mixing and plankton {n}");
            Ordinary.Add(manuscript);
            _manuscripts.Add(manuscript);
            await Review(manuscript, reviewers[n % reviewers.Count], TimeSpan.FromDays(2 + n % 5), Recommendation.MajorRevision);
        }

        Planted = await Backstage.NewAccount("Pat Plagiarist");
        FakeReviewer = await Backstage.NewAccount("Quinn Quickreview", $"dr.quickreview.{Guid.NewGuid().ToString("N")[..8]}@gmail.com");
        (Suggested, SuggestedAssignment) = await Plant("Miraculous yields from a single treatment", Planted);
    }

    /// <summary>Another manuscript whose authors suggest the same webmail reviewer, who reviews it glowingly within hours.</summary>
    public async Task<(Guid Manuscript, Guid Assignment)> Plant(string title, PersonAccount? author = null)
    {
        author ??= await Backstage.NewAccount("Mo Millwright");
        var manuscript = await fixture.SubmittedManuscript(Journal, author, title,
            before: new SetReviewerPreferences([new ReviewerPreference(FakeReviewer.Name, FakeReviewer.Email, "A leading expert in this field.", false)]));
        _manuscripts.Add(manuscript);
        var assignment = await Review(manuscript, FakeReviewer, TimeSpan.FromHours(3), Recommendation.Accept);
        return (manuscript, assignment);
    }

    /// <summary>The facts keep their times; the shared clock goes back to where the other scenarios expect it.</summary>
    public ValueTask DisposeAsync()
    {
        fixture.Clock.Advance(-_travelled);
        _travelled = TimeSpan.Zero;
        return ValueTask.CompletedTask;
    }

    private TimeSpan _travelled;

    /// <summary>Two authors, each of whom reviews the other's manuscript favourably, in three days as honest reviewers do here.</summary>
    public async Task<PlantedRing> PlantRing(string first, string second)
    {
        var (a, b) = (await Backstage.NewAccount(first), await Backstage.NewAccount(second));
        var ofFirst = await ReviewedManuscript(a, b, $"Coastal upwelling revisited by {first}");
        var ofSecond = await ReviewedManuscript(b, a, $"Upwelling and nutrient supply, after {second}");
        return new PlantedRing(a, b, ofFirst, ofSecond);
    }

    /// <summary>Someone new at the portal, with no role in the journal.</summary>
    public Task<PersonAccount> NewPerson(string name) => Backstage.NewAccount(name);

    /// <summary>A new manuscript by <paramref name="author"/>, reviewed favourably by <paramref name="reviewer"/>.</summary>
    public async Task<Guid> ReviewedManuscript(PersonAccount author, PersonAccount reviewer, string title)
    {
        var manuscript = await fixture.SubmittedManuscript(Journal, author, title);
        _manuscripts.Add(manuscript);
        await Review(manuscript, reviewer, TimeSpan.FromDays(3), Recommendation.Accept);
        return manuscript;
    }

    /// <summary>The global sequence of the journal's newest fact about a manuscript: the application has read it all once it has read this far.</summary>
    public async Task<long> NewestFact()
    {
        await using var session = fixture.Portal.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var streams = _manuscripts.ToArray();
        return await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(streams)).MaxAsync(e => e.Sequence);
    }

    private readonly List<Guid> _manuscripts = [];

    private async Task<Guid> Review(Guid manuscript, PersonAccount reviewer, TimeSpan took, Recommendation recommendation)
    {
        var invitation = Guid.CreateVersion7();
        var now = fixture.Clock.GetUtcNow();
        await Expect(manuscript, new AssignHandlingEditor(Editor.Id), Editor);
        await Expect(manuscript, new InviteReviewer(invitation, reviewer.Id, now.AddDays(7), now.AddDays(60)), Editor);
        await Expect(manuscript, new AcceptInvitation(invitation), reviewer);
        fixture.Clock.Advance(took);
        _travelled += took;
        await Expect(manuscript, new SubmitReview(invitation, recommendation, "The sampling is sound; the statistics need a second look.", ""), reviewer);
        return invitation;
    }

    private async Task Expect(Guid stream, SubmissionCommand command, PersonAccount by)
    {
        if (await Desk.Execute(stream, command, As(by)) is CommandOutcome.Refused refused) Assert.Fail($"{command.GetType().Name}: {refused.Refusal.Message}");
    }

    private static Actor As(PersonAccount person) => new(person.Id, person.Name, person.Email);
}

/// <summary>Two authors who reviewed each other: <paramref name="First"/> reviewed <paramref name="OfSecond"/>, <paramref name="Second"/> reviewed <paramref name="OfFirst"/>.</summary>
public sealed record PlantedRing(PersonAccount First, PersonAccount Second, Guid OfFirst, Guid OfSecond);
