using System.Diagnostics;
using EditorialPortal.Bench;
using EditorialPortal.Bench.Benchmarks;
using EditorialPortal.Generation;

// ./bench.sh [--size N] [--seed S] [--journals J] [--duration SECONDS] [--circuits N] [--only B1,B4] [--generate-only] [--soak MINUTES]
var options = BenchOptions.Parse(args);
var output = Console.Out;
var plan = new GenerationPlan(options.Size, options.Seed, Writers: 8) { Journals = options.Journals };
var started = Stopwatch.StartNew();
await using var database = await BenchDatabase.Open(options.Folder, plan, output);
try
{
    return await Measure();
}
catch (Exception failure)
{
    // Said plainly, and the cluster still stopped on the way out.
    await output.WriteLineAsync($"The benchmarks stopped: {failure}");
    return 1;
}

async Task<int> Measure()
{
    if (options.GenerateOnly) return 0;

    if (options.SoakMinutes is { } minutes)
        return await Soak.Run(database, TimeSpan.FromMinutes(minutes), output);

    var results = new List<Result>();
    foreach (var benchmark in Benchmark.All(options))
    {
        if (options.Only.Count > 0 && !options.Only.Contains(benchmark.Id)) continue;
        await output.WriteLineAsync($"{benchmark.Id}: {benchmark.What}...");
        var measured = await benchmark.Run(database);
        results.AddRange(measured);
        foreach (var result in measured) await output.WriteLineAsync("  " + ResultTable.Markdown([result]).Split('\n')[^1]);
    }

    var table = ResultTable.Markdown(results);
    var report = $"""
        Measured {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {Machine.Memory()}, {Machine.Os()}; PostgreSQL {await database.Count("select current_setting('server_version_num')::int") / 10000} with fsync and synchronous_commit on.
        Data: {await database.Size()} (a fresh copy of {database.Dataset}). Total time {started.Elapsed.TotalMinutes:0.0} min.

        {table}
        """;
    await output.WriteLineAsync();
    await output.WriteLineAsync(report);
    await File.WriteAllTextAsync(Path.Combine(options.Folder, "latest.md"), report + "\n");
    return 0;
}
