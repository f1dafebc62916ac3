using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Files;
using EditorialPortal.Notifications;
using EditorialPortal.Generation;
using EditorialPortal.People;
using EditorialPortal.Records;
using EditorialPortal.Integrity.Signals;
using EditorialPortal.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Integrity;

/// <summary>
/// The detectors on a generated record with manipulation planted among honest lives (fast-but-honest reviewers, honest
/// webmail users, honest suggestions): read over HTTP from a portal of its own, as in production, and scored against
/// the ground truth the generator wrote and the detectors never see.
/// </summary>
public sealed class PlantedManipulationTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task What_the_generator_planted_is_found_by_the_detector_meant_for_it()
    {
        var connectionString = await fixture.Postgres.NewDatabase("planted");
        await using var portal = new PortalFactory(connectionString, fixture.Mail, new TestClock());
        portal.CreateClient().Dispose();
        var store = portal.Services.GetRequiredService<IDocumentStore>();
        var files = Path.Combine(Path.GetTempPath(), "editorialportal-tests", "planted-" + Guid.NewGuid().ToString("N"));
        var report = await GenerateCommand.For(store, new PortalLinks("http://portal.test"), new FolderFileStore(new FileStoreOptions { Folder = files }))
            .Generate(new GenerationPlan(400, Seed: 11, Writers: 4) { Journals = 2 }, cancellationToken: Token);
        Assert.Empty(report.Problems);

        // The analyst who keeps both journals' records, and the token the application reads with.
        var desk = portal.Services.GetRequiredService<IEditorialDesk>();
        var analyst = Guid.CreateVersion7();
        Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(analyst, new RegisterAccount("Ida Analyst", $"ida@{Guid.NewGuid():N}.example", "Integrity Office", null, Passwords.Hash("x")), Actor.System));
        await using (var session = store.QuerySession())
            foreach (var journal in await session.Query<Journal>().Select(j => j.Id).ToListAsync(Token))
                Assert.IsType<CommandOutcome.Accepted>(await desk.Execute(journal, new GrantJournalRole(analyst, JournalRole.IntegrityAnalyst), Actor.System));
        var (_, token) = await portal.Services.GetRequiredService<AccountService>().CreateAccessToken(new Actor(analyst, "Ida Analyst", "ida@example.org"), "integrity");

        await using var integrity = new IntegrityFactory(await fixture.Postgres.NewDatabase("integrity"), new PortalLine(portal.Server.CreateHandler()), token!, pageSize: 1000);
        await integrity.CatchUp.ReadToHead(Token);
        await integrity.CatchUp.Analyse(Token);
        await using var signals = integrity.Store.QuerySession();
        var raised = await signals.Query<Signal>().ToListAsync(Token);

        var scores = report.Truth.Manuscripts.Keys.Select(detector =>
            report.Truth.Scored(detector, [.. raised.Where(s => s.Detector == detector).Select(s => s.Manuscripts)])).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", scores.Select(s => $"{s.Detector}: precision {s.Precision:P0} of {s.Findings}, recall {s.Recall:P0} of {s.Planted}")));
        Assert.All(scores, s => Assert.True(s.Recall >= 0.8, $"{s.Detector} found {s.Found} of the {s.Planted} planted manuscripts."));
        Assert.All(scores.Where(s => s.Detector is not "fast-review" and not "suggested-reviewer"),
            s => Assert.True(s.Precision >= 0.8, $"{s.Detector}: only {s.TruePositives} of its {s.Findings} findings were planted."));
        if (Directory.Exists(files)) Directory.Delete(files, recursive: true);
    }
}
