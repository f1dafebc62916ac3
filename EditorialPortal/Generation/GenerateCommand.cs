using EditorialPortal.Domain.Files;
using EditorialPortal.Notifications;
using EditorialPortal.Records;
using EditorialPortal.Submissions;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialPortal.Generation;

/// <summary>
/// <c>--generate N [--seed S] [--writers W] [--journals J] [--honest] [--truth FILE]</c>: adds N synthetic submissions, with their
/// journals and people, to the portal's record through the editorial desk, and (unless honest) manipulation planted among
/// them, whose ground truth it writes to FILE; prints what it wrote and how long it took, and ends.
/// </summary>
public static class GenerateCommand
{
    public const string Switch = "--generate";

    public static async Task<int> Run(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        if (Plan(args) is not { } plan)
        {
            await output.WriteLineAsync("Usage: --generate <submissions> [--seed <number>] [--writers <number>] [--journals <number>] [--honest] [--truth <file>]");
            return 64;
        }
        var store = services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var report = await For(store, services.GetRequiredService<PortalLinks>(), services.GetRequiredService<IManuscriptFileStore>())
            .Generate(plan, output);
        await output.WriteLineAsync(report.ToString());
        if (report.Truth.Manuscripts.Count > 0)
        {
            var file = After(args, "--truth") ?? TruthFile(Hosting.PortalFolders.Data(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(report.Truth));
            await output.WriteLineAsync($"Planted: {string.Join(", ", report.Truth.Manuscripts.Select(t => $"{t.Value.Count} for {t.Key}"))}; the ground truth is in {file}.");
        }
        foreach (var refusal in report.Problems.Take(10)) await output.WriteLineAsync("  " + refusal);
        return report.Problems.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// A generator writing through a desk of its own, on a simulated clock; a generated past composes no mail, while a
    /// benchmark of the desk as people use it does.
    /// </summary>
    public static SyntheticJournals For(IDocumentStore store, PortalLinks links, IManuscriptFileStore files, bool composesMail = false, Action<TimeSpan>? observe = null)
    {
        var clock = new SimulatedClock();
        var desk = new MartenEditorialDesk(store, clock, links, new OutboxSignal(), NullLogger<MartenEditorialDesk>.Instance, composesMail);
        return new SyntheticJournals(desk, new ManuscriptIntake(desk, files), clock, async () =>
        {
            await using var session = store.QuerySession();
            return (await session.AdvancedSql.QueryAsync<long>($"select count(*) from {store.Options.Events.DatabaseSchemaName}.mt_events", CancellationToken.None)).Single();
        }, observe, (stream, afterVersion, facts) => RecordPast(store, stream, afterVersion, facts));
    }

    /// <summary>Appends the facts if the manuscript's stream stands at the version given, and otherwise (written already) nothing.</summary>
    private static async Task RecordPast(IDocumentStore store, Guid stream, long afterVersion, IReadOnlyList<Domain.Common.IHistoricalFact> facts)
    {
        await using var session = store.LightweightSession();
        var writing = await session.Events.FetchForWriting<Domain.Submissions.Submission>(stream);
        if (writing.CurrentVersion != afterVersion) return;
        writing.AppendMany(facts.Cast<object>().ToArray());
        await session.SaveChangesAsync();
    }

    /// <summary>Where the ground truth of what was planted is written: beside the portal's data, for the benchmarks and never for the detectors.</summary>
    public static string TruthFile(string dataFolder) => Path.Combine(dataFolder, "ground-truth.json");

    private static string? After(IReadOnlyList<string> args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static GenerationPlan? Plan(IReadOnlyList<string> args)
    {
        if (!int.TryParse(After(args, Switch), out var submissions) || submissions < 1) return null;
        var seed = int.TryParse(After(args, "--seed"), out var s) ? s : 1;
        var writers = int.TryParse(After(args, "--writers"), out var w) && w > 0 ? w : 8;
        var plan = new GenerationPlan(submissions, seed, writers) { PlantsManipulation = !args.Contains("--honest") };
        return int.TryParse(After(args, "--journals"), out var j) && j > 0 ? plan with { Journals = j } : plan;
    }
}
