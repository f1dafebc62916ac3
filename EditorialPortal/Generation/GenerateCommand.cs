using EditorialPortal.Domain.Files;
using EditorialPortal.Notifications;
using EditorialPortal.Records;
using EditorialPortal.Submissions;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace EditorialPortal.Generation;

/// <summary>
/// <c>--generate N [--seed S] [--writers W] [--journals J]</c>: adds N synthetic submissions, with their journals and people, to the
/// portal's record through the editorial desk, prints what it wrote and how long it took, and ends.
/// </summary>
public static class GenerateCommand
{
    public const string Switch = "--generate";

    public static async Task<int> Run(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        if (Plan(args) is not { } plan)
        {
            await output.WriteLineAsync("Usage: --generate <submissions> [--seed <number>] [--writers <number>] [--journals <number>]");
            return 64;
        }
        var store = services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var report = await For(store, services.GetRequiredService<PortalLinks>(), services.GetRequiredService<IManuscriptFileStore>())
            .Generate(plan, output);
        await output.WriteLineAsync(report.ToString());
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
        }, observe);
    }

    private static GenerationPlan? Plan(IReadOnlyList<string> args)
    {
        string? After(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        if (!int.TryParse(After(Switch), out var submissions) || submissions < 1) return null;
        var seed = int.TryParse(After("--seed"), out var s) ? s : 1;
        var writers = int.TryParse(After("--writers"), out var w) && w > 0 ? w : 8;
        var plan = new GenerationPlan(submissions, seed, writers);
        return int.TryParse(After("--journals"), out var j) && j > 0 ? plan with { Journals = j } : plan;
    }
}
