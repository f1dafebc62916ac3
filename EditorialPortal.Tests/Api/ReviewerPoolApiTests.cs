using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Review;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Submissions;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Api;

/// <summary>The handling editor searches the journal's reviewers over HTTP, on PostgreSQL, and sees who is busy; nobody else may.</summary>
public sealed class ReviewerPoolApiTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_handling_editor_finds_reviewers_by_expertise_with_their_load_and_the_authors_suggestions_first()
    {
        var backstage = fixture.Backstage;
        var desk = fixture.Portal.Services.GetRequiredService<IEditorialDesk>();
        var journal = await backstage.NewJournal();
        var alice = await backstage.NewAccount("Alice Smith");
        var hugo = await backstage.NewAccount("Hugo Handler");
        var rita = await backstage.NewAccount("Rita Reyes");
        var sven = await backstage.NewAccount("Sven Svensson");
        await backstage.Grant(journal, hugo, JournalRole.HandlingEditor);
        await backstage.Grant(journal, hugo, JournalRole.EditorInChief);
        foreach (var reviewer in new[] { rita, sven })
        {
            await backstage.Grant(journal, reviewer, JournalRole.Reviewer);
            Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(reviewer.Id, new DeclareExpertise(["coastal plankton", "tides"]), As(reviewer)));
        }
        var submission = await fixture.SubmittedManuscript(journal, alice, "Plankton", before:
            new SetReviewerPreferences([new ReviewerPreference(sven.Name, sven.Email, "Wrote the standard method", false)]));
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(submission, new AssignHandlingEditor(hugo.Id), As(hugo)));
        var now = fixture.Clock.GetUtcNow();
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(submission, new InviteReviewer(Guid.NewGuid(), rita.Id, now.AddDays(7), now.AddDays(28)), As(hugo)));

        using var asHugo = await fixture.ApiClient(hugo);
        var found = await asHugo.GetFromJsonAsync<JsonElement>($"/api/submissions/{submission}/reviewer-candidates?search=plankton", Token);
        var candidates = found.EnumerateArray().Select(c => (Name: c.GetProperty("name").GetString(), Open: c.GetProperty("openReviews").GetInt32(),
            Suggested: c.GetProperty("suggestedBecause").ValueKind == JsonValueKind.String)).ToList();
        Assert.Equal([("Sven Svensson", 0, true), ("Rita Reyes", 1, false)], candidates);
        Assert.Empty((await asHugo.GetFromJsonAsync<JsonElement>($"/api/submissions/{submission}/reviewer-candidates?search=volcanoes", Token)).EnumerateArray());

        using var asAlice = await fixture.ApiClient(alice);
        Assert.Equal(HttpStatusCode.NotFound, (await asAlice.GetAsync($"/api/submissions/{submission}/reviewer-candidates", Token)).StatusCode);
        using var asRita = await fixture.ApiClient(rita);
        Assert.Equal(HttpStatusCode.NotFound, (await asRita.GetAsync($"/api/submissions/{submission}/reviewer-candidates", Token)).StatusCode);
    }

    private static Actor As(PersonAccount p) => new(p.Id, p.Name, p.Email);
}
