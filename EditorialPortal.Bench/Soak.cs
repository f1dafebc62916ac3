using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.People;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.History;
using EditorialPortal.Notifications;
using EditorialPortal.People;
using EditorialPortal.Records;
using EditorialPortal.Tests.Reliability;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialPortal.Bench;

/// <summary>
/// The long version of the crash test: writers on a database of their own on the bench cluster while PostgreSQL is
/// killed at random moments and started again, for as long as asked; then every invariant of the record is checked.
/// </summary>
public static class Soak
{
    public static async Task<int> Run(BenchDatabase bench, TimeSpan duration, TextWriter output)
    {
        var name = $"soak_{DateTimeOffset.UtcNow:yyyyMMddHHmmss}";
        await bench.Cluster.CreateDatabaseIfMissing(name);
        await using var store = DocumentStore.For(opts => EditorialRecordSetup.Configure(opts, bench.Cluster.ConnectionString(name)));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var desk = new MartenEditorialDesk(store, TimeProvider.System, BenchDatabase.Links, new OutboxSignal(), NullLogger<MartenEditorialDesk>.Instance);
        var (journal, author) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        Expect(await desk.Execute(journal, new CreateJournal("Journal of Soaked Records", null, "Written through crashes.", [ManuscriptType.ResearchArticle]), Actor.System));
        Expect(await desk.Execute(author, new RegisterAccount("Sofia Soak", $"sofia.{author:N}@soak.example", "Soak University", null, Passwords.Hash("soak")), Actor.System));
        var writers = new CrashingWriters(desk, journal, new Actor(author, "Sofia Soak", $"sofia.{author:N}@soak.example"));

        await output.WriteLineAsync($"Soak: 8 writers on {name} for {duration.TotalMinutes:0} min, PostgreSQL killed every 5 to 30 s...");
        using var stop = new CancellationTokenSource();
        var writing = Enumerable.Range(0, 8).Select(_ => writers.Write(stop.Token)).ToArray();
        var random = new Random();
        var crashes = 0;
        var started = DateTimeOffset.UtcNow;
        while (DateTimeOffset.UtcNow - started < duration)
        {
            await Task.Delay(TimeSpan.FromSeconds(random.Next(5, 30)));
            await bench.Cluster.Crash();
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 3000)));
            await bench.Cluster.Restart();
            crashes++;
            await output.WriteLineAsync($"  crash {crashes}: {writers.Acknowledged.Count:N0} commands acknowledged, {writers.Failures:N0} attempts failed and given again");
        }
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await Task.WhenAll(writing);

        var invariants = await new RecordInvariants(store).Check(writers.Acknowledged);
        var chains = await new RecordVerification(store, TimeProvider.System).VerifyAll();
        await output.WriteLineAsync($"{crashes} crashes; {writers.Acknowledged.Count:N0} commands acknowledged; {writers.Failures:N0} attempts failed and were given again.");
        await output.WriteLineAsync(invariants.ToString());
        await output.WriteLineAsync(chains.Intact ? $"Every chain verifies ({chains.Facts:N0} facts)." : $"{chains.Breaks.Count} chains broken.");
        return invariants.Holds && chains.Intact ? 0 : 1;
    }

    private static void Expect(CommandOutcome outcome)
    {
        if (outcome is CommandOutcome.Refused refused) throw new InvalidOperationException(refused.Refusal.Message);
    }
}
