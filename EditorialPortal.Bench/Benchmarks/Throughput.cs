using EditorialPortal.Generation;

namespace EditorialPortal.Bench.Benchmarks;

/// <summary>
/// B2: 1, 8 and 32 writers, each writing whole submission lives on submissions of its own, for a fixed time: commands
/// per second, their p95, and how many were refused or failed (none should be).
/// </summary>
public sealed class Throughput(TimeSpan duration, Func<double?> physicalLimitAtEight) : Benchmark
{
    private static readonly int[] Writers = [1, 8, 32];

    public override string Id => "B2";
    public override string What => "throughput on distinct submissions";

    public override async Task<IReadOnlyList<Result>> Run(BenchDatabase database)
    {
        var results = new List<Result>();
        var latencies = new Latencies();
        var generator = GenerateCommand.For(database.Store, BenchDatabase.Links, database.Files, composesMail: true, observe: elapsed => latencies.Add(elapsed));
        var plan = new GenerationPlan(3_000, Seed: Environment.TickCount) { Journals = 1 };
        var cast = await generator.Assemble(plan);
        for (var i = 0; i < Writers.Length; i++)
        {
            // A table line per setting: each keeps its own latencies.
            latencies = new Latencies();
            var (commands, problems) = (generator.Commands, generator.Problems.Count);
            using var window = new CancellationTokenSource(duration);
            var started = DateTimeOffset.UtcNow;
            await generator.WriteLives(plan with { Writers = Writers[i] }, cast, (i + 1) * 1_000_000, 1_000_000, window.Token);
            var seconds = (DateTimeOffset.UtcNow - started).TotalSeconds;
            var rate = (generator.Commands - commands) / seconds;
            var errors = generator.Problems.Count - problems;
            var limit = physicalLimitAtEight();
            var ratio = limit is { } l && Writers[i] == 8 ? $", {rate / l:P0} of B7's 8-client rate" : "";
            results.Add(new Result(Id, $"{Writers[i]} writer{(Writers[i] == 1 ? "" : "s")} for {duration.TotalSeconds:0} s", latencies,
                $"{rate:N0} commands/s, {errors} errors{ratio}", await database.Size(),
                Writers[i] == 8 ? "≥ 50% of B7 (8 clients)" : "0 errors",
                Writers[i] == 8 && limit is { } l8 ? rate >= 0.5 * l8 && errors == 0 : errors == 0));
        }
        return results;
    }
}
