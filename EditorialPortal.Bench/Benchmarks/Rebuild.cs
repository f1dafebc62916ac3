using System.Diagnostics;
using EditorialPortal.Records;
using Marten;

namespace EditorialPortal.Bench.Benchmarks;

/// <summary>B6: every current-state document rebuilt from all the facts by Marten's projection daemon, as an operator would after a change to a projection.</summary>
public sealed class Rebuild : Benchmark
{
    public override string Id => "B6";
    public override string What => "rebuilding all projections from all facts";

    public override async Task<IReadOnlyList<Result>> Run(BenchDatabase database)
    {
        var size = await database.Size();
        var facts = await database.Facts();
        var started = Stopwatch.StartNew();
        using var daemon = await database.Store.BuildProjectionDaemonAsync();
        var timeout = TimeSpan.FromHours(2);
        await daemon.RebuildProjectionAsync<SubmissionProjection>(timeout, CancellationToken.None);
        await daemon.RebuildProjectionAsync<JournalProjection>(timeout, CancellationToken.None);
        await daemon.RebuildProjectionAsync<AccountProjection>(timeout, CancellationToken.None);
        await daemon.RebuildProjectionAsync<OutgoingMessageProjection>(timeout, CancellationToken.None);
        await daemon.RebuildProjectionAsync<ReviewDraftProjection>(timeout, CancellationToken.None);
        var rate = facts / started.Elapsed.TotalSeconds;
        return [new Result(Id, What, null, $"{rate:N0} facts/s ({started.Elapsed.TotalSeconds:0.0} s)", size, "≥ 50,000 facts/s", rate >= 50_000)];
    }
}
