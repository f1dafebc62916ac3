using EditorialPortal.Generation;

namespace EditorialPortal.Bench.Benchmarks;

/// <summary>
/// B1: one writer giving the commands of whole submission lives (start, metadata, file, submit, triage, invitations,
/// answers, reviews, decisions, revisions) through the editorial desk as people use it, mail composed and all; each
/// command timed from the port's call to its commit.
/// </summary>
public sealed class CommandLatency(int lives) : Benchmark
{
    public override string Id => "B1";
    public override string What => "command latency, one writer, through the application port";

    public override async Task<IReadOnlyList<Result>> Run(BenchDatabase database)
    {
        var latencies = new Latencies();
        var warmUp = GenerateCommand.For(database.Store, BenchDatabase.Links, database.Files, composesMail: true);
        var plan = new GenerationPlan(lives, Seed: Environment.TickCount, Writers: 1) { Journals = 1 };
        await warmUp.WriteLives(plan, await warmUp.Assemble(plan), 0, 20);

        var generator = GenerateCommand.For(database.Store, BenchDatabase.Links, database.Files, composesMail: true, observe: latencies.Add);
        var cast = await generator.Assemble(plan with { Seed = plan.Seed + 1 });
        latencies.Clear();
        await generator.WriteLives(plan with { Seed = plan.Seed + 1 }, cast, 0, lives);

        return
        [
            new Result(Id, What, latencies, $"{latencies.Count:N0} commands", await database.Size(), "p50 ≤ 1.5 ms, p95 ≤ 5 ms",
                latencies.Median <= 1.5 && latencies.P95 <= 5, ProblemsOf(generator))
        ];
    }

    public static string ProblemsOf(SyntheticJournals generator) => generator.Problems.Count == 0 ? "" : $"{generator.Problems.Count} refused or failed";
}
