namespace EditorialPortal.Bench.Benchmarks;

/// <summary>One measurement of the table: what it measures, and how, on the bench database.</summary>
public abstract class Benchmark
{
    public abstract string Id { get; }
    public abstract string What { get; }
    public abstract Task<IReadOnlyList<Result>> Run(BenchDatabase database);

    /// <summary>In the order they run: reads on the generated data as it stands first, then the writers, the limit before B1 and B2.</summary>
    public static IReadOnlyList<Benchmark> All(BenchOptions options)
    {
        var limit = new PhysicalLimit(options.Duration / 4);
        return
        [
            new Dashboards(900),
            new OpeningSubmissions(1000),
            new ReaderSite(options.Duration / 4, options.Repository),
            new Circuits(options.Circuits, options.Repository),
            limit,
            new CommandLatency(300),
            new Throughput(options.Duration, () => limit.EightClientRate),
            new Contention(1000),
            new Rebuild(),
            new AccountAnswers(200, options.Repository),
            new IntegrityAnalysis(options.Repository)
        ];
    }
}
