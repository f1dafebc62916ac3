using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Domain.Triage;
using EditorialPortal.Submissions;
using EditorialPortal.Tests.Scenarios.Screenplay;
using EditorialPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Api;

/// <summary>An editor narrows a queue by title, handling editor and manuscript type; PostgreSQL does the filtering.</summary>
public sealed class QueueFilterTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_queue_is_filtered_by_title_handling_editor_and_type_on_the_server()
    {
        var backstage = fixture.Backstage;
        var desk = fixture.Portal.Services.GetRequiredService<IEditorialDesk>();
        var journal = await backstage.NewJournal();
        var erin = await backstage.NewAccount("Erin Jones");
        var hugo = await backstage.NewAccount("Hugo Handler");
        var alice = await backstage.NewAccount("Alice Smith");
        await backstage.Grant(journal, erin, JournalRole.EditorInChief);
        await backstage.Grant(journal, hugo, JournalRole.HandlingEditor);
        var asErin = new Actor(erin.Id, erin.Name, erin.Email);

        async Task<Guid> Submitted(string title, ManuscriptType type, PersonAccount handler)
        {
            var id = await fixture.SubmittedManuscript(journal, alice, title, type);
            Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(id, new AssignHandlingEditor(handler.Id), asErin));
            return id;
        }
        var tidesByHugo = await Submitted("Tidal mixing in fjords", ManuscriptType.ResearchArticle, hugo);
        var tidesByErin = await Submitted("Tides and plankton", ManuscriptType.ShortCommunication, erin);
        await Submitted("Soil carbon", ManuscriptType.ResearchArticle, hugo);

        using var client = await fixture.ApiClient(erin);
        async Task<Guid[]> Queue(string filters) =>
            [.. (await client.GetFromJsonAsync<JsonElement>($"/api/journals/{journal.Id}/queues/NeedsReviewers?sort=Title&{filters}", Token))
                .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("submission").GetGuid())];

        Assert.Equal([tidesByHugo, tidesByErin], await Queue("search=TID"));
        Assert.Equal([tidesByHugo], await Queue($"search=tid&handlingEditor={hugo.Id}"));
        Assert.Equal([tidesByErin], await Queue("type=ShortCommunication"));
        Assert.Equal(3, (await Queue("")).Length);
    }
}
